using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Supplement;

/// <summary>
/// The desk records that it notified the applicant of the processing body's supplement request (by post, phone or in
/// person when no message reached them), which ends the 01-working-day notice limit and clears its alerts.
/// </summary>
[Authorize(Roles = Roles.OneStopOfficer)]
public sealed class NoticeSentModel(AppDbContext db, TimeProvider time, IEnumerable<ISupplementNoticeListener> listeners) : PageModel
{
    public IActionResult OnGet(string code) => Redirect("/ho-so/" + Uri.EscapeDataString(code));

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Code == code, ct);
        if (dossier is null)
        {
            return NotFound();
        }
        var request = dossier.Status != DossierStatus.AwaitingSupplement ? null
            : await db.DossierSupplementRequests.Where(r => r.DossierId == dossier.Id && r.Act == SupplementAct.ProcessingRequest && r.ResubmittedAt == null)
                .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (request is null || request.ApplicantNotifiedAt is not null)
        {
            // Nothing to record: no open request of the processing body, or the notice is already recorded.
            return Redirect("/ho-so/" + Uri.EscapeDataString(code));
        }
        var now = time.GetUtcNow();
        request.ApplicantNotifiedAt = now;
        var late = request.NotifyApplicantBy is { } by && now > by;
        AuditLog.Append(db, time, User, "dossier.supplement.notified", nameof(Dossier), dossier.Code,
            $"Bộ phận Một cửa ghi nhận đã thông báo người nộp hồ sơ {dossier.Code} về yêu cầu bổ sung của cơ quan giải quyết" + (late ? " (quá hạn 01 ngày làm việc)." : "."),
            new { request.NotifyApplicantBy, NotifiedAt = now, late });
        foreach (var listener in listeners)
        {
            await listener.OnApplicantNotifiedAsync(db, dossier, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return Redirect("/ho-so/" + Uri.EscapeDataString(code));
    }
}
