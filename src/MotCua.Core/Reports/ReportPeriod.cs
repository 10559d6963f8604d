using System.Globalization;

using MotCua.Core.Calendar;

namespace MotCua.Core.Reports;

/// <summary>The kind of reporting period.</summary>
public enum ReportPeriodKind
{
    /// <summary>Tháng.</summary>
    Month,

    /// <summary>Quý.</summary>
    Quarter,

    /// <summary>6 tháng.</summary>
    HalfYear,

    /// <summary>Năm.</summary>
    Year,

    /// <summary>A from–to range chosen by the user.</summary>
    Custom,
}

/// <summary>
/// The cut-off rule of a reporting regime: a period named after months M1..M2 runs from day <see cref="CutoffDay"/> of
/// the month before M1 to the day before <see cref="CutoffDay"/> of M2+1's predecessor, i.e. to day CutoffDay−1 of M2.
/// </summary>
/// <remarks>
/// [C in other Government reporting regimes, U for TT01/2020 and for the quarterly rule] The official regime counts
/// from the 15th of the month before the period to the 14th of its last month (year: 15/12 of the previous year –
/// 14/12; six months: 15/12 – 14/6). Many provinces use calendar periods for one-stop statistics, so the day is
/// configurable: <see cref="Calendar"/> (day 1) gives calendar months, quarters and years.
/// </remarks>
public sealed record ReportingRegime
{
    /// <summary>Creates a regime whose periods start on day <paramref name="cutoffDay"/> (1–28).</summary>
    public ReportingRegime(int cutoffDay)
    {
        if (cutoffDay is < 1 or > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoffDay), cutoffDay, "The cut-off day must be between 1 and 28.");
        }

        CutoffDay = cutoffDay;
    }

    /// <summary>The day of the month a period starts on; 1 means calendar periods.</summary>
    public int CutoffDay { get; }

    /// <summary>15th of the previous month to the 14th (the Government reporting regime, [U] for TT01/2020).</summary>
    public static ReportingRegime Official { get; } = new(15);

    /// <summary>Calendar months, quarters, halves and years.</summary>
    public static ReportingRegime Calendar { get; } = new(1);

    /// <summary>The first day of the period named after month <paramref name="month"/> of <paramref name="year"/>.</summary>
    internal DateOnly StartOfMonthPeriod(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return CutoffDay == 1 ? first : first.AddMonths(-1).AddDays(CutoffDay - 1);
    }
}

/// <summary>
/// A reporting period: inclusive Vietnam-local dates <see cref="Start"/>..<see cref="End"/>. An instant belongs to it
/// when its Vietnam-local date does, so the period is the half-open instant range
/// [<see cref="StartInstant"/>, <see cref="EndInstant"/>). A period that has not ended is reported as of an instant
/// (<see cref="AsOf(DateTimeOffset)"/>): its figures stop at <see cref="CutoffInstant"/> instead of its end.
/// </summary>
public sealed record ReportPeriod
{
    private ReportPeriod(ReportPeriodKind kind, int year, int index, DateOnly start, DateOnly end, ReportingRegime regime)
    {
        Kind = kind;
        Year = year;
        Index = index;
        Start = start;
        End = end;
        Regime = regime;
    }

    /// <summary>Month, quarter, half year, year or custom.</summary>
    public ReportPeriodKind Kind { get; }

    /// <summary>The year the period is named after (a custom period: the year of its end).</summary>
    public int Year { get; }

    /// <summary>Month 1–12, quarter 1–4, half 1–2; 0 for a year or a custom range.</summary>
    public int Index { get; }

    /// <summary>First local date, inclusive.</summary>
    public DateOnly Start { get; }

    /// <summary>Last local date, inclusive.</summary>
    public DateOnly End { get; }

    /// <summary>The regime the boundaries come from.</summary>
    public ReportingRegime Regime { get; }

    /// <summary>00:00 Vietnam time on <see cref="Start"/>.</summary>
    public DateTimeOffset StartInstant => LocalMidnight(Start);

    /// <summary>00:00 Vietnam time on the day after <see cref="End"/> (exclusive).</summary>
    public DateTimeOffset EndInstant => LocalMidnight(End.AddDays(1));

    /// <summary>The instant a provisional period is reported as of; null for a period that has ended.</summary>
    public DateTimeOffset? AsOfInstant { get; private init; }

    /// <summary>
    /// The instant the figures stop at: <see cref="EndInstant"/> for a period that has ended, otherwise the as-of instant.
    /// A dossier pending at it is overdue when its due instant is before it, and what happens from it on is not counted.
    /// </summary>
    public DateTimeOffset CutoffInstant => AsOfInstant ?? EndInstant;

    /// <summary>Whether the period had not ended when it was reported, so its figures are provisional (tạm tính).</summary>
    public bool IsProvisional => AsOfInstant is not null;

    /// <summary>
    /// "Số liệu tạm tính đến 14:30 ngày 10/03/2025" for a provisional period (Vietnam time), null for one that has ended.
    /// </summary>
    public string? ProvisionalText => AsOfInstant is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"Số liệu tạm tính đến {at.ToOffset(DeadlineCalculator.VietnamOffset):HH:mm 'ngày' dd/MM/yyyy}")
        : null;

    /// <summary>
    /// This period as reported at <paramref name="now"/>: unchanged once it has ended (its figures are reproducible),
    /// otherwise cut off at <paramref name="now"/> (at its start if it has not begun, when nothing of it exists yet).
    /// </summary>
    public ReportPeriod AsOf(DateTimeOffset now)
    {
        // What happened at now itself has happened: the figures run to the instant just after it.
        DateTimeOffset after = now.AddTicks(1);
        if (after >= EndInstant)
        {
            return AsOfInstant is null ? this : this with { AsOfInstant = null };
        }

        DateTimeOffset at = after < StartInstant ? StartInstant : after;
        return this with { AsOfInstant = at.ToOffset(DeadlineCalculator.VietnamOffset) };
    }

    /// <summary>Month <paramref name="month"/> of <paramref name="year"/>.</summary>
    public static ReportPeriod Month(int year, int month, ReportingRegime? regime = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return Named(ReportPeriodKind.Month, year, month, month, month, regime);
    }

    /// <summary>Quarter 1–4 of <paramref name="year"/>.</summary>
    public static ReportPeriod Quarter(int year, int quarter, ReportingRegime? regime = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return Named(ReportPeriodKind.Quarter, year, quarter, (quarter * 3) - 2, quarter * 3, regime);
    }

    /// <summary>Half 1 (6 tháng đầu năm) or 2 (6 tháng cuối năm) of <paramref name="year"/>.</summary>
    public static ReportPeriod HalfYear(int year, int half, ReportingRegime? regime = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return Named(ReportPeriodKind.HalfYear, year, half, (half * 6) - 5, half * 6, regime);
    }

    /// <summary>The year <paramref name="year"/>.</summary>
    public static ReportPeriod FullYear(int year, ReportingRegime? regime = null) =>
        Named(ReportPeriodKind.Year, year, 0, 1, 12, regime);

    /// <summary>A custom range of local dates, both inclusive.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static ReportPeriod Custom(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("The end date is before the start date.", nameof(to));
        }

        return new ReportPeriod(ReportPeriodKind.Custom, to.Year, 0, from, to, ReportingRegime.Calendar);
    }

    /// <summary>The period of the same kind and regime just before this one; a custom range moves back by its own length.</summary>
    public ReportPeriod Previous() => Kind switch
    {
        ReportPeriodKind.Month => Index == 1 ? Month(Year - 1, 12, Regime) : Month(Year, Index - 1, Regime),
        ReportPeriodKind.Quarter => Index == 1 ? Quarter(Year - 1, 4, Regime) : Quarter(Year, Index - 1, Regime),
        ReportPeriodKind.HalfYear => Index == 1 ? HalfYear(Year - 1, 2, Regime) : HalfYear(Year, 1, Regime),
        ReportPeriodKind.Year => FullYear(Year - 1, Regime),
        ReportPeriodKind.Custom => Custom(Start.AddDays(-(End.DayNumber - Start.DayNumber + 1)), Start.AddDays(-1)),
    };

    /// <summary>Whether the instant lies in the period as reported: from its start to its <see cref="CutoffInstant"/>.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= StartInstant && instant < CutoffInstant;

    /// <summary>Whether the local date lies in the period.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Stable machine key: "2025-03", "2025-Q1", "2025-H1", "2025", "2025-01-01..2025-03-31".</summary>
    public string Key => Kind switch
    {
        ReportPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Index:00}"),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Index}"),
        ReportPeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Index}"),
        ReportPeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        ReportPeriodKind.Custom => string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}"),
    };

    /// <summary>Vietnamese label: "Tháng 3/2025", "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025", "Từ ngày 01/01/2025 đến ngày 31/03/2025".</summary>
    public string Label => Kind switch
    {
        ReportPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"Tháng {Index}/{Year}"),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {Roman(Index)}/{Year}"),
        ReportPeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"6 tháng {(Index == 1 ? "đầu" : "cuối")} năm {Year}"),
        ReportPeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"Năm {Year}"),
        ReportPeriodKind.Custom => RangeLabel,
    };

    /// <summary>The header line of Biểu 06: "Từ ngày 15/12/2024 đến ngày 14/03/2025".</summary>
    public string RangeLabel =>
        string.Create(CultureInfo.InvariantCulture, $"Từ ngày {Start:dd/MM/yyyy} đến ngày {End:dd/MM/yyyy}");

    /// <summary>The monthly periods from month <paramref name="firstMonth"/>/<paramref name="firstYear"/> to <paramref name="lastMonth"/>/<paramref name="lastYear"/>, both inclusive (for trends).</summary>
    public static IReadOnlyList<ReportPeriod> Months(int firstYear, int firstMonth, int lastYear, int lastMonth, ReportingRegime? regime = null)
    {
        var result = new List<ReportPeriod>();
        for (var (y, m) = (firstYear, firstMonth); y < lastYear || (y == lastYear && m <= lastMonth); (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1))
        {
            result.Add(Month(y, m, regime));
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => Label;

    private static ReportPeriod Named(ReportPeriodKind kind, int year, int index, int firstMonth, int lastMonth, ReportingRegime? regime)
    {
        regime ??= ReportingRegime.Official;
        DateOnly start = regime.StartOfMonthPeriod(year, firstMonth);
        DateOnly nextStart = lastMonth == 12 ? regime.StartOfMonthPeriod(year + 1, 1) : regime.StartOfMonthPeriod(year, lastMonth + 1);
        return new ReportPeriod(kind, year, index, start, nextStart.AddDays(-1), regime);
    }

    private static DateTimeOffset LocalMidnight(DateOnly date) =>
        new(date.ToDateTime(TimeOnly.MinValue), DeadlineCalculator.VietnamOffset);

    private static string Roman(int quarter) => quarter switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    };
}
