using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Dossiers;

/// <summary>
/// The desk guides the applicant at its check; after receipt the specialist asks for a supplement from the dossier page
/// and sees the two acts apart, the deadline to send it to the desk and what the resubmission will do to the clock.
/// </summary>
public sealed class SupplementJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_specialist_asks_once_after_the_desks_guidance_and_sees_both_acts()
    {
        int tdc;
        await using (var db = browser.App.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        using var desk = await browser.App.ApiClientAsync("motcua");
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Công ty TNHH Bức Xạ Tuy Hòa", idNumber = "079085001234", phone = "0905123456" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = false } },
            outcome = "requestSupplement",
            note = "Thiếu phiếu khai báo.",
        });
        created.EnsureSuccessStatusCode();
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        foreach (var (action, extra) in new (string, object?)[] { ("resubmitSupplement", "Đã nộp phiếu khai báo."), ("receive", null), ("transfer", null) })
        {
            var current = await desk.GetFromJsonAsync<JsonElement>("/api/dossiers/" + code);
            var body = new Dictionary<string, object?>
            {
                ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64(), ["note"] = extra,
                ["unitId"] = action == "transfer" ? tdc : null, ["assignee"] = action == "transfer" ? "chuyenvien" : null,
            };
            (await desk.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body)).EnsureSuccessStatusCode();
        }

        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync("/ho-so/" + code);
        await specialist.GetByText("Thao tác khác").ClickAsync();
        await specialist.Locator("summary", new() { HasText = "Yêu cầu bổ sung (sau thẩm định)" }).ClickAsync();
        var form = specialist.Locator("form[data-action='requestSupplement']");
        await Assertions.Expect(form.GetByTestId("processing-request-due")).ToContainTextAsync("phải chuyển Bộ phận Một cửa trước");
        await BrowserApp.ScreenshotBothWidthsAsync(specialist, "supplement-request-form");
        await specialist.SetViewportSizeAsync(1280, 860);

        await form.GetByLabel("Thành phần hồ sơ, dòng 1").SelectOptionAsync(new SelectOptionValue { Label = "Phiếu khai báo" });
        await form.GetByLabel("Thiếu hoặc sai gì, dòng 1").FillAsync("Thiếu bản vẽ mặt bằng khu vực đặt thiết bị");
        await form.Locator("textarea[name='Note']").FillAsync("Bổ sung bản vẽ mặt bằng.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Yêu cầu bổ sung (sau thẩm định)" }).ClickAsync();

        var panel = specialist.GetByTestId("supplement-requests");
        await Assertions.Expect(panel).ToContainTextAsync("Hướng dẫn bổ sung hồ sơ");
        await Assertions.Expect(panel).ToContainTextAsync("Yêu cầu bổ sung (sau thẩm định)");
        await Assertions.Expect(panel).ToContainTextAsync("thời hạn giải quyết được tính lại từ đầu khi nhận đủ hồ sơ bổ sung");
        await specialist.GetByText("Cách tính hạn trả kết quả").ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("due-explanation")).ToContainTextAsync("Yêu cầu bổ sung (sau thẩm định) lúc");
        await BrowserApp.ScreenshotBothWidthsAsync(specialist, "supplement-requested");

        var admin = await browser.LoginAsync("admin");
        int procedureId;
        await using (var db = browser.App.CreateDbContext())
        {
            procedureId = await db.Set<MotCua.Web.Features.Catalogue.Procedure>().Where(p => p.Code == "1.000173").Select(p => p.Id).SingleAsync();
        }
        await admin.GotoAsync("/quan-tri/thu-tuc/sua/" + procedureId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(admin.GetByTestId("supplement-settings")).ToContainTextAsync("Mặc định của tỉnh");
        await admin.GetByTestId("supplement-settings").ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(admin, "supplement-procedure-settings");
    }
}
