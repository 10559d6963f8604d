using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;

namespace MotCua.BrowserTests.Citizens;

/// <summary>On a phone: an organisation submits with one file refused, fixes only that file, and the dossier is submitted.</summary>
public sealed class CompleteSubmissionJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Procedure = "1.000173";

    [Fact]
    public async Task On_a_phone_a_refused_file_is_fixed_alone_and_the_dossier_is_submitted()
    {
        await using (var db = browser.App.CreateDbContext())
        {
            foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
            {
                v.OnlineLevel = OnlineServiceLevel.Full;
                v.Papers.Clear();
                v.Papers.AddRange([
                    new ProcedurePaper { Seq = 1, Name = "Đơn đề nghị cấp giấy phép", Required = true },
                    new ProcedurePaper { Seq = 2, Name = "Giấy phép đã được cấp (nếu còn)", Required = true },
                    new ProcedurePaper { Seq = 3, Name = "Giấy chứng nhận đăng ký doanh nghiệp", Required = true, AlternativeGroup = "dk" },
                    new ProcedurePaper { Seq = 4, Name = "Quyết định thành lập", Required = true, AlternativeGroup = "dk" },
                ]);
            }
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/nop-truc-tuyen?thu-tuc=" + Procedure);
        await Assertions.Expect(page.GetByTestId("upload-limits")).ToContainTextAsync("tối đa 20 MB");
        await Assertions.Expect(page.GetByLabel("Mã số thuế")).ToBeHiddenAsync();
        await page.Locator("#Kind-org").CheckAsync();
        await page.GetByLabel("Tên tổ chức").FillAsync("Công ty TNHH Thiết bị Y tế Phú Hòa");
        await page.GetByLabel("Mã số thuế").FillAsync("4001234567");
        await page.Locator("#Name").FillAsync("Trần Văn Đại Diện");
        await page.Locator("#Phone").FillAsync("0905 318 274");
        await page.Locator("#paper-0").SetInputFilesAsync(new FilePayload { Name = "don-de-nghi.pdf", MimeType = "application/pdf", Buffer = OnlineSubmissionJourneyTests.SmallPdf() });
        await page.Locator("#paper-2").SetInputFilesAsync(new FilePayload { Name = "dang-ky.pdf", MimeType = "application/pdf", Buffer = "MZ not a pdf at all"u8.ToArray() });
        await page.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("submit-error-summary")).ToContainTextAsync("dang-ky.pdf");
        await Assertions.Expect(page.GetByTestId("kept-files")).ToContainTextAsync("don-de-nghi.pdf");
        await Assertions.Expect(page.Locator("#paper-2")).ToHaveAttributeAsync("aria-invalid", "true");
        // The organisation's fields stay as typed and visible.
        await Assertions.Expect(page.GetByLabel("Mã số thuế")).ToHaveValueAsync("4001234567");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "submit-refused-file");
        await page.SetViewportSizeAsync(390, 844);

        await page.Locator("#paper-2").SetInputFilesAsync(new FilePayload { Name = "dang-ky.pdf", MimeType = "application/pdf", Buffer = OnlineSubmissionJourneyTests.SmallPdf() });
        await page.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("online-confirmation")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(page, "submit-fixed-submitted");
    }
}
