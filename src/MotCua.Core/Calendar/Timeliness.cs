using System.Globalization;
using System.Text;

namespace MotCua.Core.Calendar;

/// <summary>How a resolved dossier compares with its original due instant.</summary>
public enum ResolutionTimeliness
{
    /// <summary>Finished on a local date before the due date (trước hạn).</summary>
    Early,

    /// <summary>Finished on the due date, not after the due instant (đúng hạn).</summary>
    OnTime,

    /// <summary>Finished after the due instant (quá hạn).</summary>
    Late,
}

/// <summary>How a pending dossier stands against its due instant.</summary>
public enum PendingTimeliness
{
    /// <summary>More than the warning threshold remains (trong hạn).</summary>
    WithinTime,

    /// <summary>At most the threshold remains (sắp đến hạn).</summary>
    DueSoon,

    /// <summary>The due instant has passed (quá hạn).</summary>
    Overdue,
}

/// <summary>A working-time amount in working days (of the office-hours length), hours and minutes.</summary>
public readonly record struct WorkingDuration(int Days, int Hours, int Minutes)
{
    /// <summary>Splits a non-negative working time into days of <paramref name="workingDayLength"/>; seconds are truncated.</summary>
    public static WorkingDuration From(TimeSpan workingTime, TimeSpan workingDayLength)
    {
        if (workingTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "Working time must not be negative.");
        }

        if (workingDayLength <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingDayLength), workingDayLength, "Day length must be positive.");
        }

        long days = workingTime.Ticks / workingDayLength.Ticks;
        var rest = TimeSpan.FromTicks(workingTime.Ticks % workingDayLength.Ticks);
        return new WorkingDuration(checked((int)days), (int)rest.TotalHours, rest.Minutes);
    }

    /// <summary>Splits a working time into 8-hour days.</summary>
    public static WorkingDuration From(TimeSpan workingTime) => From(workingTime, TimeSpan.FromHours(8));

    /// <summary>"2 ngày 3 giờ 15 phút", omitting zero parts; "0 phút" for zero.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        void Part(int value, string unit)
        {
            if (value != 0)
            {
                text.Append(text.Length > 0 ? " " : "").Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
            }
        }

        Part(Days, "ngày");
        Part(Hours, "giờ");
        Part(Minutes, "phút");
        return text.Length == 0 ? "0 phút" : text.ToString();
    }
}
