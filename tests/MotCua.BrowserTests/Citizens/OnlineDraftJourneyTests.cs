using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;

namespace MotCua.BrowserTests.Citizens;

public sealed class OnlineDraftJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Procedure = "1.000173";

    [Fact]
    public async Task Citizen_saves_a_draft_with_an_upload_resumes_it_by_the_code_and_submits()
    {
        await using (var db = browser.App.CreateDbContext())
        {
            foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
            {
                v.OnlineLevel = OnlineServiceLevel.Full;
                if (v.Papers.Count == 0)
                {
                    v.Papers.Add(new ProcedurePaper { Seq = 1, Name = "Đơn đề nghị cấp giấy phép", Required = true });
                }
            }
            await db.SaveChangesAsync();
        }
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/nop-truc-tuyen?thu-tuc=" + Procedure);
        await page.GetByLabel("Họ tên người nộp").FillAsync("Huỳnh Thị Lưu Nháp");
        await page.GetByLabel("Số điện thoại").FillAsync("0905 321 654");
        await page.Locator("#paper-0").SetInputFilesAsync(new FilePayload
        {
            Name = "don-de-nghi.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray(),
        });
        await page.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        var token = (await page.GetByTestId("draft-token").InnerTextAsync()).Trim();
        Assert.Equal(20, token.Length);
        await BrowserApp.ScreenshotAsync(page, "citizen-draft-saved");

        var later = await browser.NewPageAsync();
        await later.GotoAsync("/nop-truc-tuyen");
        await later.GetByLabel("Mã tiếp tục nộp hồ sơ").FillAsync(token);
        await later.GetByRole(AriaRole.Button, new() { Name = "Mở bản nháp" }).ClickAsync();
        await Assertions.Expect(later.GetByLabel("Họ tên người nộp")).ToHaveValueAsync("Huỳnh Thị Lưu Nháp");
        await Assertions.Expect(later.GetByTestId("draft-file")).ToContainTextAsync("don-de-nghi.pdf");
        await BrowserApp.ScreenshotAsync(later, "citizen-draft-resumed");
        await later.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await later.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        await Assertions.Expect(later.GetByTestId("online-confirmation")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(later, "citizen-draft-submitted");

        await using var check = browser.App.CreateDbContext();
        var dossier = await check.Dossiers.SingleAsync(d => d.ApplicantName == "Huỳnh Thị Lưu Nháp");
        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.Equal(1, await check.DossierFiles.CountAsync(f => f.DossierId == dossier.Id));
    }
}
