using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Citizens;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Catalogue;

namespace MotCua.BrowserTests.Dossiers;

/// <summary>
/// The commune centre's desk after a receipt for the department: it opens the file it attached and prints the control
/// slip of its part from its own list; the department's desk sees the inbox badge in working time and the reports in the menu.
/// </summary>
public sealed class BoundaryFilesJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Procedure = "1.000173";

    [Fact]
    public async Task The_centre_opens_its_attached_file_and_prints_the_control_slip_of_its_part()
    {
        browser.App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 21, 2, 0, 0, TimeSpan.Zero));
        await using (var db = browser.App.CreateDbContext())
        {
            foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
            {
                if (v.Papers.Count == 0)
                {
                    v.Papers.Add(new ProcedurePaper { Seq = 1, Name = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ", Required = true });
                }
            }
            await db.SaveChangesAsync();
        }

        var centre = await browser.LoginAsync("motcuaxa");
        await centre.GotoAsync("/mot-cua/tiep-nhan");
        await centre.GetByTestId("boundary-choices").GetByRole(AriaRole.Row).Filter(new() { HasText = Procedure }).GetByRole(AriaRole.Link).ClickAsync();
        await centre.GetByLabel("Họ tên / tên tổ chức").FillAsync("Y Bih Niê");
        await centre.GetByLabel("Số điện thoại").FillAsync("0905 318 274");
        await centre.GetByLabel("Địa chỉ", new() { Exact = true }).FillAsync("Thôn 5, xã Hòa Phú, tỉnh Đắk Lắk");
        await centre.GetByTestId("papers").GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await centre.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "ban-quet-xa.pdf", MimeType = "application/pdf", Buffer = OnlineSubmissionJourneyTests.SmallPdf() });
        await centre.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();

        var row = centre.GetByTestId("received-for-others").Locator("tr.highlight");
        var code = (await row.GetAttributeAsync("data-code"))!;
        await Assertions.Expect(row.GetByTestId("centre-control-slip")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(centre, "fixes-received-for-others");

        await row.GetByTestId("centre-receipt-files").ClickAsync();
        await Assertions.Expect(centre.GetByTestId("receipt-files")).ToContainTextAsync("ban-quet-xa.pdf");
        await BrowserApp.ScreenshotBothWidthsAsync(centre, "fixes-centre-files");

        await centre.GotoAsync($"/ho-so/{Uri.EscapeDataString(code)}/bieu-mau/kiem-soat");
        await Assertions.Expect(centre.Locator("body")).ToContainTextAsync("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
        await BrowserApp.ScreenshotBothWidthsAsync(centre, "fixes-centre-control-slip");
        var pdf = await centre.APIRequest.GetAsync($"/ho-so/{Uri.EscapeDataString(code)}/bieu-mau/kiem-soat?handler=Pdf");
        Assert.True(pdf.Ok);
        await File.WriteAllBytesAsync(Path.Combine(BrowserApp.ScreenshotDir, "fixes-centre-control-slip.pdf"), await pdf.BodyAsync());

        var desk = await browser.LoginAsync("motcua");
        await Assertions.Expect(desk.Locator("nav.mainnav a[href='/bao-cao']")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotBothWidthsAsync(desk, "fixes-desk-inbox");
        await desk.GotoAsync("/ho-so/so-theo-doi");
        await BrowserApp.ScreenshotBothWidthsAsync(desk, "fixes-register-dates");
    }
}
