using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Shared;

/// <summary>Pages take and show dates day first (dd/mm/yyyy) in forms and in filters; an unreadable date is refused in Vietnamese.</summary>
public sealed class DateFieldsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static async Task<HttpResponseMessage> SaveDayAsync(HttpClient client, string date)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/lich-lam-viec?year=2026");
        return await client.PostAsync("/lich-lam-viec?handler=SaveDay&year=2026", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Day.Date"] = date,
            ["Day.Kind"] = "SwappedOff",
            ["Day.Name"] = "Nghỉ hoán đổi (thử ngày gõ tay)",
        }));
    }

    [Fact]
    public async Task A_date_typed_day_first_in_a_form_is_stored_as_that_day()
    {
        var admin = await app.LoginAsync("admin");
        // Friday 6 November 2026; read month first it would be Thursday 11 June.
        var response = await SaveDayAsync(admin, "06/11/2026");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var days = await db.CalendarDays.Where(d => d.Name == "Nghỉ hoán đổi (thử ngày gõ tay)").Select(d => d.Date).ToListAsync();
        Assert.Equal([new DateOnly(2026, 11, 6)], days);
    }

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("13/13/2026")]
    [InlineData("ngày mai")]
    public async Task An_impossible_date_in_a_form_is_refused_in_Vietnamese_and_nothing_is_stored(string typed)
    {
        var admin = await app.LoginAsync("admin");
        await using var db = app.CreateDbContext();
        var before = await db.CalendarDays.CountAsync();
        var response = await SaveDayAsync(admin, typed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Ngày “{typed}” không hợp lệ, hãy nhập theo dạng ngày/tháng/năm, ví dụ 06/12/2026.", html, StringComparison.Ordinal);
        // The refused entry is shown back as typed, for correction.
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.CalendarDays.CountAsync());
    }

    [Fact]
    public async Task Date_fields_are_day_first_text_fields_with_the_bound_value_day_first()
    {
        var client = await app.LoginAsync("motcua");
        var html = await client.GetStringAsync("/ho-so/so-theo-doi?From=2025-03-01&To=2025-03-31");
        Assert.Contains("id=\"From\" name=\"From\" value=\"01/03/2025\" data-date-input=\"date\" inputmode=\"numeric\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"text\" id=\"From\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"date\"", html, StringComparison.Ordinal);
        Assert.Contains("placeholder=\"dd/mm/yyyy\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/date-input.js", html, StringComparison.Ordinal);
        // Links leaving the page keep ISO, which every receiving side reads.
        Assert.Contains("handler=Excel&From=2025-03-01&To=2025-03-31", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_typed_day_first_filters_by_that_period()
    {
        var code = await ReceiveAsync();
        var client = await app.LoginAsync("motcua");
        var march = await client.GetStringAsync("/ho-so/so-theo-doi?From=01%2F03%2F2025&To=31%2F03%2F2025");
        Assert.Contains(code, march, StringComparison.Ordinal);
        Assert.Contains("value=\"31/03/2025\"", march, StringComparison.Ordinal);
        // February, typed with dashes and without leading zeros.
        var february = await client.GetStringAsync("/ho-so/so-theo-doi?From=1-2-2025&To=28/02/2025");
        Assert.DoesNotContain(code, february, StringComparison.Ordinal);
        // 10/03/2025 is the test clock's day; month first it would be 3 October.
        var day = await client.GetStringAsync("/ho-so/so-theo-doi?From=10/03/2025&To=10/03/2025");
        Assert.Contains(code, day, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_impossible_date_in_a_filter_is_named_in_Vietnamese_instead_of_being_ignored()
    {
        var client = await app.LoginAsync("motcua");
        var html = await client.GetStringAsync("/ho-so/so-theo-doi?From=31%2F02%2F2025&To=31%2F03%2F2025");
        Assert.Contains("“31/02/2025” không hợp lệ, hãy nhập theo dạng ngày/tháng/năm, ví dụ 06/12/2026.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SỔ THEO DÕI HỒ SƠ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_time_typed_day_first_is_read_as_Vietnam_time()
    {
        var client = await app.LoginAsync("motcua");
        var html = await client.GetStringAsync("/lich-lam-viec/tinh-han?Q.ReceivedAt=06%2F11%2F2026+09%3A15&Q.Value=1&Q.Unit=WorkingDays");
        Assert.Contains("value=\"06/11/2026 09:15\" data-date-input=\"datetime\"", html, StringComparison.Ordinal);
        // The same appointment as the ISO form of that instant gives, and not the one of 11 June.
        var iso = await client.GetStringAsync("/lich-lam-viec/tinh-han?Q.ReceivedAt=2026-11-06T09%3A15&Q.Value=1&Q.Unit=WorkingDays");
        var june = await client.GetStringAsync("/lich-lam-viec/tinh-han?Q.ReceivedAt=2026-06-11T09%3A15&Q.Value=1&Q.Unit=WorkingDays");
        Assert.Equal(DueAt(iso), DueAt(html));
        Assert.NotEqual(DueAt(june), DueAt(html));
    }

    private static string DueAt(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"due-at\">([^<]+)<");
        Assert.True(match.Success, "no appointment on the page");
        return match.Groups[1].Value;
    }

    private async Task<string> ReceiveAsync()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Lê Văn Ngày Tháng", idNumber = "079085001234", phone = "0905318274", email = "ngay@example.vn", address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("code").GetString()!;
    }
}
