using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Dossiers;

/// <summary>A leader works the unit's queue: searches, filters, ticks dossiers and assigns them in one go; the desk transfers in bulk.</summary>
public sealed class QueueJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_leader_filters_the_unit_queue_and_assigns_the_ticked_dossiers_to_a_specialist()
    {
        int tdc;
        await using (var db = browser.App.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        using var desk = await browser.App.ApiClientAsync("motcua");
        var codes = new List<string>();
        foreach (var (name, transfer) in new[] { ("Công ty TNHH Ánh Dương", true), ("Bệnh viện Đa khoa Sông Cầu", true), ("Phòng khám Nha khoa Tuy Hòa", false) })
        {
            var created = await desk.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "1.000173",
                channel = "direct",
                applicant = new { name, idNumber = "079085001234", phone = "0905123456" },
                papers = new[] { new { name = "Đơn đề nghị", present = true } },
                transferToUnitId = transfer ? tdc : (int?)null,
            });
            created.EnsureSuccessStatusCode();
            codes.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
        }

        var leader = await browser.LoginAsync("lanhdao");
        await leader.GotoAsync("/ho-so/hang-doi");
        await leader.GetByText("Lọc và sắp xếp").ClickAsync();
        await leader.GetByLabel("Đơn vị xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Chi cục Tiêu chuẩn Đo lường Chất lượng" });
        await leader.GetByLabel("Kênh tiếp nhận").SelectOptionAsync(new SelectOptionValue { Label = "Trực tiếp" });
        await leader.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        var queue = leader.GetByTestId("unit-queue");
        await Assertions.Expect(queue).ToContainTextAsync(codes[0]);
        await Assertions.Expect(queue).ToContainTextAsync(codes[1]);
        await Assertions.Expect(queue).Not.ToContainTextAsync(codes[2]);
        await Assertions.Expect(queue).ToContainTextAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng");
        await BrowserApp.ScreenshotAsync(leader, "queue-filtered-1280");

        await leader.GetByLabel("Chọn hồ sơ " + codes[0]).CheckAsync();
        await leader.GetByLabel("Chọn hồ sơ " + codes[1]).CheckAsync();
        await leader.GetByLabel("Phân công các hồ sơ đã đánh dấu cho").SelectOptionAsync(new SelectOptionValue { Label = "Trần Văn Minh – Chi cục Tiêu chuẩn Đo lường Chất lượng" });
        await leader.GetByRole(AriaRole.Button, new() { Name = "Phân công", Exact = true }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("bulk-results")).ToContainTextAsync("2/2 hồ sơ thành công");
        await BrowserApp.ScreenshotAsync(leader, "queue-bulk-assigned-1280");
        await leader.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(leader, "queue-bulk-assigned-390");

        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync("/ho-so/hang-doi?q=" + Uri.EscapeDataString("ánh dương"));
        await Assertions.Expect(specialist.GetByTestId("my-queue")).ToContainTextAsync(codes[0]);
        await Assertions.Expect(specialist.GetByTestId("my-queue")).Not.ToContainTextAsync(codes[1]);
        await specialist.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(specialist, "queue-search-390");

        // The desk transfers the received dossier from its own page.
        var deskPage = await browser.LoginAsync("motcua");
        await deskPage.GotoAsync("/mot-cua");
        await deskPage.GetByLabel("Chọn hồ sơ " + codes[2]).CheckAsync();
        await deskPage.GetByLabel("Chuyển các hồ sơ đã đánh dấu đến").SelectOptionAsync(new SelectOptionValue { Label = "Chi cục Tiêu chuẩn Đo lường Chất lượng" });
        await deskPage.GetByRole(AriaRole.Button, new() { Name = "Chuyển xử lý" }).ClickAsync();
        await Assertions.Expect(deskPage.GetByTestId("bulk-results")).ToContainTextAsync("1/1 hồ sơ thành công");
        await BrowserApp.ScreenshotAsync(deskPage, "desk-bulk-transfer-1280");
    }
}
