using MotCua.Core.Dossiers;
using MotCua.Core.Reports;

using static MotCua.Core.Tests.Reports.ReportFacts;

namespace MotCua.Core.Tests.Reports;

/// <summary>
/// The CASE expressions of Reports/README.md, evaluated over UTC ticks exactly as written there, must give the numbers
/// of the reference implementation. Guards the SQL the web layer copies.
/// </summary>
public sealed class SqlShapeTests
{
    private const long Open = long.MaxValue;
    private const long Off = 252_000_000_000;
    private const long Day = 864_000_000_000;

    private sealed record Row(string Key, long ReceivedAt, long? DueAt, long ClosedAt, int? ClosedKind, int Channel, bool Counted);

    [Theory]
    [InlineData(CountFinishAt.Completion)]
    [InlineData(CountFinishAt.Return)]
    public void The_documented_sql_gives_the_reference_numbers(CountFinishAt mode)
    {
        List<DossierFact> facts = DossierReportTests.RandomFacts(new Random(42), 5000, At(2024, 9, 1));
        var options = new ReportOptions { CountFinishAt = mode };
        List<Row> table = facts.Select(f =>
        {
            ClosingEvent? closing = DossierReport.Closing(f, mode);
            return new Row(f.UnitKey, f.ReceivedAt.UtcTicks, f.DueAt?.UtcTicks, closing?.At.UtcTicks ?? Open, (int?)closing?.Kind, (int)f.Channel, f.IsCounted);
        }).ToList();

        foreach (ReportPeriod period in new[] { ReportPeriod.Quarter(2025, 1), ReportPeriod.Month(2025, 3, ReportingRegime.Calendar), ReportPeriod.HalfYear(2025, 1) })
        {
            long s = period.StartInstant.UtcTicks, e = period.EndInstant.UtcTicks;
            IEnumerable<Row> inPeriod = table.Where(r => r.Counted && r.ReceivedAt >= s && r.ReceivedAt < e)
                .Concat(table.Where(r => r.Counted && r.ClosedAt >= s && r.ReceivedAt < s));
            var sql = inPeriod.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => new DossierReportRow(
                g.Key,
                "",
                g.Count(r => r.ReceivedAt < s),
                g.Count(r => r.ReceivedAt >= s && r.Channel == 2),
                g.Count(r => r.ReceivedAt >= s && r.Channel == 1),
                g.Count(r => r.ReceivedAt >= s && r.Channel == 3),
                g.Count(r => r.ClosedAt < e && r.ClosedKind == 0 && r.DueAt is not null && r.ClosedAt <= r.DueAt
                    && (r.ClosedAt + Off) / Day < (r.DueAt + Off) / Day),
                g.Count(r => r.ClosedAt < e && r.ClosedKind == 0 && (r.DueAt is null || (r.ClosedAt <= r.DueAt
                    && (r.ClosedAt + Off) / Day == (r.DueAt + Off) / Day))),
                g.Count(r => r.ClosedAt < e && r.ClosedKind == 0 && r.ClosedAt > r.DueAt),
                g.Count(r => r.ClosedAt >= e && (r.DueAt is null || r.DueAt >= e)),
                g.Count(r => r.ClosedAt >= e && r.DueAt < e),
                g.Count(r => r.ClosedAt < e && r.ClosedKind == 1),
                g.Count(r => r.ClosedAt < e && r.ClosedKind == 2),
                g.Count(r => r.ClosedAt < e && r.ClosedKind == 3),
                0));

            DossierReport reference = DossierReport.Compute(facts, period, GroupBy.Unit, options);

            Assert.Equal(reference.Rows.Count, sql.Count);
            foreach (DossierReportRow row in reference.Rows)
            {
                Assert.Equal(row with { Name = "", RefusedAtDesk = 0 }, sql[row.Key]);
            }
        }
    }
}
