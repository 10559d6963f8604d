using System.Globalization;
using MotCua.Core.Reports;

namespace MotCua.Web.Features.Indices;

/// <summary>
/// The period picker shared by the index, targets, scoring and dashboard pages: kind (tháng / quý / 6 tháng / năm),
/// year and number, under the official reporting regime (cut-off on the 15th, as the periodic reports use).
/// </summary>
public sealed record PeriodChoice(string Kind, int Year, int Number)
{
    public const string MonthKind = "thang";
    public const string QuarterKind = "quy";
    public const string HalfKind = "6thang";
    public const string YearKind = "nam";

    public static IReadOnlyList<(string Value, string Name)> Kinds { get; } =
        [(MonthKind, "Tháng"), (QuarterKind, "Quý"), (HalfKind, "6 tháng"), (YearKind, "Năm")];

    public ReportPeriod Period => Kind switch
    {
        MonthKind => ReportPeriod.Month(Year, Number),
        QuarterKind => ReportPeriod.Quarter(Year, Number),
        HalfKind => ReportPeriod.HalfYear(Year, Number),
        _ => ReportPeriod.FullYear(Year),
    };

    /// <summary>Query string of this choice (machine text, invariant).</summary>
    public string Query => string.Create(CultureInfo.InvariantCulture, $"ky={Kind}&nam={Year}&so={Number}");

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="today"/>.</summary>
    public static PeriodChoice Containing(string kind, DateOnly today)
    {
        // Under the official regime a period can end in the next calendar year (from 15/12), so try this year and the next.
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            var max = MaxNumber(kind);
            for (var n = 1; n <= max; n++)
            {
                var choice = new PeriodChoice(kind, year, n);
                if (choice.Period.Contains(today))
                {
                    return choice;
                }
            }
        }
        return new PeriodChoice(kind, today.Year, 1);
    }

    /// <summary>Reads the picker; missing parts default to the period containing today. Errors are Vietnamese sentences.</summary>
    public static (PeriodChoice? Choice, string? Error) Parse(string? kind, int? year, int? number, DateOnly today)
    {
        kind = string.IsNullOrWhiteSpace(kind) ? MonthKind : kind.Trim();
        if (!Kinds.Any(k => string.Equals(k.Value, kind, StringComparison.Ordinal)))
        {
            return (null, "Loại kỳ không hợp lệ: chọn tháng, quý, 6 tháng hoặc năm.");
        }
        var current = Containing(kind, today);
        var y = year ?? current.Year;
        var n = kind == YearKind ? 1 : number ?? current.Number;
        if (y is < 2000 or > 2100)
        {
            return (null, "Năm phải từ 2000 đến 2100.");
        }
        if (n < 1 || n > MaxNumber(kind))
        {
            return (null, kind switch
            {
                MonthKind => "Tháng phải từ 1 đến 12.",
                QuarterKind => "Quý phải từ 1 đến 4.",
                _ => "Kỳ 6 tháng phải là 1 (đầu năm) hoặc 2 (cuối năm).",
            });
        }
        return (new PeriodChoice(kind, y, n), null);
    }

    /// <summary>The twelve official months ending with the last month of <paramref name="period"/>.</summary>
    public static IReadOnlyList<ReportPeriod> TwelveMonthsEnding(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        // The official month containing the period's last day.
        var last = Containing(MonthKind, period.End);
        var first = new DateOnly(last.Year, last.Number, 1).AddMonths(-11);
        return ReportPeriod.Months(first.Year, first.Month, last.Year, last.Number);
    }

    private static int MaxNumber(string kind) => kind switch
    {
        MonthKind => 12,
        QuarterKind => 4,
        HalfKind => 2,
        _ => 1,
    };
}
