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

/// <summary>What one postal panel shows: the dossier's orders of one direction (newest first) and whether the desk may ask for a pickup now.</summary>
public sealed record PostalPanelModel(string Code, PostalDirection Direction, IReadOnlyList<PostalOrder> Orders, bool MayRequest, string? Problem)
{
    public PostalOrder? Latest => Orders.Count > 0 ? Orders[0] : null;

    public bool CameBack => Latest?.Status == PostalStatus.Returned;

    public bool ForPapers => Direction == PostalDirection.DossierPickup;
}

/// <summary>
/// The officer's postal panels on the dossier page: the paper dossier fetched from the applicant (while it waits for the
/// desk, once the carrier is configured) and the result returned by post; each with its waybill, tracking, returned mail
/// and the desk's pickup button.
/// </summary>
public sealed class DossierPostalViewComponent(AppDbContext db, PostalDesk desk) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long dossierId)
    {
        var ct = HttpContext.RequestAborted;
        var agencyId = HttpContext.User.AgencyId();
        var d = await db.Set<Dossier>().AsNoTracking().Where(x => x.Id == dossierId && x.AgencyId == agencyId)
            .Select(x => new { x.Code, x.Status, x.ReturnChoice, ResultAddress = x.ReturnAddress ?? x.ApplicantAddress, x.ApplicantAddress }).SingleOrDefaultAsync(ct);
        if (d is null)
        {
            return Content("");
        }
        var orders = await db.PostalOrders.AsNoTracking().Where(o => o.DossierId == dossierId).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).ToListAsync(ct);
        var desking = HttpContext.User.IsInRole(Roles.OneStopOfficer) && desk.Enabled;
        var panels = new List<PostalPanelModel>();

        var pickups = orders.Where(o => o.Direction == PostalDirection.DossierPickup).ToList();
        var pickupProblem = PostalTracking.DossierPickupProblem(d.Status, d.ApplicantAddress);
        if (pickups.Count > 0 || (desking && pickupProblem is null))
        {
            panels.Add(new(d.Code, PostalDirection.DossierPickup, pickups,
                desking && pickupProblem is null && PostalTracking.MayOrderAgain(pickups.Count > 0 ? pickups[0].Status : null), pickupProblem));
        }

        var results = orders.Where(o => o.Direction == PostalDirection.ResultDelivery).ToList();
        if (results.Count > 0 || d.ReturnChoice == ResultDelivery.ByPost)
        {
            var problem = PostalTracking.PickupProblem(d.Status, d.ReturnChoice, d.ResultAddress);
            panels.Add(new(d.Code, PostalDirection.ResultDelivery, results,
                desking && problem is null && PostalTracking.MayOrderAgain(results.Count > 0 ? results[0].Status : null), problem));
        }
        return panels.Count == 0 ? Content("") : View("/Features/Postal/_DossierPostal.cshtml", panels);
    }
}

/// <summary>The citizen's postal panels on the look-up page (after the second factor): each waybill and where the parcel is.</summary>
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
        var orders = await db.PostalOrders.AsNoTracking().Where(o => o.DossierId == dossier.Id)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).ToListAsync(ct);
        var panels = orders.GroupBy(o => o.Direction).OrderByDescending(g => g.Key == PostalDirection.DossierPickup)
            .Select(g => new PostalPanelModel(dossier.Code, g.Key, [.. g], false, null)).ToList();
        return panels.Count == 0 ? Content("") : View("/Features/Postal/_LookupPostal.cshtml", panels);
    }
}
