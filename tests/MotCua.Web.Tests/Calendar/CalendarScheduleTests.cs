using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

/// <summary>24/11 through the API, and official yearly schedules loaded by an administrator with their source.</summary>
public sealed class CalendarScheduleTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Rows2027 = """
        Ngày;Loại;Tên
        01/01/2027;Nghỉ lễ;Tết Dương lịch
        2027-02-05;Nghỉ lễ;Tết Nguyên Đán (29 tháng Chạp)
        2027-02-08;Nghỉ lễ;Tết Nguyên Đán (mùng 3)
        2027-02-09;Nghỉ lễ;Tết Nguyên Đán (mùng 4)
        2027-02-10;Nghỉ bù;Nghỉ bù Tết Nguyên Đán
        2027-02-11;Nghỉ bù;Nghỉ bù Tết Nguyên Đán
        2027-04-16;Nghỉ lễ;Giỗ Tổ Hùng Vương (10/3 âm lịch)
        2027-04-30;Nghỉ lễ;Ngày Chiến thắng
        2027-05-03;Nghỉ bù;Nghỉ bù Ngày Quốc tế lao động (1/5 trùng thứ Bảy)
        2027-09-02;Nghỉ lễ;Quốc khánh
        2027-09-03;Nghỉ lễ;Quốc khánh (ngày liền kề)
        2027-11-24;Nghỉ lễ;Ngày Văn hóa Việt Nam
        2027-11-22;Nghỉ hoán đổi;Nghỉ hoán đổi (làm bù thứ Bảy 27/11/2027)
        2027-11-27;Làm bù;Làm bù cho thứ Hai 22/11/2027
        """;

    private async Task<JsonElement> YearAsync(int year)
    {
        using var client = app.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/calendar/" + year));
        return doc.RootElement.Clone();
    }

    private static List<string> Off(JsonElement year) =>
        [.. year.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()!)];

    private static async Task<HttpResponseMessage> LoadAsync(HttpClient client, int year, Dictionary<string, string> fields, string? file = null, string fileName = "lich.csv")
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/lich-lam-viec?year=" + year);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        if (file is not null)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(file));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, "file", fileName);
        }
        return await client.PostAsync($"/lich-lam-viec?handler=LoadSchedule&year={year}", form);
    }

    private static Dictionary<string, string> Source(string number = "9999/VPCP-KGVX") => new()
    {
        ["Load.SourceKind"] = "Công văn",
        ["Load.SourceNumber"] = number,
        ["Load.SourceDate"] = "2025-03-01",
        ["Load.SourceIssuer"] = "Văn phòng Chính phủ",
    };

    [Theory]
    // Resolution 28/2026/QH16 (in force 1/7/2026): Tuesday 24/11/2026 is off; the proposed swap of Monday 23/11 is not applied.
    [InlineData(2026, "2026-11-24", true)]
    [InlineData(2026, "2026-11-23", false)]
    // Wednesday 24/11/2027, computed by the rule (no official 2027 schedule).
    [InlineData(2027, "2027-11-24", true)]
    // Before the resolution 24/11 is ordinary: Monday 24/11/2025.
    [InlineData(2025, "2025-11-24", false)]
    [InlineData(2023, "2023-11-24", false)]
    [InlineData(2024, "2024-09-03", true)]
    public async Task Known_days_off_come_through_the_year_endpoint(int year, string date, bool off)
    {
        Assert.Equal(off, Off(await YearAsync(year)).Contains(date));
    }

    [Fact]
    public async Task A_due_date_across_24_November_2026_skips_it()
    {
        // Received Friday 20/11/2026: Mon 23/11 is day 1, Tue 24/11 a holiday, Wed 25/11 day 2, Thu 26/11 day 3.
        using var client = app.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/calendar/due?receivedAt=2026-11-20T09:00:00%2B07:00&workingDays=3"));
        var due = doc.RootElement.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7));
        Assert.Equal(new DateOnly(2026, 11, 26), DateOnly.FromDateTime(due.DateTime));
        Assert.Contains(doc.RootElement.GetProperty("explanation").EnumerateArray(),
            l => l.GetProperty("date").GetString() == "2026-11-24" && l.GetProperty("kind").GetString() == "skippedHoliday");
    }

    [Fact]
    public async Task Admin_loads_a_2027_schedule_from_a_file_with_its_source_and_it_is_audited()
    {
        var admin = await app.LoginAsync("admin");
        Assert.False((await YearAsync(2027)).GetProperty("official").GetBoolean());
        var response = await LoadAsync(admin, 2027, Source(), Rows2027);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var year = await YearAsync(2027);
        Assert.True(year.GetProperty("official").GetBoolean());
        Assert.Contains("2027-11-22", Off(year));
        Assert.Contains("2027-11-27", year.GetProperty("workingWeekendDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()));

        var html = await admin.GetStringAsync("/lich-lam-viec?year=2027");
        Assert.Contains("Theo Công văn số 9999/VPCP-KGVX ngày 01/03/2025 của Văn phòng Chính phủ", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var row = await db.CalendarYears.SingleAsync(y => y.Year == 2027);
        Assert.Equal(("9999/VPCP-KGVX", new DateOnly(2025, 3, 1), "Văn phòng Chính phủ"), (row.SourceNumber, row.SourceDate, row.SourceIssuer));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "calendar.schedule.load" && a.EntityId == "2027");
        Assert.Equal("admin", audit.UserName);
        Assert.Contains("14 ngày", audit.Summary, StringComparison.Ordinal);
        Assert.NotEqual("calendar.schedule.load", AuditActions.Label("calendar.schedule.load"));
        var calendar = await app.Services.GetRequiredService<CalendarProvider>().CurrentAsync(db);
        Assert.True(calendar.IsConfirmed(2027));
        Assert.False(calendar.IsConfirmed(2028));
    }

    [Theory]
    [InlineData("2027-05-03;Nghỉ hoán đổi;Nghỉ hoán đổi", "mỗi ngày nghỉ hoán đổi phải có ngày làm bù tương ứng")]
    [InlineData("2027-05-05;Làm bù;Làm bù\n2027-05-03;Nghỉ hoán đổi;x", "ngày làm bù phải là thứ Bảy hoặc Chủ nhật")]
    [InlineData("2028-01-03;Nghỉ bù;Nghỉ bù", "Ngày 03/01/2028 không thuộc năm 2027.")]
    [InlineData("2027-05-08;Làm bù;Làm bù\n2027-05-08;Nghỉ lễ;Nghỉ\n2027-05-03;Nghỉ hoán đổi;x", "hai dòng mâu thuẫn")]
    public async Task A_bad_schedule_is_refused_in_Vietnamese_and_nothing_changes(string rows, string error)
    {
        var admin = await app.LoginAsync("admin");
        await using var db = app.CreateDbContext();
        var days = await db.CalendarDays.CountAsync();
        var audits = await db.AuditEntries.CountAsync(a => a.Action == "calendar.schedule.load");
        var fields = Source();
        fields["Load.Rows"] = rows;
        var response = await LoadAsync(admin, 2027, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Chưa nạp lịch", html, StringComparison.Ordinal);
        Assert.Contains(error, html, StringComparison.Ordinal);
        Assert.Equal(days, await db.CalendarDays.CountAsync());
        Assert.Equal(audits, await db.AuditEntries.CountAsync(a => a.Action == "calendar.schedule.load"));
    }

    [Fact]
    public async Task The_source_document_is_required()
    {
        var admin = await app.LoginAsync("admin");
        var response = await LoadAsync(admin, 2028, new() { ["Load.SourceKind"] = "Công văn" }, "2028-01-01;Nghỉ lễ;Tết Dương lịch");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập số, ký hiệu của văn bản", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập ngày ban hành văn bản.", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập cơ quan ban hành văn bản", html, StringComparison.Ordinal);
        Assert.False((await YearAsync(2028)).GetProperty("official").GetBoolean());
    }

    [Fact]
    public async Task Only_an_administrator_loads_a_schedule()
    {
        var specialist = await app.LoginAsync("chuyenvien");
        var response = await LoadAsync(specialist, 2029, Source(), "2029-01-01;Nghỉ lễ;Tết Dương lịch");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/khong-co-quyen", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False((await YearAsync(2029)).GetProperty("official").GetBoolean());
    }

    [Fact]
    public async Task A_computed_year_is_marked_unconfirmed_with_the_rules_sources()
    {
        var client = await app.LoginAsync("chuyenvien");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/lich-lam-viec?year=2030"));
        Assert.Contains("Chưa có lịch chính thức — ngày tính theo luật", html, StringComparison.Ordinal);
        Assert.Contains("cal-day holiday unconfirmed", html, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Nghị quyết số 28/2026/QH16", html, StringComparison.Ordinal);
        var due = WebUtility.HtmlDecode(await client.GetStringAsync("/lich-lam-viec/tinh-han?Q.ReceivedAt=2030-11-20T09:00&Q.Value=5&Q.Unit=WorkingDays"));
        Assert.Contains("Chưa có lịch chính thức năm 2030", due, StringComparison.Ordinal);
        Assert.Contains("25/11/2030", due, StringComparison.Ordinal);
    }
}
