using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Tests.Results;

namespace MotCua.BrowserTests.Results;

/// <summary>The result form's number and summary are wide enough to read what is typed, at 1280 px and at 390 px.</summary>
public sealed class ResultFormWidthTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static async Task<float> WidthAsync(ILocator locator) => (await locator.BoundingBoxAsync())!.Width;

    [Fact]
    public async Task The_number_fills_its_column_and_the_summary_the_form_at_both_widths()
    {
        var code = await ResultFlow.InProcessingAsync(browser.App, ResultFlow.Unique("Phòng khám Đa khoa"));
        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync("/ho-so/" + code);
        var form = specialist.GetByTestId("result-record-form");
        var number = form.GetByLabel("Số", new() { Exact = true });
        var symbol = form.GetByLabel("Ký hiệu");
        var summary = form.GetByLabel("Trích yếu nội dung");
        await number.FillAsync("1234/2025");
        await summary.FillAsync("Cấp giấy phép tiến hành công việc bức xạ — sử dụng thiết bị X-quang chẩn đoán trong y tế");

        // 1280 px: the number is as wide as its neighbour in the grid (about 30 characters), the summary spans the form.
        Assert.True(await WidthAsync(number) >= 220, $"Số: {await WidthAsync(number)} px");
        Assert.True(Math.Abs(await WidthAsync(number) - await WidthAsync(symbol)) <= 2, "Số and Ký hiệu differ in width");
        Assert.True(await WidthAsync(summary) >= await WidthAsync(form) * 0.95, $"Trích yếu: {await WidthAsync(summary)} of {await WidthAsync(form)} px");
        await BrowserApp.ScreenshotAsync(specialist, "result-form-width-1280");

        // 390 px: both take the full width of the form.
        await specialist.SetViewportSizeAsync(390, 844);
        var formWidth = await WidthAsync(form);
        Assert.True(await WidthAsync(number) >= formWidth * 0.95, $"Số at 390: {await WidthAsync(number)} of {formWidth} px");
        Assert.True(await WidthAsync(summary) >= formWidth * 0.95, $"Trích yếu at 390: {await WidthAsync(summary)} of {formWidth} px");
        await BrowserApp.ScreenshotAsync(specialist, "result-form-width-390");
    }
}
