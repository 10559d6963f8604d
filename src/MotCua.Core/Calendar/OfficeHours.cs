namespace MotCua.Core.Calendar;

/// <summary>Office hours of a working day: a morning and an afternoon period, local time (UTC+7).</summary>
/// <remarks>Default 07:00–11:30 / 13:30–17:00 (8 h) as in practice [P]; provinces may differ (Kon Tum 7–11 / 13–17).</remarks>
public sealed record OfficeHours
{
    /// <summary>Validates that the four times are strictly increasing.</summary>
    public OfficeHours(TimeOnly MorningStart, TimeOnly MorningEnd, TimeOnly AfternoonStart, TimeOnly AfternoonEnd)
    {
        if (!(MorningStart < MorningEnd && MorningEnd <= AfternoonStart && AfternoonStart < AfternoonEnd))
        {
            throw new ArgumentException("Office hours must satisfy MorningStart < MorningEnd ≤ AfternoonStart < AfternoonEnd.");
        }

        this.MorningStart = MorningStart;
        this.MorningEnd = MorningEnd;
        this.AfternoonStart = AfternoonStart;
        this.AfternoonEnd = AfternoonEnd;
    }

    /// <summary>07:00–11:30 and 13:30–17:00.</summary>
    public static OfficeHours Default { get; } = new(new TimeOnly(7, 0), new TimeOnly(11, 30), new TimeOnly(13, 30), new TimeOnly(17, 0));

    /// <summary>Start of the morning period.</summary>
    public TimeOnly MorningStart { get; }

    /// <summary>End of the morning period (start of the lunch break).</summary>
    public TimeOnly MorningEnd { get; }

    /// <summary>Start of the afternoon period.</summary>
    public TimeOnly AfternoonStart { get; }

    /// <summary>End of the working day.</summary>
    public TimeOnly AfternoonEnd { get; }

    /// <summary>Working time in one day (8 h by default); one working day of processing time equals this.</summary>
    public TimeSpan WorkingDayLength => (MorningEnd - MorningStart) + (AfternoonEnd - AfternoonStart);

    /// <summary>Deconstructs into the four times.</summary>
    public void Deconstruct(out TimeOnly morningStart, out TimeOnly morningEnd, out TimeOnly afternoonStart, out TimeOnly afternoonEnd)
    {
        morningStart = MorningStart;
        morningEnd = MorningEnd;
        afternoonStart = AfternoonStart;
        afternoonEnd = AfternoonEnd;
    }
}
