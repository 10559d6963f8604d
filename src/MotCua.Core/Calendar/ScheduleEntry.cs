namespace MotCua.Core.Calendar;

/// <summary>Why a date differs from an ordinary Monday–Friday working week.</summary>
public enum DayKind
{
    /// <summary>Statutory public holiday (Labour Code 2019 Art. 112).</summary>
    Holiday,

    /// <summary>Day off because a holiday fell on a weekly rest day (Art. 111(3), "nghỉ bù").</summary>
    Compensatory,

    /// <summary>A working day given off in exchange for a make-up Saturday ("nghỉ hoán đổi").</summary>
    SwappedOff,

    /// <summary>A Saturday or Sunday that is worked ("làm bù"); it counts as a working day.</summary>
    MakeUpWorkingDay,
}

/// <summary>One exceptional day in a year's schedule; <see cref="Name"/> is the Vietnamese label shown to users.</summary>
public sealed record ScheduleEntry(DateOnly Date, DayKind Kind, string Name);
