using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Dossiers;

/// <summary>What the receipt terms panel shows: how the result goes back, the fee, and whether the desk may still correct the receipt.</summary>
public sealed record DossierReceiptTermsModel(string Code, string ReturnText, string FeeText, bool MayCorrect);

/// <summary>
/// The dossier page's panel of what was agreed at the counter (result-return choice, fee with its reason), with the link
/// to correct the receipt while the desk still may; hosted by name ("DossierReceiptTerms").
/// </summary>
public sealed class DossierReceiptTermsViewComponent(AppDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long dossierId)
    {
        var ct = HttpContext.RequestAborted;
        var d = await db.Dossiers.AsNoTracking().SingleAsync(x => x.Id == dossierId, ct);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == d.AgencyId).Select(a => a.Name).SingleAsync(ct);
        // The link is offered on the day of receipt before any handling step; the correction itself decides again.
        var mayCorrect = HttpContext.User.IsInRole(Roles.OneStopOfficer) && d.ReceivedAt is { } received
            && d.Status is DossierStatus.Received or DossierStatus.InProcessing
            && DateOnly.FromDateTime(received.ToOffset(Shared.VietnamTime.Offset).DateTime) == Shared.VietnamTime.Today(time)
            && !await db.DossierEvents.AnyAsync(e => e.DossierId == d.Id && e.Action != null && e.Action != DossierAction.Receive && e.Action != DossierAction.Transfer
                && e.Action != DossierAction.Submit && e.Action != DossierAction.RequestSupplement && e.Action != DossierAction.ResubmitSupplement, ct);
        return View("/Features/Dossiers/_DossierReceiptTerms.cshtml",
            new DossierReceiptTermsModel(d.Code, DossierDocuments.ReturnText(d, agency, await DossierDocuments.ReturnCentreAsync(db, d, ct)), DossierDocuments.FeeText(d), mayCorrect));
    }
}
