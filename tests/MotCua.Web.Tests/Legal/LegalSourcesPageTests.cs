using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using MotCua.Core.Calendar;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Legal;

/// <summary>The legal registry page, the bases shown where rules apply, and the dated time-limit settings.</summary>
public sealed class LegalSourcesPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task The_registry_lists_each_text_with_its_period_certainty_and_rules()
    {
        using var client = await app.LoginAsync("admin");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/phap-ly/can-cu"));

        Assert.Contains("Bộ luật Dân sự số 91/2015/QH13, Điều 147 và Điều 148", html, StringComparison.Ordinal);
        Assert.Contains("Cách tính thời hạn giải quyết", html, StringComparison.Ordinal);
        Assert.Contains("Từ 01/01/2017", html, StringComparison.Ordinal);
        Assert.Contains("Chưa xác nhận", html, StringComparison.Ordinal); // the archives law
        Assert.Contains("(chưa xác nhận nguồn)", html, StringComparison.Ordinal); // supplement effects
        Assert.Contains("8 giờ làm việc", html, StringComparison.Ordinal); // the online check setting
        Assert.Contains("Nghị định số 297/2025/NĐ-CP", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_specialist_cannot_open_the_registry()
    {
        using var client = await app.LoginAsync("chuyenvien");
        var response = await client.GetAsync("/phap-ly/can-cu");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_due_api_counts_by_the_civil_code_from_the_switch_date()
    {
        using var client = app.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/calendar/due?receivedAt=2026-12-18T16:30:00%2B07:00&workingDays=3"));
        Assert.Equal("2026-12-23T17:00:00+07:00", doc.RootElement.GetProperty("dueAt").GetString());
        Assert.Contains(doc.RootElement.GetProperty("explanation").EnumerateArray(), l => l.GetProperty("kind").GetString() == "receiptDayNotCounted");
    }

    [Fact]
    public async Task The_due_calculator_page_shows_the_basis_of_the_counting()
    {
        using var client = await app.LoginAsync("motcua");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/lich-lam-viec/tinh-han?Q.ReceivedAt=2026-12-18T16:30&Q.Value=3&Q.Unit=WorkingDays"));
        Assert.Contains("23/12/2026", html, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Bộ luật Dân sự số 91/2015/QH13", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_period_and_the_publication_deadline_show_their_basis()
    {
        using var client = await app.LoginAsync("admin");
        var report = WebUtility.HtmlDecode(await client.GetStringAsync("/bao-cao/ho-so?Ky=2025-Q1"));
        Assert.Contains("Căn cứ Nghị định số 09/2019/NĐ-CP", report, StringComparison.Ordinal);

        var decisions = WebUtility.HtmlDecode(await client.GetStringAsync("/quan-tri/thu-tuc/quyet-dinh"));
        Assert.Contains("05 ngày làm việc (cấp tỉnh)", decisions, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Nghị định số 63/2010/NĐ-CP", decisions, StringComparison.Ordinal);
        Assert.Contains("Nghị định số 48/2013/NĐ-CP", decisions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_installation_that_switches_later_keeps_the_old_instants_until_then()
    {
        await using var later = new MotCuaApp();
        later.Settings["MotCua:Limits:CivilCodeCountingFrom"] = "2027-01-01";
        using var client = later.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/calendar/due?receivedAt=2026-12-18T16:30:00%2B07:00&workingDays=3"));
        Assert.Equal("2026-12-23T16:30:00+07:00", doc.RootElement.GetProperty("dueAt").GetString());
    }

    [Fact]
    public void Settings_are_read_with_their_dates_and_refused_when_malformed()
    {
        var rule = LimitSettings.Read(Config(new()
        {
            ["MotCua:Limits:CivilCodeCountingFrom"] = "2027-01-01",
            ["MotCua:Limits:OnlineCheckWorkingHours"] = "4",
            ["MotCua:Limits:OnlineCheckFrom"] = "2027-03-01",
            ["MotCua:Limits:PublicationWorkingDaysFrom"] = "2013-07-01",
        }));

        Assert.Equal(new DateOnly(2027, 1, 1), rule.CivilCodeFrom);
        Assert.Equal(ProcessingTime.WorkingHours(8), rule.OnlineCheckOn(new DateOnly(2027, 2, 28)).Value);
        Assert.Equal(ProcessingTime.WorkingHours(4), rule.OnlineCheckOn(new DateOnly(2027, 3, 1)).Value);
        Assert.Equal(TimeUnit.WorkingDays, rule.PublicationCountingOn(new DateOnly(2020, 1, 1)).Value);
        Assert.Equal(TimeLimitRule.DefaultCivilCodeFrom, LimitSettings.Read(Config([])).CivilCodeFrom);

        Assert.Throws<InvalidOperationException>(() => LimitSettings.Read(Config(new() { ["MotCua:Limits:CivilCodeCountingFrom"] = "15/12/2026" })));
        Assert.Throws<InvalidOperationException>(() => LimitSettings.Read(Config(new() { ["MotCua:Limits:OnlineCheckWorkingHours"] = "0" })));
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
