using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Core.Plans;

/// <summary>What kind of "Thời gian thực hiện" a plan task states.</summary>
public enum TimeFrameKind
{
    /// <summary>A fixed window done once: "Quý I/2024", "Quý I–II/2024", "Tháng 3/2024", "6 tháng đầu năm", a date range.</summary>
    Window,

    /// <summary>"Trong năm", "Năm 2024": once, any time in the plan year.</summary>
    WithinYear,

    /// <summary>"Thường xuyên": ongoing all year; progress is expected every quarter.</summary>
    Continuous,

    /// <summary>"Tháng, quý, năm", "Hằng quý", "Định kỳ…": a product due every period.</summary>
    Recurring,
}

/// <summary>Which periods a recurring task repeats over. "Tháng, quý, năm" is all three.</summary>
[Flags]
public enum Recurrence
{
    None = 0,
    Monthly = 1,
    Quarterly = 2,
    HalfYearly = 4,
    Yearly = 8,
}

/// <summary>One period a task must deliver in, e.g. "Quý I/2024" due 31/03/2024. <see cref="Key"/> is stable and machine-readable ("2024-Q1", "2024-03", "2024-H1", "2024", "once").</summary>
public sealed record TaskPeriod(string Key, string Label, DateOnly Start, DateOnly Due);

/// <summary>
/// A parsed "Thời gian thực hiện". Due dates are the last calendar day of the window or period (the plan texts set no
/// working-day rule for internal tasks, so none is applied).
/// </summary>
public sealed record TimeFrame(string Text, TimeFrameKind Kind, DateOnly Start, DateOnly End, Recurrence Recurrence)
{
    /// <summary>Key of the single period of a one-off task.</summary>
    public const string OnceKey = "once";

    /// <summary>The periods to report in, in due-date order.</summary>
    public IReadOnlyList<TaskPeriod> Periods()
    {
        switch (Kind)
        {
            case TimeFrameKind.Window:
            case TimeFrameKind.WithinYear:
                return [new TaskPeriod(OnceKey, Text, Start, End)];
            case TimeFrameKind.Continuous:
                // [P] Ongoing tasks are reported in the quarterly control report (TT 01/2020/TT-VPCP), so each quarter
                // of the plan year is a checkpoint that needs a progress note.
                return PeriodsOf(Start.Year, Recurrence.Quarterly);
            case TimeFrameKind.Recurring:
                return PeriodsOf(Start.Year, Recurrence);
            default:
                throw new InvalidOperationException($"Unknown time frame kind {Kind}.");
        }
    }

    /// <summary>The last due date; a task with no open period after it is finished by then.</summary>
    public DateOnly FinalDue => Periods().Max(p => p.Due);

    private static List<TaskPeriod> PeriodsOf(int year, Recurrence recurrence)
    {
        var periods = new List<TaskPeriod>();
        if (recurrence.HasFlag(Recurrence.Monthly))
        {
            for (var m = 1; m <= 12; m++)
            {
                var start = new DateOnly(year, m, 1);
                periods.Add(new TaskPeriod(
                    string.Create(CultureInfo.InvariantCulture, $"{year}-{m:00}"),
                    string.Create(CultureInfo.InvariantCulture, $"Tháng {m}/{year}"),
                    start, start.AddMonths(1).AddDays(-1)));
            }
        }
        if (recurrence.HasFlag(Recurrence.Quarterly))
        {
            for (var q = 1; q <= 4; q++)
            {
                var start = new DateOnly(year, ((q - 1) * 3) + 1, 1);
                periods.Add(new TaskPeriod(
                    string.Create(CultureInfo.InvariantCulture, $"{year}-Q{q}"),
                    string.Create(CultureInfo.InvariantCulture, $"Quý {TimeFrameParser.Roman(q)}/{year}"),
                    start, start.AddMonths(3).AddDays(-1)));
            }
        }
        if (recurrence.HasFlag(Recurrence.HalfYearly))
        {
            periods.Add(new TaskPeriod(string.Create(CultureInfo.InvariantCulture, $"{year}-H1"), string.Create(CultureInfo.InvariantCulture, $"6 tháng đầu năm {year}"), new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)));
            periods.Add(new TaskPeriod(string.Create(CultureInfo.InvariantCulture, $"{year}-H2"), string.Create(CultureInfo.InvariantCulture, $"6 tháng cuối năm {year}"), new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)));
        }
        if (recurrence.HasFlag(Recurrence.Yearly))
        {
            periods.Add(new TaskPeriod(year.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"Năm {year}"), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));
        }
        // Month, quarter and year ending on the same day sort shortest first: the monthly report comes before the quarterly one.
        return [.. periods.OrderBy(p => p.Due).ThenByDescending(p => p.Start)];
    }
}

/// <summary>Either a <see cref="TimeFrame"/> or a Vietnamese message saying why the text was not understood.</summary>
public sealed record TimeFrameParseResult(TimeFrame? TimeFrame, string? Error)
{
    public bool Success => TimeFrame is not null;
}

/// <summary>
/// Reads the "Thời gian thực hiện" column of a control-plan appendix. The plan year fills in what the text leaves out
/// ("Thường xuyên", "6 tháng đầu năm"). Dashes: hyphen, en dash and em dash are all accepted, with or without spaces.
/// </summary>
public static partial class TimeFrameParser
{
    public static TimeFrameParseResult Parse(string? text, int planYear)
    {
        var original = (text ?? "").Normalize(NormalizationForm.FormC).Trim();
        if (original.Length == 0)
        {
            return Fail("Chưa nhập thời gian thực hiện.");
        }
        var s = Canonical(original);

        if (s is "thường xuyên" or "thường xuyên trong năm" or "liên tục")
        {
            return Ok(new TimeFrame(original, TimeFrameKind.Continuous, YearStart(planYear), YearEnd(planYear), Recurrence.Quarterly));
        }
        if (s is "trong năm" or "cả năm" or "năm" || YearOnly().Match(s) is { Success: true })
        {
            var year = YearOnly().Match(s) is { Success: true } m ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
            return Ok(new TimeFrame(original, TimeFrameKind.WithinYear, YearStart(year), YearEnd(year), Recurrence.None));
        }
        if (s.StartsWith("định kỳ", StringComparison.Ordinal))
        {
            // [P] "Định kỳ (hoặc đột xuất khi có yêu cầu)": the periodic TTHC-control report is quarterly (TT 01/2020/TT-VPCP);
            // ad-hoc requests come on top and are recorded as progress notes.
            return Ok(Recurring(original, planYear, Recurrence.Quarterly));
        }
        if (RecurrenceWords(s) is { } recurrence)
        {
            return Ok(Recurring(original, planYear, recurrence));
        }
        if (Half().Match(s) is { Success: true } half)
        {
            var year = half.Groups["y"].Success ? int.Parse(half.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
            var first = string.Equals(half.Groups["h"].Value, "đầu", StringComparison.Ordinal);
            return Ok(new TimeFrame(original, TimeFrameKind.Window,
                first ? YearStart(year) : new DateOnly(year, 7, 1),
                first ? new DateOnly(year, 6, 30) : YearEnd(year), Recurrence.None));
        }
        if (Quarter().Match(s) is { Success: true } quarter)
        {
            var from = QuarterNumber(quarter.Groups["a"].Value);
            var to = quarter.Groups["b"].Success ? QuarterNumber(quarter.Groups["b"].Value) : from;
            var year = quarter.Groups["y"].Success ? int.Parse(quarter.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
            if (from is null || to is null || to < from)
            {
                return Fail($"Quý không hợp lệ trong «{original}».");
            }
            return Ok(new TimeFrame(original, TimeFrameKind.Window,
                new DateOnly(year, ((from.Value - 1) * 3) + 1, 1),
                new DateOnly(year, to.Value * 3, 1).AddMonths(1).AddDays(-1), Recurrence.None));
        }
        if (Month().Match(s) is { Success: true } month)
        {
            var from = int.Parse(month.Groups["a"].Value, CultureInfo.InvariantCulture);
            var to = month.Groups["b"].Success ? int.Parse(month.Groups["b"].Value, CultureInfo.InvariantCulture) : from;
            var year = month.Groups["y"].Success ? int.Parse(month.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
            if (from is < 1 or > 12 || to is < 1 or > 12 || to < from)
            {
                return Fail($"Tháng không hợp lệ trong «{original}».");
            }
            return Ok(new TimeFrame(original, TimeFrameKind.Window, new DateOnly(year, from, 1), new DateOnly(year, to, 1).AddMonths(1).AddDays(-1), Recurrence.None));
        }
        if (DateRange().Match(s) is { Success: true } range)
        {
            var start = ParseDate(range.Groups["a"].Value, planYear);
            var end = ParseDate(range.Groups["b"].Value, planYear);
            if (start is null || end is null)
            {
                return Fail($"Ngày không hợp lệ trong «{original}».");
            }
            if (end < start)
            {
                return Fail($"Ngày kết thúc trước ngày bắt đầu trong «{original}».");
            }
            return Ok(new TimeFrame(original, TimeFrameKind.Window, start.Value, end.Value, Recurrence.None));
        }
        if (Deadline().Match(s) is { Success: true } deadline)
        {
            if (ParseDate(deadline.Groups["d"].Value, planYear) is not { } due)
            {
                return Fail($"Ngày không hợp lệ trong «{original}».");
            }
            return Ok(new TimeFrame(original, TimeFrameKind.Window, YearStart(due.Year), due, Recurrence.None));
        }
        return Fail($"Không hiểu thời gian thực hiện «{original}». Ví dụ hợp lệ: Quý I/2024, Quý I–II/2024, Tháng 3/2024, 6 tháng đầu năm, 01/3/2024 – 30/6/2024, Thường xuyên, Trong năm, Tháng, quý, năm.");
    }

    internal static string Roman(int quarter) => quarter switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => throw new ArgumentOutOfRangeException(nameof(quarter)),
    };

    private static TimeFrame Recurring(string original, int year, Recurrence recurrence) =>
        new(original, TimeFrameKind.Recurring, YearStart(year), YearEnd(year), recurrence);

    /// <summary>"Tháng, quý, năm", "hằng quý", "6 tháng, năm": a list of period words and nothing else.</summary>
    private static Recurrence? RecurrenceWords(string s)
    {
        var words = s.Replace("hằng", "", StringComparison.Ordinal).Replace("hàng", "", StringComparison.Ordinal)
            .Replace(" và ", ",", StringComparison.Ordinal)
            .Split([',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return null;
        }
        var result = Recurrence.None;
        foreach (var w in words)
        {
            var r = w switch
            {
                "tháng" => Recurrence.Monthly,
                "quý" => Recurrence.Quarterly,
                "6 tháng" or "sáu tháng" => Recurrence.HalfYearly,
                "năm" => Recurrence.Yearly,
                _ => Recurrence.None,
            };
            if (r == Recurrence.None)
            {
                return null;
            }
            result |= r;
        }
        // A bare "năm" alone means "within the year", handled earlier; here at least one word was given.
        return result;
    }

    private static int? QuarterNumber(string token) => token switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        "iv" or "4" => 4,
        _ => null,
    };

    private static DateOnly? ParseDate(string token, int planYear)
    {
        var parts = token.Split('/');
        var year = parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : planYear;
        var day = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year is < 1900 or > 2999 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return new DateOnly(year, month, day);
    }

    /// <summary>Lower case, one kind of dash with no spaces around it, single spaces, no trailing full stop.</summary>
    private static string Canonical(string text)
    {
        var s = text.ToLower(CultureInfo.InvariantCulture)
            .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2012', '-').Replace('\u2212', '-');
        s = Spaces().Replace(s, " ");
        s = DashSpaces().Replace(s, "-");
        return s.Trim().TrimEnd('.').Trim();
    }

    private static DateOnly YearStart(int year) => new(year, 1, 1);

    private static DateOnly YearEnd(int year) => new(year, 12, 31);

    private static TimeFrameParseResult Ok(TimeFrame frame) => new(frame, null);

    private static TimeFrameParseResult Fail(string error) => new(null, error);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*-\s*")]
    private static partial Regex DashSpaces();

    [GeneratedRegex(@"^(trong )?năm (?<y>\d{4})$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^(trong )?(6|sáu) tháng (?<h>đầu|cuối) năm( (?<y>\d{4}))?$")]
    private static partial Regex Half();

    [GeneratedRegex(@"^(trong )?quý (?<a>iv|iii|ii|i|[1-4])(-(quý )?(?<b>iv|iii|ii|i|[1-4]))?((/| năm )(?<y>\d{4}))?$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(trong )?tháng (?<a>\d{1,2})(-(tháng )?(?<b>\d{1,2}))?((/| năm )(?<y>\d{4}))?$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^(từ )?(ngày )?(?<a>\d{1,2}/\d{1,2}(/\d{4})?)( đến |-)(ngày )?(?<b>\d{1,2}/\d{1,2}/\d{4})$")]
    private static partial Regex DateRange();

    [GeneratedRegex(@"^(trước|hạn|chậm nhất|trước ngày|chậm nhất ngày|hoàn thành trước ngày)? ?(ngày )?(?<d>\d{1,2}/\d{1,2}/\d{4})$")]
    private static partial Regex Deadline();
}
