using System.Globalization;
using MotCua.Core.Organisation;

namespace MotCua.Core.Tests.Organisation;

/// <summary>When one unit may be merged into another unit of its agency, each row with its reason.</summary>
public sealed class UnitMergeRulesTests
{
    private static readonly UnitMergeParty Ict = new(11, "Phòng Thông tin và Truyền thông", 1, null, true);
    private static readonly UnitMergeParty Tech = new(12, "Phòng Quản lý công nghệ", 1, null, true);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // Two standing units of one agency, in the open quarter (Decree 09/2019: Q4/2026 = 15/9–14/12), up to 31 days ahead.
    [InlineData("ok", "2026-12-06", null)]
    [InlineData("ok", "2026-09-15", null)]
    [InlineData("ok", "2027-01-06", null)]
    // The day before the open quarter would change the unit rows of a report already sent.
    [InlineData("ok", "2026-09-14", "kỳ báo cáo đã khóa")]
    [InlineData("ok", "2027-01-07", "quá xa")]
    [InlineData("self", "2026-12-06", "chính nó")]
    [InlineData("other-agency", "2026-12-06", "hai cơ quan khác nhau")]
    [InlineData("merged", "2026-12-06", "không thể sáp nhập lần nữa")]
    [InlineData("into-closed", "2026-12-06", "đã ngừng hoạt động")]
    [InlineData("into-merged", "2026-12-06", "đã ngừng hoạt động")]
    public void Each_refusal_names_its_reason(string kind, string effective, string? refusal)
    {
        var from = kind switch
        {
            "self" => Tech,
            "merged" => Ict with { SucceededById = 13 },
            _ => Ict,
        };
        var into = kind switch
        {
            "other-agency" => Tech with { AgencyId = 2 },
            "into-closed" => Tech with { IsActive = false },
            "into-merged" => Tech with { SucceededById = 13 },
            _ => Tech,
        };
        var result = UnitMergeRules.Refusal(from, into, D(effective), D("2026-12-06"));
        if (refusal is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.NotNull(result);
            Assert.Contains(refusal, result, StringComparison.Ordinal);
        }
    }
}
