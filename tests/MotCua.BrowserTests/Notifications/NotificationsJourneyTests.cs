using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Notifications;

public sealed class NotificationsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_specialist_sees_the_bell_count_reads_the_alert_and_the_admin_sees_the_outbox()
    {
        var code = "000.00.36.H57-250310-" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unitId = await db.Users.Where(u => u.UserName == "chuyenvien").Select(u => u.UnitId).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<Notifier>().RaiseAsync(db, new DossierNotice
            {
                AgencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync(),
                DossierCode = code,
                Kind = DossierEventKind.EnteredQueue,
                UnitId = unitId,
                ProcedureName = "Cấp giấy phép tiến hành công việc bức xạ",
                DueAt = new DateTimeOffset(2025, 3, 21, 9, 0, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync();
        }
        await browser.App.Services.GetRequiredService<OutboxProcessor>().ProcessOnceAsync();

        var page = await browser.LoginAsync("chuyenvien");
        await Assertions.Expect(page.GetByTestId("bell")).ToContainTextAsync("1");
        await page.GetByTestId("bell").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox")).ToContainTextAsync("Hồ sơ mới cần xử lý: " + code);
        await BrowserApp.ScreenshotAsync(page, "notifications-inbox");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu tất cả là đã đọc" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("bell")).Not.ToContainTextAsync("1");

        var admin = await browser.LoginAsync("admin");
        await admin.GotoAsync("/quan-tri/hang-doi-thong-bao?status=delivered");
        await Assertions.Expect(admin.GetByTestId("outbox")).ToContainTextAsync(code);
        await BrowserApp.ScreenshotAsync(admin, "notifications-outbox-console");
        await admin.GotoAsync("/quan-tri/mau-thong-bao");
        await BrowserApp.ScreenshotAsync(admin, "notifications-templates");
    }

    [Fact]
    public async Task After_a_restore_the_admin_sees_delivery_paused_and_resumes_it()
    {
        Guid id;
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var message = Outbox.Enqueue(db, browser.App.Clock, new OutboxMessage
            {
                AgencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync(),
                Kind = "dossier.received",
                Channel = OutboxChannel.Sms,
                Recipient = "0905123456",
                DossierCode = "000.00.36.H57-250310-0042",
                Body = "Hồ sơ của ông/bà đã được tiếp nhận.",
            });
            // What the restore command leaves behind: a message that was waiting when the backup was taken.
            message.Status = OutboxStatus.Paused;
            await db.SaveChangesAsync();
            id = message.Id;
        }

        var admin = await browser.LoginAsync("admin");
        await admin.GotoAsync("/quan-tri/hang-doi-thong-bao");
        await Assertions.Expect(admin.GetByTestId("outbox-paused")).ToContainTextAsync("Việc gửi đang tạm dừng sau khi khôi phục dữ liệu");
        await BrowserApp.ScreenshotAsync(admin, "notifications-outbox-paused");
        await admin.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(admin, "notifications-outbox-paused-390");
        await admin.SetViewportSizeAsync(1280, 860);
        await admin.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Cho gửi tiếp") }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã cho gửi tiếp");
        await Assertions.Expect(admin.GetByTestId("outbox-paused")).ToHaveCountAsync(0);
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(OutboxStatus.Pending, (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id)).Status);
        }
    }
}
