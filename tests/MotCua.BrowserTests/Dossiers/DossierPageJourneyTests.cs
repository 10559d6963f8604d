using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Citizens;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;

namespace MotCua.BrowserTests.Dossiers;

/// <summary>
/// The dossier page through each officer's eyes: the desk receives an online dossier, the specialist sees the papers
/// handed in with their files and previews the PDF in the page, then submits it for approval to a chosen leader, who
/// finds approval as the one primary action.
/// </summary>
public sealed class DossierPageJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Procedure = "1.000173";

    private static async Task BothWidthsAsync(IPage page, string name)
    {
        await BrowserApp.ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(page, name + "-390");
        await page.SetViewportSizeAsync(1280, 860);
    }

    [Fact]
    public async Task The_specialist_sees_the_papers_with_their_files_previews_the_PDF_and_submits_to_a_chosen_leader()
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
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/nop-truc-tuyen?thu-tuc=" + Procedure);
        await citizen.GetByLabel("Họ tên người nộp").FillAsync("Võ Thị Giấy Tờ");
        await citizen.GetByLabel("Số giấy tờ tùy thân").FillAsync("054090004321");
        await citizen.GetByLabel("Số điện thoại").FillAsync("0905 222 333");
        await citizen.GetByLabel("Địa chỉ").FillAsync("5 Nguyễn Huệ, Tuy Hòa, Phú Yên");
        await citizen.Locator("#paper-0").SetInputFilesAsync(new FilePayload { Name = "don-de-nghi.pdf", MimeType = "application/pdf", Buffer = OnlineSubmissionJourneyTests.SmallPdf() });
        await citizen.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync();
        var code = (await citizen.GetByTestId("online-code").InnerTextAsync()).Trim();

        // The desk: receiving is the one primary action, and it hands the dossier to the Chi cục at once.
        var desk = await browser.LoginAsync("motcua");
        await desk.GotoAsync("/ho-so/" + code);
        var primary = desk.GetByTestId("primary-action");
        await Assertions.Expect(primary.GetByRole(AriaRole.Button)).ToHaveTextAsync("Tiếp nhận");
        await Assertions.Expect(desk.GetByTestId("other-actions").Locator("form").First).Not.ToBeVisibleAsync();
        await BothWidthsAsync(desk, "dossier-page-desk");
        await primary.GetByLabel("Chuyển ngay cho đơn vị xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Chi cục Tiêu chuẩn Đo lường Chất lượng" });
        await primary.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");

        // The specialist: the paper handed in, with its file, previewed in the page.
        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync("/ho-so/" + code);
        var paper = specialist.GetByTestId("paper").Filter(new() { HasText = "Đơn đề nghị cấp giấy phép" });
        await Assertions.Expect(paper).ToContainTextAsync("Bản sao");
        await Assertions.Expect(paper.GetByRole(AriaRole.Link, new() { Name = "don-de-nghi.pdf" })).ToBeVisibleAsync();
        var frame = specialist.GetByTestId("preview").Locator("iframe");
        await Assertions.Expect(frame).ToBeVisibleAsync();
        var src = (await frame.GetAttributeAsync("src"))!;
        Assert.Equal(src.Replace("&amp;", "&", StringComparison.Ordinal), await paper.GetByTestId("preview-link").GetAttributeAsync("href"));
        await paper.GetByTestId("preview-link").ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("dossier-code")).ToHaveTextAsync(code);
        var preview = await specialist.APIRequest.GetAsync(src);
        Assert.Equal("application/pdf", preview.Headers["content-type"]);
        Assert.StartsWith("inline", preview.Headers["content-disposition"], StringComparison.Ordinal);
        await BothWidthsAsync(specialist, "dossier-page-specialist");

        // Submitting for approval: the appraisal and the leader are part of the one primary form.
        var submit = specialist.GetByTestId("primary-action");
        await Assertions.Expect(submit.GetByRole(AriaRole.Button)).ToHaveTextAsync("Trình phê duyệt");
        await submit.GetByLabel("Ý kiến thẩm định").FillAsync("Hồ sơ đầy đủ, đủ điều kiện cấp giấy phép.");
        await submit.GetByLabel("Lãnh đạo phê duyệt").SelectOptionAsync(new SelectOptionValue { Value = "lanhdao" });
        await submit.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ phê duyệt");

        var leader = await browser.LoginAsync("lanhdao");
        await leader.GotoAsync("/ho-so/" + code);
        await Assertions.Expect(leader.GetByTestId("primary-action").GetByRole(AriaRole.Button)).ToHaveTextAsync("Phê duyệt");
        await Assertions.Expect(leader.GetByTestId("timeline")).ToContainTextAsync("Hồ sơ đầy đủ, đủ điều kiện cấp giấy phép.");
        await BothWidthsAsync(leader, "dossier-page-leader");
    }
}
