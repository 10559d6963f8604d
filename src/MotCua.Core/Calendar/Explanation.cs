using System.Globalization;

namespace MotCua.Core.Calendar;

/// <summary>What a line of a deadline explanation says about its date.</summary>
public enum ExplanationKind
{
    /// <summary>The dossier was received on this date.</summary>
    Received,

    /// <summary>Received outside office hours or on a day off: the clock starts at the next working period.</summary>
    StartMovedAfterHours,

    /// <summary>Received after the cut-off: the clock starts on the next working day.</summary>
    StartMovedAfterCutoff,

    /// <summary>A working day that counts.</summary>
    Counted,

    /// <summary>Saturday or Sunday, not counted.</summary>
    SkippedWeekend,

    /// <summary>Holiday, compensatory or swapped-off day, not counted.</summary>
    SkippedHoliday,

    /// <summary>A worked Saturday/Sunday that counts.</summary>
    MakeUpWorkingDay,

    /// <summary>The clock was stopped for the whole working day.</summary>
    Paused,

    /// <summary>The due date.</summary>
    Due,

    /// <summary>The day of receipt, not counted (Civil Code Art. 147).</summary>
    ReceiptDayNotCounted,

    /// <summary>A supplement act, its limits or its effect on the clock.</summary>
    Supplement,

    /// <summary>The desk's check of an online dossier before receipt, its limit and the limit's basis.</summary>
    OnlineCheck,
}

/// <summary>One line of "why is the due date this day": <c>10/02/2024 — Tết Nguyên Đán (mùng 1)</c>.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Kind">What happened on it.</param>
/// <param name="Reason">Vietnamese text for users.</param>
/// <param name="Ordinal">For counted days, which working (or calendar) day of the processing time ends on it.</param>
public sealed record ExplanationLine(DateOnly Date, ExplanationKind Kind, string Reason, int? Ordinal = null)
{
    /// <summary>"dd/MM/yyyy — Reason".</summary>
    public override string ToString() =>
        Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " — " + Reason;
}
