using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Pages;

namespace MotCua.Load;

/// <summary>
/// Server-side timings over the generated volume: a specialist's queue (the query of /ho-so/hang-doi) and a quarterly
/// report's figures as one SQL aggregate over the quarter (the Biểu 06 cells: received per channel, resolved early /
/// on time / late, pending within time / overdue, per procedure). The web's own report SQL belongs to issue #7; this
/// query reads the same columns and indexes, so it is the yardstick that SQL must meet.
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

        // The queue page's own statements (Queues.cshtml.cs): the unit queue's counts, then its first page of 50 in the
        // order of the partial index IX_Dossiers_Queue_Unit.
        var queue = await Time(async () =>
        {
            var unitQueue = DossierQueues.OpenOf(db, agency).Where(d => d.CurrentUnitId == unit);
            var c = await unitQueue.GroupBy(d => 1).Select(g => new
            {
                Total = g.Count(),
                Dated = g.Count(d => d.DueAt != null),
                Overdue = g.Count(d => d.DueAt < now),
                Soon = g.Count(d => d.DueAt >= now && d.DueAt <= now.AddDays(1)),
            }).SingleOrDefaultAsync();
            return (await unitQueue.Where(d => d.DueAt != null).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(DossierQueues.PageSize).ToListAsync()).Count;
        });

        var report = await Time(async () => (await db.Dossiers.AsNoTracking()
            .Where(d => d.AgencyId == agency && ((d.ReceivedAt >= from && d.ReceivedAt < to) || (d.ReceivedAt < from && (d.ClosedAt == null || d.ClosedAt >= from))))
            .GroupBy(d => d.ProcedureCode)
            .Select(g => new
            {
                g.Key,
                CarriedOver = g.Count(d => d.ReceivedAt < from),
                Online = g.Count(d => d.ReceivedAt >= from && d.Channel == DossierChannel.Online),
                Direct = g.Count(d => d.ReceivedAt >= from && d.Channel == DossierChannel.Direct),
                Postal = g.Count(d => d.ReceivedAt >= from && d.Channel == DossierChannel.Postal),
                ResolvedOnTime = g.Count(d => d.CompletedAt >= from && d.CompletedAt < to && d.CompletedAt <= d.DueAt),
                ResolvedLate = g.Count(d => d.CompletedAt >= from && d.CompletedAt < to && d.CompletedAt > d.DueAt),
                PendingOverdue = g.Count(d => (d.CompletedAt == null || d.CompletedAt >= to) && d.ClosedAt == null && d.DueAt < to),
                PendingWithin = g.Count(d => (d.CompletedAt == null || d.CompletedAt >= to) && d.ClosedAt == null && (d.DueAt == null || d.DueAt >= to)),
            }).ToListAsync()).Count);

        Console.WriteLine("| query (server side, in-process EF Core) | median ms | max ms | rows |\n|---|--:|--:|--:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| specialist's queue page (Chi cục TĐC, open statuses: counts + first 50 by due) over {stored:N0} dossiers | {queue.Median:F1} | {queue.Max:F1} | {queue.Rows} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| quarterly report {quarter.Label} ({quarter.RangeLabel}), Biểu 06 cells per procedure | {report.Median:F1} | {report.Max:F1} | {report.Rows} |"));
        return 0;
    }
}
