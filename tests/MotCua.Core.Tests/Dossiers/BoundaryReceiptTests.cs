using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Legal;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>Receipt regardless of administrative boundary: who may receive for whom, and when the paper originals are due.</summary>
public sealed class BoundaryReceiptTests
{
    private static readonly DeadlineCalculator Law = new(Official, OfficeHours.Default, new TimeLimitRule(new DateOnly(2017, 1, 1)));

    private static readonly BoundaryAgency Centre = new(10, "66", IsServiceCentre: true);
    private static readonly BoundaryAgency Department = new(20, "66", IsServiceCentre: false);

    public static TheoryData<BoundaryAgency, BoundaryAgency, bool, bool, string?, string> Ownership => new()
    {
        { Centre, Department, true, false, null, "a commune service centre of Đắk Lắk receives a listed procedure of a Đắk Lắk department" },
        { Department, Department, false, true, null, "an agency receiving its own procedure is no boundary-free receipt: the list and routing do not apply" },
        { Department, Centre with { Id = 30 }, true, false, "Chỉ Trung tâm", "Decree 118/2025: receipt for another agency is the service centres' role; a department's desk receives its own" },
        { Centre, new BoundaryAgency(40, "82", false), true, false, "ngoài tỉnh", "receipt regardless of boundary stays within the province: a department of another province is out" },
        { Centre with { ProvinceCode = null }, Department, true, false, "ngoài tỉnh", "a centre without a province set cannot show it is in the same province" },
        { Centre, Department, false, false, "danh mục", "only procedures the province's chair lists are received regardless of boundary" },
        { Centre, Department, true, true, "không chọn đơn vị", "the centre does not route the deciding agency's internal units; that agency's desk does" },
    };

    [Theory]
    [MemberData(nameof(Ownership))]
    public void Who_may_receive_for_whom(BoundaryAgency receiving, BoundaryAgency deciding, bool listed, bool transfer, string? refusalContains, string reasoning)
    {
        Assert.False(string.IsNullOrWhiteSpace(reasoning));
        var refusal = BoundaryReceipt.Refusal(receiving, deciding, listed, transfer);
        if (refusalContains is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Contains(refusalContains, refusal, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string> HandOverRows => new()
    {
        { "2026-12-21T09:00:00+07:00", "2026-12-22T17:00:00+07:00", "01 working day: Monday, the receipt day, is not counted; Tuesday is the day, ending at its close (Civil Code Art. 147–148)" },
        { "2026-12-18T16:30:00+07:00", "2026-12-21T17:00:00+07:00", "received Friday afternoon: the weekend is no working day, so the day is Monday" },
        { "2026-12-19T10:00:00+07:00", "2026-12-21T17:00:00+07:00", "received on a Saturday (a centre open at the weekend): Saturday is not counted, the day is Monday" },
        { "2025-01-24T16:00:00+07:00", "2025-02-03T17:00:00+07:00", "received before Tết 2025 (27/1–31/1 off): the one day is the first working day after it" },
    };

    [Theory]
    [MemberData(nameof(HandOverRows))]
    public void Paper_originals_are_due_one_working_day_after_receipt(string received, string expected, string reasoning)
    {
        Assert.False(string.IsNullOrWhiteSpace(reasoning));
        var limit = BoundaryReceipt.HandOverLimit(DateOnly.FromDateTime(T(received).Date));
        Assert.Equal(ProcessingTime.WorkingDays(1), limit.Value);
        Assert.Equal(T(expected), BoundaryReceipt.HandOverDue(T(received), limit.Value, Law));
    }

    [Fact]
    public void The_default_limit_names_its_source_and_a_province_setting_replaces_it_from_its_date()
    {
        var day = new DateOnly(2026, 12, 21);
        Assert.Same(LegalSources.BoundaryPaperHandOver2025, BoundaryReceipt.HandOverLimit(day).Source);
        IReadOnlyList<DatedValue<ProcessingTime>> province = [new(new DateOnly(2026, 1, 1), ProcessingTime.WorkingHours(4), null)];
        Assert.Equal(ProcessingTime.WorkingHours(4), BoundaryReceipt.HandOverLimit(day, province).Value);
        Assert.Contains(LegalSources.BoundaryPaperHandOver2025, LegalSources.All);
    }

    [Fact]
    public void Hand_over_stages_follow_the_recorded_moments_and_refuse_out_of_order()
    {
        var received = T("2026-12-21T09:00:00+07:00");
        var sent = T("2026-12-21T14:00:00+07:00");
        var now = T("2026-12-22T08:00:00+07:00");
        Assert.Equal(HandOverStage.AwaitingDispatch, BoundaryReceipt.Stage(null, null));
        Assert.Equal(HandOverStage.Dispatched, BoundaryReceipt.Stage(sent, null));
        Assert.Equal(HandOverStage.Confirmed, BoundaryReceipt.Stage(sent, now));

        Assert.Null(BoundaryReceipt.SendProblem(HandOverStage.AwaitingDispatch, received, sent, now));
        Assert.NotNull(BoundaryReceipt.SendProblem(HandOverStage.Dispatched, received, sent, now));
        Assert.NotNull(BoundaryReceipt.SendProblem(HandOverStage.AwaitingDispatch, received, received.AddMinutes(-1), now));
        Assert.NotNull(BoundaryReceipt.SendProblem(HandOverStage.AwaitingDispatch, received, now.AddMinutes(1), now));

        Assert.NotNull(BoundaryReceipt.ConfirmProblem(HandOverStage.AwaitingDispatch, null, now, now));
        Assert.Null(BoundaryReceipt.ConfirmProblem(HandOverStage.Dispatched, sent, now, now));
        Assert.NotNull(BoundaryReceipt.ConfirmProblem(HandOverStage.Dispatched, sent, sent.AddMinutes(-1), now));
        Assert.NotNull(BoundaryReceipt.ConfirmProblem(HandOverStage.Confirmed, sent, now, now));
    }

    [Theory]
    [InlineData("2026-12-22T17:00:00+07:00", null, "2026-12-22T16:59:00+07:00", false, "before the due instant nothing is late")]
    [InlineData("2026-12-22T17:00:00+07:00", null, "2026-12-22T17:01:00+07:00", true, "still at the desk after the due instant: overdue")]
    [InlineData("2026-12-22T17:00:00+07:00", "2026-12-22T16:00:00+07:00", "2026-12-28T09:00:00+07:00", false, "sent in time stays in time, whenever the other side confirms")]
    [InlineData("2026-12-22T17:00:00+07:00", "2026-12-23T08:00:00+07:00", "2026-12-23T09:00:00+07:00", true, "sent after the due instant was late")]
    public void Overdue_means_the_originals_left_late_or_not_at_all(string due, string? sent, string now, bool overdue, string reasoning)
    {
        Assert.False(string.IsNullOrWhiteSpace(reasoning));
        Assert.Equal(overdue, BoundaryReceipt.IsOverdue(T(due), sent is null ? null : T(sent), T(now)));
    }
}
