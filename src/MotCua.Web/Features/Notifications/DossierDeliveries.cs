using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Notifications;

/// <summary>What the "Thông báo đã gửi" panel shows: the dossier's outbox rows, and how to name their recipients.</summary>
public sealed record DossierDeliveriesModel(IReadOnlyList<DeliveryStatusRow> Rows, IReadOnlyDictionary<string, string> Officers, bool FullContact);

/// <summary>
/// The dossier page's panel of messages sent about the dossier. Notifications owns the outbox, so it renders the panel;
/// the dossier page hosts it by name ("DossierDeliveries") and needs no knowledge of the outbox.
/// </summary>
public sealed class DossierDeliveriesViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int agencyId, string code, IReadOnlyDictionary<string, string> officers, bool fullContact)
    {
        var rows = await Outbox.ForDossierAsync(db, agencyId, code, HttpContext.RequestAborted);
        return View("/Features/Notifications/_DossierDeliveries.cshtml", new DossierDeliveriesModel(rows, officers, fullContact));
    }
}
