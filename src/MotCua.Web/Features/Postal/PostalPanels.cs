using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Postal;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Postal;

/// <summary>What the postal panels show: the dossier's orders (newest first) and whether the desk may ask for a pickup now.</summary>
public sealed record PostalPanelModel(string Code, IReadOnlyList<PostalOrder> Orders, bool MayRequest, string? Problem)
{
    public PostalOrder? Latest => Orders.Count > 0 ? Orders[0] : null;

    public bool CameBack => Latest?.Status == PostalStatus.Returned;
}

/// <summary>The officer's postal panel on the dossier page: the waybill, its tracking, returned mail and "Gửi yêu cầu bưu điện đến lấy".</summary>
public sealed class DossierPostalViewComponent(AppDbContext db, PostalDesk desk) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long dossierId)
    {
        var ct = HttpContext.RequestAborted;
        var agencyId = HttpContext.User.AgencyId();
        var d = await db.Set<Dossier>().AsNoTracking().Where(x => x.Id == dossierId && x.AgencyId == agencyId)
            .Select(x => new { x.Code, x.Status, x.ReturnChoice, Address = x.ReturnAddress ?? x.ApplicantAddress }).SingleOrDefaultAsync(ct);
        if (d is null)
        {
            return Content("");
        }
        var orders = await db.PostalOrders.AsNoTracking().Where(o => o.DossierId == dossierId).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).ToListAsync(ct);
        if (orders.Count == 0 && d.ReturnChoice != ResultDelivery.ByPost)
        {
            return Content("");
        }
        var problem = PostalTracking.PickupProblem(d.Status, d.ReturnChoice, d.Address);
        var may = HttpContext.User.IsInRole(Roles.OneStopOfficer) && desk.Enabled && problem is null
            && PostalTracking.MayOrderAgain(orders.Count > 0 ? orders[0].Status : null);
        return View("/Features/Postal/_DossierPostal.cshtml", new PostalPanelModel(d.Code, orders, may, problem));
    }
}

/// <summary>The citizen's postal panel on the look-up page (after the second factor): the waybill and where the parcel is.</summary>
public sealed class LookupPostalViewComponent(AppDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string code, string? factor)
    {
        var ct = HttpContext.RequestAborted;
        var found = await PublicLookup.FindAsync(db, time, code, factor, ct, tracked: false);
        if (found.Value is not { } dossier)
        {
            return Content("");
        }
        var orders = await db.PostalOrders.AsNoTracking().Where(o => o.DossierId == dossier.Id && o.Direction == PostalDirection.ResultDelivery)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).ToListAsync(ct);
        return orders.Count == 0 ? Content("") : View("/Features/Postal/_LookupPostal.cshtml", new PostalPanelModel(dossier.Code, orders, false, null));
    }
}
