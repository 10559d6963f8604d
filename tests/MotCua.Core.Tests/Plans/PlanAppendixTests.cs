using MotCua.Core.Plans;

namespace MotCua.Core.Tests.Plans;

public sealed class PlanAppendixTests
{
    private static readonly string[] Units = ["Phòng Thanh tra – Hành chính tổng hợp", "Phòng Quản lý Khoa học và Công nghệ", "Chi cục Tiêu chuẩn Đo lường Chất lượng"];

    private static readonly string[] Header = ["STT", "Nội dung công việc", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"];

    [Fact]
    public void Matches_unit_names_written_with_abbreviations_and_punctuation()
    {
        Assert.Equal(Units[1], UnitNames.Match("Phòng Quản lý KH&CN", Units));
        Assert.Equal(Units[2], UnitNames.Match("Chi cục Tiêu chuẩn, Đo lường, Chất lượng", Units));
        Assert.Equal(Units[0], UnitNames.Match("Phòng Thanh tra - Hành chính tổng hợp", Units));
        Assert.Null(UnitNames.Match("Phòng Tài chính", Units));
        Assert.Equal(["Phòng Quản lý KH&CN", "Chi cục Tiêu chuẩn, Đo lường, Chất lượng"], UnitNames.SplitList("- Phòng Quản lý KH&CN; - Chi cục Tiêu chuẩn, Đo lường, Chất lượng"));
    }

    [Fact]
    public void Every_bad_row_is_reported_and_nothing_is_returned()
    {
        IReadOnlyList<string?>[] rows =
        [
            Header,
            ["I", "Nhóm một", "", "", "", ""],
            ["1", "Việc tốt", "SP", "Phòng Quản lý KH&CN", "", "Quý I/2024"],
            ["2", "Việc lỗi", "SP", "Phòng Tài chính", "", "Quý I/2024"],
            ["3", "Việc lỗi thời gian", "SP", "Phòng Quản lý KH&CN", "", "Khi nào rảnh"],
        ];

        var result = PlanAppendix.Parse(rows, 2024, Units);

        Assert.False(result.Success);
        Assert.Equal([4, 5], result.Errors.Select(e => e.RowNumber));
        Assert.Contains("Phòng Tài chính", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Khi nào rảnh", result.Errors[1].Message, StringComparison.Ordinal);
        // Each message names the column to fix, as the spreadsheet heads it.
        Assert.Contains("cột «Đơn vị chủ trì»", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("cột «Thời gian thực hiện»", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extracts_rate_targets_from_the_product_text()
    {
        var targets = PlanTargetExtractor.Extract("- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%. - Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC tối thiểu là 90%.");

        Assert.Equal([(PlanIndicators.DigitisedRecords, 100m), (PlanIndicators.OnlineDossiers, 90m)], targets.Select(t => (t.IndicatorCode, t.Value)));
        Assert.All(targets, t => Assert.Equal(TargetComparison.AtLeast, t.Comparison));
        Assert.Empty(PlanTargetExtractor.Extract("100% dịch vụ công trực tuyến một phần, toàn trình được triển khai"));
    }
}
