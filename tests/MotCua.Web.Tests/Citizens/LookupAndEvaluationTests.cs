using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>The public look-up by code + second factor, and the once-per-dossier satisfaction evaluation.</summary>
public sealed class LookupAndEvaluationTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";
    private const string Phone = "0905123456";

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<string> ReceiveAsync(HttpClient desk, string applicant)
    {
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure,
            channel = "direct",
            applicant = new { name = applicant, idNumber = "079085001234", phone = Phone, email = "a@example.vn", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        }), HttpStatusCode.Created);
        return created.GetProperty("code").GetString()!;
    }

    /// <summary>The API look-up with the second factor in its header (never in the address).</summary>
    internal static async Task<HttpResponseMessage> LookupAsync(HttpClient client, string code, string? factor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/dossiers/" + Uri.EscapeDataString(code));
        if (factor is not null)
        {
            request.Headers.Add("X-Lookup-Factor", factor);
        }
        return await client.SendAsync(request);
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        await ReadAsync(await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body), HttpStatusCode.OK);
    }

    internal static async Task<string> ReturnedDossierAsync(MotCuaApp app)
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var code = await ReceiveAsync(desk, Unique("Bệnh viện Tuy Hòa"));
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
        return code;
    }

    [Fact]
    public async Task Lookup_without_the_second_factor_reveals_nothing()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var name = Unique("Nguyễn Văn Bí Mật");
        var code = await ReceiveAsync(desk, name);
        using var anonymous = app.CreateClient();

        foreach (var factor in new[] { null, "0999999999", "" })
        {
            var response = await LookupAsync(anonymous, code, factor);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{factor}: {response.StatusCode}");
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Procedure, text, StringComparison.Ordinal);
        }

        // An unknown code and a wrong factor answer alike, so the look-up does not confirm that a code exists.
        var wrong = await (await LookupAsync(anonymous, code, "0999999999")).Content.ReadAsStringAsync();
        var unknown = await (await LookupAsync(anonymous, "SKHCN-000000-9999", "0999999999")).Content.ReadAsStringAsync();
        Assert.Equal(JsonDocument.Parse(wrong).RootElement.GetProperty("detail").GetString(), JsonDocument.Parse(unknown).RootElement.GetProperty("detail").GetString());

        // The page: the QR link shows only the form.
        var page = await (await anonymous.GetAsync("/tra-cuu/" + code)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(name, page, StringComparison.Ordinal);
        Assert.Contains("Số điện thoại hoặc số giấy tờ", page, StringComparison.Ordinal);

        var ok = await ReadAsync(await LookupAsync(anonymous, code, "+84905123456"), HttpStatusCode.OK);
        Assert.Equal(name, ok.GetProperty("applicantName").GetString());
        Assert.Equal("received", ok.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, ok.GetProperty("appointmentAt").ValueKind);
        Assert.Equal("Tiếp nhận", ok.GetProperty("steps")[0].GetProperty("name").GetString());
        Assert.False(ok.TryGetProperty("applicantPhone", out _));
    }

    [Fact]
    public async Task Lookup_page_shows_status_with_the_id_number_posted_as_second_factor()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var name = Unique("Trần Thị Tra Cứu");
        var code = await ReceiveAsync(desk, name);
        using var anonymous = app.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/tra-cuu/" + code);

        var wrong = await anonymous.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = code, ["Factor"] = "000000000000",
        }));
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.DoesNotContain(name, wrongHtml, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy hồ sơ khớp", wrongHtml, StringComparison.Ordinal);

        var right = await anonymous.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = code, ["Factor"] = "079 085 001 234",
        }));
        var html = await right.Content.ReadAsStringAsync();
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("Đã tiếp nhận", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evaluation-form", html, StringComparison.Ordinal); // not returned yet
    }

    [Fact]
    public async Task Lookup_is_rate_limited_with_a_Vietnamese_429()
    {
        await using var limited = new MotCuaApp();
        limited.Settings["MotCua:RateLimits:LookupPerMinute"] = "3";
        using var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await LookupAsync(client, "SKHCN-250310-0001", "0905123456");
            statuses.Add(last.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        using var json = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        Assert.Contains("quá nhiều yêu cầu", json.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        var page = await client.GetAsync("/tra-cuu");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode); // the page shares the look-up budget
    }

    [Fact]
    public async Task A_returned_dossier_is_evaluated_once_and_a_second_evaluation_is_refused()
    {
        var code = await ReturnedDossierAsync(app);
        using var anonymous = app.CreateClient();
        int[] answers = [2, 2, 1, 2, 2, 2, 1, 2, 2];

        var wrongFactor = await anonymous.PostAsJsonAsync($"/api/public/dossiers/{code}/evaluation", new { phone = "0911111111", answers });
        Assert.Equal(HttpStatusCode.NotFound, wrongFactor.StatusCode);
        var invalid = await anonymous.PostAsJsonAsync($"/api/public/dossiers/{code}/evaluation", new { phone = Phone, answers = new[] { 3, 2 } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var first = await ReadAsync(await anonymous.PostAsJsonAsync($"/api/public/dossiers/{code}/evaluation", new { phone = Phone, answers }), HttpStatusCode.Created);
        Assert.Equal(16, first.GetProperty("total").GetInt32());
        var second = await ReadAsync(await anonymous.PostAsJsonAsync($"/api/public/dossiers/{code}/evaluation", new { phone = Phone, answers }), HttpStatusCode.Conflict);
        Assert.Contains("một lần", second.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var stored = await db.DossierEvaluations.Where(e => e.DossierCode == code).ToListAsync();
        var ballot = Assert.Single(stored);
        Assert.Equal("2,2,1,2,2,2,1,2,2", ballot.Answers);
        Assert.NotNull(ballot.UnitId);

        var looked = await ReadAsync(await LookupAsync(anonymous, code, Phone), HttpStatusCode.OK);
        Assert.False(looked.GetProperty("canEvaluate").GetBoolean());
        Assert.True(looked.GetProperty("evaluated").GetBoolean());
    }

    [Fact]
    public async Task A_dossier_not_yet_returned_cannot_be_evaluated()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk, Unique("Công ty Chưa Xong"));
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync($"/api/public/dossiers/{code}/evaluation", new { phone = Phone, answers = new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2 } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.DossierEvaluations.AnyAsync(e => e.DossierCode == code));
    }

    [Fact]
    public async Task The_evaluation_form_on_the_lookup_page_stores_one_ballot()
    {
        var code = await ReturnedDossierAsync(app);
        using var anonymous = app.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/tra-cuu/" + code);
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Code"] = code, ["Factor"] = Phone };
        for (var i = 0; i < 9; i++)
        {
            form[$"Answers[{i}]"] = "1";
        }
        var html = await (await anonymous.PostAsync($"/tra-cuu/{code}?handler=Evaluate", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("Cảm ơn Ông/Bà đã đánh giá", html, StringComparison.Ordinal);
        var again = await (await anonymous.PostAsync($"/tra-cuu/{code}?handler=Evaluate", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("chỉ được đánh giá một lần", again, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(9, (await db.DossierEvaluations.SingleAsync(e => e.DossierCode == code)).Total);
    }
}
