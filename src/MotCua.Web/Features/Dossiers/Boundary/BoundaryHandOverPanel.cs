using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Dossiers.Boundary;

public sealed record BoundaryHandOverPanelModel(PaperHandOver HandOver, string CentreName, string? DeskName, bool Overdue, bool MayConfirm);

/// <summary>On the deciding agency's dossier page: where the dossier was received and where its paper originals stand.</summary>
public sealed class BoundaryHandOverViewComponent(AppDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long dossierId)
    {
        var ct = HttpContext.RequestAborted;
        var h = await db.PaperHandOvers.AsNoTracking().Include(x => x.Dossier).SingleOrDefaultAsync(x => x.DossierId == dossierId, ct);
        if (h is null)
        {
            return Content("");
        }
        var centre = await db.Agencies.AsNoTracking().Where(a => a.Id == h.ReceivingAgencyId).Select(a => a.Name).SingleAsync(ct);
        var desk = h.ReceivingUnitId is { } u ? await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var mayConfirm = HttpContext.User.IsInRole(Roles.OneStopOfficer) && h.Stage == HandOverStage.Dispatched;
        return View("/Features/Dossiers/Boundary/_BoundaryHandOver.cshtml",
            new BoundaryHandOverPanelModel(h, centre, desk, BoundaryReceipt.IsOverdue(h.DueAt, h.SentAt, time.GetUtcNow()), mayConfirm));
    }
}
