using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// The look-up's "what happens next" (forecast from the procedure's history) and "who read my data" (from the read
/// audit), both only after the second factor. The clock stands at 09:00 on Monday 10/03/2025; each forecast test uses
/// its own procedure, since the history is cached per procedure.
/// </summary>
public sealed class LookupForecastAndReadersTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Phone = LookupHistory.Phone;

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? factor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (factor is not null)
        {
            request.Headers.Add(PublicLookup.FactorHeader, factor);
        }
        return await client.SendAsync(request);
    }

    private Task<string> InProcessingAsync(string procedure) => LookupHistory.InProcessingAsync(app, procedure, Phone);

    private Task SeedHistoryAsync(string code, params double[] hours) => LookupHistory.SeedAsync(app, code, hours);

    [Fact]
    public async Task The_forecast_takes_the_median_of_the_procedures_closed_dossiers()
    {
        var code = await InProcessingAsync("1.000173");
        // Median 3 working hours; the outlier of 30 hours moves nothing.
        await SeedHistoryAsync(code, 1, 2, 3, 4, 30);
        using var anonymous = app.CreateClient();

        var forecast = await ReadAsync(await GetAsync(anonymous, "/api/public/dossiers/" + code + "/forecast", Phone), HttpStatusCode.OK);

        var step = forecast.GetProperty("steps")[0];
        Assert.Equal("history", step.GetProperty("basis").GetString());
        Assert.Equal(5, step.GetProperty("samples").GetInt32());
        // From 09:00 (the transfer): 2.5 h to the lunch break, 0.5 h after 13:30.
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 14, 0, 0, TimeSpan.FromHours(7)), step.GetProperty("expectedAt").GetDateTimeOffset());
        Assert.Equal(step.GetProperty("expectedAt").GetDateTimeOffset(), forecast.GetProperty("expectedAt").GetDateTimeOffset());
        Assert.False(forecast.GetProperty("capped").GetBoolean());
        Assert.StartsWith("Dự kiến có kết quả: 14:00 ngày 10/03/2025 (chậm nhất: ", forecast.GetProperty("summary").GetString(), StringComparison.Ordinal);
        // The 200.000 đồng fee is unpaid: the citizen is told to pay it, and where to collect the result.
        var asks = forecast.GetProperty("asks").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Contains("fee", asks);
        Assert.Contains("collectResult", asks);
    }

    [Fact]
    public async Task A_median_beyond_the_legal_limit_is_shown_as_the_legal_limit()
    {
        var code = await InProcessingAsync("1.001770");
        // Thirty working days each, three times the ten the law gives.
        await SeedHistoryAsync(code, 240, 240, 240, 240, 240);
        using var anonymous = app.CreateClient();

        var forecast = await ReadAsync(await GetAsync(anonymous, "/api/public/dossiers/" + code + "/forecast", Phone), HttpStatusCode.OK);

        Assert.True(forecast.GetProperty("capped").GetBoolean());
        Assert.Equal("history", forecast.GetProperty("steps")[0].GetProperty("basis").GetString());
        Assert.True(forecast.GetProperty("steps")[0].GetProperty("capped").GetBoolean());
        Assert.Equal(forecast.GetProperty("latestAt").GetDateTimeOffset(), forecast.GetProperty("expectedAt").GetDateTimeOffset());
        await using var db = app.CreateDbContext();
        var due = await db.Dossiers.Where(d => d.Code == code).Select(d => d.DueAt).SingleAsync();
        Assert.Equal(due, forecast.GetProperty("latestAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task With_too_few_closed_dossiers_the_plan_holds()
    {
        var code = await InProcessingAsync("2.002380");
        await SeedHistoryAsync(code, 1, 1, 1, 1);
        using var anonymous = app.CreateClient();

        var forecast = await ReadAsync(await GetAsync(anonymous, "/api/public/dossiers/" + code + "/forecast", Phone), HttpStatusCode.OK);

        var step = forecast.GetProperty("steps")[0];
        Assert.Equal("plan", step.GetProperty("basis").GetString());
        Assert.Equal(0, step.GetProperty("samples").GetInt32());
        // Four one-hour samples would say 10:00 today; the plan's eleven working days say much later.
        Assert.True(step.GetProperty("expectedAt").GetDateTimeOffset() > new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.FromHours(7)));
    }

    [Fact]
    public async Task An_officers_read_is_listed_for_the_citizen_with_role_unit_and_time_and_nothing_without_the_factor()
    {
        var code = await InProcessingAsync("1.000173");
        using (var leader = await app.LoginAsync("lanhdao"))
        {
            Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/ho-so/" + code)).StatusCode);
        }
        string unitName, leaderName;
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "lanhdao");
            leaderName = user.FullName;
            unitName = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Name).SingleAsync();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == code && a.UserName == "lanhdao" && a.Action == "personal-data.read"));
        }
        using var anonymous = app.CreateClient();
        var path = "/api/public/dossiers/" + code + "/readers";

        var readers = await ReadAsync(await GetAsync(anonymous, path, Phone), HttpStatusCode.OK);

        var items = readers.GetProperty("items").EnumerateArray().ToList();
        var row = Assert.Single(items, i => i.GetProperty("role").GetString() == "Lãnh đạo");
        Assert.Equal(unitName, row.GetProperty("unit").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), row.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("Trang hồ sơ trên hệ thống", row.GetProperty("where").GetString());
        Assert.Equal("Xem, kiểm tra hồ sơ", row.GetProperty("why").GetString());
        var text = readers.GetRawText();
        Assert.DoesNotContain(leaderName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("lanhdao", text, StringComparison.Ordinal);

        // Without the factor, or with a wrong one, nothing of it.
        foreach (var factor in new[] { null, "0987106253" })
        {
            var response = await GetAsync(anonymous, path, factor);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{factor}: {response.StatusCode}");
            Assert.DoesNotContain("Lãnh đạo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(anonymous, path + "?factor=" + Phone, null)).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_forecast_and_the_readers_only_after_the_factor()
    {
        // A procedure no forecast test here seeds, so this page's cached history cannot stand in for theirs.
        var code = await InProcessingAsync("2.002131");
        using (var leader = await app.LoginAsync("lanhdao"))
        {
            await leader.GetAsync("/ho-so/" + code);
        }
        using var anonymous = app.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/tra-cuu/" + code);

        var before = await (await anonymous.GetAsync("/tra-cuu/" + code)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Ai đã xem hồ sơ của tôi", before, StringComparison.Ordinal);
        var wrong = await (await anonymous.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["Factor"] = "0987106253", ["__RequestVerificationToken"] = token,
        }))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Dự kiến", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("Ai đã xem hồ sơ của tôi", wrong, StringComparison.Ordinal);

        var page = await (await anonymous.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["Factor"] = Phone, ["__RequestVerificationToken"] = token,
        }))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"lookup-forecast\"", page, StringComparison.Ordinal);
        Assert.Contains("Dự kiến có kết quả: ", page, StringComparison.Ordinal);
        Assert.Contains("Ai đã xem hồ sơ của tôi", page, StringComparison.Ordinal);
        Assert.Contains("Lãnh đạo", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_by_the_system_are_shown_as_such_and_the_citizens_own_actions_are_left_out()
    {
        var code = await InProcessingAsync("1.000173");
        await using (var db = app.CreateDbContext())
        {
            AuditLog.Append(db, app.Clock, null, "personal-data.read", nameof(Dossier), code, "Đồng bộ", new { view = "sync", masked = false });
            AuditLog.Append(db, app.Clock, new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, SubmitModel.PortalActor),
                 new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, SubmitModel.PortalActor)], "portal")),
                "personal-data.read", nameof(Dossier), code, "Công dân", new { view = "page", masked = false });
            await db.SaveChangesAsync();
        }
        using var anonymous = app.CreateClient();

        var readers = await ReadAsync(await GetAsync(anonymous, "/api/public/dossiers/" + code + "/readers", Phone), HttpStatusCode.OK);

        var roles = readers.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("role").GetString()).ToList();
        Assert.Contains(LookupReaders.SystemReader, roles);
        Assert.Equal(roles.Count, readers.GetProperty("total").GetInt32());
        Assert.DoesNotContain(roles, r => r == "Cán bộ");
    }
}
