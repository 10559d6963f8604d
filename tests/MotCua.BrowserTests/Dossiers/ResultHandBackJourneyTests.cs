using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Dossiers;

/// <summary>
/// The result goes back to the commune centre where the applicant chose to collect it, as the two desks live it: the
/// department's desk sees it waiting to be sent and cannot return it itself, records sending it; the centre's desk sees
/// it arriving, confirms it and returns it to the applicant.
/// </summary>
public sealed class ResultHandBackJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Procedure = "1.000173";

    private static async Task<HttpResponseMessage> TryActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        using var current = JsonDocument.Parse(await client.GetStringAsync("/api/dossiers/" + code));
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.RootElement.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var response = await TryActAsync(client, code, action, extra);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_centre_receives_the_department_sends_the_result_back_and_the_centre_returns_it()
    {
        var app = browser.App;
        // Monday 21/12/2026 09:00 in Vietnam.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 21, 2, 0, 0, TimeSpan.Zero));
        await using (var db = app.CreateDbContext())
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

        // The commune centre receives for the department; the applicant will collect the result there.
        var centre = await browser.LoginAsync("motcuaxa");
        await centre.GotoAsync("/mot-cua/tiep-nhan");
        var choices = centre.GetByTestId("boundary-choices");
        await choices.GetByRole(AriaRole.Row).Filter(new() { HasText = Procedure }).GetByRole(AriaRole.Link).ClickAsync();
        await centre.GetByLabel("Họ tên / tên tổ chức").FillAsync("Ksor H'Bia");
        await centre.GetByLabel("Số điện thoại").FillAsync("0905 318 274");
        await centre.GetByLabel("Địa chỉ", new() { Exact = true }).FillAsync("Thôn 5, xã Hòa Phú, tỉnh Đắk Lắk");
        await centre.GetByTestId("papers").GetByRole(AriaRole.Checkbox, new() { Name = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ" }).CheckAsync();
        var place = centre.GetByTestId("return-place").GetByLabel("Tại nơi tiếp nhận hồ sơ", new() { Exact = false });
        await place.CheckAsync();
        await Assertions.Expect(place).ToBeCheckedAsync();
        await centre.GetByTestId("return-place").ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(centre, "handback-receive-at-centre");
        await centre.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();
        var code = (await centre.GetByTestId("received-for-others").Locator("tr.highlight").GetAttributeAsync("data-code"))!;
        Assert.Contains("SKHCN", code, StringComparison.Ordinal);

        // The department processes it to a result.
        using var deskApi = await app.ApiClientAsync("motcua");
        using (var leader = await app.ApiClientAsync("lanhdao"))
        using (var specialist = await app.ApiClientAsync("chuyenvien"))
        {
            int unit;
            await using (var db = app.CreateDbContext())
            {
                unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            }
            app.Clock.Advance(TimeSpan.FromHours(1));
            await ActAsync(deskApi, code, "transfer", new { unitId = unit });
            await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
            await ActAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
            await ActAsync(leader, code, "approve");
        }
        app.Clock.Advance(TimeSpan.FromHours(1));

        // The department's desk: the result waits to be sent to the centre, and the ordinary return is not there.
        var desk = await browser.LoginAsync("motcua");
        var toSend = desk.GetByTestId("handback-tosend");
        await Assertions.Expect(toSend).ToContainTextAsync(code);
        await Assertions.Expect(toSend).ToContainTextAsync("Trung tâm Phục vụ hành chính công xã Hòa Phú");
        await desk.GetByTestId("result-handback-alerts").ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(desk, "handback-department-home");
        await toSend.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        var panel = desk.GetByTestId("result-handback");
        await Assertions.Expect(panel.GetByTestId("handback-stage")).ToHaveTextAsync("Chờ chuyển kết quả về nơi tiếp nhận");
        await Assertions.Expect(desk.Locator("form[data-action='return']")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.GetByTestId("collect-at-agency")).ToBeVisibleAsync();
        var refused = await TryActAsync(deskApi, code, "return", new { delivery = "atDesk" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("đã đăng ký nhận kết quả tại Trung tâm Phục vụ hành chính công xã Hòa Phú", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await panel.ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(desk, "handback-department-dossier");

        await panel.GetByLabel("Ghi chú (người mang, số vận đơn…)").FillAsync("Giao liên chuyến sáng");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Đã chuyển kết quả về nơi tiếp nhận" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".alert.success")).ToContainTextAsync("Đã ghi nhận chuyển kết quả hồ sơ " + code);
        await Assertions.Expect(panel.GetByTestId("handback-stage")).ToHaveTextAsync("Đang chuyển kết quả về nơi tiếp nhận");
        await Assertions.Expect(desk.Locator("form[data-action='return']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotBothWidthsAsync(desk, "handback-department-sent");

        // The centre's desk: the result on its way, confirmed on arrival, then returned to the applicant.
        app.Clock.Advance(TimeSpan.FromHours(2));
        await centre.GotoAsync("/can-bo");
        await Assertions.Expect(centre.GetByTestId("handback-ontheway")).ToContainTextAsync(code);
        await centre.GotoAsync(ReceivedForOthersModel.Route);
        var arriving = centre.GetByTestId("results-ontheway").Locator($"tr[data-code='{code}']");
        await Assertions.Expect(arriving).ToContainTextAsync("Giao liên chuyến sáng");
        await BrowserApp.ScreenshotBothWidthsAsync(centre, "handback-centre-on-the-way");
        await arriving.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã nhận kết quả" }).ClickAsync();
        await Assertions.Expect(centre.Locator(".alert.success")).ToContainTextAsync("Đã ghi nhận nhận kết quả hồ sơ " + code);
        var waiting = centre.GetByTestId("results-waiting").Locator($"tr[data-code='{code}']");
        await Assertions.Expect(waiting).ToContainTextAsync("Ksor H'Bia");
        await BrowserApp.ScreenshotBothWidthsAsync(centre, "handback-centre-waiting");
        await waiting.GetByLabel("Ghi chú").FillAsync("Người nộp nhận trực tiếp");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Trả kết quả cho người nộp" }).ClickAsync();
        await Assertions.Expect(centre.Locator(".alert.success")).ToContainTextAsync("Đã trả kết quả hồ sơ " + code + " cho người nộp");
        await Assertions.Expect(centre.GetByTestId("results-waiting").Locator($"tr[data-code='{code}']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotBothWidthsAsync(centre, "handback-centre-returned");

        // The department's page tells the whole way back, and the dossier is returned by the centre.
        await desk.GotoAsync("/ho-so/" + code);
        await Assertions.Expect(panel.GetByTestId("handback-stage")).ToHaveTextAsync("Đã trả kết quả cho người nộp");
        await Assertions.Expect(desk.GetByTestId("timeline")).ToContainTextAsync(ResultHandBacks.HistoryLabel);
        await BrowserApp.ScreenshotBothWidthsAsync(desk, "handback-department-returned");
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            Assert.Equal(DossierStatus.Returned, d.Status);
            var last = await db.DossierEvents.Where(e => e.DossierId == d.Id).OrderBy(e => e.Id).LastAsync();
            Assert.Equal(("motcuaxa", DossierAction.Return), (last.ActorUserName, last.Action));
        }
    }
}
