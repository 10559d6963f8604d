using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Privacy;

/// <summary>The breach register and the register's dated legal bases, as the administrator sees them.</summary>
public sealed class BreachRegisterTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await MotCuaApp.AntiforgeryTokenAsync(client, "/quan-tri/vi-pham-du-lieu-ca-nhan");
        return await client.PostAsync("/quan-tri/vi-pham-du-lieu-ca-nhan?handler=" + handler, new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> Breach(string detectedLocal) => new()
    {
        ["DetectedAt"] = detectedLocal,
        ["Description"] = "Tệp xuất sổ theo dõi hồ sơ gửi nhầm địa chỉ thư điện tử bên ngoài.",
        ["DataAffected"] = "Họ tên, số điện thoại người nộp hồ sơ",
        ["SubjectsAffected"] = "Khoảng 120 người nộp hồ sơ tháng 11/2026",
        ["Measures"] = "Đề nghị người nhận xóa tệp; đổi quy trình xuất sổ.",
    };

    [Fact]
    public async Task A_breach_gets_its_72_hour_notification_deadline_and_is_marked_when_it_passes_or_was_missed()
    {
        await using var app = new MotCuaApp();
        app.Clock.SetUtcNow(Monday);
        using var admin = await app.LoginAsync("admin");

        // Detected Friday 04/12/2026 at 08:00: 72 hours on the clock, weekend included, end Monday 07/12 at 08:00 (09:00 now).
        var recorded = await PostAsync(admin, "Record", Breach("2026-12-04T08:00"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        PersonalDataBreach breach;
        await using (var db = app.CreateDbContext())
        {
            breach = await db.PersonalDataBreaches.SingleAsync();
            Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(7)), breach.NotifyDueAt);
            Assert.Contains("Điều 23", breach.LimitBasis, StringComparison.Ordinal);
            Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(e => e.Action == "privacy.breach.record" && e.EntityId == breach.Code));
        }
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/vi-pham-du-lieu-ca-nhan"));
        Assert.Contains("Quá hạn thông báo", page, StringComparison.Ordinal);
        Assert.Contains("07/12/2026", page, StringComparison.Ordinal);

        // Notified at 08:30: late, and the register says so.
        var notified = await PostAsync(admin, "Notify", new() { ["Code"] = breach.Code, ["AuthorityNotifiedAt"] = "2026-12-07T08:30" });
        Assert.Equal(HttpStatusCode.Redirect, notified.StatusCode);
        page = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/vi-pham-du-lieu-ca-nhan"));
        Assert.Contains("Thông báo muộn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Quá hạn thông báo", page, StringComparison.Ordinal);

        // A breach detected this morning is within its limit.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "Record", Breach("2026-12-07T08:45"))).StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var fresh = await db.PersonalDataBreaches.OrderByDescending(b => b.Id).FirstAsync();
            Assert.Null(PrivacyDesk.BreachStanding(fresh, app.Clock.GetUtcNow()));
        }
    }

    [Fact]
    public async Task A_breach_detected_in_the_future_or_without_a_description_is_refused_and_nothing_is_written()
    {
        await using var app = new MotCuaApp();
        app.Clock.SetUtcNow(Monday);
        using var admin = await app.LoginAsync("admin");
        var future = await PostAsync(admin, "Record", Breach("2026-12-08T08:00"));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("Thời điểm phát hiện không được sau thời điểm hiện tại.", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var form = Breach("2026-12-07T08:00");
        form["Description"] = " ";
        var blank = await PostAsync(admin, "Record", form);
        Assert.Contains("Vui lòng nhập mô tả vi phạm.", WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.PersonalDataBreaches.CountAsync());
        Assert.Equal(0, await db.Set<AuditEntry>().CountAsync(e => e.Action == "privacy.breach.record"));

        using var focal = await app.LoginAsync("daumoi");
        var refused = await focal.GetAsync("/quan-tri/vi-pham-du-lieu-ca-nhan");
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_register_shows_the_basis_in_force_today_and_the_earlier_ones_on_demand()
    {
        await using var app = new MotCuaApp();
        app.Clock.SetUtcNow(Monday);
        using var admin = await app.LoginAsync("admin");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/du-lieu-ca-nhan"));
        var today = System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"basis-today\">([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Enum.GetValues<MotCua.Web.Shared.Privacy.RetentionCategory>().Length, today.Count); // every category shows its purpose's basis in force
        Assert.All(today, t =>
        {
            Assert.DoesNotContain("13/2023", t, StringComparison.Ordinal);
            Assert.DoesNotContain("61/2018", t, StringComparison.Ordinal);
            Assert.DoesNotContain("107/2021", t, StringComparison.Ordinal);
        });
        Assert.Contains("Nghị định 118/2025/NĐ-CP", today[0], StringComparison.Ordinal);
        Assert.Contains("91/2025/QH15", today[0], StringComparison.Ordinal);
        // The history keeps what held before: dossiers under Decree 61/2018 with Decree 13/2023 Art. 17 until 30/6/2025.
        Assert.Contains("Từ 01/07/2023 đến 30/06/2025: Thực hiện thủ tục hành chính theo Nghị định 61/2018/NĐ-CP", html, StringComparison.Ordinal);
        Assert.Contains("/quan-tri/yeu-cau-chu-the-du-lieu", html, StringComparison.Ordinal);

        // The public footer links the data subject's rights; the page states the limits with their basis.
        using var anonymous = app.CreateClient();
        Assert.Contains("href=\"/quyen-du-lieu-ca-nhan\"", await anonymous.GetStringAsync("/"), StringComparison.Ordinal);
        var rights = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/quyen-du-lieu-ca-nhan"));
        Assert.Contains("02 ngày làm việc", rights, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Nghị định số 356/2025/NĐ-CP", rights, StringComparison.Ordinal);
    }
}
