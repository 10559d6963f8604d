using MotCua.Web.Shared;

namespace MotCua.Web.Tests.Shared;

public sealed class TextSearchTests
{
    [Theory]
    [InlineData("Giấy phép  BỨC XẠ", "giay phep buc xa")]
    [InlineData("Đăng ký kết quả đổi mới sáng tạo", "dang ky ket qua doi moi sang tao")]
    [InlineData("  Tiêu chuẩn,\tđo lường\n", "tieu chuan, do luong")]
    [InlineData("1.000173", "1.000173")]
    [InlineData(null, "")]
    public void Folds_diacritics_case_and_whitespace(string? text, string expected) =>
        Assert.Equal(expected, TextSearch.Normalize(text));

    [Fact]
    public void Composed_and_decomposed_input_fold_alike_and_are_stored_composed()
    {
        var decomposed = "Giấy phép".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(TextSearch.Normalize("Giấy phép"), TextSearch.Normalize(decomposed));
        Assert.Equal("Giấy phép", TextSearch.Nfc(decomposed));
        Assert.Equal(["giay", "phep"], TextSearch.Tokens("GIẤY phép giấy"));
    }
}
