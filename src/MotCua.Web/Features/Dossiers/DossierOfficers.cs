using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Dossiers;

/// <summary>An officer offered on the dossier page: user name (the dossiers' identifier for officers), full name, unit.</summary>
public sealed record OfficerChoice(string UserName, string FullName, int? UnitId);

/// <summary>
/// Who may be given a dossier: specialists of a unit for an assignment (never the administrator or the desk, who do not
/// handle it), and the leaders who may approve for a unit (that unit's own, or the agency's leadership) at submission.
/// </summary>
public static class DossierOfficers
{
    /// <summary>
    /// The active specialists of the agency in <paramref name="unitIds"/> (in any unit when null), by name: the one list of
    /// who may be given a dossier, on the dossier page, the queue's bulk form and the API's check.
    /// </summary>
    public static Task<List<OfficerChoice>> SpecialistsAsync(AppDbContext db, int agencyId, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var specialists = InRole(db, agencyId, Roles.Specialist);
        if (unitIds is not null)
        {
            specialists = specialists.Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value));
        }
        return specialists.OrderBy(u => u.FullName).Select(u => new OfficerChoice(u.UserName!, u.FullName, u.UnitId)).ToListAsync(ct);
    }

    /// <summary>The identity id of the named active specialist of the agency; null when there is none by that name.</summary>
    public static Task<string?> SpecialistIdAsync(AppDbContext db, int agencyId, string userName, CancellationToken ct) =>
        InRole(db, agencyId, Roles.Specialist).Where(u => u.UserName == userName).Select(u => u.Id).FirstOrDefaultAsync(ct);

    /// <summary>The active leaders who may approve a dossier held by <paramref name="unitId"/>: the unit's own first, then the leadership's.</summary>
    public static async Task<List<OfficerChoice>> LeadersAsync(AppDbContext db, int agencyId, int? unitId, CancellationToken ct)
    {
        var leadership = db.Set<Unit>().Where(x => x.AgencyId == agencyId && x.Kind == UnitKind.Leadership).Select(x => (int?)x.Id);
        var leaders = await InRole(db, agencyId, Roles.Leader)
            .Where(u => (unitId != null && u.UnitId == unitId) || leadership.Contains(u.UnitId))
            .Select(u => new OfficerChoice(u.UserName!, u.FullName, u.UnitId))
            .ToListAsync(ct);
        return [.. leaders.OrderBy(l => l.UnitId == unitId ? 0 : 1).ThenBy(l => l.FullName, StringComparer.Ordinal)];
    }

    /// <summary>The named officer as a possible approving leader, with their identity id (for the queue alert); null when not an active officer of the agency.</summary>
    public static async Task<(LeaderInfo Leader, string UserId)?> LeaderAsync(AppDbContext db, int agencyId, string userName, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == userName && u.AgencyId == agencyId && u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.UnitId,
                IsLeader = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Leader)),
                InLeadership = db.Set<Unit>().Any(x => x.Id == u.UnitId && x.Kind == UnitKind.Leadership),
            })
            .SingleOrDefaultAsync(ct);
        return user is null ? null : (new LeaderInfo(user.UserName!, user.UnitId, user.IsLeader, user.InLeadership), user.Id);
    }

    private static IQueryable<AppUser> InRole(AppDbContext db, int agencyId, string role) =>
        db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
}
