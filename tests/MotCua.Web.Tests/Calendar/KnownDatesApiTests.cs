using System.Globalization;
using System.Net;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

/// <summary>
/// Known days off and working days of 2023–2027 as <c>/api/calendar/*</c> answers them, each row with the text or notice
/// that makes it so (LC = Labour Code 2019; the yearly notices are those of the shipped schedules, calendar.md).
/// </summary>
public sealed class KnownDatesApiTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    public static TheoryData<string, bool, string> Days => new()
    {
        // 2023 (official notice): New Year on a Sunday, Tết 29 Chạp–mùng 5, Hùng Kings and 30/4 on a weekend, 2/9 on a Saturday.
        { "2023-01-02", false, "1/1/2023 is a Sunday: compensatory Monday (LC Art. 111(3))" },
        { "2023-01-20", false, "Tết Quý Mão, 29 tháng Chạp (LC Art. 112(1)(b), 2023 notice)" },
        { "2023-01-26", false, "Tết Quý Mão, mùng 5 (2023 notice)" },
        { "2023-01-27", true, "the Friday after Tết 2023 is worked" },
        { "2023-05-01", false, "Labour Day (LC Art. 112(1)(d))" },
        { "2023-05-02", false, "Hùng Kings 29/4/2023 on a Saturday: compensatory (LC Art. 111(3))" },
        { "2023-05-03", false, "30/4/2023 on a Sunday: compensatory (LC Art. 111(3))" },
        { "2023-09-01", false, "2/9/2023 is a Saturday: 1/9 is the adjacent day (LC Art. 112(1)(đ))" },
        { "2023-09-04", false, "2/9/2023 on a Saturday: compensatory Monday (LC Art. 111(3))" },
        // 2024 (official notice).
        { "2024-02-08", false, "Tết Giáp Thìn starts on 8/2/2024 (2024 notice)" },
        { "2024-02-14", false, "Tết Giáp Thìn ends on mùng 5, 14/2/2024 (2024 notice)" },
        { "2024-02-15", true, "the Thursday after Tết 2024 is worked" },
        { "2024-04-18", false, "Giỗ Tổ Hùng Vương, 10/3 âm lịch (LC Art. 112(1)(c))" },
        { "2024-04-29", false, "Monday 29/4/2024 swapped off for Saturday 4/5 (2024 notice)" },
        { "2024-04-30", false, "Reunification Day (LC Art. 112(1)(d))" },
        { "2024-05-04", true, "Saturday 4/5/2024 worked in exchange for 29/4 (2024 notice)" },
        { "2024-09-02", false, "National Day (LC Art. 112(1)(đ))" },
        { "2024-09-03", false, "2/9/2024 is a Monday: 3/9 is the adjacent day (2024 notice)" },
        // 2025 (official notice).
        { "2025-01-27", false, "Tết Ất Tỵ, 28 tháng Chạp (2025 notice)" },
        { "2025-01-31", false, "Tết Ất Tỵ, mùng 3 (2025 notice)" },
        { "2025-02-03", true, "the Monday after Tết 2025 is worked" },
        { "2025-04-07", false, "Giỗ Tổ Hùng Vương 2025 (LC Art. 112(1)(c))" },
        { "2025-04-26", true, "Saturday 26/4/2025 worked in exchange for 2/5 (2025 notice)" },
        { "2025-05-02", false, "Friday 2/5/2025 swapped off (2025 notice)" },
        { "2025-09-01", false, "2/9/2025 is a Tuesday: 1/9 is the adjacent day (2025 notice)" },
        { "2025-09-02", false, "National Day (LC Art. 112(1)(đ))" },
        { "2025-11-24", true, "Monday 24/11/2025: an ordinary day, before Resolution 28/2026/QH16 made 24/11 a holiday" },
        // 2026 (official notice plus the new holiday).
        { "2026-01-02", false, "Friday 2/1/2026 swapped off for Saturday 10/1 (2026 notice)" },
        { "2026-01-10", true, "Saturday 10/1/2026 worked in exchange for 2/1 (2026 notice)" },
        { "2026-02-16", false, "Tết Bính Ngọ, 29 tháng Chạp (2026 notice)" },
        { "2026-02-20", false, "Tết Bính Ngọ, mùng 4 (2026 notice)" },
        { "2026-02-23", true, "the Monday after Tết 2026 is worked" },
        { "2026-04-27", false, "Hùng Kings 26/4/2026 on a Sunday: compensatory Monday (LC Art. 111(3))" },
        { "2026-04-30", false, "Reunification Day (LC Art. 112(1)(d))" },
        { "2026-05-01", false, "Labour Day (LC Art. 112(1)(d))" },
        { "2026-08-22", true, "Saturday 22/8/2026 worked in exchange for 31/8 (2026 notice)" },
        { "2026-08-31", false, "Monday 31/8/2026 swapped off (2026 notice)" },
        { "2026-09-01", false, "2/9/2026 is a Wednesday: 1/9 is the adjacent day (2026 notice)" },
        { "2026-09-02", false, "National Day (LC Art. 112(1)(đ))" },
        { "2026-11-23", true, "Monday 23/11/2026: the proposed swap is unconfirmed and not applied" },
        { "2026-11-24", false, "Tuesday 24/11/2026, Ngày Văn hóa Việt Nam (Resolution 28/2026/QH16, in force 1/7/2026)" },
        // 2027 (no official schedule yet: computed from the rules).
        { "2027-01-01", false, "New Year's Day, a Friday (LC Art. 112(1)(a))" },
        { "2027-02-05", false, "Tết Đinh Mùi, the last day of the lunar year (LC Art. 112(1)(b), default span)" },
        { "2027-02-08", false, "Tết Đinh Mùi, mùng 3 (LC Art. 112(1)(b))" },
        { "2027-02-09", false, "Tết Đinh Mùi, mùng 4 (LC Art. 112(1)(b))" },
        { "2027-02-10", false, "mùng 1 on Saturday 6/2/2027: compensatory (LC Art. 111(3))" },
        { "2027-02-11", false, "mùng 2 on Sunday 7/2/2027: compensatory (LC Art. 111(3))" },
        { "2027-02-12", true, "the Friday after the computed Tết 2027 is worked" },
        { "2027-04-16", false, "Giỗ Tổ Hùng Vương, 10/3 Đinh Mùi (LC Art. 112(1)(c))" },
        { "2027-04-30", false, "Reunification Day, a Friday (LC Art. 112(1)(d))" },
        { "2027-05-03", false, "Labour Day on Saturday 1/5/2027: compensatory Monday (LC Art. 111(3))" },
        { "2027-09-02", false, "National Day, a Thursday (LC Art. 112(1)(đ))" },
        { "2027-09-03", false, "2/9/2027 is a Thursday: 3/9 joins the weekend (the system's default adjacent day [U])" },
        { "2027-11-24", false, "Wednesday 24/11/2027, Ngày Văn hóa Việt Nam (Resolution 28/2026/QH16)" },
        { "2027-11-25", true, "the Thursday after Ngày Văn hóa Việt Nam 2027 is worked" },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public async Task A_known_day_is_off_or_worked_as_the_law_and_the_yearly_notice_say(string date, bool working, string reason)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = await GetAsync("/api/calendar/" + day.Year.ToString(CultureInfo.InvariantCulture));
        var daysOff = json.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToHashSet(StringComparer.Ordinal);
        var workedWeekend = json.GetProperty("workingWeekendDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToHashSet(StringComparer.Ordinal);
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var isWorking = weekend ? workedWeekend.Contains(date) : !daysOff.Contains(date);
        Assert.True(working == isWorking, $"{date} should be {(working ? "worked" : "off")}: {reason}");
    }

    [Theory]
    [InlineData(2023, true)]
    [InlineData(2024, true)]
    [InlineData(2025, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    public async Task Years_with_a_shipped_notice_are_official_and_2027_is_not(int year, bool official)
    {
        var json = await GetAsync("/api/calendar/" + year.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(official, json.GetProperty("official").GetBoolean());
    }

    [Theory]
    // From 15/9/2026 the Civil Code counts from the next day and ends at the close of office hours; before it, the
    // receipt's clock time on the N-th following working day.
    [InlineData("2026-11-20T09:00:00+07:00", "2026-11-25T17:00:00+07:00", "24/11/2026 is a holiday: Friday 20/11 is not counted, Mon 23/11 is the first day, Wed 25/11 the second")]
    [InlineData("2025-11-21T09:00:00+07:00", "2025-11-25T09:00:00+07:00", "before the switch, 24/11/2025 is an ordinary Monday: the 2nd working day after Friday 21/11 is Tuesday 25/11")]
    [InlineData("2027-11-22T09:00:00+07:00", "2027-11-25T17:00:00+07:00", "Tue 23/11, then Thu 25/11 (24/11 off), ending at the close of office hours")]
    public async Task Due_dates_step_over_24_November_from_2026_only(string receivedAt, string expectedDue, string reason)
    {
        var json = await GetAsync("/api/calendar/due?workingDays=2&receivedAt=" + Uri.EscapeDataString(receivedAt));
        var due = json.GetProperty("dueAt").GetDateTimeOffset();
        Assert.True(DateTimeOffset.Parse(expectedDue, CultureInfo.InvariantCulture) == due, $"{receivedAt} + 2 working days gave {due:O}: {reason}");
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
