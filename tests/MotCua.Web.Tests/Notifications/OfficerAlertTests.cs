using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MotCua.Core.Notifications;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Notifications.Fakes;

namespace MotCua.Web.Tests.Notifications;

public sealed class OfficerAlertTests(NotificationFakes fakes) : IClassFixture<NotificationFakes>
{
    [Fact]
    public async Task An_officer_alert_goes_out_by_sms_email_and_in_app_when_a_dossier_enters_a_units_queue()
    {
        await using var app = new NotificationsApp(fakes);
        var agencyId = await app.AgencyIdAsync();
        var phone = NotificationsApp.UniquePhone();
        var email = "tvminh." + Guid.NewGuid().ToString("N")[..8] + "@skhcn.phuyen.gov.vn";
        int unitId;
        await using (var db = app.CreateDbContext())
        {
            var specialist = await db.Users.SingleAsync(u => u.UserName == "chuyenvien");
            specialist.PhoneNumber = phone;
            specialist.Email = email;
            unitId = specialist.UnitId!.Value;
            await db.SaveChangesAsync();
        }
        var code = NotificationsApp.UniqueCode();

        await app.RaiseAsync(new DossierNotice
        {
            AgencyId = agencyId,
            DossierCode = code,
            Kind = DossierEventKind.EnteredQueue,
            UnitId = unitId,
            ProcedureName = "Cấp giấy phép tiến hành công việc bức xạ",
            DueAt = new DateTimeOffset(2025, 3, 21, 9, 0, 0, TimeSpan.Zero),
        });
        await app.DrainAsync();

        var sms = Assert.Single(fakes.Sms.Requests, r => r.Body.Contains(code, StringComparison.Ordinal));
        Assert.Contains("\"to\":\"84" + phone[1..] + "\"", sms.Body, StringComparison.Ordinal);
        Assert.Contains("Chi cục Tiêu chuẩn Đo lường Chất lượng", sms.Body, StringComparison.Ordinal);
        Assert.Contains("21/03/2025", sms.Body, StringComparison.Ordinal);

        var mail = Assert.Single(fakes.Smtp.Mails, m => m.To.Contains(email));
        using var message = MimeMessage.Load(new MemoryStream(mail.Raw));
        Assert.Equal("Hồ sơ mới cần xử lý: " + code, message.Subject);

        using var specialistClient = await app.LoginAsync("chuyenvien");
        var inbox = await specialistClient.GetStringAsync("/thong-bao");
        Assert.Contains("Hồ sơ mới cần xử lý: " + code, WebUtility.HtmlDecode(inbox), StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Thông báo: 1 chưa đọc\"", WebUtility.HtmlDecode(inbox), StringComparison.Ordinal);

        // Officers of other units hear nothing.
        using var desk = await app.LoginAsync("motcua");
        Assert.DoesNotContain(code, await desk.GetStringAsync("/thong-bao"), StringComparison.Ordinal);

        // Mark as read: the bell empties.
        var token = await MotCuaApp.AntiforgeryTokenAsync(specialistClient, "/thong-bao");
        var read = await specialistClient.PostAsync("/thong-bao?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Contains("aria-label=\"Thông báo: 0 chưa đọc\"", WebUtility.HtmlDecode(await specialistClient.GetStringAsync("/thong-bao")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bell_counts_up_to_ninety_nine_and_says_ninety_nine_plus_beyond()
    {
        await using var app = new NotificationsApp(fakes);
        var agencyId = await app.AgencyIdAsync();
        string userId;
        await using (var db = app.CreateDbContext())
        {
            userId = (await db.Users.SingleAsync(u => u.UserName == "chuyenvien")).Id;
            await db.InAppNotifications.Where(n => n.UserId == userId).ExecuteDeleteAsync();
        }
        async Task AddUnreadAsync(int n)
        {
            await using var db = app.CreateDbContext();
            for (var i = 0; i < n; i++)
            {
                db.InAppNotifications.Add(new InAppNotification
                {
                    AgencyId = agencyId, UserId = userId, OutboxMessageId = Guid.NewGuid(), Title = "Hồ sơ mới cần xử lý", Body = "Thử",
                    CreatedAt = app.Clock.GetUtcNow(),
                });
            }
            await db.SaveChangesAsync();
        }
        using var client = await app.LoginAsync("chuyenvien");
        async Task<string> BellAsync() => WebUtility.HtmlDecode(await client.GetStringAsync("/thong-bao"));

        await AddUnreadAsync(InboxModel.BellCap);
        var exact = await BellAsync();
        Assert.Contains("aria-label=\"Thông báo: 99 chưa đọc\"", exact, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge red\">99</span>", exact, StringComparison.Ordinal);

        await AddUnreadAsync(2);
        var capped = await BellAsync();
        Assert.Contains("aria-label=\"Thông báo: 99+ chưa đọc\"", capped, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge red\">99+</span>", capped, StringComparison.Ordinal);
        // The database stops counting one past the cap (101 unread are stored).
        await using (var db = app.CreateDbContext())
        {
            var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId)], "test"));
            Assert.Equal(101, await db.InAppNotifications.CountAsync(n => n.UserId == userId && n.ReadAt == null));
            Assert.Equal(InboxModel.BellCap + 1, await InboxModel.UnreadCountAsync(db, user));
        }
    }

    [Fact]
    public async Task An_alert_for_an_assigned_specialist_reaches_only_that_officer_once_even_if_redelivered()
    {
        await using var app = new NotificationsApp(fakes, settings: new Dictionary<string, string> { ["MotCua:Notifications:OfficerChannels:0"] = "InApp" });
        var agencyId = await app.AgencyIdAsync();
        string userId;
        await using (var db = app.CreateDbContext())
        {
            userId = (await db.Users.SingleAsync(u => u.UserName == "lanhdao")).Id;
        }
        var code = NotificationsApp.UniqueCode();
        var messages = await app.RaiseAsync(new DossierNotice { AgencyId = agencyId, DossierCode = code, Kind = DossierEventKind.Overdue, AssigneeUserId = userId, DueAt = app.Clock.GetUtcNow() });
        var inApp = Assert.Single(messages);
        Assert.Equal(OutboxChannel.InApp, inApp.Channel);
        await app.DrainAsync();

        // A redelivery (the worker died after delivering, before recording) must not show the alert twice.
        await using (var db = app.CreateDbContext())
        {
            await db.OutboxMessages.Where(m => m.Id == inApp.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending));
        }
        await app.DrainAsync();
        await using (var db = app.CreateDbContext())
        {
            var rows = await db.InAppNotifications.Where(n => n.DossierCode == code).ToListAsync();
            var row = Assert.Single(rows);
            Assert.Equal(userId, row.UserId);
            Assert.Equal("Hồ sơ " + code + " đã quá hạn", row.Title);
        }
    }
}
