using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

public sealed class DossierQueueTests
{
    [Theory]
    [InlineData("2025-03-12T09:00", PendingTimeliness.WithinTime)]
    [InlineData("2025-03-13T09:00", PendingTimeliness.DueSoon)]   // two working days left
    [InlineData("2025-03-17T09:00", PendingTimeliness.DueSoon)]   // at the due instant
    [InlineData("2025-03-17T09:01", PendingTimeliness.Overdue)]
    public void Open_dossiers_are_coloured_against_the_legal_due_instant(string now, PendingTimeliness expected)
    {
        QueueStanding? standing = DossierQueue.Standing(DossierInProcessing(), At(now), Calculator);
        Assert.Equal(expected, standing!.Value.Status);
        Assert.Equal(At("2025-03-17T09:00"), standing.Value.DueAt);
    }

    [Theory]
    [InlineData("2025-03-12T09:00", PendingTimeliness.WithinTime)] // three working days left
    [InlineData("2025-03-13T09:00", PendingTimeliness.DueSoon)]    // two working days left
    [InlineData("2025-03-17T09:00", PendingTimeliness.DueSoon)]    // at the due instant
    [InlineData("2025-03-17T09:01", PendingTimeliness.Overdue)]
    public void The_inbox_warns_two_working_days_ahead(string now, PendingTimeliness expected)
    {
        Assert.Equal(expected, DossierQueue.InboxStanding(At("2025-03-17T09:00"), At(now), Calculator));
        Assert.Null(DossierQueue.InboxStanding(null, At(now), Calculator));
    }

    /// <summary>
    /// One "due soon" for every list: the queue's colour, the inbox's badge and the SQL range the counts and the
    /// <c>hantrang=sapden</c> filter read agree at every instant, the edges included.
    /// </summary>
    [Theory]
    [InlineData("2025-03-12T09:00")]
    [InlineData("2025-03-12T16:59")]
    [InlineData("2025-03-13T08:59")]
    [InlineData("2025-03-13T09:00")]
    [InlineData("2025-03-14T12:00")]
    [InlineData("2025-03-15T10:00")] // Saturday
    public void Queue_inbox_and_list_ranges_share_one_due_soon_rule(string now)
    {
        var due = At("2025-03-17T09:00");
        var standing = DossierQueue.Standing(DossierStatus.InProcessing, due, At(now), Calculator)!.Value.Status;
        Assert.Equal(standing, DossierQueue.InboxStanding(due, At(now), Calculator));
        var until = DossierQueue.DueSoonUntil(At(now), Calculator);
        Assert.Equal(standing == PendingTimeliness.DueSoon, due >= At(now) && due <= until);
        Assert.Equal(PendingTimeliness.DueSoon, DossierQueue.Classify(At(now), until, Calculator).Status);
        Assert.Equal(PendingTimeliness.WithinTime, DossierQueue.Classify(At(now), until.AddTicks(1), Calculator).Status);
        Assert.Equal(Calculator.Hours.WorkingDayLength * 2, DossierQueue.DueSoonWindow(Calculator));
    }

    [Fact]
    public void The_new_appointment_of_an_apology_does_not_hide_an_overdue_dossier()
    {
        DossierState rescheduled = DossierInProcessing().Do(DossierAction.ApologyReschedule,
            Ctx("2025-03-13T09:00", Leader) with { Note = "Chờ kiểm định", NewAppointment = At("2025-03-24T09:00") });
        Assert.Equal(PendingTimeliness.Overdue, DossierQueue.Standing(rescheduled, At("2025-03-18T09:00"), Calculator)!.Value.Status);
    }

    [Fact]
    public void Paused_terminal_and_unreceived_dossiers_are_not_in_the_timed_queue()
    {
        Assert.Null(DossierQueue.Standing(DossierState.Start(DossierChannel.Direct, Terms()), At("2025-03-13T09:00"), Calculator));
        Assert.Null(DossierQueue.Standing(StateIn(DossierStatus.Suspended, DossierAction.Resume), At("2025-03-13T09:00"), Calculator));
        Assert.Null(DossierQueue.Standing(StateIn(DossierStatus.Returned, DossierAction.Return), At("2025-03-13T09:00"), Calculator));
        Assert.NotNull(DossierQueue.Standing(DossierWithResult(), At("2025-03-13T09:00"), Calculator)); // not returned yet
    }

    [Fact]
    public void Restarting_the_clock_after_a_supplement_issues_a_new_receipt()
    {
        DossierState waiting = DossierInProcessing()
            .Do(DossierAction.RequestSupplement, Ctx("2025-03-12T09:00", Specialist) with { Note = "Thiếu giấy tờ" });
        Assert.Equal(OfficialFormKind.ReceiptAndAppointment,
            DossierStateMachine.Apply(waiting, DossierAction.ResubmitSupplement, Ctx("2025-03-14T09:00", Desk)).Form);
        Assert.Null(DossierStateMachine.Apply(DossierInProcessing(Terms(SupplementClockPolicy.Pause))
                .Do(DossierAction.RequestSupplement, Ctx("2025-03-12T09:00", Specialist) with { Note = "Thiếu giấy tờ" }),
            DossierAction.ResubmitSupplement, Ctx("2025-03-14T09:00", Desk)).Form);
    }

    [Theory]
    [InlineData("2025-03-10T09:00", "2025-03-10T15:00", "2025-03-11T09:00", PendingTimeliness.WithinTime)]
    [InlineData("2025-03-10T09:00", "2025-03-11T07:30", "2025-03-11T09:00", PendingTimeliness.DueSoon)]  // 1.5 working hours left
    [InlineData("2025-03-10T09:00", "2025-03-11T09:01", "2025-03-11T09:00", PendingTimeliness.Overdue)]
    [InlineData("2025-03-08T22:00", "2025-03-10T10:00", "2025-03-10T17:00", PendingTimeliness.WithinTime)] // Saturday night: from Monday 07:00
    public void An_online_dossier_awaits_the_desks_check_for_eight_working_hours(string submitted, string now, string due, PendingTimeliness expected)
    {
        QueueStanding standing = DossierQueue.OnlineCheckStanding(At(submitted), At(now), Calculator);
        Assert.Equal(At(due), standing.DueAt);
        Assert.Equal(expected, standing.Status);
    }
}
