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

        (PendingTimeliness pending, WorkingDuration remaining) = Classify(now, due, calculator);
        return new QueueStanding(pending, remaining, due);
    }

    /// <summary>
    /// How far ahead work counts as "due soon" (sắp đến hạn), in the inbox, the queues, the feedback list and the deadline
    /// alerts alike: time to finish, or to apologise and reschedule before the due instant.
    /// </summary>
    public const int DueSoonWorkingDays = 2;

    /// <summary><see cref="DueSoonWorkingDays"/> as working time on the calculator's working day.</summary>
    public static TimeSpan DueSoonWindow(DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return calculator.Hours.WorkingDayLength * DueSoonWorkingDays;
    }

    /// <summary>
    /// The one "due soon" rule: overdue after <paramref name="dueAt"/>, due soon within <see cref="DueSoonWindow"/> of
    /// working time before it, else within time.
    /// </summary>
    public static (PendingTimeliness Status, WorkingDuration Remaining) Classify(DateTimeOffset now, DateTimeOffset dueAt, DeadlineCalculator calculator) =>
        calculator.ClassifyPending(now, dueAt, DueSoonWindow(calculator));

    /// <summary>
    /// The standing an inbox shows for a dossier (or a feedback item) due at <paramref name="dueAt"/> (<see cref="Classify"/>);
    /// null without a due instant.
    /// </summary>
    public static PendingTimeliness? InboxStanding(DateTimeOffset? dueAt, DateTimeOffset now, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return dueAt is { } due ? Classify(now, due, calculator).Status : null;
    }

    /// <summary>
    /// The last due instant that still counts as due soon at <paramref name="now"/> by <see cref="Classify"/>: due soon is a
    /// prefix of the future (the working time left grows with the due instant), so a list's standings become ranges of
    /// its due column (overdue <c>DueAt &lt; now</c>, due soon <c>now ≤ DueAt ≤ until</c>, within time after).
    /// </summary>
    public static DateTimeOffset DueSoonUntil(DateTimeOffset now, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        if (Classify(now, now, calculator).Status != PendingTimeliness.DueSoon)
        {
            return now.AddTicks(-1); // nothing counts as due soon
        }
        var days = DueSoonWorkingDays + 1;
        var high = calculator.ComputeDue(now, ProcessingTime.WorkingDays(days));
        while (Classify(now, high, calculator).Status != PendingTimeliness.WithinTime && days < 60)
        {
            days++;
            high = calculator.ComputeDue(now, ProcessingTime.WorkingDays(days));
        }
        long lo = now.UtcTicks, hi = high.UtcTicks; // Classify(lo) is due soon, Classify(hi) within time
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Classify(now, new DateTimeOffset(mid, TimeSpan.Zero), calculator).Status == PendingTimeliness.DueSoon)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return new DateTimeOffset(lo, TimeSpan.Zero);
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
    /// check time in force on the submission date (<see cref="TimeLimitRule.OnlineCheck"/>), <see cref="OnlineCheckTime"/> by default,
    /// unless the procedure sets its own (<paramref name="procedureLimit"/>, see <see cref="OnlineCheckLimit"/>).
    /// </summary>
    public static DateTimeOffset OnlineCheckDue(DateTimeOffset submittedAt, DeadlineCalculator calculator, ProcessingTime? procedureLimit = null)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        DateOnly submittedOn = DateOnly.FromDateTime(submittedAt.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
        return calculator.ComputeDue(submittedAt, procedureLimit ?? calculator.Rule.OnlineCheckOn(submittedOn).Value);
    }

    /// <summary>
    /// How a dossier submitted online at <paramref name="submittedAt"/> and not yet checked stands against
    /// <see cref="OnlineCheckTime"/> (counted from the next working period when submitted at night or on a day off).
    /// </summary>
    public static QueueStanding OnlineCheckStanding(DateTimeOffset submittedAt, DateTimeOffset now, DeadlineCalculator calculator, ProcessingTime? procedureLimit = null)
    {
        DateTimeOffset due = OnlineCheckDue(submittedAt, calculator, procedureLimit);
        (PendingTimeliness pending, WorkingDuration remaining) = calculator.ClassifyPending(now, due, OnlineCheckDueSoon);
        return new QueueStanding(pending, remaining, due);
    }
}
