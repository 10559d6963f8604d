using MotCua.Core.Reports;

using static MotCua.Core.Tests.Reports.ReportFacts;

namespace MotCua.Core.Tests.Reports;

public sealed class ReportPeriodTests
{
    public static TheoryData<string, string, string, string> Periods => new()
    {
        // kind-index-year-regime, start, end, label
        { "Q1/2025/official", "2024-12-15", "2025-03-14", "Quý I/2025" },
        { "Q4/2025/official", "2025-09-15", "2025-12-14", "Quý IV/2025" },
        { "H1/2025/official", "2024-12-15", "2025-06-14", "6 tháng đầu năm 2025" },
        { "H2/2025/official", "2025-06-15", "2025-12-14", "6 tháng cuối năm 2025" },
        { "Y/2025/official", "2024-12-15", "2025-12-14", "Năm 2025" },
        { "M3/2025/official", "2025-02-15", "2025-03-14", "Tháng 3/2025" },
        { "M1/2025/official", "2024-12-15", "2025-01-14", "Tháng 1/2025" },
        { "Q1/2025/calendar", "2025-01-01", "2025-03-31", "Quý I/2025" },
        { "M2/2024/calendar", "2024-02-01", "2024-02-29", "Tháng 2/2024" },
        { "H2/2025/calendar", "2025-07-01", "2025-12-31", "6 tháng cuối năm 2025" },
        { "Y/2025/calendar", "2025-01-01", "2025-12-31", "Năm 2025" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void Official_and_calendar_boundaries_and_labels(string spec, string start, string end, string label)
    {
        ReportPeriod period = Parse(spec);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(label, period.Label);
    }

    [Fact]
    public void Consecutive_periods_tile_without_gaps_and_previous_steps_back()
    {
        foreach (ReportingRegime regime in new[] { ReportingRegime.Official, ReportingRegime.Calendar })
        {
            ReportPeriod q = ReportPeriod.Quarter(2026, 1, regime);
            for (var i = 0; i < 12; i++)
            {
                ReportPeriod previous = q.Previous();
                Assert.Equal(q.Start.AddDays(-1), previous.End);
                Assert.Equal(ReportPeriodKind.Quarter, previous.Kind);
                q = previous;
            }
        }

        Assert.Equal(ReportPeriod.Month(2024, 12), ReportPeriod.Month(2025, 1).Previous());
        Assert.Equal(ReportPeriod.HalfYear(2024, 2), ReportPeriod.HalfYear(2025, 1).Previous());
        Assert.Equal(ReportPeriod.FullYear(2024), ReportPeriod.FullYear(2025).Previous());
        ReportPeriod custom = ReportPeriod.Custom(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 10));
        Assert.Equal(ReportPeriod.Custom(new DateOnly(2024, 12, 22), new DateOnly(2024, 12, 31)), custom.Previous());
    }

    [Fact]
    public void Contains_uses_Vietnam_local_dates()
    {
        ReportPeriod q1 = ReportPeriod.Quarter(2025, 1, ReportingRegime.Calendar);
        // 31/03 23:30 in Vietnam is 16:30 UTC: inside; 01/04 00:00 in Vietnam is 31/03 17:00 UTC: outside.
        Assert.True(q1.Contains(At(2025, 3, 31, 23, 30)));
        Assert.False(q1.Contains(At(2025, 4, 1, 0, 0)));
        Assert.False(q1.Contains(new DateTimeOffset(2025, 3, 31, 17, 0, 0, TimeSpan.Zero)));
        Assert.True(q1.Contains(new DateTimeOffset(2024, 12, 31, 17, 0, 0, TimeSpan.Zero)));
        Assert.False(q1.Contains(new DateTimeOffset(2024, 12, 31, 16, 59, 59, TimeSpan.Zero)));
        Assert.Equal("Từ ngày 01/01/2025 đến ngày 31/03/2025", q1.RangeLabel);
        Assert.Equal("2025-Q1", q1.Key);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportPeriod.Quarter(2025, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportingRegime(29));
        Assert.Throws<ArgumentException>(() => ReportPeriod.Custom(new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Months_lists_a_trend_range_across_a_year_end()
    {
        IReadOnlyList<ReportPeriod> months = ReportPeriod.Months(2024, 11, 2025, 2, ReportingRegime.Calendar);
        Assert.Equal(["2024-11", "2024-12", "2025-01", "2025-02"], months.Select(m => m.Key));
    }

    private static ReportPeriod Parse(string spec)
    {
        string[] parts = spec.Split('/');
        ReportingRegime regime = parts[2] == "official" ? ReportingRegime.Official : ReportingRegime.Calendar;
        int year = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        int index = parts[0].Length > 1 ? int.Parse(parts[0][1..], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return parts[0][0] switch
        {
            'Q' => ReportPeriod.Quarter(year, index, regime),
            'H' => ReportPeriod.HalfYear(year, index, regime),
            'M' => ReportPeriod.Month(year, index, regime),
            _ => ReportPeriod.FullYear(year, regime),
        };
    }
}
