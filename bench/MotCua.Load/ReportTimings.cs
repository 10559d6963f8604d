using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers.Pages;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;

namespace MotCua.Load;

/// <summary>
/// Server-side timings over the generated volume, through the web's own code: a specialist's queue (the query of
/// /ho-so/hang-doi), the last quarter's Biểu 06 (ReportQueries) and the 766 index (Index766View, as the page and the
/// API compute it). The goal: the quarterly report and the index each under 200 ms with 1,000,000 dossiers.
/// </summary>
public static class ReportTimings
{
    public static async Task<int> RunAsync(Options o)
    {
        var provider = o.Required("provider");
        await using var db = DataGenerator.Context(provider, o.Required("connection"));
        var agency = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).FirstAsync();
        var stored = await db.Dossiers.LongCountAsync();
        var now = TimeProvider.System.GetUtcNow();
        var quarter = ReportPeriod.Quarter(now.AddMonths(-3).Year, ((now.AddMonths(-3).Month - 1) / 3) + 1);
        var from = quarter.StartInstant;
        var to = quarter.EndInstant;

        static async Task<(double Median, double Max, long Rows)> Time(Func<Task<long>> query, int runs = 5)
        {
            long rows = await query(); // warm
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                rows = await query();
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return (times[times.Count / 2], times[^1], rows);
        }

        // The queue page's own statements (Queues.cshtml.cs): the unit queue's capped counts per standing
        // (DossierQueues.CountsAsync), then its first page of 50 in the order of the partial index IX_Dossiers_Queue_Unit.
        var queue = await Time(async () =>
        {
            var unitQueue = DossierQueues.OpenOf(db, agency).Where(d => d.CurrentUnitId == unit);
            await DossierQueues.CountsAsync(db, unitQueue, now, now.AddDays(1));
            return (await unitQueue.Where(d => d.DueAt != null).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(DossierQueues.PageSize).ToListAsync()).Count;
        });

        // The web's own code paths: Biểu 06 as ReportQueries' GROUP BY, and the 766 index as the page and API
        // compute it (IndexSql's aggregate grouped by unit, the procedures in force, ballots and manual points).
        var reporting = ReportingDb.ForPrimary(db);
        var reports = new List<(string Label, (double Median, double Max, long Rows) Timing)>();
        foreach (var groupBy in new[] { GroupBy.Agency, GroupBy.Unit, GroupBy.Procedure })
        {
            reports.Add(($"quarterly report {quarter.Label}, Biểu 06 by {groupBy.ToString().ToLowerInvariant()} (ReportQueries)",
                await Time(async () => (await ReportQueries.DossierReportAsync(reporting, agency, quarter, groupBy, null, null, default)).Rows.Count)));
        }
        Index766View? view = null;
        var index = await Time(async () =>
        {
            view = await Index766View.ComputeAsync(reporting, agency, quarter, null, default);
            return view.Result.Groups.Sum(g => g.Indicators.Count);
        });
        var indexByUnit = await Time(async () =>
        {
            var v = await Index766View.ComputeAsync(reporting, agency, quarter, null, default);
            return v.ByUnit().Count + 1;
        });
        var counted = view!.Data.Counts.For(null);
        // The timed figures come from the report roll-up: check them once against counts over the dossiers themselves.
        var fromTicks = from.UtcTicks;
        var receivedDirect = await db.ReportDossiers.CountAsync(r => r.AgencyId == agency && r.Counted && r.ReceivedAt >= from && r.ReceivedAt < to);
        var carriedDirect = await db.ReportDossiers.CountAsync(r => r.AgencyId == agency && r.Counted && r.ReceivedAt < from && r.ClosedAt >= fromTicks);
        if (receivedDirect != counted.Received || carriedDirect != counted.Standings - counted.Received)
        {
            Console.Error.WriteLine($"The roll-up disagrees with the dossiers: received {counted.Received} vs {receivedDirect}, carried over {counted.Standings - counted.Received} vs {carriedDirect}.");
            return 1;
        }

        Console.WriteLine("| query (server side, in-process EF Core) | median ms | max ms | rows |\n|---|--:|--:|--:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| specialist's queue page (Chi cục TĐC, open statuses: counts capped at {DossierQueues.CountCap:N0} + first 50 by due) over {stored:N0} dossiers | {queue.Median:F1} | {queue.Max:F1} | {queue.Rows} |"));
        foreach (var (label, t) in reports)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {t.Median:F1} | {t.Max:F1} | {t.Rows} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 766 index {quarter.Label}, agency (Index766View.ComputeAsync: {counted.Standings:N0} dossiers in the quarter) | {index.Median:F1} | {index.Max:F1} | {index.Rows} indicators |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 766 index {quarter.Label}, agency and each unit | {indexByUnit.Median:F1} | {indexByUnit.Max:F1} | {indexByUnit.Rows} scopes |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nQuarter {quarter.Label} ({quarter.RangeLabel}): {counted.Received:N0} received in it, {counted.Standings - counted.Received:N0} carried over (the same as counted over the dossiers, untimed); median of 5 runs after a warm-up."));
        return 0;
    }
}
