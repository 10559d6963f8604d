using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Who reads a dossier's stored files (<see cref="DossierChange.ReadFiles"/>): the officers of the agency that decides
/// it, and after a merge the successor's officers, under the same scope rule, for the dossiers of every agency merged
/// into theirs (they answer for that history). An officer whose own agency was merged away reads none: the files
/// went with the history to the successor.
/// </summary>
public static class DossierFileAccess
{
    /// <summary>The dossier of <paramref name="code"/> the caller's agency answers for: its own, else a predecessor's under its old code.</summary>
    public static async Task<Dossier?> FindAsync(AppDbContext db, int? agencyId, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var own = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(x => x.AgencyId == agencyId && x.Code == code, ct);
        if (own is not null)
        {
            return own;
        }
        var predecessors = (await AgencyLineage.AgencyIdsInViewAsync(db, agencyId, ct)).Skip(1).ToList();
        return predecessors.Count == 0 ? null : await db.Dossiers.AsNoTracking()
            .Where(x => predecessors.Contains(x.AgencyId) && x.Code == code).OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Null when the caller may read the files of <paramref name="dossier"/>; otherwise the refusal (403).</summary>
    public static async Task<WorkflowOutcome?> RefusalAsync(AppDbContext db, DossierStore dossiers, ClaimsPrincipal user, Dossier dossier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(dossier);
        if (user.AgencyId() is not { } agencyId)
        {
            return Refused("Tài khoản không thuộc cơ quan nào.");
        }
        if (await db.Agencies.AsNoTracking().AnyAsync(a => a.Id == agencyId && a.SucceededById != null, ct))
        {
            return Refused("Cơ quan của bạn đã hợp nhất vào cơ quan khác; tệp của hồ sơ do cơ quan hợp nhất quản lý.");
        }
        if (dossier.AgencyId == agencyId)
        {
            return await dossiers.RefusalAsync(user, dossier, DossierChange.ReadFiles, ct);
        }
        if (!(await AgencyLineage.AgencyIdsInViewAsync(db, agencyId, ct)).Skip(1).Contains(dossier.AgencyId))
        {
            return Refused("Hồ sơ không thuộc cơ quan của bạn.");
        }
        var refusal = DossierAccess.MayChange(await dossiers.ActorAsync(user, ct), DossierStore.HoldingOf(dossier), DossierChange.ReadFiles);
        return refusal is null ? null : Refused(refusal.Message);
    }

    private static WorkflowOutcome Refused(string detail) => new(OutcomeKind.Forbidden, Title: "Không có quyền tải tệp của hồ sơ.", Detail: detail);
}
