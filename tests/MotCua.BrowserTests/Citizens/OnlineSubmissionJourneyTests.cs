using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Tests.Shared;

namespace MotCua.BrowserTests.Citizens;

/// <summary>
/// The whole online path as a citizen lives it: submit with a real PDF, the desk accepts it, the citizen follows the
/// receipt's QR code to the look-up, proves who they are, and rates the service once the result is returned.
/// </summary>
public sealed class OnlineSubmissionJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Procedure = "1.000173";

    [Fact]
    public async Task Citizen_submits_online_the_desk_accepts_the_QR_look_up_shows_it_and_the_service_is_rated_once()
    {
        var app = browser.App;
        await using (var db = app.CreateDbContext())
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

        // 1. The citizen finds the procedure in the public catalogue, opens the online form from it, fills it and uploads a real PDF.
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/thu-tuc/" + Procedure);
        await BrowserApp.ScreenshotAsync(citizen, "online-0-procedure");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("online-form")).ToBeVisibleAsync();
        await citizen.GetByLabel("Họ tên người nộp").FillAsync("Lê Văn Trực Tuyến");
        await citizen.GetByLabel("Số giấy tờ tùy thân").FillAsync("054090001234");
        await citizen.GetByLabel("Số điện thoại").FillAsync("0905 777 888");
        await citizen.GetByLabel("Thư điện tử").FillAsync("tructuyen@example.vn");
        await citizen.GetByLabel("Địa chỉ").FillAsync("12 Trần Hưng Đạo, Tuy Hòa, Phú Yên");
        await citizen.Locator("#paper-0").SetInputFilesAsync(new FilePayload { Name = "don-de-nghi.pdf", MimeType = "application/pdf", Buffer = SmallPdf() });
        await BrowserApp.ScreenshotAsync(citizen, "online-1-form");
        await citizen.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("online-confirmation")).ToBeVisibleAsync();
        var code = (await citizen.GetByTestId("online-code").InnerTextAsync()).Trim();
        await BrowserApp.ScreenshotAsync(citizen, "online-2-submitted");

        // 2. The desk sees it among the online dossiers to check, opens it and receives it.
        var desk = await browser.LoginAsync("motcua");
        await desk.GotoAsync("/mot-cua");
        var toCheck = desk.GetByTestId("desk-submitted");
        await Assertions.Expect(toCheck).ToContainTextAsync(code);
        await BrowserApp.ScreenshotAsync(desk, "online-3-desk-queue");
        await toCheck.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Mới đăng ký, chờ tiếp nhận");
        await Assertions.Expect(desk.GetByRole(AriaRole.Link, new() { Name = "don-de-nghi.pdf" })).ToBeVisibleAsync();
        // The desk may hand it to the unit in the same action; left at "chuyển sau", it only receives.
        await Assertions.Expect(desk.Locator("form[data-action='receive']").GetByLabel("Chuyển ngay cho đơn vị xử lý")).ToHaveValueAsync("");
        await BrowserApp.ScreenshotAsync(desk, "online-3b-desk-check");
        await desk.Locator("form[data-action='receive']").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Đã tiếp nhận");
        await BrowserApp.ScreenshotAsync(desk, "online-4-desk-received");

        // 3. The receipt's QR code is the citizen's way in: decode it from the PDF the desk issues.
        var receipt = await desk.APIRequest.GetAsync("/api/dossiers/" + Uri.EscapeDataString(code) + "/forms/tiep-nhan.pdf");
        Assert.True(receipt.Ok, "receipt PDF: HTTP " + receipt.Status);
        var lookupUrl = Assert.Single(Tools.DecodeQrCodes(await receipt.BodyAsync()), u => u.Contains("/tra-cuu/", StringComparison.Ordinal));
        Assert.EndsWith("/tra-cuu/" + code, lookupUrl, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            // The receipt e-mail carries the same link.
            var mails = await db.OutboxMessages.Where(m => m.DossierCode == code && m.Recipient == "tructuyen@example.vn").Select(m => m.Body).ToListAsync();
            Assert.Contains(mails, b => b.Contains("/tra-cuu/" + code, StringComparison.Ordinal));
        }

        // 4. Drive the processing to the returned result through the API (the officers' pages are covered elsewhere).
        using (var deskApi = await app.ApiClientAsync("motcua"))
        using (var leaderApi = await app.ApiClientAsync("lanhdao"))
        using (var specialistApi = await app.ApiClientAsync("chuyenvien"))
        {
            int unit;
            await using (var db = app.CreateDbContext())
            {
                unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            }
            await ActAsync(deskApi, code, "transfer", new { unitId = unit });
            await ActAsync(leaderApi, code, "assign", new { assignee = "chuyenvien" });
            await ActAsync(specialistApi, code, "appraise", new { note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
            await ActAsync(leaderApi, code, "approve");
            await ActAsync(deskApi, code, "return", new { delivery = "online" });
        }

        // 5. The citizen opens the QR link: nothing is shown until the second factor is given.
        await citizen.GotoAsync(lookupUrl);
        await Assertions.Expect(citizen.GetByLabel("Mã hồ sơ")).ToHaveValueAsync(code);
        await Assertions.Expect(citizen.GetByTestId("lookup-result")).ToHaveCountAsync(0);
        await citizen.GetByLabel("Số điện thoại hoặc số giấy tờ").FillAsync("0905 000 000");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không tìm thấy hồ sơ");
        await Assertions.Expect(citizen.GetByTestId("lookup-result")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(citizen, "online-5-lookup-wrong-factor");
        await citizen.GetByLabel("Số điện thoại hoặc số giấy tờ").FillAsync("054090001234");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("lookup-status")).ToHaveTextAsync("Đã trả kết quả");
        await Assertions.Expect(citizen.GetByTestId("lookup-steps")).ToContainTextAsync("Tiếp nhận");
        await Assertions.Expect(citizen.GetByTestId("lookup-steps")).ToContainTextAsync("Trả kết quả");
        // One submission, one "Nộp hồ sơ" step: the online path records it once.
        await Assertions.Expect(citizen.GetByTestId("lookup-steps").Locator("tbody tr").Filter(new() { HasText = "Nộp hồ sơ" })).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(citizen, "online-6-lookup-returned");

        // A second tab, opened before the rating, keeps the rating form: it stands in for a replayed or double post.
        var secondTab = await browser.NewPageAsync();
        await secondTab.GotoAsync(lookupUrl);
        await secondTab.GetByLabel("Số điện thoại hoặc số giấy tờ").FillAsync("0905777888");
        await secondTab.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await CheckAllAsync(secondTab.GetByTestId("evaluation-form"), "0");

        // 6. The citizen rates the service.
        var form = citizen.GetByTestId("evaluation-form");
        await CheckAllAsync(form, "1");
        await form.GetByLabel("Ý kiến khác").FillAsync("Nộp trực tuyến thuận tiện, mong rút ngắn thời gian.");
        await BrowserApp.ScreenshotAsync(citizen, "online-7-rating-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("evaluation-thanks")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByTestId("evaluation-form")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(citizen, "online-8-rated");

        // 7. A second rating is refused: the stale form is turned down, and a fresh look-up no longer offers it.
        await secondTab.GetByTestId("evaluation-form").GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(secondTab.GetByRole(AriaRole.Alert)).ToContainTextAsync("đã được đánh giá");
        await Assertions.Expect(secondTab.GetByTestId("evaluation-thanks")).ToHaveCountAsync(0);
        await Assertions.Expect(secondTab.GetByTestId("evaluation-form")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(secondTab, "online-9-second-rating-refused");
        await citizen.GotoAsync(lookupUrl);
        await citizen.GetByLabel("Số điện thoại hoặc số giấy tờ").FillAsync("054090001234");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("already-evaluated")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByTestId("evaluation-form")).ToHaveCountAsync(0);

        await using var check = app.CreateDbContext();
        var dossier = await check.Dossiers.SingleAsync(d => d.Code == code);
        Assert.Equal(DossierChannel.Online, dossier.Channel);
        Assert.Equal(DossierStatus.Returned, dossier.Status);
        var evaluation = await check.DossierEvaluations.SingleAsync(e => e.DossierCode == code);
        Assert.Equal(9, evaluation.Total);
    }

    private static async Task CheckAllAsync(ILocator form, string points)
    {
        var radios = form.Locator($"input[type=radio][value='{points}']");
        Assert.True(await radios.CountAsync() > 0, "no rating criteria shown");
        for (var i = 0; i < await radios.CountAsync(); i++)
        {
            await radios.Nth(i).CheckAsync();
        }
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        using var current = JsonDocument.Parse(await client.GetStringAsync("/api/dossiers/" + code));
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.RootElement.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        var response = await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
        Assert.True(response.IsSuccessStatusCode, action + ": " + await response.Content.ReadAsStringAsync());
    }

    /// <summary>A real one-page PDF (the app's own renderer), as a citizen's scanned application would be.</summary>
    internal static byte[] SmallPdf() => PdfRenderer.Render(new OfficialDocument
    {
        Issuer = "CÔNG DÂN",
        PlaceAndDate = "Tuy Hòa, ngày 10 tháng 3 năm 2025",
        Title = "ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP",
        Body = [new Paragraph("Kính gửi: Sở Khoa học và Công nghệ tỉnh Phú Yên.")],
    });
}
