using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Catalogue;

namespace MotCua.BrowserTests.Dossiers;

/// <summary>The counter on a phone-sized screen: pick the procedure, see the due date, tick the papers, receive, print.</summary>
public sealed class CounterJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Procedure = "1.000173";

    [Fact]
    public async Task Desk_officer_at_390_px_sees_the_due_date_ticks_the_papers_and_prints_the_receipt()
    {
        await using (var db = browser.App.CreateDbContext())
        {
            foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
            {
                if (v.Papers.Count == 0)
                {
                    v.Papers.Add(new ProcedurePaper { Seq = 1, Name = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ", Required = true });
                    v.Papers.Add(new ProcedurePaper { Seq = 2, Name = "Bản sao văn bằng chuyên môn", Form = PaperForm.CertifiedCopy, Required = true });
                }
                v.PostalReturn = true;
            }
            await db.SaveChangesAsync();
        }

        var page = await browser.LoginAsync("motcua");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/mot-cua/tiep-nhan");
        await page.GetByLabel("Tìm thủ tục hành chính").FillAsync("nhan vien buc xa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        // On a phone each procedure is a card with its "Chọn" on screen, not in a fourth column scrolled out of view.
        var choose = page.GetByTestId("procedure-choices").Locator("tr").Filter(new() { HasText = Procedure })
            .GetByRole(AriaRole.Link, new() { Name = "Chọn" });
        var box = await choose.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X + box.Width <= 390, $"\"Chọn\" ends at {box.X + box.Width} px on a 390 px screen");
        await choose.ClickAsync();

        // The preview is on the page and the script has refreshed it from the endpoint.
        var preview = page.GetByTestId("deadline-preview");
        await Assertions.Expect(preview).ToContainTextAsync("10 ngày làm việc");
        await Assertions.Expect(preview).ToHaveAttributeAsync("data-preview-at", new System.Text.RegularExpressions.Regex("^2025-"));
        await Assertions.Expect(preview.Locator("[data-preview='due']")).ToContainTextAsync("/03/2025");
        await preview.GetByText("Vì sao là ngày này").ClickAsync();
        await Assertions.Expect(preview.Locator("[data-preview='explanation']")).ToContainTextAsync("Ngày làm việc thứ 10");

        await page.GetByLabel("Họ tên / tên tổ chức").FillAsync("Nguyễn Thị Bích");
        await page.GetByLabel("Số điện thoại").FillAsync("0905 246 810");
        await page.GetByLabel("Địa chỉ", new() { Exact = true }).FillAsync("12 Trần Hưng Đạo, Phường 4, Tuy Hòa");
        var papers = page.GetByTestId("papers");
        await Assertions.Expect(papers.GetByRole(AriaRole.Checkbox).First).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert.error")).ToContainTextAsync("Hồ sơ chưa đủ thành phần bắt buộc");
        await BrowserApp.ScreenshotAsync(page, "counter-incomplete-390");

        await papers.GetByRole(AriaRole.Checkbox, new() { Name = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ" }).CheckAsync();
        await papers.GetByRole(AriaRole.Checkbox, new() { Name = "Bản sao văn bằng chuyên môn" }).CheckAsync();
        await page.GetByLabel("Qua dịch vụ bưu chính công ích").CheckAsync();
        await BrowserApp.ScreenshotAsync(page, "counter-form-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đã tiếp nhận");
        var code = (await page.GetByTestId("dossier-code").TextContentAsync())!;
        await page.GotoAsync($"/ho-so/{code}/bieu-mau/tiep-nhan");
        var receipt = page.GetByTestId("official-document");
        await Assertions.Expect(receipt).ToContainTextAsync("Qua dịch vụ bưu chính công ích, địa chỉ: 12 Trần Hưng Đạo");
        await Assertions.Expect(receipt).ToContainTextAsync("200.000 đồng");
        await Assertions.Expect(receipt).ToContainTextAsync("Bản sao văn bằng chuyên môn");
        await BrowserApp.ScreenshotAsync(page, "counter-receipt-390");
        var pdf = await page.APIRequest.GetAsync("/api/dossiers/" + Uri.EscapeDataString(code) + "/forms/tiep-nhan.pdf");
        Assert.True(pdf.Ok);
        await File.WriteAllBytesAsync(Path.Combine(BrowserApp.ScreenshotDir, "counter-receipt.pdf"), await pdf.BodyAsync());

        await page.SetViewportSizeAsync(1280, 860);
        await page.GotoAsync("/mot-cua/tiep-nhan?procedure=" + Procedure);
        await Assertions.Expect(page.GetByTestId("deadline-preview")).ToHaveAttributeAsync("data-preview-at", new System.Text.RegularExpressions.Regex("^2025-"));
        await BrowserApp.ScreenshotAsync(page, "counter-form-1280");
        await page.GotoAsync("/mot-cua/tiep-nhan");
        await BrowserApp.ScreenshotAsync(page, "counter-choose-1280");
        await page.GotoAsync("/mot-cua/tiep-nhan/sua/" + code);
        await BrowserApp.ScreenshotAsync(page, "counter-correct-1280");
    }
}
