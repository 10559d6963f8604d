using MotCua.Core.Legal;

namespace MotCua.Core.Calendar;

/// <summary>How a holiday rule finds its date(s) in a year.</summary>
public enum HolidayDatePattern
{
    /// <summary>One solar date (day/month).</summary>
    Solar,

    /// <summary>One lunar date (day/month of the ordinary, non-leap month).</summary>
    Lunar,

    /// <summary>Tết Nguyên Đán: the last day of the lunar year and mùng 1–4 (five days from the eve).</summary>
    LunarNewYear,

    /// <summary>A solar date plus one adjacent day (1/9 or 3/9 for National Day) chosen each year.</summary>
    SolarWithAdjacentDay,
}

/// <summary>
/// One statutory holiday as dated law: the date rule, the days it is in force and the text it rests on. A holiday applies
/// to a date when that date lies within <see cref="ValidFrom"/>–<see cref="ValidUntil"/>, so a law in force mid-year
/// already gives the days off that fall after it.
/// </summary>
/// <param name="Name">The Vietnamese name shown to users.</param>
/// <param name="Pattern">How the date is found.</param>
/// <param name="Day">Day of the (solar or lunar) month.</param>
/// <param name="Month">Solar or lunar month.</param>
/// <param name="ValidFrom">First date on which the rule gives a day off.</param>
/// <param name="ValidUntil">Last such date, or null while in force.</param>
/// <param name="Source">The text the rule rests on.</param>
public sealed record HolidayRule(
    string Name,
    HolidayDatePattern Pattern,
    int Day,
    int Month,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    LegalSource Source)
{
    /// <summary>Whether the rule gives a day off on <paramref name="date"/>.</summary>
    public bool InForceOn(DateOnly date) => date >= ValidFrom && (ValidUntil is not { } until || date <= until);

    /// <summary>Whether the law fixes the solar date itself, so no yearly schedule may move or drop it.</summary>
    public bool IsFixedSolarDate => Pattern is HolidayDatePattern.Solar or HolidayDatePattern.SolarWithAdjacentDay;
}
