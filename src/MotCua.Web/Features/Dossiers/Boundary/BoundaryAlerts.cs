using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>The paper hand-overs a desk owes or awaits, with the overdue ones counted, and links to the two lists.</summary>
public sealed record BoundaryAlertsModel(int ToSend, int ToSendOverdue, int ToConfirm, int ToConfirmOverdue);

/// <summary>On a desk's inbox: the centre's originals still to send, and the originals other centres owe the agency.</summary>
public sealed class BoundaryAlertsViewComponent(AppDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var me = HttpContext.User.AgencyId();
        var now = time.GetUtcNow();
        var toSend = await db.PaperHandOvers.AsNoTracking().Where(h => h.ReceivingAgencyId == me && h.SentAt == null).Select(h => h.DueAt).ToListAsync(ct);
        var toConfirm = await db.PaperHandOvers.AsNoTracking().Where(h => h.DecidingAgencyId == me && h.ConfirmedAt == null)
            .Select(h => new { h.DueAt, h.SentAt }).ToListAsync(ct);
        var model = new BoundaryAlertsModel(toSend.Count, toSend.Count(d => d < now), toConfirm.Count,
            toConfirm.Count(h => MotCua.Core.Dossiers.BoundaryReceipt.IsOverdue(h.DueAt, h.SentAt, now)));
        return model.ToSend + model.ToConfirm == 0 ? Content("") : View("/Features/Dossiers/Boundary/_BoundaryAlerts.cshtml", model);
    }
}
