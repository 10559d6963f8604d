using System.Globalization;
using MotCua.Core.Organisation;

namespace MotCua.Core.Tests.Organisation;

/// <summary>When one agency may be merged into another, each row with its reason.</summary>
public sealed class AgencyMergeRulesTests
{
    private static readonly MergeParty PhuYen = new(2, "Sở KH&CN Phú Yên", "66", null);
    private static readonly MergeParty DakLak = new(1, "Sở KH&CN Đắk Lắk", "66", null);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // Decree 09/2019 quarters run 15/12–14/3, 15/3–14/6, 15/6–14/9, 15/9–14/12: the current one starts the open period.
    [InlineData("2026-12-06", "2026-09-15")]
    [InlineData("2026-12-15", "2026-12-15")] // Q1/2027 starts on 15/12/2026
    [InlineData("2026-03-14", "2025-12-15")]
    [InlineData("2026-03-15", "2026-03-15")]
    public void The_earliest_date_is_the_start_of_the_current_official_quarter(string today, string earliest) =>
        Assert.Equal(D(earliest), AgencyMergeRules.EarliestDate(D(today)));

    [Theory]
    // Same province, within the open quarter, not too far ahead: allowed.
    [InlineData("2026-12-06", "2026-12-06", null)]
    [InlineData("2026-12-06", "2026-09-15", null)]
    [InlineData("2026-12-06", "2027-01-06", null)] // 31 days ahead
    // Before the current quarter: B's reports of a closed period would change.
    [InlineData("2026-12-06", "2026-09-14", "kỳ báo cáo đã khóa")]
    [InlineData("2026-12-06", "2025-07-01", "kỳ báo cáo đã khóa")]
    // Far ahead: the move is applied on confirmation, so a date months away is an error.
    [InlineData("2026-12-06", "2027-01-07", "quá xa")]
    public void Dates_are_limited_to_the_open_period_and_a_month_ahead(string today, string effective, string? refusal)
    {
        var result = AgencyMergeRules.Refusal(PhuYen, DakLak, D(effective), D(today));
        if (refusal is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(refusal, result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_agency_is_not_merged_into_itself_another_province_or_a_merged_agency()
    {
        var today = D("2026-12-06");
        Assert.Contains("chính nó", AgencyMergeRules.Refusal(DakLak, DakLak, today, today), StringComparison.Ordinal);
        Assert.Contains("hai tỉnh khác nhau", AgencyMergeRules.Refusal(PhuYen with { ProvinceCode = "54" }, DakLak, today, today), StringComparison.Ordinal);
        Assert.Contains("Chưa khai báo tỉnh", AgencyMergeRules.Refusal(PhuYen with { ProvinceCode = null }, DakLak, today, today), StringComparison.Ordinal);
        Assert.Contains("cơ quan kế thừa đang hoạt động", AgencyMergeRules.Refusal(PhuYen, DakLak with { SucceededById = 9 }, today, today), StringComparison.Ordinal);
        Assert.Contains("không thể hợp nhất lần nữa", AgencyMergeRules.Refusal(PhuYen with { SucceededById = 1 }, DakLak, today, today), StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_history_is_not_bound_to_the_open_period_but_still_to_the_province()
    {
        var today = D("2026-12-06");
        Assert.Null(AgencyMergeRules.Refusal(PhuYen, DakLak, D("2025-07-01"), today, recordingHistory: true));
        Assert.NotNull(AgencyMergeRules.Refusal(PhuYen with { ProvinceCode = "54" }, DakLak, D("2025-07-01"), today, recordingHistory: true));
    }
}
