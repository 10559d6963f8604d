using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Citizens;

public sealed class CitizenJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        using var current = JsonDocument.Parse(await client.GetStringAsync("/api/dossiers/" + code));
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.RootElement.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        var response = await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Citizen_opens_the_QR_link_of_a_returned_dossier_and_rates_the_service()
    {
        var app = browser.App;
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Bệnh viện Sản Nhi Phú Yên", phone = "0257 3841 222", address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        await ActAsync(desk, code, "transfer", new { unitId = unit });
        await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        await ActAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
        await ActAsync(leader, code, "approve");
        await ActAsync(desk, code, "return", new { delivery = "atDesk" });

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/tra-cuu/" + code); // the receipt's QR code points here
        await Assertions.Expect(page.GetByTestId("lookup-result")).ToHaveCountAsync(0);
        await page.GetByLabel("Số điện thoại hoặc số giấy tờ").FillAsync("0257 3841 222");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("lookup-status")).ToHaveTextAsync("Đã trả kết quả");
        await Assertions.Expect(page.GetByTestId("lookup-steps")).ToContainTextAsync("Trả kết quả");
        await BrowserApp.ScreenshotAsync(page, "citizen-lookup-returned");

        var form = page.GetByTestId("evaluation-form");
        var radios = form.Locator("input[type=radio][value='2']");
        for (var i = 0; i < await radios.CountAsync(); i++)
        {
            await radios.Nth(i).CheckAsync();
        }
        await BrowserApp.ScreenshotAsync(page, "citizen-evaluation-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("evaluation-thanks")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("evaluation-form")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "citizen-evaluation-thanks");
        await using var check = app.CreateDbContext();
        Assert.Equal(18, (await check.DossierEvaluations.SingleAsync(e => e.DossierCode == code)).Total);
    }

    [Fact]
    public async Task PAKN_is_submitted_answered_and_published_without_the_senders_contact()
    {
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/phan-anh-kien-nghi");
        await Assertions.Expect(citizen.GetByTestId("pakn-address")).ToContainTextAsync("Địa chỉ tiếp nhận");
        await citizen.GetByLabel("Họ và tên").FillAsync("Võ Thị Kiến Nghị");
        await citizen.GetByLabel("Địa chỉ *").FillAsync("Đông Hòa, Phú Yên");
        await citizen.GetByLabel("Số điện thoại").FillAsync("0935 111 222");
        await citizen.GetByLabel("Thư điện tử").FillAsync("kiennghi@example.vn");
        await citizen.GetByLabel("Tiêu đề").FillAsync("Rút ngắn thời hạn cấp giấy phép bức xạ");
        await citizen.GetByLabel("Nội dung phản ánh, kiến nghị").FillAsync("Đề nghị rút ngắn thời hạn giải quyết từ 10 xuống 7 ngày làm việc. "
            + "Tôi là Võ Thị Kiến Nghị, CCCD 054123456789, nhà số 12 đường Lê Lợi, gọi 0935 111 222; hàng xóm là ông Tư Mập cũng chờ quá hạn.");
        await citizen.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await BrowserApp.ScreenshotAsync(citizen, "pakn-form");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh, kiến nghị" }).ClickAsync();
        var code = (await citizen.GetByTestId("pakn-code").TextContentAsync())!;
        await BrowserApp.ScreenshotAsync(citizen, "pakn-acknowledged");

        var focal = await browser.LoginAsync("daumoi");
        await focal.GotoAsync("/pakn");
        await focal.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await focal.GetByTestId("pakn-inscope").GetByLabel("Đơn vị chủ trì xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Phòng Quản lý Khoa học và Công nghệ" });
        await focal.GetByRole(AriaRole.Button, new() { Name = "Giao đơn vị xử lý" }).ClickAsync();
        await Assertions.Expect(focal.GetByTestId("pakn-status")).ToContainTextAsync("Đang xử lý");
        var url = focal.Url;

        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync(url);
        await specialist.GetByLabel("Nội dung trả lời").FillAsync("Kính gửi bà Võ Thị Kiến Nghị: Sở sẽ đề xuất UBND tỉnh rút ngắn thời hạn xuống 7 ngày làm việc trong phương án đơn giản hóa năm 2025.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo trả lời" }).ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("pakn-status")).ToContainTextAsync("Chờ duyệt");

        var leader = await browser.LoginAsync("lanhdao");
        await leader.GotoAsync(url);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Duyệt trả lời" }).ClickAsync();
        // Publishing starts with the review: the identifiers found are hidden; the leader selects one more name to hide.
        var review = leader.GetByTestId("pakn-review");
        await Assertions.Expect(review.GetByTestId("review-content")).ToContainTextAsync("[đã ẩn]");
        await Assertions.Expect(review.GetByTestId("review-content")).Not.ToContainTextAsync("054123456789");
        await Assertions.Expect(review.GetByTestId("review-answer")).Not.ToContainTextAsync("Võ Thị Kiến Nghị");
        await leader.EvaluateAsync(@"() => {
            const p = document.querySelector('[data-testid=review-content]');
            const node = [...p.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('ông Tư Mập'));
            const at = node.textContent.indexOf('ông Tư Mập');
            const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 'ông Tư Mập'.length);
            const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
        }");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ẩn đoạn đã chọn" }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("review-content")).Not.ToContainTextAsync("Tư Mập");
        await BrowserApp.ScreenshotAsync(leader, "pakn-review-1280");
        await leader.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(leader, "pakn-review-390");
        await leader.SetViewportSizeAsync(1280, 860);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Công khai", Exact = true }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("pakn-status")).ToContainTextAsync("Đã trả lời, công khai");
        await BrowserApp.ScreenshotAsync(leader, "pakn-published-back-office");

        await citizen.GotoAsync("/phan-anh-kien-nghi/da-tra-loi");
        var published = citizen.GetByTestId("pakn-published").Filter(new() { HasText = code });
        await Assertions.Expect(published).ToContainTextAsync("7 ngày làm việc trong phương án");
        var text = (await published.TextContentAsync())!;
        Assert.DoesNotContain("0935", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kiennghi@example.vn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Võ Thị Kiến Nghị", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "054123456789", "Lê Lợi", "Tư Mập" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
        await Assertions.Expect(published).ToContainTextAsync("[đã ẩn]");
        await BrowserApp.ScreenshotAsync(citizen, "pakn-public-answers");
    }
}
