using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The department's desk may not skip the centre where the applicant registered to collect the result: its ordinary
/// return is refused and not offered, until it records that the applicant collects at the department instead.
/// </summary>
public sealed class ResultCollectPlaceTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Tdc = "Chi cục Tiêu chuẩn Đo lường Chất lượng";
    private const string Send = IncomingPapersModel.Route + "?handler=SendResult";
    private const string Move = IncomingPapersModel.Route + "?handler=CollectAtAgency";
    private const string Receive = ReceivedForOthersModel.Route + "?handler=ReceiveResult";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> TryActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + Uri.EscapeDataString(code)), HttpStatusCode.OK);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return await client.PostAsJsonAsync("/api/dossiers/" + Uri.EscapeDataString(code) + "/actions", body);
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null) =>
        await ReadAsync(await TryActAsync(client, code, action, extra), HttpStatusCode.OK);

    private static async Task<string> PostPageAsync(HttpClient client, string path, Dictionary<string, string> form, HttpStatusCode expected)
    {
        var response = await BoundaryLeftoverTests.PostAsync(client, path, form);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return text;
    }

    private static async Task<List<string>> AvailableAsync(HttpClient api, string code) =>
        [.. (await ReadAsync(await api.GetAsync("/api/dossiers/" + Uri.EscapeDataString(code)), HttpStatusCode.OK))
            .GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!)];

    [Fact]
    public async Task The_departments_desk_cannot_return_a_result_the_applicant_collects_at_the_centre()
    {
        StartOnMonday();
        var (_, hoaPhu) = await BoundaryLeftoverTests.AgenciesAsync(app);
        using var centre = await app.LoginAsync("motcuaxa");
        var code = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centre, BoundaryLeftoverTests.Unique("Người Nhận Tại Xã"));
        await ProcessAsync(code);
        using var desk = await app.LoginAsync("motcua");
        using var api = await app.ApiClientAsync("motcua");

        // Neither offered on the page or the API, nor accepted through either.
        Assert.DoesNotContain("return", await AvailableAsync(api, code));
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        Assert.DoesNotContain("data-action=\"return\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"collect-at-agency\"", page, StringComparison.Ordinal);
        var refused = await ReadAsync(await TryActAsync(api, code, "return", new { delivery = "atDesk" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("đã đăng ký nhận kết quả tại " + hoaPhu.Name, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var form = new Dictionary<string, string> { ["ActionName"] = "Return", ["Delivery"] = "AtDesk", ["RowVersion"] = await VersionAsync(code) };
        var onPage = await PostPageAsync(desk, "/ho-so/" + code + "?handler=Act", form, HttpStatusCode.OK);
        Assert.Contains("kết quả phải được chuyển về đó", onPage, StringComparison.Ordinal);
        Assert.Equal(DossierStatus.ResultIssued, (await DossierAsync(code)).Status);

        // Still refused while the result is on its way, and once it is at the centre the move is no longer offered.
        await PostPageAsync(desk, Send, new() { ["code"] = code }, HttpStatusCode.Redirect);
        await ReadAsync(await TryActAsync(api, code, "return", new { delivery = "atDesk" }), HttpStatusCode.UnprocessableEntity);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await PostPageAsync(centre, Receive, new() { ["code"] = code }, HttpStatusCode.Redirect);
        await ReadAsync(await TryActAsync(api, code, "return", new { delivery = "atDesk" }), HttpStatusCode.UnprocessableEntity);
        Assert.DoesNotContain("data-testid=\"collect-at-agency\"", await desk.GetStringAsync("/ho-so/" + code), StringComparison.Ordinal);
        Assert.Contains("Nơi tiếp nhận đã nhận kết quả", await PostPageAsync(desk, Move, new() { ["code"] = code, ["reason"] = "Người nộp đến Sở" }, HttpStatusCode.OK),
            StringComparison.Ordinal);
        Assert.NotNull((await DossierAsync(code)).ReturnAtCentreId);
    }

    [Fact]
    public async Task An_applicant_who_turns_up_at_the_department_is_moved_there_with_a_reason_and_returned_by_its_desk()
    {
        StartOnMonday();
        var (department, hoaPhu) = await BoundaryLeftoverTests.AgenciesAsync(app);
        using var centre = await app.LoginAsync("motcuaxa");
        var code = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centre, BoundaryLeftoverTests.Unique("Người Đổi Nơi Nhận"));
        await ProcessAsync(code);
        using var desk = await app.LoginAsync("motcua");
        using var api = await app.ApiClientAsync("motcua");
        // The result already left for the centre: it is fetched back, and the centre's list drops it.
        await PostPageAsync(desk, Send, new() { ["code"] = code }, HttpStatusCode.Redirect);
        Assert.Contains(code, await centre.GetStringAsync("/can-bo"), StringComparison.Ordinal);

        Assert.Contains("nhập lý do", await PostPageAsync(desk, Move, new() { ["code"] = code, ["reason"] = "  " }, HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy hồ sơ của cơ quan bạn", await PostPageAsync(centre, Move, new() { ["code"] = code, ["reason"] = "Thử" }, HttpStatusCode.OK),
            StringComparison.Ordinal);
        var before = await DossierAsync(code);
        Assert.Equal(hoaPhu.Id, before.ReturnAtCentreId);

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await PostPageAsync(desk, Move, new() { ["code"] = code, ["reason"] = "Người nộp đến Sở nhận trực tiếp" }, HttpStatusCode.Redirect);
        var moved = await DossierAsync(code);
        Assert.Null(moved.ReturnAtCentreId);
        Assert.Equal(before.Version + 1, moved.Version);
        await using (var db = app.CreateDbContext())
        {
            var note = await db.DossierEvents.Where(e => e.DossierId == moved.Id).OrderBy(e => e.Id).Select(e => e.Note).LastAsync();
            Assert.StartsWith(ResultHandBack.MoveName, note, StringComparison.Ordinal);
            Assert.Contains(hoaPhu.Name, note, StringComparison.Ordinal);
            Assert.Contains("Lý do: Người nộp đến Sở nhận trực tiếp", note, StringComparison.Ordinal);
            var audit = await db.AuditEntries.Where(a => a.Action == ResultHandBack.MoveAudit && a.EntityId == code).SingleAsync();
            Assert.Equal("motcua", audit.UserName);
        }

        // The hand-back lists and the panel drop it; the centre can no longer confirm it; the ordinary return is offered and works.
        Assert.DoesNotContain(code, await desk.GetStringAsync("/can-bo"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await centre.GetStringAsync("/can-bo"), StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy hồ sơ có kết quả trả tại đơn vị bạn", await PostPageAsync(centre, Receive, new() { ["code"] = code }, HttpStatusCode.OK),
            StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        Assert.DoesNotContain("data-testid=\"result-handback\"", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"return\"", page, StringComparison.Ordinal);
        Assert.Contains("return", await AvailableAsync(api, code));
        Assert.Contains(department.Name, await desk.GetStringAsync($"/ho-so/{code}/bieu-mau/tiep-nhan"), StringComparison.Ordinal);
        await ActAsync(api, code, "return", new { delivery = "atDesk" });
        Assert.Equal(DossierStatus.Returned, (await DossierAsync(code)).Status);
    }

    [Fact]
    public async Task The_api_records_the_move_once_with_a_reason_and_answers_as_its_neighbours()
    {
        StartOnMonday();
        using var centre = await app.LoginAsync("motcuaxa");
        var code = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centre, BoundaryLeftoverTests.Unique("Người Dùng API Đổi"));
        using var deskApi = await app.ApiClientAsync("motcua");
        using var centreApi = await app.ApiClientAsync("motcuaxa");
        var move = "/api/dossiers/" + Uri.EscapeDataString(code) + "/result-handback/collect-at-agency";

        // Before the result: the applicant may already say so.
        var invalid = await ReadAsync(await deskApi.PostAsJsonAsync(move, new { }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("reason", out _), invalid.ToString());
        await ReadAsync(await deskApi.PostAsJsonAsync(move, new { reason = new string('x', 501) }), HttpStatusCode.BadRequest);
        await ReadAsync(await centreApi.PostAsJsonAsync(move, new { reason = "Thử" }), HttpStatusCode.NotFound);
        await ReadAsync(await deskApi.PostAsJsonAsync("/api/dossiers/" + Uri.EscapeDataString(code) + "/result-handback/sent", new { }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("collect-at-agency",
            (await ReadAsync(await deskApi.PostAsJsonAsync(move, new { reason = "Người nộp báo nhận tại Sở" }), HttpStatusCode.OK)).GetProperty("step").GetString());
        Assert.Null((await DossierAsync(code)).ReturnAtCentreId);
        // Done once: the dossier no longer returns at a centre.
        await ReadAsync(await deskApi.PostAsJsonAsync(move, new { reason = "Lần nữa" }), HttpStatusCode.NotFound);

        // A closed dossier is not moved: one returned at the centre.
        var other = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centre, BoundaryLeftoverTests.Unique("Người Đã Nhận"));
        await ProcessAsync(other);
        var step = "/api/dossiers/" + Uri.EscapeDataString(other) + "/result-handback/";
        await ReadAsync(await deskApi.PostAsJsonAsync(step + "sent", new { }), HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await ReadAsync(await centreApi.PostAsJsonAsync(step + "received", new { }), HttpStatusCode.OK);
        var refused = await ReadAsync(await deskApi.PostAsJsonAsync(step + "collect-at-agency", new { reason = "Người nộp đến Sở" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Nơi tiếp nhận đã nhận kết quả", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ReadAsync(await centreApi.PostAsJsonAsync(step + "returned", new { }), HttpStatusCode.OK);
        await ReadAsync(await deskApi.PostAsJsonAsync(step + "collect-at-agency", new { reason = "Người nộp đến Sở" }), HttpStatusCode.UnprocessableEntity);
        Assert.NotNull((await DossierAsync(other)).ReturnAtCentreId);
    }

    private async Task<Dossier> DossierAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
    }

    private async Task<string> VersionAsync(string code) =>
        (await DossierAsync(code)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
        Assert.Equal(DossierStatus.ResultIssued, (await DossierAsync(code)).Status);
    }
}
