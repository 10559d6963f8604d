using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// Result return at the receiving centre: the commune centre (motcuaxa) receives for the department, the applicant
/// collects the result at the centre; the department's desk sends the result back, the centre confirms it, and then
/// returns it, the one thing it may do to the department's dossier.
/// </summary>
public sealed class ResultReturnAtCentreTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Tdc = "Chi cục Tiêu chuẩn Đo lường Chất lượng";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> TryActAsync(HttpClient client, string code, string action, object? extra = null, long rowVersion = 1)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = rowVersion };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return await client.PostAsJsonAsync("/api/dossiers/" + Uri.EscapeDataString(code) + "/actions", body);
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + Uri.EscapeDataString(code)), HttpStatusCode.OK);
        await ReadAsync(await TryActAsync(client, code, action, extra, current.GetProperty("rowVersion").GetInt64()), HttpStatusCode.OK);
    }

    private static async Task<string> PostPageAsync(HttpClient client, string path, Dictionary<string, string> form, HttpStatusCode expected)
    {
        var response = await BoundaryLeftoverTests.PostAsync(client, path, form);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return text;
    }

    private const string Send = IncomingPapersModel.Route + "?handler=SendResult";
    private const string Receive = ReceivedForOthersModel.Route + "?handler=ReceiveResult";
    private const string Return = ReceivedForOthersModel.Route + "?handler=ReturnResult";

    private async Task<DossierStatus> StatusAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Dossiers.Where(d => d.Code == code).Select(d => d.Status).SingleAsync();
    }

    [Fact]
    public async Task The_result_goes_back_to_the_centre_which_returns_it_to_the_applicant()
    {
        StartOnMonday();
        var (_, hoaPhu) = await BoundaryLeftoverTests.AgenciesAsync(app);
        using var centre = await app.LoginAsync("motcuaxa");
        var name = BoundaryLeftoverTests.Unique("Người Nhận Tại Xã");
        var code = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centre, name);

        // The place is recorded, printed on the receipt and shown in the look-up.
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(hoaPhu.Id, (await db.Dossiers.SingleAsync(d => d.Code == code)).ReturnAtCentreId);
        }
        var slip = WebUtility.HtmlDecode(await centre.GetStringAsync($"/ho-so/{code}/bieu-mau/tiep-nhan"));
        Assert.Matches("Đăng ký nhận kết quả tại:.*" + System.Text.RegularExpressions.Regex.Escape(hoaPhu.Name) + @" \(nơi tiếp nhận hồ sơ\)", slip.ReplaceLineEndings(" "));
        using var citizen = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/dossiers/" + Uri.EscapeDataString(code));
        request.Headers.Add("X-Lookup-Factor", "0905318274");
        var lookup = await ReadAsync(await citizen.SendAsync(request), HttpStatusCode.OK);
        Assert.Equal(hoaPhu.Name, lookup.GetProperty("resultCentreName").GetString());

        app.Clock.Advance(TimeSpan.FromHours(2));
        using var desk = await app.LoginAsync("motcua");
        await ProcessAsync(code);

        // The department's desk sees what it must send back; the centre cannot receive or return yet.
        Assert.Contains(code, Between(await desk.GetStringAsync("/can-bo"), "handback-tosend"), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        Assert.Contains("data-testid=\"send-result\"", page, StringComparison.Ordinal);
        Assert.Contains("Chờ chuyển kết quả về nơi tiếp nhận", page, StringComparison.Ordinal);
        Assert.Contains("chưa ghi nhận chuyển kết quả", await PostPageAsync(centre, Receive, new() { ["code"] = code }, HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.Contains("chưa nhận kết quả từ cơ quan giải quyết", await PostPageAsync(centre, Return, new() { ["code"] = code }, HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.Equal(DossierStatus.ResultIssued, await StatusAsync(code));

        // Another agency's desk cannot record the department's sending.
        Assert.Contains("Không tìm thấy hồ sơ của cơ quan bạn", await PostPageAsync(centre, Send, new() { ["code"] = code }, HttpStatusCode.OK), StringComparison.Ordinal);

        // The applicant is told the result is on its way to the centre, not to come yet.
        var onTheWay = await CollectAskAsync(code);
        Assert.Contains("đang được chuyển về " + hoaPhu.Name, onTheWay, StringComparison.Ordinal);
        Assert.DoesNotContain("Bộ phận Một cửa", onTheWay, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await PostPageAsync(desk, Send, new() { ["code"] = code, ["note"] = "Giao liên mang về" }, HttpStatusCode.Redirect);
        Assert.Contains("không ghi nhận lại", await PostPageAsync(desk, Send, new() { ["code"] = code }, HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.DoesNotContain(code, Between(await desk.GetStringAsync("/can-bo"), "handback-tosend"), StringComparison.Ordinal);
        Assert.Contains(code, Between(await centre.GetStringAsync("/can-bo"), "handback-ontheway"), StringComparison.Ordinal);
        Assert.Contains("chưa nhận kết quả từ cơ quan giải quyết", await PostPageAsync(centre, Return, new() { ["code"] = code }, HttpStatusCode.OK), StringComparison.Ordinal);
        // The department's desk does not confirm for the centre.
        Assert.Contains("Không tìm thấy hồ sơ có kết quả trả tại đơn vị bạn", await PostPageAsync(desk, Receive, new() { ["code"] = code }, HttpStatusCode.OK), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await PostPageAsync(centre, Receive, new() { ["code"] = code }, HttpStatusCode.Redirect);
        Assert.Contains("không ghi nhận lại", await PostPageAsync(centre, Receive, new() { ["code"] = code }, HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.Contains(code, Between(await centre.GetStringAsync("/can-bo"), "handback-waiting"), StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await centre.GetStringAsync(ReceivedForOthersModel.Route));
        Assert.Contains("data-testid=\"return-result\"", list, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            // The applicant is told the result waits at the centre, which the message names.
            var told = await db.OutboxMessages.Where(m => m.DossierCode == code && m.Kind == EventRouting.EventName(DossierEventKind.ResultAtCentre)).ToListAsync();
            Assert.NotEmpty(told);
            Assert.Contains(told, m => m.Body.Contains(hoaPhu.Name, StringComparison.Ordinal));
            var h = await db.ResultHandBacks.SingleAsync(x => x.Dossier!.Code == code);
            Assert.Equal(ResultHandBackStage.Received, h.Stage);
            Assert.Equal("motcua", h.SentBy);
            Assert.Equal("motcuaxa", h.ReceivedBy);
        }

        Assert.Contains("Kết quả đã về " + hoaPhu.Name, await CollectAskAsync(code), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await PostPageAsync(centre, Return, new() { ["code"] = code, ["note"] = "Người nộp nhận trực tiếp" }, HttpStatusCode.Redirect);
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            Assert.Equal(DossierStatus.Returned, d.Status);
            Assert.Equal(ResultDelivery.AtDesk, d.ReturnMethod);
            var events = await db.DossierEvents.Where(e => e.DossierId == d.Id).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(2, events.Count(e => e.Note?.StartsWith(ResultHandBacks.HistoryLabel, StringComparison.Ordinal) == true));
            Assert.Equal("motcuaxa", events[^1].ActorUserName);
            Assert.Equal(DossierAction.Return, events[^1].Action);
        }
        // The timeline on the department's page shows the two steps and the return.
        var after = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        Assert.Contains("nơi tiếp nhận đã nhận kết quả", after, StringComparison.Ordinal);
        Assert.Contains("\">" + ResultHandBacks.HistoryLabel + "</td>", after, StringComparison.Ordinal);
        Assert.Contains("Đã trả kết quả cho người nộp", after, StringComparison.Ordinal);
        Assert.DoesNotContain(code, Between(await centre.GetStringAsync("/can-bo"), "handback-waiting"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_centre_desk_cannot_approve_route_or_refuse_the_departments_dossier()
    {
        StartOnMonday();
        using var centre = await app.LoginAsync("motcuaxa");
        var code = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centre, BoundaryLeftoverTests.Unique("Người Thử Quyền"));
        using var api = await app.ApiClientAsync("motcuaxa");
        foreach (var (action, extra) in new (string, object?)[] { ("transfer", null), ("refuse", new { note = "Không đủ điều kiện." }), ("approve", null), ("return", null) })
        {
            var response = await TryActAsync(api, code, action, extra);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, action + ": " + response.StatusCode);
        }
        Assert.Equal(DossierStatus.Received, await StatusAsync(code));

        // Not even once the result is back at the centre: only the Return, through its own list.
        await ProcessAsync(code);
        using var desk = await app.LoginAsync("motcua");
        await PostPageAsync(desk, Send, new() { ["code"] = code }, HttpStatusCode.Redirect);
        await PostPageAsync(centre, Receive, new() { ["code"] = code }, HttpStatusCode.Redirect);
        foreach (var action in new[] { "reject", "suspend", "stop", "digitiseResult", "return" })
        {
            var response = await TryActAsync(api, code, action, new { note = "Thử." }, 99);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, action + ": " + response.StatusCode);
        }
        Assert.Equal(DossierStatus.ResultIssued, await StatusAsync(code));
        Assert.NotEqual(HttpStatusCode.OK, (await centre.GetAsync("/ho-so/" + code)).StatusCode);
    }

    [Fact]
    public async Task An_applicant_who_collects_at_the_department_is_returned_there_and_nothing_goes_to_the_centre()
    {
        StartOnMonday();
        using var centre = await app.LoginAsync("motcuaxa");
        var name = BoundaryLeftoverTests.Unique("Người Nhận Tại Sở");
        var code = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centre, name, new() { ["ReturnPlace"] = "DecidingAgency" });
        var (department, _) = await BoundaryLeftoverTests.AgenciesAsync(app);
        await using (var db = app.CreateDbContext())
        {
            Assert.Null((await db.Dossiers.SingleAsync(d => d.Code == code)).ReturnAtCentreId);
        }
        var slip = WebUtility.HtmlDecode(await centre.GetStringAsync($"/ho-so/{code}/bieu-mau/tiep-nhan"));
        Assert.Contains(department.Name, slip, StringComparison.Ordinal);
        Assert.DoesNotContain("(nơi tiếp nhận hồ sơ)", slip, StringComparison.Ordinal);

        await ProcessAsync(code);
        using var desk = await app.LoginAsync("motcua");
        Assert.Contains("Không tìm thấy hồ sơ của cơ quan bạn", await PostPageAsync(desk, Send, new() { ["code"] = code }, HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"result-handback\"", await desk.GetStringAsync("/ho-so/" + code), StringComparison.Ordinal);
        using var api = await app.ApiClientAsync("motcua");
        await ActAsync(api, code, "return", new { delivery = "atDesk" });
        Assert.Equal(DossierStatus.Returned, await StatusAsync(code));
    }

    [Fact]
    public async Task The_api_twins_record_the_same_steps_and_refuse_as_the_pages_do()
    {
        StartOnMonday();
        using var centre = await app.LoginAsync("motcuaxa");
        var code = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centre, BoundaryLeftoverTests.Unique("Người Dùng API"));
        await ProcessAsync(code);
        using var deskApi = await app.ApiClientAsync("motcua");
        using var centreApi = await app.ApiClientAsync("motcuaxa");
        var step = "/api/dossiers/" + Uri.EscapeDataString(code) + "/result-handback/";

        await ReadAsync(await centreApi.PostAsJsonAsync(step + "returned", new { }), HttpStatusCode.UnprocessableEntity);
        await ReadAsync(await centreApi.PostAsJsonAsync(step + "sent", new { }), HttpStatusCode.NotFound);
        await ReadAsync(await centreApi.PostAsJsonAsync(step + "received", new { note = new string('x', 501) }), HttpStatusCode.BadRequest);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await ReadAsync(await deskApi.PostAsJsonAsync(step + "sent", new { note = "Bưu điện, vận đơn EB123" }), HttpStatusCode.OK);
        await ReadAsync(await deskApi.PostAsJsonAsync(step + "sent", new { }), HttpStatusCode.UnprocessableEntity);
        await ReadAsync(await deskApi.PostAsJsonAsync(step + "received", new { }), HttpStatusCode.NotFound);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await ReadAsync(await centreApi.PostAsJsonAsync(step + "received", new { }), HttpStatusCode.OK);
        await ReadAsync(await centreApi.PostAsJsonAsync(step + "received", new { }), HttpStatusCode.UnprocessableEntity);
        await ReadAsync(await deskApi.PostAsJsonAsync(step + "returned", new { }), HttpStatusCode.NotFound);
        Assert.Equal(DossierStatus.ResultIssued, await StatusAsync(code));
        await ReadAsync(await centreApi.PostAsJsonAsync(step + "returned", new { note = "Trả trực tiếp" }), HttpStatusCode.OK);
        Assert.Equal(DossierStatus.Returned, await StatusAsync(code));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.ResultHandBacks.CountAsync(h => h.Dossier!.Code == code));
    }

    /// <summary>What the look-up's "Việc Ông/Bà cần làm" says about collecting the result.</summary>
    private async Task<string> CollectAskAsync(string code)
    {
        using var citizen = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/dossiers/" + Uri.EscapeDataString(code) + "/forecast");
        request.Headers.Add("X-Lookup-Factor", "0905318274");
        var forecast = await ReadAsync(await citizen.SendAsync(request), HttpStatusCode.OK);
        return forecast.GetProperty("asks").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "collectResult").GetProperty("what").GetString()!;
    }

    /// <summary>The tests share one app and its clock, which cannot go back: each starts on the week's Monday or later.</summary>
    private void StartOnMonday()
    {
        if (app.Clock.GetUtcNow() < BoundaryLeftoverTests.Monday)
        {
            app.Clock.SetUtcNow(BoundaryLeftoverTests.Monday);
        }
    }

    private async Task ProcessAsync(string code)
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == Tdc).Select(u => u.Id).SingleAsync();
        }
        await ActAsync(desk, code, "transfer", new { unitId = unit });
        await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        await ActAsync(specialist, code, "appraise", new { note = "Đủ điều kiện cấp giấy phép.", leaderUserId = "lanhdao" });
        await ActAsync(leader, code, "approve");
        Assert.Equal(DossierStatus.ResultIssued, await StatusAsync(code));
    }

    /// <summary>The list on the home page with this test id, or "" when the page does not show it.</summary>
    private static string Between(string page, string testId)
    {
        var at = page.IndexOf("data-testid=\"" + testId + "\"", StringComparison.Ordinal);
        return at < 0 ? "" : page[at..page.IndexOf("</ul>", at, StringComparison.Ordinal)];
    }
}
