using System.Globalization;

namespace MotCua.Core.Calendar;

/// <summary>A date in the Vietnamese lunisolar calendar (âm lịch). <see cref="Year"/> is the lunar year whose Tết starts it.</summary>
public readonly record struct LunarDate(int Day, int Month, int Year, bool IsLeapMonth)
{
    /// <summary>"d/M/yyyy" with a trailing " (nhuận)" for a leap month, invariant digits.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day}/{Month}/{Year}{(IsLeapMonth ? " (nhuận)" : "")}");
}
