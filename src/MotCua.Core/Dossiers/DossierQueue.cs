using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>How a pending dossier stands in a work queue.</summary>
/// <param name="Status">Within time, due soon or overdue.</param>
/// <param name="Remaining">Working time left, or overdue when <see cref="Status"/> is overdue.</param>
/// <param name="DueAt">The legal due instant the status was judged against.</param>
public readonly record struct QueueStanding(PendingTimeliness Status, WorkingDuration Remaining, DateTimeOffset DueAt);

/// <summary>Queue colouring for open dossiers (within time / due soon / overdue).</summary>
public static class DossierQueue
{
    /// <summary>
    /// The standing of a dossier at <paramref name="now"/> against its legal due instant (never the rescheduled one);
    /// null for a dossier that is not pending against a clock: not yet received, terminal, paused before its due instant
    /// (the clock is stopped) or without a time limit. A result issued but not returned is still pending: the return
    /// instant ends the count.
    /// </summary>
    public static QueueStanding? Standing(DossierState state, DateTimeOffset now, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Standing(state.Status, state.DueAt, now, calculator);
    }

    /// <summary>
    /// The same standing from the two facts it depends on, so a queue can read them alone instead of whole dossiers.
    /// </summary>
    public static QueueStanding? Standing(DossierStatus status, DateTimeOffset? dueAt, DateTimeOffset now, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        if (DossierStateMachine.IsTerminal(status) || dueAt is not { } due)
        {
            return null;
        }

        (PendingTimeliness pending, WorkingDuration remaining) = calculator.ClassifyPending(now, due);
        return new QueueStanding(pending, remaining, due);
    }

    /// <summary>How far ahead the officer's inbox warns ("đến hạn trong 2 ngày"): time to finish, or to apologise in time.</summary>
    public const int InboxDueSoonWorkingDays = 2;

    /// <summary>
    /// The standing an inbox shows for a dossier (or a feedback item) due at <paramref name="dueAt"/>: overdue after it,
    /// due soon within <see cref="InboxDueSoonWorkingDays"/> working days of it, else within time; null without a due instant.
    /// </summary>
    public static PendingTimeliness? InboxStanding(DateTimeOffset? dueAt, DateTimeOffset now, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return dueAt is { } due
            ? calculator.ClassifyPending(now, due, calculator.Hours.WorkingDayLength * InboxDueSoonWorkingDays).Status
            : null;
    }

    /// <summary>
    /// The desk's time to check a dossier submitted online: the receipt, or one supplement request with complete
    /// guidance, within 08 working hours of submission (the 2025 electronic procedures; docs/domain dossiers.md §3.3).
    /// The processing time has not started, so this is the only clock such a dossier runs against.
    /// </summary>
    public static ProcessingTime OnlineCheckTime { get; } = ProcessingTime.WorkingHours(8);

    /// <summary>An online dossier is due soon in the last two working hours of its check time.</summary>
    public static TimeSpan OnlineCheckDueSoon { get; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The instant by which a dossier submitted online at <paramref name="submittedAt"/> must be checked: the province's
    /// check time in force on the submission date (<see cref="TimeLimitRule.OnlineCheck"/>), <see cref="OnlineCheckTime"/> by default.
    /// </summary>
    public static DateTimeOffset OnlineCheckDue(DateTimeOffset submittedAt, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        DateOnly submittedOn = DateOnly.FromDateTime(submittedAt.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
        return calculator.ComputeDue(submittedAt, calculator.Rule.OnlineCheckOn(submittedOn).Value);
    }

    /// <summary>
    /// How a dossier submitted online at <paramref name="submittedAt"/> and not yet checked stands against
    /// <see cref="OnlineCheckTime"/> (counted from the next working period when submitted at night or on a day off).
    /// </summary>
    public static QueueStanding OnlineCheckStanding(DateTimeOffset submittedAt, DateTimeOffset now, DeadlineCalculator calculator)
    {
        DateTimeOffset due = OnlineCheckDue(submittedAt, calculator);
        (PendingTimeliness pending, WorkingDuration remaining) = calculator.ClassifyPending(now, due, OnlineCheckDueSoon);
        return new QueueStanding(pending, remaining, due);
    }
}
