using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

public sealed class CalendarApiTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Year_lists_weekday_days_off_and_worked_weekend_days_from_the_official_schedule()
    {
        var json = await GetJsonAsync("/api/calendar/2025");
        Assert.Equal(2025, json.GetProperty("year").GetInt32());
        var off = json.GetProperty("daysOff").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("name").GetString()!);
        Assert.Equal("Tết Dương lịch", off["2025-01-01"]);
        Assert.Contains("Tết Nguyên Đán", off["2025-01-29"], StringComparison.Ordinal);
        Assert.Contains("2025-05-02", off.Keys); // swapped off for Saturday 26/4
        Assert.Contains("2025-04-07", off.Keys); // Giỗ Tổ
        Assert.DoesNotContain(off.Keys, d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        var worked = json.GetProperty("workingWeekendDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(["2025-04-26"], worked);
        Assert.Equal(13 - 1, off.Count); // 13 entries in the 2025 schedule, one of them the worked Saturday
    }

    [Fact]
    public async Task A_year_without_an_official_schedule_uses_the_Labour_Code()
    {
        var json = await GetJsonAsync("/api/calendar/2027");
        Assert.False(json.GetProperty("official").GetBoolean());
        var off = json.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Contains("2027-01-01", off);
        Assert.Contains("2027-02-08", off); // mùng 2 Tết Đinh Mùi (Tết on Saturday 6/2/2027)
        Assert.Contains("2027-04-30", off);
    }

    [Theory]
    [InlineData("2025-01-29", 1, 1, 2025, false)]
    [InlineData("2024-02-10", 1, 1, 2024, false)]
    [InlineData("2023-03-22", 1, 2, 2023, true)]
    [InlineData("2023-04-20", 1, 3, 2023, false)]
    public async Task Lunar_date_is_computed_for_Vietnam(string date, int day, int month, int year, bool leap)
    {
        var json = await GetJsonAsync("/api/calendar/lunar/" + date);
        Assert.Equal(day, json.GetProperty("day").GetInt32());
        Assert.Equal(month, json.GetProperty("month").GetInt32());
        Assert.Equal(year, json.GetProperty("year").GetInt32());
        Assert.Equal(leap, json.GetProperty("leapMonth").GetBoolean());
    }

    [Fact]
    public async Task Due_date_example_of_the_issue()
    {
        var json = await GetJsonAsync("/api/calendar/due?receivedAt=2025-03-10T09:00:00%2B07:00&workingDays=5");
        Assert.Equal("2025-03-17T09:00:00+07:00", json.GetProperty("dueAt").GetString());
        var lines = json.GetProperty("explanation").EnumerateArray().Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Contains(lines, l => l!.StartsWith("15/03/2025", StringComparison.Ordinal));
        Assert.Equal("due", json.GetProperty("explanation").EnumerateArray().Last().GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Due_date_counts_the_make_up_Saturday_of_2024()
    {
        var json = await GetJsonAsync("/api/calendar/due?receivedAt=2024-04-25T09:00:00%2B07:00&workingDays=5");
        Assert.Equal("2024-05-06T09:00:00+07:00", json.GetProperty("dueAt").GetString());
        var withCutoff = await GetJsonAsync("/api/calendar/due?receivedAt=2024-04-25T15:30:00%2B07:00&workingDays=5&applyCutoff=true");
        // The cut-off moves the start to Friday; keeping 07:00 would end on Tuesday 7/5, after the legal last day.
        Assert.Equal("2024-05-06T17:00:00+07:00", withCutoff.GetProperty("dueAt").GetString());
    }

    [Theory]
    [InlineData("/api/calendar/due?workingDays=5", "receivedAt")]
    [InlineData("/api/calendar/due?receivedAt=hom-nay&workingDays=5", "receivedAt")]
    [InlineData("/api/calendar/due?receivedAt=2025-03-10T09:00:00%2B07:00&workingDays=-2", "workingDays")]
    [InlineData("/api/calendar/due?receivedAt=2025-03-10T09:00:00%2B07:00&workingDays=abc", "workingDays")]
    [InlineData("/api/calendar/due?receivedAt=2025-03-10T09:00:00%2B07:00", "workingDays")]
    [InlineData("/api/calendar/due?receivedAt=2025-03-10T09:00:00%2B07:00&workingDays=5&agency=KHONGCO", "agency")]
    [InlineData("/api/calendar/abc", "year")]
    [InlineData("/api/calendar/3000", "year")]
    [InlineData("/api/calendar/lunar/2025-13-40", "date")]
    public async Task Bad_input_is_a_400_ProblemDetails_naming_the_parameter(string url, string parameter)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty(parameter, out var messages), $"no error for {parameter}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Agency_office_hours_move_the_start_of_the_clock()
    {
        await using (var db = app.CreateDbContext())
        {
            var agency = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
            Assert.Equal(new TimeOnly(7, 0), agency.MorningStart);
        }
        // Received 07:15 with default hours: the clock runs from 07:15. Under a 07:30 start it runs from 07:30.
        var json = await GetJsonAsync("/api/calendar/due?receivedAt=2025-03-10T07:15:00%2B07:00&workingHours=1&agency=SKHCN");
        Assert.Equal("2025-03-10T08:15:00+07:00", json.GetProperty("dueAt").GetString());
    }
}
