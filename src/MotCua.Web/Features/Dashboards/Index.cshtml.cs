using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Indices;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dashboards;

/// <summary>One month of the dashboard: the agency's report row and the 766 index.</summary>
public sealed record MonthFigures(ReportPeriod Month, DossierReportRow Row, Index766TrendPoint Index)
{
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Month.Index:00}/{Month.Year}");
}

/// <summary>
/// /bang-dieu-khien: the leader's dashboard. Twelve official months loaded once (facts received in the span or open at
/// its start), then each month's report row and index computed in memory by the Core rules; overdue-now by unit is one
/// grouped count in the database.
/// </summary>
public sealed class DashboardModel(ReportingDb reporting, TimeProvider time) : PageModel
{
    public IReadOnlyList<MonthFigures> Months { get; private set; } = [];

    public MonthFigures? Current { get; private set; }

    public int OverdueNow { get; private set; }

    public IReadOnlyList<(string Label, decimal Value)> OverdueByUnit { get; private set; } = [];

    public IReadOnlyList<PlanTargetsView> Targets { get; private set; } = [];

    public int Year { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agencyId = User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        var today = time.Today();
        Now = time.GetUtcNow();
        var thisMonth = PeriodChoice.Containing(PeriodChoice.MonthKind, today).Period;
        // The current month has not ended: it is counted up to now, like every period that has not ended.
        var months = PeriodChoice.TwelveMonthsEnding(thisMonth).Select(m => m.AsOf(Now)).ToList();
        // Each month through the same SQL as the report and the index pages (index ranges, no dossiers in memory).
        var trend = await Index766View.TrendAsync(reporting, agencyId, months, ct);
        var figures = new List<MonthFigures>();
        foreach (var (month, i) in months.Select((m, i) => (m, i)))
        {
            var report = await ReportQueries.DossierReportAsync(reporting, agencyId, month, GroupBy.Agency, null, null, ct);
            figures.Add(new MonthFigures(month, report.Total, trend[i]));
        }
        Months = figures;
        Current = Months[^1];

        var now = Now;
        var agencies = await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(reporting.Context, agencyId, today, today, ct);
        var overdue = await reporting.Context.ReportDossiers.AsNoTracking()
            .Where(r => agencies.Contains(r.AgencyId) && r.Counted && r.ClosedAt == DossierProjection.Open && r.DueAt != null && r.DueAt < now)
            .GroupBy(r => r.UnitName)
            .Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        OverdueNow = overdue.Sum(o => o.Count);
        OverdueByUnit = overdue
            .Select(o => (o.Unit ?? DossierProjection.NoUnitName, (decimal)o.Count))
            .OrderByDescending(o => o.Item2).ThenBy(o => o.Item1, StringComparer.Ordinal)
            .ToList();

        // The year the officer is in: an older plan's targets are not this year's, so they are not shown as if they were.
        Year = today.Year;
        (_, Targets) = await TargetActuals.ComputeAsync(reporting, agencyId, Year, today, ct);
    }

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.##", VietnamTime.Culture) + "%" : "—";
}
