using System.Globalization;
using MotCua.Core.Reports;

namespace MotCua.Core.Organisation;

/// <summary>An agency as the merge rules see it: who it is, its province, and whether it was already merged away.</summary>
public sealed record MergeParty(int Id, string Name, string? ProvinceCode, int? SucceededById);

/// <summary>
/// When agency A may be merged into agency B from a date (hợp nhất cơ quan): two different agencies still standing, of one
/// province, on a date that neither rewrites a report period already closed nor lies far ahead. A period is closed once
/// it has ended: the merge date may not fall before the start of the official quarter (Decree 09/2019 data periods)
/// containing today, because B's reports of earlier quarters have been sent and must re-run to the same figures.
/// </summary>
public static class AgencyMergeRules
{
    /// <summary>How far ahead a merge may be dated: the decision is known, and the move is applied on confirmation.</summary>
    public const int MaxDaysAhead = 31;

    /// <summary>The first day a merge confirmed on <paramref name="today"/> may take effect from: the start of today's official quarter.</summary>
    public static DateOnly EarliestDate(DateOnly today)
    {
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            for (var q = 1; q <= 4; q++)
            {
                var period = ReportPeriod.Quarter(year, q, ReportingRegime.Official);
                if (period.Contains(today))
                {
                    return period.Start;
                }
            }
        }
        return today;
    }

    /// <summary>
    /// Null when <paramref name="from"/> may be merged into <paramref name="into"/> from <paramref name="effective"/>; else
    /// the reason in Vietnamese. <paramref name="recordingHistory"/> records a merge known from elsewhere (seeded or imported
    /// history) whose date the installation's own report periods do not constrain.
    /// </summary>
    public static string? Refusal(MergeParty from, MergeParty into, DateOnly effective, DateOnly today, bool recordingHistory = false)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(into);
        if (from.Id == into.Id)
        {
            return "Không thể hợp nhất một cơ quan vào chính nó: hãy chọn hai cơ quan khác nhau.";
        }
        if (from.SucceededById is not null)
        {
            return $"{from.Name} đã được hợp nhất vào cơ quan khác; không thể hợp nhất lần nữa.";
        }
        if (into.SucceededById is not null)
        {
            return $"{into.Name} đã được hợp nhất vào cơ quan khác: hãy chọn cơ quan kế thừa đang hoạt động.";
        }
        if (string.IsNullOrWhiteSpace(from.ProvinceCode) || string.IsNullOrWhiteSpace(into.ProvinceCode))
        {
            return "Chưa khai báo tỉnh của cơ quan: chỉ hợp nhất được các cơ quan đã khai báo cùng một tỉnh.";
        }
        if (!string.Equals(from.ProvinceCode.Trim(), into.ProvinceCode.Trim(), StringComparison.Ordinal))
        {
            return $"{from.Name} và {into.Name} thuộc hai tỉnh khác nhau: chỉ hợp nhất được các cơ quan cùng một tỉnh.";
        }
        if (recordingHistory)
        {
            return null;
        }
        if (effective > today.AddDays(MaxDaysAhead))
        {
            return $"Ngày hợp nhất {Vn(effective)} quá xa: chỉ được chọn đến {Vn(today.AddDays(MaxDaysAhead))} ({MaxDaysAhead} ngày kể từ hôm nay).";
        }
        if (effective < EarliestDate(today))
        {
            return $"Ngày hợp nhất {Vn(effective)} thuộc kỳ báo cáo đã khóa (trước {Vn(EarliestDate(today))}): hợp nhất từ ngày đó sẽ làm thay đổi số liệu báo cáo đã gửi.";
        }
        return null;
    }

    private static string Vn(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
