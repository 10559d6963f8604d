using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Citizens;

/// <summary>One row of the public statistics: dossiers received and resolved in a period and the on-time share of the resolved.</summary>
public sealed record StatisticsRow(string Label, int Received, int Resolved, int ResolvedOnTime)
{
    /// <summary>Early and on-time over all resolved, in percent; null when nothing was resolved.</summary>
    public decimal? OnTimeRate => Resolved == 0 ? null : Math.Round(100m * ResolvedOnTime / Resolved, 1);
}

/// <summary>
/// Public statistics like the national portal's: this month and this year, received, resolved (result issued or
/// returned, counted at completion) and on-time rate, with the year split by field. Lateness is judged against the
/// original appointment (DossierState.Timeliness), so an apology letter does not turn a late dossier on time.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
public sealed class StatisticsModel(AppDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The agency whose public pages these are (co-quan, as on the catalogue); the first agency when absent.</summary>
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

    public string AgencyName { get; private set; } = "";

    public StatisticsRow Month { get; private set; } = new("", 0, 0, 0);

    public StatisticsRow Year { get; private set; } = new("", 0, 0, 0);

    public List<StatisticsRow> ByField { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var agency = await CatalogueQueries.PublicAgencyAsync(db, AgencyCode, ct);
        if (agency is null)
        {
            return NotFound();
        }
        AgencyName = agency.Name;
        var today = time.Today();
        var yearStart = new DateTimeOffset(today.Year, 1, 1, 0, 0, 0, VietnamTime.Offset);
        var monthStart = new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, VietnamTime.Offset);
        var resolvedStatuses = new[] { DossierStatus.ResultIssued, DossierStatus.Returned };
        // Instants are stored as UTC ticks on both providers, so these comparisons run in SQL (see Dossier.cs).
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.AgencyId == agency.Id && ((d.ReceivedAt != null && d.ReceivedAt >= yearStart) || (d.CompletedAt != null && d.CompletedAt >= yearStart)))
            .ToListAsync(ct);
        var fields = await db.ProcedureVersions.AsNoTracking().Where(v => v.Procedure!.AgencyId == agency.Id)
            .Select(v => new { v.Id, v.Field!.Name }).ToDictionaryAsync(v => v.Id, v => v.Name, ct);

        StatisticsRow Row(string label, IEnumerable<Dossier> set, DateTimeOffset from)
        {
            var list = set.ToList();
            var resolved = list.Where(d => resolvedStatuses.Contains(d.Status) && d.CompletedAt >= from).ToList();
            return new StatisticsRow(label, list.Count(d => d.ReceivedAt >= from), resolved.Count,
                resolved.Count(d => d.ToState().Timeliness is ResolutionTimeliness.Early or ResolutionTimeliness.OnTime));
        }

        Month = Row("Tháng " + today.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), dossiers, monthStart);
        Year = Row("Năm " + today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), dossiers, yearStart);
        ByField = dossiers.GroupBy(d => fields.GetValueOrDefault(d.ProcedureVersionId, "Khác"), StringComparer.Ordinal)
            .Select(g => Row(g.Key, g, yearStart)).OrderByDescending(r => r.Received).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        return Page();
    }
}
