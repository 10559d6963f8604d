using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;

namespace MotCua.BrowserTests.Catalogue;

public sealed class CatalogueRowsTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task A_manager_adds_a_paper_with_its_form_and_a_citizen_downloads_the_form_on_a_phone()
    {
        int id;
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = db.Procedures.Where(p => p.Code == "1.001770").Select(p => p.Id).Single();
        }
        var page = await browser.LoginAsync("daumoi");
        await page.GotoAsync($"/quan-tri/thu-tuc/sua/{id}");
        // The seed's fee comes as a row with its basis.
        await Assertions.Expect(page.Locator("#Input_Fees_0__Amount")).ToHaveValueAsync("1.000.000");
        await Assertions.Expect(page.Locator("#Input_Fees_0__LegalBasis")).ToHaveValueAsync("Thông tư 298/2016/TT-BTC");

        await page.GetByRole(AriaRole.Button, new() { Name = "+ Thêm giấy tờ" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Thêm giấy tờ" }).ClickAsync();
        await page.Locator("#Input_Papers_0__Name").FillAsync("Bản sao điều lệ tổ chức");
        await page.Locator("#Input_Papers_0__Requirement").SelectOptionAsync("IfAny");
        await page.Locator("#Input_Papers_1__Name").FillAsync("Đơn đề nghị cấp lại Giấy chứng nhận");
        await page.Locator("#Input_Papers_1__Template").FillAsync("Mẫu đơn đề nghị (thử nghiệm)");
        await page.Locator("#Input_Papers_1__Upload").SetInputFilesAsync(new FilePayload { Name = "don-de-nghi.pdf", MimeType = "application/pdf", Buffer = Pdf });
        // The application comes first: moved up in the page, renumbered without a round trip.
        await page.Locator("button[name=Command][value='paper-up-1']").ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Papers_0__Name")).ToHaveValueAsync("Đơn đề nghị cấp lại Giấy chứng nhận");
        await Assertions.Expect(page.Locator("#Input_Papers_1__Name")).ToHaveValueAsync("Bản sao điều lệ tổ chức");
        await BrowserApp.ScreenshotAsync(page, "catalogue-rows-edit-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).Last.ClickAsync();
        await BrowserApp.ExpectPathAsync(page, $"/quan-tri/thu-tuc/{id}");

        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var officer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "daumoi")], "test"));
            var agency = db.Procedures.Where(p => p.Id == id).Select(p => p.AgencyId).Single();
            var (decision, errors) = await CatalogueService.PublishAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), officer, agency,
                new DecisionInput("901/QĐ-UBND", new DateOnly(2025, 2, 20), new DateOnly(2025, 3, 1), DecisionIssuer.ProvincialChairman, null, null),
                [new PublishRequest(id, Abolish: false)], CancellationToken.None);
            Assert.Empty(errors);
            await db.SaveChangesAsync();
        }

        var citizen = await browser.NewPageAsync();
        await citizen.SetViewportSizeAsync(390, 844);
        await citizen.GotoAsync("/thu-tuc/1.001770");
        var papers = citizen.GetByTestId("papers");
        await Assertions.Expect(papers.GetByTestId("paper").First).ToContainTextAsync("Đơn đề nghị cấp lại Giấy chứng nhận");
        await Assertions.Expect(papers.GetByTestId("paper").Nth(1)).ToContainTextAsync("Nếu có");
        await Assertions.Expect(citizen.GetByTestId("fees")).ToContainTextAsync("Thông tư 298/2016/TT-BTC");
        var link = papers.GetByRole(AriaRole.Link, new() { Name = "Tải mẫu đơn, tờ khai" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(citizen, "catalogue-rows-public-390");
        var download = await citizen.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("don-de-nghi.pdf", download.SuggestedFilename);
        await citizen.SetViewportSizeAsync(1280, 860);
        await BrowserApp.ScreenshotAsync(citizen, "catalogue-rows-public-1280");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/quan-tri/thu-tuc/sua/{id}");
        await BrowserApp.ScreenshotAsync(page, "catalogue-rows-edit-390");
    }
}
