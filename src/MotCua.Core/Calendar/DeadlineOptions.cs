namespace MotCua.Core.Calendar;

/// <summary>Why the processing clock was stopped.</summary>
public enum PauseReason
{
    /// <summary>Waiting for the applicant to supplement the dossier.</summary>
    AwaitingSupplement,

    /// <summary>Waiting for the applicant to pay fees/taxes (nghĩa vụ tài chính).</summary>
    AwaitingFinancialObligation,

    /// <summary>Processing suspended by the competent body.</summary>
    Suspended,
}

/// <summary>An interval during which the clock stops; <see cref="To"/> null while it is still open.</summary>
public readonly record struct Pause(DateTimeOffset From, DateTimeOffset? To, PauseReason Reason);

/// <summary>Per-procedure options for a deadline computation.</summary>
public sealed record DeadlineOptions
{
    /// <summary>The default cut-off, 15:00 [C for certification, civil status, transfers].</summary>
    public static TimeOnly DefaultCutoff { get; } = new(15, 0);

    /// <summary>Whether a receipt after <see cref="Cutoff"/> starts the clock on the next working day.</summary>
    public bool ApplyCutoff { get; init; }

    /// <summary>The cut-off time (local).</summary>
    public TimeOnly Cutoff { get; init; } = DefaultCutoff;

    /// <summary>Pauses of the clock, in any order, possibly overlapping.</summary>
    public IReadOnlyList<Pause> Pauses { get; init; } = [];
}

/// <summary>The outcome of a deadline computation that may be paused.</summary>
/// <param name="StartAt">When the clock started.</param>
/// <param name="DueAt">The due instant, or null while an open pause holds the clock before it is reached.</param>
/// <param name="IsPaused">An open pause exists (the dossier is paused now).</param>
/// <param name="PausedSince">Start of the open pause, if any.</param>
/// <param name="PausedTime">Time excluded by closed pauses before the due instant (working time; elapsed time for calendar days).</param>
/// <param name="RemainingWhenPaused">Time still to run when the open pause began, when it began before the due instant.</param>
public sealed record DueResult(
    DateTimeOffset StartAt,
    DateTimeOffset? DueAt,
    bool IsPaused,
    DateTimeOffset? PausedSince,
    TimeSpan PausedTime,
    TimeSpan? RemainingWhenPaused);

/// <summary>The planned window of one processing step.</summary>
public sealed record StepDeadline(int Index, DateTimeOffset StartAt, DateTimeOffset DueAt);
