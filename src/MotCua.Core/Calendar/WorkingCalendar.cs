using System.Globalization;
using System.Text.Json;

namespace MotCua.Core.Calendar;

/// <summary>
/// The working-day calendar of state bodies, 1900–2100: Monday–Friday minus holidays, compensatory and swapped-off
/// days, plus make-up Saturdays/Sundays. Immutable and thread-safe; everything is precomputed in the constructor.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>First supported date.</summary>
    public static DateOnly MinDate { get; } = new(1900, 1, 1);

    /// <summary>Last supported date.</summary>
    public static DateOnly MaxDate { get; } = new(2100, 12, 31);

    private static readonly int FirstDayNumber = MinDate.DayNumber;
    private static readonly int DayCount = MaxDate.DayNumber - MinDate.DayNumber + 1;

    // Per day (index = DayNumber - FirstDayNumber): working or not, and the schedule entry if any.
    private readonly bool[] _working;
    private readonly ScheduleEntry?[] _entries;

    // _cumulativeBefore[i] = number of working days strictly before day i (length DayCount + 1), so
    // counting working days between two dates is one subtraction.
    private readonly int[] _cumulativeBefore;

    // _workingDayIndex[k] = day index of the (k+1)-th working day; the inverse of _cumulativeBefore,
    // so "the n-th working day after d" is one array read.
    private readonly int[] _workingDayIndex;

    private readonly IReadOnlyList<ScheduleEntry>[] _schedules;

    private readonly bool[] _confirmed;

    // Statutory holidays that fall on a Saturday/Sunday, by date. Official notices omit them (the day is off anyway),
    // but explanations should still say "Tết Nguyên Đán (mùng 1)" rather than "Thứ Bảy".
    private readonly Dictionary<DateOnly, string> _restDayHolidayNames = [];

    /// <summary>
    /// Builds the calendar. A year present in <paramref name="officialSchedules"/> replaces the computed default, except
    /// that a fixed-date statutory holiday missing from it is added (see <see cref="WithFixedHolidays"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A year outside 1900–2100, an entry dated in another year, or two entries for one date.</exception>
    public WorkingCalendar(
        IReadOnlyDictionary<int, IReadOnlyList<ScheduleEntry>> officialSchedules,
        NationalDayAdjacentDay adjacentDayRule = NationalDayAdjacentDay.JoinWeekend)
    {
        ArgumentNullException.ThrowIfNull(officialSchedules);
        foreach (int year in officialSchedules.Keys)
        {
            if (year < MinDate.Year || year > MaxDate.Year)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Official schedule for {year} is outside 1900–2100."), nameof(officialSchedules));
            }
        }

        _working = new bool[DayCount];
        _entries = new ScheduleEntry?[DayCount];
        _schedules = new IReadOnlyList<ScheduleEntry>[MaxDate.Year - MinDate.Year + 1];
        _confirmed = new bool[MaxDate.Year - MinDate.Year + 1];

        for (int i = 0; i < DayCount; i++)
        {
            _working[i] = !StatutoryHolidays.IsWeekend(DateOnly.FromDayNumber(FirstDayNumber + i));
        }

        for (int year = MinDate.Year; year <= MaxDate.Year; year++)
        {
            IReadOnlyList<ScheduleEntry> computed = StatutoryHolidays.ComputeDefault(year, adjacentDayRule);
            IReadOnlyList<ScheduleEntry> schedule = officialSchedules.TryGetValue(year, out IReadOnlyList<ScheduleEntry>? official)
                ? WithFixedHolidays(year, official, adjacentDayRule)
                : computed;
            _confirmed[year - MinDate.Year] = official is not null;
            foreach (ScheduleEntry entry in computed)
            {
                if (entry.Kind == DayKind.Holiday && StatutoryHolidays.IsWeekend(entry.Date))
                {
                    _restDayHolidayNames[entry.Date] = entry.Name;
                }
            }
            _schedules[year - MinDate.Year] = schedule;

            foreach (ScheduleEntry entry in schedule)
            {
                if (entry.Date.Year != year)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Entry {entry.Date:yyyy-MM-dd} is listed under year {year}."), nameof(officialSchedules));
                }

                int index = entry.Date.DayNumber - FirstDayNumber;
                if (_entries[index] is not null)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Two entries for {entry.Date:yyyy-MM-dd}."), nameof(officialSchedules));
                }

                _entries[index] = entry;
                _working[index] = entry.Kind switch
                {
                    DayKind.MakeUpWorkingDay => true,
                    DayKind.Holiday or DayKind.Compensatory or DayKind.SwappedOff => false,
                };
            }
        }

        _cumulativeBefore = new int[DayCount + 1];
        int count = 0;
        for (int i = 0; i < DayCount; i++)
        {
            _cumulativeBefore[i] = count;
            if (_working[i])
            {
                count++;
            }
        }

        _cumulativeBefore[DayCount] = count;
        _workingDayIndex = new int[count];
        for (int i = 0, k = 0; i < DayCount; i++)
        {
            if (_working[i])
            {
                _workingDayIndex[k++] = i;
            }
        }
    }

    /// <summary>
    /// The official schedule plus each single fixed-date statutory holiday it lacks. A notice is issued before its year
    /// and lists only the holidays law at the time, so a holiday enacted later (24/11 from 2026, by a resolution in force
    /// after the 2026 notices) must still count; a rule-holiday on a weekend adds its compensatory day unless the notice
    /// already gives one within the following week. Tết, Giỗ Tổ and the adjacent National Day are the notice's to fix.
    /// </summary>
    internal static IReadOnlyList<ScheduleEntry> WithFixedHolidays(int year, IReadOnlyList<ScheduleEntry> official, NationalDayAdjacentDay adjacentDayRule)
    {
        var result = new List<ScheduleEntry>(official);
        var dates = new HashSet<DateOnly>(official.Select(static e => e.Date));
        foreach ((DateOnly date, string name, HolidayRule rule) in StatutoryHolidays.Holidays(year, adjacentDayRule))
        {
            if (rule.Pattern != HolidayDatePattern.Solar || dates.Contains(date))
            {
                continue;
            }

            if (!StatutoryHolidays.IsWeekend(date))
            {
                result.Add(new ScheduleEntry(date, DayKind.Holiday, name));
                dates.Add(date);
            }
            else if (!official.Any(e => e.Kind == DayKind.Compensatory && e.Date > date && e.Date <= date.AddDays(7)))
            {
                DateOnly day = StatutoryHolidays.NextFreeWorkingDay(date, d => StatutoryHolidays.IsWeekend(d) || dates.Contains(d));
                if (day.Year == year)
                {
                    result.Add(StatutoryHolidays.Compensatory(day, date, name));
                    dates.Add(day);
                }
            }
        }

        return [.. result.OrderBy(static e => e.Date)];
    }

    /// <summary>Whether an official schedule was loaded for <paramref name="year"/>; otherwise its days are computed by law only.</summary>
    public bool IsConfirmed(int year) =>
        year >= MinDate.Year && year <= MaxDate.Year && _confirmed[year - MinDate.Year];

    /// <summary>A calendar with computed defaults for every year (no official schedules).</summary>
    public static WorkingCalendar ComputedDefault { get; } = new(new Dictionary<int, IReadOnlyList<ScheduleEntry>>());

    /// <summary>
    /// Parses the shape of <c>holidays-public-sector-*.json</c>:
    /// <c>{"years": {"2023": [{"date": "2023-01-02", "kind": "compensatory", "name": "…"}]}}</c>.
    /// </summary>
    /// <exception cref="FormatException">The document does not have that shape.</exception>
    public static WorkingCalendar FromJson(string json) => new(ParseSchedules(json));

    /// <summary>Parses the schedules of the JSON document without building a calendar.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<ScheduleEntry>> ParseSchedules(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            var result = new Dictionary<int, IReadOnlyList<ScheduleEntry>>();
            foreach (JsonProperty year in document.RootElement.GetProperty("years").EnumerateObject())
            {
                var entries = new List<ScheduleEntry>();
                foreach (JsonElement item in year.Value.EnumerateArray())
                {
                    string date = item.GetProperty("date").GetString() ?? throw new FormatException("Missing date.");
                    string kind = item.GetProperty("kind").GetString() ?? throw new FormatException("Missing kind.");
                    string name = item.GetProperty("name").GetString() ?? throw new FormatException("Missing name.");
                    entries.Add(new ScheduleEntry(
                        DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ParseKind(kind),
                        name));
                }

                result.Add(int.Parse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture), entries);
            }

            return result;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("Not a holiday schedule document: " + ex.Message, ex);
        }
    }

    private static DayKind ParseKind(string kind) => kind switch
    {
        "holiday" => DayKind.Holiday,
        "compensatory" => DayKind.Compensatory,
        "swappedOff" => DayKind.SwappedOff,
        "makeUpWorkingDay" => DayKind.MakeUpWorkingDay,
        _ => throw new FormatException($"Unknown day kind '{kind}'."),
    };

    /// <summary>Whether state bodies work on this date.</summary>
    public bool IsWorkingDay(DateOnly date) => _working[IndexOf(date)];

    /// <summary>The schedule entry for this date, or null for an ordinary weekday or weekend.</summary>
    public ScheduleEntry? EntryFor(DateOnly date) => _entries[IndexOf(date)];

    /// <summary>The schedule in force for a year: the official one if given, else the computed default.</summary>
    public IReadOnlyList<ScheduleEntry> EffectiveSchedule(int year)
    {
        if (year < MinDate.Year || year > MaxDate.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Supported years are 1900–2100.");
        }

        return _schedules[year - MinDate.Year];
    }

    /// <summary>Number of working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/>; negative when reversed.</summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive) =>
        _cumulativeBefore[IndexOf(toInclusive) + 1] - _cumulativeBefore[IndexOf(fromExclusive) + 1];

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="from"/> (before it when n is negative);
    /// <paramref name="from"/> itself when n is 0. O(1), no allocation.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int n)
    {
        int index = IndexOf(from);
        if (n == 0)
        {
            return from;
        }

        // Working days strictly before `from` have ordinals 0.._cumulativeBefore[index]-1; strictly after start at
        // _cumulativeBefore[index + 1].
        long ordinal = n > 0 ? _cumulativeBefore[index + 1] + (long)n - 1 : _cumulativeBefore[index] + (long)n;
        if (ordinal < 0 || ordinal >= _workingDayIndex.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The result is outside 1900–2100.");
        }

        return DateOnly.FromDayNumber(FirstDayNumber + _workingDayIndex[ordinal]);
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The statutory holiday (by the Labour Code, as computed) that falls on this Saturday or Sunday, e.g.
    /// "Tết Nguyên Đán (mùng 1)" for 10/02/2024; null otherwise. Informational only: it never changes working days.
    /// </summary>
    public string? RestDayHolidayName(DateOnly date) => _restDayHolidayNames.GetValueOrDefault(date);

    // ---- index-level access for DeadlineCalculator's hot path (no DateOnly round trips) ----

    internal static int FirstDay => FirstDayNumber;

    internal static int Days => DayCount;

    internal int WorkingDayCount => _workingDayIndex.Length;

    internal bool IsWorkingIndex(int dayIndex) => _working[dayIndex];

    internal int CumulativeBefore(int dayIndex) => _cumulativeBefore[dayIndex];

    internal int WorkingDayAt(int ordinal) => _workingDayIndex[ordinal];

    private static int IndexOf(DateOnly date)
    {
        int index = date.DayNumber - FirstDayNumber;
        if ((uint)index >= (uint)DayCount)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Supported dates are 1900-01-01 to 2100-12-31.");
        }

        return index;
    }
}
