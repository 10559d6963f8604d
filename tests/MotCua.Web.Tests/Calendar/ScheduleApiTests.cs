using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

/// <summary>POST /api/calendar/schedules loads a year's official schedule as the calendar page does, administrators only.</summary>
public sealed class ScheduleApiTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static object Body(object? source, string year, params object[] days) => new { source, years = new Dictionary<string, object[]> { [year] = days } };

    private static readonly object Source = new { kind = "Công văn", number = "5678/BNV-CVL", date = "2025-03-01", issuer = "Bộ Nội vụ" };

    [Fact]
    public async Task An_administrator_loads_2027_with_its_source_and_the_calendar_and_audit_show_it()
    {
        using var admin = await app.ApiClientAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/calendar/schedules", Body(Source, "2027",
            new { date = "2027-01-04", kind = "swappedOff", name = "Nghỉ hoán đổi" },
            new { date = "2027-01-09", kind = "makeUpWorkingDay", name = "Làm bù cho thứ Hai 04/01/2027" },
            new { date = "2027-02-05", kind = "holiday", name = "Tết Nguyên Đán" }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2027, json.GetProperty("year").GetInt32());
        Assert.Equal("Công văn số 5678/BNV-CVL ngày 01/03/2025 của Bộ Nội vụ", json.GetProperty("source").GetString());
        Assert.Equal(3, json.GetProperty("days").GetInt32());

        using var anonymous = app.CreateClient();
        var year = JsonDocument.Parse(await anonymous.GetStringAsync("/api/calendar/2027")).RootElement;
        Assert.True(year.GetProperty("official").GetBoolean());
        Assert.Contains(year.GetProperty("daysOff").EnumerateArray(), d => d.GetProperty("date").GetString() == "2027-01-04");
        Assert.Contains(year.GetProperty("workingWeekendDays").EnumerateArray(), d => d.GetProperty("date").GetString() == "2027-01-09");

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "calendar.schedule.load" && a.EntityId == "2027");
        Assert.Contains("5678/BNV-CVL", audit.Summary, StringComparison.Ordinal);
        var stored = await db.CalendarYears.SingleAsync(y => y.Year == 2027);
        Assert.Equal("5678/BNV-CVL", stored.SourceNumber);
        Assert.Equal(new DateOnly(2025, 3, 1), stored.SourceDate);
    }

    [Fact]
    public async Task Bad_schedules_are_problem_details_in_Vietnamese_and_change_nothing()
    {
        using var admin = await app.ApiClientAsync("admin");
        int auditsBefore;
        await using (var db = app.CreateDbContext())
        {
            auditsBefore = await db.AuditEntries.CountAsync(a => a.Action == "calendar.schedule.load");
        }

        // A make-up working day on a weekday and no source document.
        var weekday = await ProblemAsync(await admin.PostAsJsonAsync("/api/calendar/schedules", Body(null, "2029",
            new { date = "2029-01-03", kind = "makeUpWorkingDay", name = "Làm bù" })));
        Assert.Contains("errors", weekday.EnumerateObject().Select(p => p.Name));
        Assert.True(weekday.GetProperty("errors").TryGetProperty("source.number", out _));
        Assert.True(weekday.GetProperty("errors").TryGetProperty("years.2029", out var dayErrors));
        Assert.Contains(dayErrors.EnumerateArray(), e => e.GetString()!.Contains("thứ Bảy", StringComparison.Ordinal) || e.GetString()!.Contains("làm bù", StringComparison.Ordinal));

        // The same date twice with contradicting kinds.
        var contradictory = await ProblemAsync(await admin.PostAsJsonAsync("/api/calendar/schedules", Body(Source, "2029",
            new { date = "2029-01-06", kind = "makeUpWorkingDay", name = "Làm bù" },
            new { date = "2029-01-06", kind = "holiday", name = "Nghỉ" })));
        Assert.True(contradictory.GetProperty("errors").TryGetProperty("years.2029", out _));

        // A day outside the year, an unknown kind, two years at once.
        Assert.True((await ProblemAsync(await admin.PostAsJsonAsync("/api/calendar/schedules", Body(Source, "2029",
            new { date = "2030-01-01", kind = "holiday", name = "Tết Dương lịch" })))).GetProperty("errors").TryGetProperty("years.2029", out _));
        Assert.True((await ProblemAsync(await admin.PostAsJsonAsync("/api/calendar/schedules", Body(Source, "2029",
            new { date = "2029-01-01", kind = "party", name = "Tết Dương lịch" })))).GetProperty("errors").TryGetProperty("years.2029", out _));
        Assert.True((await ProblemAsync(await admin.PostAsJsonAsync("/api/calendar/schedules",
            new { source = Source, years = new Dictionary<string, object[]> { ["2029"] = [], ["2030"] = [] } }))).GetProperty("errors").TryGetProperty("years", out _));

        await using var after = app.CreateDbContext();
        Assert.False(await after.CalendarYears.AnyAsync(y => y.Year == 2029));
        Assert.Equal(auditsBefore, await after.AuditEntries.CountAsync(a => a.Action == "calendar.schedule.load"));
    }

    [Fact]
    public async Task Only_administrators_may_load_a_schedule()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var refused = await desk.PostAsJsonAsync("/api/calendar/schedules", Body(Source, "2030", new { date = "2030-01-01", kind = "holiday", name = "Tết Dương lịch" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var anonymous = app.CreateClient();
        using var unauthenticated = await anonymous.PostAsJsonAsync("/api/calendar/schedules", Body(Source, "2030", new { date = "2030-01-01", kind = "holiday", name = "Tết Dương lịch" }));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_schedule_load()
    {
        using var client = app.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var post = doc.RootElement.GetProperty("paths").GetProperty("/api/calendar/schedules").GetProperty("post");
        Assert.True(post.TryGetProperty("requestBody", out _));
        foreach (var status in new[] { "200", "400", "401", "403" })
        {
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), "no " + status);
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
