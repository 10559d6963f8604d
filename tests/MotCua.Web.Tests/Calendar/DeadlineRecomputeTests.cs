using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

/// <summary>A schedule change moves open dossiers' due instants only through the administrator's preview and confirmation.</summary>
public sealed partial class DeadlineRecomputeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Page = "/lich-lam-viec/tinh-lai-han";

    [GeneratedRegex("href=\"/ho-so/([A-Z]+-[0-9]{6}-[0-9]{4})\"")]
    private static partial Regex CodeLink();

    [GeneratedRegex("name=\"stamp\" value=\"([0-9A-F]+)\"")]
    private static partial Regex StampField();

    private static async Task<string> ReceiveAsync(HttpClient desk)
    {
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Công ty Lịch " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085001234", phone = "0905123456", email = "a@example.vn", address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = true } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }

    private async Task<Dictionary<string, DateTimeOffset?>> DuesAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Dossiers.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.DueAt);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await MotCuaApp.AntiforgeryTokenAsync(client, url.Split('?')[0]);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Preview_counts_the_moving_dossiers_and_only_the_confirmation_moves_exactly_those()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var first = await ReceiveAsync(desk);
        var second = await ReceiveAsync(desk);
        var admin = await app.LoginAsync("admin");

        // Before any change nothing would move.
        var html = await admin.GetStringAsync(Page);
        Assert.DoesNotContain(first, html, StringComparison.Ordinal);

        // Tuesday 11/3/2025 becomes a day off after both dossiers were received on Monday 10/3.
        var saved = await PostAsync(admin, "/lich-lam-viec?handler=SaveDay&year=2025", new()
        {
            ["Day.Date"] = "2025-03-11", ["Day.Kind"] = "Holiday", ["Day.Name"] = "Ngày nghỉ thử nghiệm",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var before = await DuesAsync();

        html = await admin.GetStringAsync(Page);
        var listed = CodeLink().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(first, listed);
        Assert.Contains(second, listed);
        Assert.Contains($"data-testid=\"recompute-count\">{listed.Count}<", html, StringComparison.Ordinal);
        Assert.Matches(@"Thay đổi sớm nhất: <strong>\+\d+ ngày</strong>", WebUtility.HtmlDecode(html));
        // Nothing has moved on preview alone.
        Assert.Equal(before, await DuesAsync());

        // A stale or forged stamp moves nothing.
        var refused = await PostAsync(admin, Page, new() { ["stamp"] = "00" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("đã thay đổi từ khi xem trước", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await DuesAsync());

        var stamp = StampField().Match(html).Groups[1].Value;
        var confirmed = await PostAsync(admin, Page, new() { ["stamp"] = stamp });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var after = await DuesAsync();
        var moved = after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(listed, moved);
        Assert.All(moved, code => Assert.True(after[code] > before[code]));

        await using var db = app.CreateDbContext();
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Events).SingleAsync(d => d.Code == first);
        Assert.Contains(dossier.Events, e => e.Action == null && e.Note!.StartsWith(DeadlineRecompute.HistoryLabel, StringComparison.Ordinal));
        Assert.Equal(listed.Count, await db.AuditEntries.CountAsync(a => a.Action == "dossier.deadline.recompute"));
        var summary = await db.AuditEntries.SingleAsync(a => a.Action == "calendar.deadlines.recompute");
        Assert.Equal("admin", summary.UserName);

        // Confirmed once: the list is now empty.
        Assert.DoesNotContain(first, await admin.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_administrator_recomputes()
    {
        var desk = await app.LoginAsync("motcua");
        var response = await app.CreateNoRedirectClient().GetAsync(Page);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var page = await desk.GetAsync(Page);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }
}
