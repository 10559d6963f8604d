using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Legal;

namespace MotCua.Core.Feedback;

/// <summary>How a transfer to the competent body stood against its deadline when it was made.</summary>
public enum TransferTimeliness
{
    OnTime,
    Late,
}

/// <summary>
/// The transfer of a PAKN outside the receiving body's competence (Art. 9 group 4): its deadline counted in working days
/// from receipt on the agency's calendar, as the Civil Code counts time limits (the day of receipt not counted, the limit
/// ending when office hours of its last working day end).
/// </summary>
public static class FeedbackTransfer
{
    /// <summary>The transfer time limit by receipt date, with its source; a later amendment is one more row.</summary>
    public static IReadOnlyList<DatedValue<ProcessingTime>> DefaultLimits { get; } =
    [
        // The decree's own date: the product stores no PAKN older than the text, so the row covers every receipt it holds.
        new(new DateOnly(2008, 2, 14), ProcessingTime.WorkingDays(5), LegalSources.Decree20of2008Transfer),
    ];

    /// <summary>The limit in force for a PAKN received on <paramref name="receivedOn"/> (Vietnam local date).</summary>
    public static DatedValue<ProcessingTime> LimitOn(DateOnly receivedOn, IReadOnlyList<DatedValue<ProcessingTime>>? limits = null) =>
        DatedValues.On(limits ?? DefaultLimits, receivedOn);

    /// <summary>The last instant the transfer is on time.</summary>
    public static DateTimeOffset Due(DateTimeOffset receivedAt, DeadlineCalculator calculator, IReadOnlyList<DatedValue<ProcessingTime>>? limits = null)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        DateOnly receivedOn = DateOnly.FromDateTime(receivedAt.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
        return calculator.ComputeDue(receivedAt, LimitOn(receivedOn, limits).Value);
    }

    /// <summary>Whether a transfer made at <paramref name="transferredAt"/> met <paramref name="dueAt"/>.</summary>
    public static TransferTimeliness Judge(DateTimeOffset transferredAt, DateTimeOffset dueAt) =>
        transferredAt <= dueAt ? TransferTimeliness.OnTime : TransferTimeliness.Late;

    /// <summary>
    /// Due soon (at most <see cref="DossierQueue.DueSoonWorkingDays"/> working days left) or overdue for a PAKN that may still
    /// have to be transferred: unclassified or classified outside competence and not yet transferred; null otherwise.
    /// </summary>
    public static (PendingTimeliness Status, WorkingDuration Remaining)? Standing(FeedbackStatus status, DateTimeOffset now, DateTimeOffset dueAt, DeadlineCalculator calculator) =>
        AwaitsTransfer(status) ? DossierQueue.Classify(now, dueAt, calculator) : null;

    /// <summary>The states in which the transfer deadline still runs.</summary>
    public static bool AwaitsTransfer(FeedbackStatus status) => status is FeedbackStatus.Received or FeedbackStatus.AwaitingTransfer;
}

/// <summary>One PAKN classified outside competence, as the report counts it.</summary>
public sealed record TransferFact(DateTimeOffset ReceivedAt, DateTimeOffset ClassifiedAt, DateTimeOffset DueAt, DateTimeOffset? TransferredAt);

/// <summary>PAKN outside the agency's competence in a period: how many were received, transferred on time or late, and left untransferred at its end.</summary>
/// <param name="Received">Received in the period and classified outside competence.</param>
/// <param name="TransferredOnTime">Transferred in the period no later than 05 working days from receipt.</param>
/// <param name="TransferredLate">Transferred in the period after that.</param>
/// <param name="Pending">Classified outside competence by the period's end and not transferred by then.</param>
/// <param name="PendingOverdue">Of <paramref name="Pending"/>, those whose deadline had passed at the period's end.</param>
public sealed record PaknTransferCounts(int Received, int TransferredOnTime, int TransferredLate, int Pending, int PendingOverdue)
{
    public static PaknTransferCounts None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Counts the facts for the period [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static PaknTransferCounts Compute(IEnumerable<TransferFact> facts, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(facts);
        List<TransferFact> list = facts.ToList();
        List<TransferFact> transferred = list.Where(f => f.TransferredAt is { } t && t >= start && t < end).ToList();
        List<TransferFact> pending = list.Where(f => f.ClassifiedAt < end && (f.TransferredAt is null || f.TransferredAt >= end)).ToList();
        return new PaknTransferCounts(
            list.Count(f => f.ReceivedAt >= start && f.ReceivedAt < end),
            transferred.Count(f => FeedbackTransfer.Judge(f.TransferredAt!.Value, f.DueAt) == TransferTimeliness.OnTime),
            transferred.Count(f => FeedbackTransfer.Judge(f.TransferredAt!.Value, f.DueAt) == TransferTimeliness.Late),
            pending.Count,
            pending.Count(f => f.DueAt < end));
    }
}
