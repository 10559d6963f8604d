using System.Globalization;

using MotCua.Core.Calendar;

namespace MotCua.Core.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // Years where Vietnam (UTC+7) and China (UTC+8) differ: 1968 (one day), 1985 (a whole month), 2007 (one day).
    [InlineData(1968, "1968-01-29")]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(1900, "1900-01-31")]
    [InlineData(2000, "2000-02-05")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2100, "2100-02-09")]
    public void Tet_falls_on_the_published_Vietnamese_date(int lunarYear, string expected)
    {
        Assert.Equal(D(expected), VietnameseLunarCalendar.ToSolar(new LunarDate(1, 1, lunarYear, false)));
        Assert.Equal(new LunarDate(1, 1, lunarYear, false), VietnameseLunarCalendar.FromSolar(D(expected)));
    }

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    [InlineData(2033, 11)]
    [InlineData(2024, 0)]
    [InlineData(2026, 0)]
    public void Leap_months_match_the_published_tables(int lunarYear, int leapMonth)
    {
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(lunarYear));
    }

    [Theory]
    // 2023: leap 2nd month starts 22/3/2023; 10/3 lunar (Giỗ Tổ) is 29/4/2023.
    [InlineData("2023-03-22", 1, 2, 2023, true)]
    [InlineData("2023-04-29", 10, 3, 2023, false)]
    // 2025: leap 6th month starts 25/7/2025.
    [InlineData("2025-07-25", 1, 6, 2025, true)]
    // 2020: leap 4th month starts 23/5/2020.
    [InlineData("2020-05-23", 1, 4, 2020, true)]
    // January dates before Tết belong to the previous lunar year.
    [InlineData("2024-01-01", 20, 11, 2023, false)]
    [InlineData("2024-02-09", 30, 12, 2023, false)]
    [InlineData("2023-01-21", 30, 12, 2022, false)]
    [InlineData("2025-01-28", 29, 12, 2024, false)]
    [InlineData("1900-01-01", 1, 12, 1899, false)]
    public void Known_lunar_dates(string solar, int day, int month, int year, bool leap)
    {
        var lunar = new LunarDate(day, month, year, leap);
        Assert.Equal(lunar, VietnameseLunarCalendar.FromSolar(D(solar)));
        Assert.Equal(D(solar), VietnameseLunarCalendar.ToSolar(lunar));
    }

    [Fact]
    public void Every_day_from_1900_to_2100_round_trips()
    {
        var failures = new List<string>();
        int previousDay = 0;
        for (var d = new DateOnly(1900, 1, 1); d <= new DateOnly(2100, 12, 31); d = d.AddDays(1))
        {
            LunarDate lunar = VietnameseLunarCalendar.FromSolar(d);
            if (VietnameseLunarCalendar.ToSolar(lunar) != d)
            {
                failures.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            // Lunar days advance by one, or restart at 1 after day 29 or 30.
            bool continuous = lunar.Day == previousDay + 1 || (lunar.Day == 1 && previousDay is 29 or 30) || previousDay == 0;
            if (!continuous)
            {
                failures.Add("discontinuity at " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            previousDay = lunar.Day;
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2025)]
    public void A_leap_month_that_does_not_exist_is_rejected(int lunarYear)
    {
        int leap = VietnameseLunarCalendar.LeapMonth(lunarYear);
        int other = leap == 12 ? 1 : leap + 1;
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(1, other, lunarYear, true)));
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(1, 1, 2024, true)));
    }

    [Fact]
    public void Day_30_of_a_29_day_month_is_rejected()
    {
        // Tháng Chạp of lunar 2024 has 29 days (Tết 2025 follows 28/1/2025 = 29 Chạp).
        Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(12, 2024, false));
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(30, 12, 2024, false)));
        Assert.Equal(30, VietnameseLunarCalendar.DaysInMonth(12, 2023, false));
    }

    [Fact]
    public void Dates_outside_1900_2100_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(new DateOnly(2101, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(1, 1, 1899, false)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(1, 1, 2102, false)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(1, 13, 2000, false)));
    }
}
