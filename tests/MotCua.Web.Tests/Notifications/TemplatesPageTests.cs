using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Notifications;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Notifications;

public sealed class TemplatesPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task Every_installation_gets_vietnamese_default_templates_for_each_event_and_channel()
    {
        await using var db = app.CreateDbContext();
        var templates = await db.NotificationTemplates.ToListAsync();
        foreach (var kind in Enum.GetValues<DossierEventKind>())
        {
            foreach (var channel in NotificationTemplates.ChannelsFor(kind))
            {
                var t = Assert.Single(templates, t => t.EventKind == kind && t.Channel == channel);
                Assert.Empty(NotificationTemplates.Validate(t.Subject, t.Body));
                Assert.Contains("{maHoSo}", t.Body, StringComparison.Ordinal);
            }
        }
        Assert.Contains(templates, t => t.EventKind == DossierEventKind.Received && t.Channel == OutboxChannel.Sms && t.Body.Contains("Ngày hẹn trả kết quả: {hanTra}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_placeholder_is_refused_with_a_vietnamese_message_and_a_valid_edit_is_saved_and_audited()
    {
        int id;
        await using (var db = app.CreateDbContext())
        {
            id = (await db.NotificationTemplates.SingleAsync(t => t.EventKind == DossierEventKind.ResultReady && t.Channel == OutboxChannel.Sms)).Id;
        }
        using var admin = await app.LoginAsync("admin");
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/quan-tri/mau-thong-bao?edit=" + id);

        var bad = await admin.PostAsync("/quan-tri/mau-thong-bao", Form(token, id, "Hồ sơ {maHoSo} có kết quả, hạn {ngayHen}."));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Trường thay thế không hợp lệ: {ngayHen}.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.DoesNotContain("{ngayHen}", (await db.NotificationTemplates.SingleAsync(t => t.Id == id)).Body, StringComparison.Ordinal);
        }

        var good = await admin.PostAsync("/quan-tri/mau-thong-bao", Form(token, id, "Hồ sơ {maHoSo} đã có kết quả. Mời nhận tại {coQuan}."));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal("Hồ sơ {maHoSo} đã có kết quả. Mời nhận tại {coQuan}.", (await db.NotificationTemplates.SingleAsync(t => t.Id == id)).Body);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "notification.template.update" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task Admin_pages_are_for_admins_only()
    {
        using var officer = await app.LoginAsync("motcua");
        foreach (var path in new[] { "/quan-tri/mau-thong-bao", "/quan-tri/hang-doi-thong-bao", "/quan-tri/webhook" })
        {
            var response = await officer.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/khong-co-quyen", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        using var admin = await app.LoginAsync("admin");
        Assert.Contains("Hàng đợi thông báo và đồng bộ", await admin.GetStringAsync("/quan-tri/hang-doi-thong-bao"), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string token, int id, string body) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["Input.Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Body"] = body,
    });
}
