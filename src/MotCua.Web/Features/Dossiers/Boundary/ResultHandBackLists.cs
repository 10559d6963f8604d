using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>A dossier whose result goes back to the receiving centre, as the desks' lists show it.</summary>
public sealed record ResultHandBackRow(string Code, string ProcedureName, string ApplicantName, DateTimeOffset? AppointmentAt, string OtherAgency,
    ResultHandBackRecord? HandBack);

/// <summary>The three lists of result return at the centre: to send (deciding agency), on the way and waiting (centre).</summary>
public sealed record ResultHandBackListsModel(List<ResultHandBackRow> ToSend, List<ResultHandBackRow> OnTheWay, List<ResultHandBackRow> Waiting)
{
    public bool Any => ToSend.Count + OnTheWay.Count + Waiting.Count > 0;
}

/// <summary>The queries behind the lists: only dossiers whose result is issued and not yet returned.</summary>
public static class ResultHandBackQueries
{
    private const int Max = 100;

    /// <summary>The centre where the applicant collects the paper result and whether it is there yet, or null when the deciding agency returns it.</summary>
    public static async Task<CollectPlace?> CollectPlaceAsync(AppDbContext db, Dossier d, CancellationToken ct)
    {
        if (!ResultHandBack.ReturnsAtCentre(d.ReturnAtCentreId, d.ReturnChoice))
        {
            return null;
        }
        var centre = await db.Agencies.AsNoTracking().Where(a => a.Id == d.ReturnAtCentreId).Select(a => new { a.Name, a.Address }).FirstOrDefaultAsync(ct);
        if (centre is null)
        {
            return null;
        }
        var arrived = await db.ResultHandBacks.AsNoTracking().AnyAsync(h => h.DossierId == d.Id && h.ReceivedAt != null, ct);
        return new CollectPlace(centre.Name, centre.Address, arrived);
    }

    public static async Task<ResultHandBackListsModel> ListsAsync(AppDbContext db, int? agencyId, CancellationToken ct)
    {
        var toSend = await db.Dossiers.AsNoTracking()
            .Where(d => d.AgencyId == agencyId && d.ReturnAtCentreId != null && (d.ReturnChoice == null || d.ReturnChoice == ResultDelivery.AtDesk)
                && d.Status == DossierStatus.ResultIssued && !db.Set<ResultHandBackRecord>().Any(h => h.DossierId == d.Id))
            .OrderBy(d => d.AppointmentAt).Take(Max)
            .Select(d => new { d.Code, d.ProcedureName, d.ApplicantName, d.AppointmentAt, Other = d.ReturnAtCentreId!.Value })
            .ToListAsync(ct);
        var atCentre = await db.ResultHandBacks.AsNoTracking()
            .Where(h => h.CentreAgencyId == agencyId && h.Dossier!.Status == DossierStatus.ResultIssued && h.Dossier.ReturnAtCentreId == agencyId)
            .OrderBy(h => h.SentAt).Take(2 * Max)
            .Select(h => new { HandBack = h, h.Dossier!.Code, h.Dossier.ProcedureName, h.Dossier.ApplicantName, h.Dossier.AppointmentAt })
            .ToListAsync(ct);
        var ids = toSend.Select(r => r.Other).Concat(atCentre.Select(r => r.HandBack.DecidingAgencyId)).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var rows = atCentre.Select(r => new ResultHandBackRow(r.Code, r.ProcedureName, r.ApplicantName, r.AppointmentAt,
            names.GetValueOrDefault(r.HandBack.DecidingAgencyId, ""), r.HandBack)).ToList();
        return new(
            toSend.Select(r => new ResultHandBackRow(r.Code, r.ProcedureName, r.ApplicantName, r.AppointmentAt, names.GetValueOrDefault(r.Other, ""), null)).ToList(),
            rows.Where(r => r.HandBack!.ReceivedAt is null).ToList(),
            rows.Where(r => r.HandBack!.ReceivedAt is not null).ToList());
    }
}

/// <summary>On a desk's home and inbox: the results to send back to a centre, and at a centre those on the way and those waiting for the applicant.</summary>
public sealed class ResultHandBackAlertsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!HttpContext.User.IsInRole(Roles.OneStopOfficer))
        {
            return Content("");
        }
        var lists = await ResultHandBackQueries.ListsAsync(db, HttpContext.User.AgencyId(), HttpContext.RequestAborted);
        return lists.Any ? View("/Features/Dossiers/Boundary/_ResultHandBackAlerts.cshtml", lists) : Content("");
    }
}
