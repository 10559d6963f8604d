using System.Globalization;

using MotCua.Core.Calendar;

namespace MotCua.Core.Tests.Calendar;

/// <summary>The shipped 2023–2026 schedule, loaded once (the calendar is immutable, so sharing it is safe).</summary>
internal static class CalendarTestData
{
    public static string JsonPath { get; } = Path.Combine(
        RepoRoot.Path, "src", "MotCua.Web", "Features", "Calendar", "holidays-public-sector-2023-2026.json");

    public static WorkingCalendar Official { get; } = WorkingCalendar.FromJson(File.ReadAllText(JsonPath));

    public static DeadlineCalculator Calculator { get; } = new(Official, OfficeHours.Default);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset T(string iso) => DateTimeOffset.ParseExact(iso, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
