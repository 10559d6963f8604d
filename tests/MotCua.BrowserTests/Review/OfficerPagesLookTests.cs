using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Tests.Results;

namespace MotCua.BrowserTests.Review;

/// <summary>Officer pages a new user meets early: they fit a phone, their figures stand out from their captions, and their file fields speak Vietnamese.</summary>
public sealed class OfficerPagesLookTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    [Fact]
    public async Task The_dossier_page_with_its_history_and_notices_fits_a_phone()
    {
        using var desk = await browser.App.ApiClientAsync("motcua");
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Phòng khám Vừa Màn Hình", phone = "0905318274", email = "vuamanhinh@example.vn", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        var page = await browser.LoginAsync("motcua");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/ho-so/" + code);
        await Assertions.Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
        Assert.True(await OverflowAsync(page) <= 0, $"The dossier page scrolls sideways by {await OverflowAsync(page)} px at 390 px");
        // Each history row is a card inside the page: its last cell (the note) starts within the screen.
        var right = await page.GetByTestId("timeline").Locator("tbody tr").First.Locator("td").Last.EvaluateAsync<double>("e => e.getBoundingClientRect().left");
        Assert.True(right < 390, $"The history's note column starts at {right} px");
        await BrowserApp.ScreenshotAsync(page, "dossier-page-history-390");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_cost_calculator_fits_a_phone()
    {
        var page = await browser.LoginAsync("daumoi");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/ra-soat/tinh-chi-phi");
        await Assertions.Expect(page.Locator("fieldset").First).ToBeVisibleAsync();
        Assert.True(await OverflowAsync(page) <= 0, $"The calculator scrolls sideways by {await OverflowAsync(page)} px at 390 px");
        await BrowserApp.ScreenshotAsync(page, "cost-calculator-390");
    }

    [Fact]
    public async Task The_scoring_figures_are_large_and_their_captions_small_and_plain()
    {
        var page = await browser.LoginAsync("daumoi");
        await page.GotoAsync("/cham-diem-mot-cua");
        var figure = page.GetByTestId("data-ontime");
        var caption = figure.Locator("xpath=following-sibling::dd[1]");
        await Assertions.Expect(caption).ToContainTextAsync("hồ sơ đã giải quyết");
        var style = "e => { const s = getComputedStyle(e); return [parseFloat(s.fontSize), parseInt(s.fontWeight, 10)]; }";
        var figureStyle = await figure.EvaluateAsync<float[]>(style);
        var captionStyle = await caption.EvaluateAsync<float[]>(style);
        Assert.True(figureStyle[1] >= 700, $"figure weight {figureStyle[1]}");
        Assert.True(captionStyle[1] <= 400, $"caption weight {captionStyle[1]}");
        Assert.True(captionStyle[0] <= figureStyle[0] * 0.7, $"caption {captionStyle[0]} px against figure {figureStyle[0]} px");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "scoring-figures");
    }

    [Fact]
    public async Task The_result_forms_file_field_reads_in_vietnamese_and_still_takes_a_file_from_the_keyboard()
    {
        var code = await ResultFlow.InProcessingAsync(browser.App, ResultFlow.Unique("Công ty Đo lường Sông Hàn"));
        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync("/ho-so/" + code);
        var form = specialist.GetByTestId("result-record-form");
        var field = form.GetByLabel("Tệp văn bản");
        await Assertions.Expect(form.Locator(".file-button")).ToHaveTextAsync("Chọn tệp");
        await Assertions.Expect(form.Locator(".file-status")).ToHaveTextAsync("Chưa chọn tệp");
        await Assertions.Expect(form.GetByText("Tệp PDF, tối đa 20 MB.")).ToBeVisibleAsync();
        await Assertions.Expect(field).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Tệp PDF, tối đa 20 MB.*Chưa chọn tệp"));
        Assert.True(await form.Locator(".file-button").IsVisibleAsync());

        // The drawn button opens the browser's chooser, and so does the keyboard on the field itself.
        var chooser = await specialist.RunAndWaitForFileChooserAsync(() => form.Locator(".file-button").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "giay-phep-du-thao.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await Assertions.Expect(form.Locator(".file-status")).ToHaveTextAsync("giay-phep-du-thao.pdf");
        // Focus is asserted before the key, so a slow page cannot take the key before the field has it.
        await field.FocusAsync();
        await Assertions.Expect(field).ToBeFocusedAsync();
        var keyed = await specialist.RunAndWaitForFileChooserAsync(() => field.PressAsync("Space"));
        Assert.NotNull(keyed);
        await BrowserApp.ScreenshotBothWidthsAsync(specialist, "result-file-field");
    }
}
