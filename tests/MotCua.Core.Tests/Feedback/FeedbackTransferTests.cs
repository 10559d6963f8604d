using MotCua.Core.Calendar;
using MotCua.Core.Feedback;
using MotCua.Core.Legal;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Feedback;

/// <summary>The transfer of a PAKN outside competence: 05 working days from receipt (Decree 20/2008 Art. 9), each row with its reasoning.</summary>
public sealed class FeedbackTransferTests
{
    private static readonly DeadlineCalculator Calc = new(Official, OfficeHours.Default, new TimeLimitRule(new DateOnly(2017, 1, 1)));

    public static TheoryData<string, string, string> Rows => new()
    {
        {
            "2026-12-14T09:00:00+07:00", "2026-12-21T17:00:00+07:00",
            "Monday's receipt is not counted (Civil Code Art. 147); Tue 15 to Fri 18 are four days, the weekend is skipped, Monday 21 is the fifth, ending at its close"
        },
        {
            "2026-12-18T16:30:00+07:00", "2026-12-25T17:00:00+07:00",
            "received late on Friday: Friday is not counted, Mon 21 to Fri 25 are the five days; the limit ends when office hours end, not at 16:30"
        },
        {
            "2026-12-19T10:00:00+07:00", "2026-12-25T17:00:00+07:00",
            "received on a Saturday: Saturday is the day of the event and Sunday no working day; the five days are Mon 21 to Fri 25"
        },
        {
            "2026-11-19T09:00:00+07:00", "2026-11-27T17:00:00+07:00",
            "spans Vietnam Culture Day, a holiday from 2026 (Resolution 28/2026/QH16): Fri 20, Mon 23, then Tuesday 24/11 is skipped, Wed 25, Thu 26, Fri 27"
        },
        {
            "2026-02-12T10:00:00+07:00", "2026-02-26T17:00:00+07:00",
            "spans Tết Bính Ngọ (public sector off 14/2–22/2/2026): Fri 13 is the first day, then Mon 23 to Thu 26"
        },
        {
            "2025-01-23T10:00:00+07:00", "2025-02-06T17:00:00+07:00",
            "spans Tết Ất Tỵ (off 25/1–2/2/2025): Fri 24/1 is the first day, then Mon 3/2 to Thu 6/2"
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Transfer_is_due_at_the_close_of_the_fifth_working_day_after_receipt(string received, string expected, string reasoning)
    {
        Assert.False(string.IsNullOrWhiteSpace(reasoning));
        Assert.Equal(T(expected), FeedbackTransfer.Due(T(received), Calc));
    }

    [Fact]
    public void The_limit_is_a_dated_setting_that_names_its_source()
    {
        var limit = FeedbackTransfer.LimitOn(D("2026-12-14"));
        Assert.Equal(ProcessingTime.WorkingDays(5), limit.Value);
        Assert.Same(LegalSources.Decree20of2008Transfer, limit.Source);
        Assert.Contains("Điều 9 Nghị định số 20/2008/NĐ-CP", limit.Basis, StringComparison.Ordinal);
        Assert.Contains(LegalSources.Decree20of2008Transfer, LegalRules.FeedbackDeadlines.Sources);

        // A later amendment is one more row and applies from its date only.
        IReadOnlyList<DatedValue<ProcessingTime>> amended = [.. FeedbackTransfer.DefaultLimits, new(D("2027-01-01"), ProcessingTime.WorkingDays(3), null)];
        Assert.Equal(T("2026-12-21T17:00:00+07:00"), FeedbackTransfer.Due(T("2026-12-14T09:00:00+07:00"), Calc, amended));
        Assert.Equal(T("2027-01-07T17:00:00+07:00"), FeedbackTransfer.Due(T("2027-01-04T09:00:00+07:00"), Calc, amended));
    }

    [Theory]
    [InlineData("2026-12-21T17:00:00+07:00", TransferTimeliness.OnTime)]
    [InlineData("2026-12-21T17:00:01+07:00", TransferTimeliness.Late)]
    public void A_transfer_by_the_close_of_the_last_day_is_on_time(string transferredAt, TransferTimeliness expected) =>
        Assert.Equal(expected, FeedbackTransfer.Judge(T(transferredAt), T("2026-12-21T17:00:00+07:00")));

    [Fact]
    public void The_deadline_runs_only_while_the_PAKN_may_still_have_to_be_transferred()
    {
        var due = T("2026-12-21T17:00:00+07:00");
        Assert.Equal(PendingTimeliness.DueSoon, FeedbackTransfer.Standing(FeedbackStatus.AwaitingTransfer, T("2026-12-18T10:00:00+07:00"), due, Calc)?.Status);
        Assert.Equal(PendingTimeliness.WithinTime, FeedbackTransfer.Standing(FeedbackStatus.Received, T("2026-12-15T10:00:00+07:00"), due, Calc)?.Status);
        Assert.Equal(PendingTimeliness.Overdue, FeedbackTransfer.Standing(FeedbackStatus.AwaitingTransfer, T("2026-12-22T08:00:00+07:00"), due, Calc)?.Status);
        Assert.Null(FeedbackTransfer.Standing(FeedbackStatus.Handling, T("2026-12-22T08:00:00+07:00"), due, Calc));
        Assert.Null(FeedbackTransfer.Standing(FeedbackStatus.OutOfScope, T("2026-12-22T08:00:00+07:00"), due, Calc));
    }

    [Fact]
    public void Counts_split_transfers_by_timeliness_and_keep_untransferred_ones_pending()
    {
        DateTimeOffset start = T("2026-12-01T00:00:00+07:00"), end = T("2027-01-01T00:00:00+07:00");
        TransferFact[] facts =
        [
            new(T("2026-12-14T09:00:00+07:00"), T("2026-12-15T09:00:00+07:00"), T("2026-12-21T17:00:00+07:00"), T("2026-12-18T09:00:00+07:00")),
            new(T("2026-12-14T09:00:00+07:00"), T("2026-12-15T09:00:00+07:00"), T("2026-12-21T17:00:00+07:00"), T("2026-12-22T09:00:00+07:00")),
            new(T("2026-12-28T09:00:00+07:00"), T("2026-12-29T09:00:00+07:00"), T("2027-01-05T17:00:00+07:00"), null),
            new(T("2026-12-22T09:00:00+07:00"), T("2026-12-22T10:00:00+07:00"), T("2026-12-29T17:00:00+07:00"), T("2027-01-04T09:00:00+07:00")),
            new(T("2026-11-20T09:00:00+07:00"), T("2026-11-23T09:00:00+07:00"), T("2026-11-27T17:00:00+07:00"), T("2026-11-26T09:00:00+07:00")),
        ];
        // The last was received and transferred in November; the fourth is transferred after the period, so pending and overdue at its end.
        Assert.Equal(new PaknTransferCounts(Received: 4, TransferredOnTime: 1, TransferredLate: 1, Pending: 2, PendingOverdue: 1),
            PaknTransferCounts.Compute(facts, start, end));
    }
}
