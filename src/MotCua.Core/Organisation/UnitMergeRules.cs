using System.Globalization;

namespace MotCua.Core.Organisation;

/// <summary>A unit as the merge rules see it: who it is, its agency, and whether it was already merged away or closed.</summary>
public sealed record UnitMergeParty(int Id, string Name, int AgencyId, int? SucceededById, bool IsActive);

/// <summary>
/// When unit A (a phòng, chi cục, bộ phận) may be merged into unit B of the same agency from a date (sáp nhập đơn vị):
/// two different units of one agency, A not already merged, B standing and active, on a date that neither rewrites a
/// closed report period nor lies far ahead. The date limits are the agency merge's (<see cref="AgencyMergeRules"/>),
/// because a unit's figures are part of the agency's reports of the same periods.
/// </summary>
public static class UnitMergeRules
{
    /// <summary>Null when <paramref name="from"/> may be merged into <paramref name="into"/> from <paramref name="effective"/>; else the reason in Vietnamese.</summary>
    public static string? Refusal(UnitMergeParty from, UnitMergeParty into, DateOnly effective, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(into);
        if (from.Id == into.Id)
        {
            return "Không thể sáp nhập một đơn vị vào chính nó: hãy chọn hai đơn vị khác nhau.";
        }
        if (from.AgencyId != into.AgencyId)
        {
            return $"{from.Name} và {into.Name} thuộc hai cơ quan khác nhau: chỉ sáp nhập được các đơn vị của cùng một cơ quan.";
        }
        if (from.SucceededById is not null)
        {
            return $"{from.Name} đã được sáp nhập vào đơn vị khác; không thể sáp nhập lần nữa.";
        }
        if (into.SucceededById is not null || !into.IsActive)
        {
            return $"{into.Name} đã ngừng hoạt động: hãy chọn một đơn vị đang hoạt động để sáp nhập vào.";
        }
        if (effective > today.AddDays(AgencyMergeRules.MaxDaysAhead))
        {
            return $"Ngày sáp nhập {Vn(effective)} quá xa: chỉ được chọn đến {Vn(today.AddDays(AgencyMergeRules.MaxDaysAhead))} ({AgencyMergeRules.MaxDaysAhead} ngày kể từ hôm nay).";
        }
        var earliest = AgencyMergeRules.EarliestDate(today);
        if (effective < earliest)
        {
            return $"Ngày sáp nhập {Vn(effective)} thuộc kỳ báo cáo đã khóa (trước {Vn(earliest)}): sáp nhập từ ngày đó sẽ làm thay đổi số liệu báo cáo đã gửi.";
        }
        return null;
    }

    private static string Vn(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
