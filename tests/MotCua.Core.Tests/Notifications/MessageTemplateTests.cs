using MotCua.Core.Notifications;

namespace MotCua.Core.Tests.Notifications;

public sealed class MessageTemplateTests
{
    private static readonly Dictionary<string, string?> Values = new(StringComparer.Ordinal)
    {
        ["maHoSo"] = "000.00.36.H57-250310-0001",
        ["hanTra"] = "24/03/2025",
    };

    [Theory]
    [InlineData("Hồ sơ {maHoSo} hẹn trả ngày {hanTra}.", "Hồ sơ 000.00.36.H57-250310-0001 hẹn trả ngày 24/03/2025.")]
    [InlineData("{maHoSo}{maHoSo}", "000.00.36.H57-250310-0001000.00.36.H57-250310-0001")]
    [InlineData("Không có trường nào", "Không có trường nào")]
    [InlineData("Ngoặc lẻ { và } giữ nguyên, {1abc} và { maHoSo } cũng vậy", "Ngoặc lẻ { và } giữ nguyên, {1abc} và { maHoSo } cũng vậy")]
    [InlineData("Thiếu giá trị: [{tenNguoiNop}]", "Thiếu giá trị: []")]
    [InlineData("{{maHoSo}}", "{000.00.36.H57-250310-0001}")]
    public void Renders_placeholders_and_leaves_other_braces_alone(string template, string expected) =>
        Assert.Equal(expected, MessageTemplate.Render(template, Values));

    [Fact]
    public void Finds_unknown_placeholders_case_sensitively()
    {
        Assert.Equal(["ngayHen", "MaHoSo"], MessageTemplate.Unknown("{maHoSo} {ngayHen} {MaHoSo} {ngayHen}", ["maHoSo", "hanTra"]));
        Assert.Empty(MessageTemplate.Unknown("{maHoSo} hạn {hanTra}", ["maHoSo", "hanTra"]));
    }
}
