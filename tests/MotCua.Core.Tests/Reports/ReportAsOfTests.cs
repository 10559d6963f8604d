using MotCua.Core.Indices;
using MotCua.Core.Reports;

using static MotCua.Core.Tests.Reports.ReportFacts;

namespace MotCua.Core.Tests.Reports;

public sealed class ReportAsOfTests
{
    // Calendar Q1/2025: 01/01/2025 00:00 – 01/04/2025 00:00 (+07).
    private static readonly ReportPeriod Q1 = ReportPeriod.Quarter(2025, 1, ReportingRegime.Calendar);

    public static TheoryData<string, string, bool, string?> Cutoffs => new()
    {
        // case, now (Vietnam time), provisional, cut-off (null: the end instant)
        // Officers open the current quarter every day: it is reported as of that moment.
        { "mid-quarter: as of now", "2025-03-10T14:30", true, "2025-03-10T14:30" },
        // One minute before the end the period has still not ended.
        { "last minute of the last day", "2025-03-31T23:59", true, "2025-03-31T23:59" },
        // At 00:00 after the last day the period has ended: figures are final and reproducible.
        { "exactly at the end instant", "2025-04-01T00:00", false, null },
        { "long after the end", "2026-01-05T08:00", false, null },
        // A period that has not begun has nothing yet: it is cut off at its own start, not before it.
        { "before the period starts", "2024-12-20T10:00", true, "2025-01-01T00:00" },
    };

    [Theory]
    [MemberData(nameof(Cutoffs))]
    public void A_period_that_has_not_ended_is_cut_off_at_now(string reason, string now, bool provisional, string? cutoff)
    {
        ReportPeriod period = Q1.AsOf(Local(now));

        Assert.True(provisional == period.IsProvisional, reason);
        // What happened at now itself has happened: a period cut off at now runs to the instant just after it.
        var expected = cutoff is null ? Q1.EndInstant : Local(cutoff);
        Assert.Equal(provisional && Local(now) >= Q1.StartInstant ? expected.AddTicks(1) : expected, period.CutoffInstant);
        Assert.Equal(provisional && Local(now) >= Q1.StartInstant, period.Contains(Local(now)));
        Assert.Equal(provisional, period.ProvisionalText is not null);
        // The period's identity (key, label, dates) does not change with the moment it is read.
        Assert.Equal(Q1.Key, period.Key);
        Assert.Equal(Q1.End, period.End);
    }

    [Fact]
    public void The_provisional_text_says_when_in_Vietnam_time()
    {
        ReportPeriod period = Q1.AsOf(new DateTimeOffset(2025, 3, 10, 7, 5, 0, TimeSpan.Zero));

        Assert.Equal("Số liệu tạm tính đến 14:05 ngày 10/03/2025", period.ProvisionalText);
    }

    [Fact]
    public void An_ended_period_read_again_is_the_same_value()
    {
        Assert.Equal(Q1, Q1.AsOf(At(2025, 5, 1)));
        Assert.Equal(Q1, Q1.AsOf(At(2025, 3, 10)).AsOf(At(2025, 5, 1)));
    }

    public static TheoryData<string, string, string, string?, PeriodClosing?> Standings => new()
    {
        // case, now, due, completed, closing in Q1 as of now (null: not in the report)
        // The alarm this rule removes: due tomorrow is still within time today, though before the quarter's end.
        { "due tomorrow, read today", "2025-03-10T14:30", "2025-03-11T09:00", null, PeriodClosing.PendingWithinTime },
        // Due earlier today and still open: overdue as of now.
        { "due this morning, read this afternoon", "2025-03-10T14:30", "2025-03-10T09:00", null, PeriodClosing.PendingOverdue },
        // Due later today: not overdue yet.
        { "due this evening, read this afternoon", "2025-03-10T14:30", "2025-03-10T17:00", null, PeriodClosing.PendingWithinTime },
        // Once the clock passes the due instant the same dossier is overdue.
        { "due tomorrow, read the day after", "2025-03-12T08:00", "2025-03-11T09:00", null, PeriodClosing.PendingOverdue },
        // A period that has ended judges against its end instant, as before: due on the last day is overdue.
        { "ended quarter, due on its last day", "2025-04-02T08:00", "2025-03-31T16:00", null, PeriodClosing.PendingOverdue },
        { "ended quarter, due after it", "2025-04-02T08:00", "2025-04-03T09:00", null, PeriodClosing.PendingWithinTime },
        // A resolution before the cut-off is counted as it always was.
        { "resolved before now", "2025-03-10T14:30", "2025-03-11T09:00", "2025-03-10T10:00", PeriodClosing.ResolvedEarly },
        // A completion recorded after the cut-off (a later instant than the report's) does not exist yet for it.
        { "completion after now", "2025-03-10T14:30", "2025-03-11T09:00", "2025-03-10T15:00", PeriodClosing.PendingWithinTime },
    };

    [Theory]
    [MemberData(nameof(Standings))]
    public void A_dossier_pending_at_the_cutoff_is_overdue_only_when_due_before_it(string reason, string now, string due, string? completed, PeriodClosing? closing)
    {
        DossierFact fact = Fact("d1", At(2025, 3, 3), Local(due)) with { CompletedAt = completed is null ? null : Local(completed) };

        PeriodStanding? standing = DossierReport.Classify(fact, Q1.AsOf(Local(now)));

        Assert.True(closing == standing?.Closing, $"{reason}: expected {closing}, got {standing?.Closing}");
    }

    [Fact]
    public void A_dossier_received_after_the_cutoff_is_not_in_the_report_yet()
    {
        DossierFact later = Fact("d2", At(2025, 3, 10, 15), At(2025, 3, 20));

        Assert.Null(DossierReport.Classify(later, Q1.AsOf(At(2025, 3, 10, 14, 30))));
        Assert.NotNull(DossierReport.Classify(later, Q1.AsOf(At(2025, 3, 10, 15, 30))));
    }

    [Fact]
    public void The_report_and_the_766_index_count_a_dossier_due_tomorrow_as_within_time()
    {
        DossierFact[] facts = [Fact("d1", At(2025, 3, 3), At(2025, 3, 11)), Fact("d2", At(2025, 3, 3), At(2025, 3, 7))];
        ReportPeriod today = Q1.AsOf(At(2025, 3, 10, 14, 30));

        DossierReport report = DossierReport.Compute(facts, today, GroupBy.Agency);
        Index766Result index = Index766.Compute(new Index766Input(facts, [], []), today);

        Assert.Equal((1, 1), (report.Total.PendingWithinTime, report.Total.PendingOverdue));
        Assert.Equal((1, 2), (index.Indicator("2.1")!.Numerator, index.Indicator("2.1")!.Denominator));
        // The same facts once the quarter has ended: both are overdue at its end.
        Assert.Equal(2, DossierReport.Compute(facts, Q1.AsOf(At(2025, 4, 2)), GroupBy.Agency).Total.PendingOverdue);
    }

    private static DateTimeOffset Local(string text) =>
        new(DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), Vn);
}
