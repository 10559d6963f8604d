using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

public sealed class WorkCalendarPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, int year, Dictionary<string, string> fields)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/lich-lam-viec?year=" + year);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync($"/lich-lam-viec?handler={handler}&year={year}", new FormUrlEncodedContent(fields));
    }

    private async Task<JsonElement> YearAsync(int year)
    {
        using var client = app.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/calendar/" + year));
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Every_officer_reads_the_calendar()
    {
        var client = await app.LoginAsync("chuyenvien");
        var html = await client.GetStringAsync("/lich-lam-viec?year=2024");
        Assert.Contains("Lịch làm việc năm 2024", html, StringComparison.Ordinal);
        Assert.Contains("Làm bù cho thứ Hai 29/4/2024", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Giờ làm việc của cơ quan", html, StringComparison.Ordinal); // no edit forms for a specialist
    }

    [Fact]
    public async Task Admin_adds_a_swapped_day_which_the_deadlines_use_at_once_and_the_edit_is_audited()
    {
        var admin = await app.LoginAsync("admin");
        // Before: Friday 2026-11-20 is a working day.
        var before = await YearAsync(2026);
        Assert.DoesNotContain(before.GetProperty("daysOff").EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-11-20");

        var response = await PostAsync(admin, "SaveDay", 2026, new()
        {
            ["Day.Date"] = "2026-11-20",
            ["Day.Kind"] = "SwappedOff",
            ["Day.Name"] = "Nghỉ hoán đổi (thử nghiệm)",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await YearAsync(2026);
        Assert.Contains(after.GetProperty("daysOff").EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-11-20");
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.Action == "calendar.day.set" && a.EntityId == "2026-11-20").SingleAsync();
        Assert.Equal("admin", audit.UserName);
        Assert.Contains("20/11/2026", audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_make_up_day_on_a_weekday_is_refused_in_Vietnamese_and_nothing_changes()
    {
        var admin = await app.LoginAsync("admin");
        await using var db = app.CreateDbContext();
        var countBefore = await db.CalendarDays.CountAsync();
        var response = await PostAsync(admin, "SaveDay", 2025, new()
        {
            ["Day.Date"] = "2025-06-04",
            ["Day.Kind"] = "MakeUpWorkingDay",
            ["Day.Name"] = "Làm bù sai",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(countBefore, await db.CalendarDays.CountAsync());
    }

    [Fact]
    public async Task Editing_a_computed_year_keeps_its_holidays()
    {
        var admin = await app.LoginAsync("admin");
        var response = await PostAsync(admin, "SaveDay", 2028, new()
        {
            ["Day.Date"] = "2028-05-06",
            ["Day.Kind"] = "MakeUpWorkingDay",
            ["Day.Name"] = "Làm bù cho thứ Sáu 28/4/2028",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var year = await YearAsync(2028);
        Assert.True(year.GetProperty("official").GetBoolean());
        var off = year.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Contains("2028-05-01", off);
        Assert.Contains("2028-01-26", off); // Tết Mậu Thân (mùng 1 = 26/1/2028)
        Assert.Contains("2028-05-06", year.GetProperty("workingWeekendDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task A_specialist_cannot_edit_the_calendar()
    {
        var client = await app.LoginAsync("chuyenvien");
        var response = await PostAsync(client, "SaveDay", 2025, new()
        {
            ["Day.Date"] = "2025-06-06",
            ["Day.Kind"] = "SwappedOff",
            ["Day.Name"] = "Không được phép",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/khong-co-quyen", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2025, 6, 6)));
    }

    [Fact]
    public async Task Office_hours_out_of_order_are_refused()
    {
        var admin = await app.LoginAsync("admin");
        var response = await PostAsync(admin, "Hours", 2025, new()
        {
            ["Hours.MorningStart"] = "11:00",
            ["Hours.MorningEnd"] = "08:00",
            ["Hours.AfternoonStart"] = "13:30",
            ["Hours.AfternoonEnd"] = "17:00",
            ["Hours.Cutoff"] = "15:00",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Giờ làm việc phải theo thứ tự", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_calculator_page_explains_the_date()
    {
        var client = await app.LoginAsync("motcua");
        var html = await client.GetStringAsync("/lich-lam-viec/tinh-han?Q.ReceivedAt=2024-02-07T09:00&Q.Value=3&Q.Unit=WorkingDays");
        Assert.Contains("09:00 ngày 19/02/2024", html, StringComparison.Ordinal);
        Assert.Contains("10/02/2024 — Tết Nguyên Đán", html, StringComparison.Ordinal);
    }
}
