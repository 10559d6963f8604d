using System.Net;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

/// <summary>From 1 November the officer's home says when next year's schedule is not confirmed.</summary>
public sealed class ScheduleNoticeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string AdminWarning = "class=\"alert warning\" role=\"alert\" data-testid=\"schedule-notice\"";

    private async Task<string> HomeAsync(string user, DateTimeOffset now)
    {
        if (now > app.Clock.GetUtcNow())
        {
            app.Clock.SetUtcNow(now); // the fake clock only moves forward, so the steps below run in date order
        }
        var client = await app.LoginAsync(user);
        return WebUtility.HtmlDecode(await client.GetStringAsync("/can-bo"));
    }

    [Fact]
    public async Task From_1_November_the_administrator_is_warned_and_others_get_a_note()
    {
        // November 2025: the 2026 schedule ships with the software, so nothing to say.
        Assert.DoesNotContain("schedule-notice", await HomeAsync("admin", new DateTimeOffset(2025, 11, 10, 2, 0, 0, TimeSpan.Zero)), StringComparison.Ordinal);
        // 23:00 on 31/10/2026 in Vietnam (UTC+7): not yet November.
        Assert.DoesNotContain("schedule-notice", await HomeAsync("admin", new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero)), StringComparison.Ordinal);

        var admin = await HomeAsync("admin", new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));
        Assert.Contains("Lịch nghỉ lễ, Tết năm 2027 chưa được xác nhận.", admin, StringComparison.Ordinal);
        Assert.Contains("href=\"/lich-lam-viec?year=2027\"", admin, StringComparison.Ordinal);
        Assert.Contains(AdminWarning, admin, StringComparison.Ordinal);

        var specialist = await HomeAsync("chuyenvien", new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));
        Assert.Contains("Lịch nghỉ năm 2027 chưa có thông báo chính thức", specialist, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminWarning, specialist, StringComparison.Ordinal);
    }
}
