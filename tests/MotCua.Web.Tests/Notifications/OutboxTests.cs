using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Notifications.Fakes;

namespace MotCua.Web.Tests.Notifications;

public sealed class OutboxTests(NotificationFakes fakes) : IClassFixture<NotificationFakes>
{
    [Fact]
    public async Task A_state_change_that_rolls_back_sends_nothing_while_a_committed_one_is_sent()
    {
        await using var app = new NotificationsApp(fakes);
        var agencyId = await app.AgencyIdAsync();
        var rolledBack = NotificationsApp.UniquePhone();
        var committed = NotificationsApp.UniquePhone();

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await notifier.RaiseAsync(db, NotificationsApp.Received(agencyId, NotificationsApp.UniqueCode(), rolledBack));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        using (var scope = app.Services.CreateScope())
        {
            // The producer fails before its SaveChanges: the messages it added die with its context.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<Notifier>().RaiseAsync(db, NotificationsApp.Received(agencyId, NotificationsApp.UniqueCode(), rolledBack));
        }
        await app.RaiseAsync(NotificationsApp.Received(agencyId, NotificationsApp.UniqueCode(), committed));

        await app.DrainAsync();

        Assert.DoesNotContain(fakes.Sms.Requests, r => r.Body.Contains("84" + rolledBack[1..], StringComparison.Ordinal));
        Assert.Single(fakes.Sms.Requests, r => r.Body.Contains("84" + committed[1..], StringComparison.Ordinal));
        await using var check = app.CreateDbContext();
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.Recipient == rolledBack));
    }

    [Fact]
    public async Task A_gateway_that_fails_twice_then_succeeds_gets_the_message_exactly_once_after_back_off()
    {
        await using var app = new NotificationsApp(fakes);
        var agencyId = await app.AgencyIdAsync();
        var phone = NotificationsApp.UniquePhone();
        var before = fakes.Sms.Requests.Count;
        var sms = (await app.RaiseAsync(NotificationsApp.Received(agencyId, NotificationsApp.UniqueCode(), phone))).Single(m => m.Channel == OutboxChannel.Sms);
        var key = sms.Id.ToString("D");
        fakes.Sms.FailNext(2);

        await app.DrainAsync();
        var afterFirst = await app.MessageAsync(sms.Id);
        Assert.Equal(OutboxStatus.Pending, afterFirst.Status);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Contains("503", afterFirst.LastError, StringComparison.Ordinal);

        // Not yet due: the back-off (30 s ± 10 %) has not passed.
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await app.DrainAsync();
        Assert.Equal(1, fakes.Sms.Requests.Count(r => r.IdempotencyKey == key));

        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await app.DrainAsync();
        Assert.Equal(2, (await app.MessageAsync(sms.Id)).Attempts);

        // Second back-off: 2 min ± 10 %.
        app.Clock.Advance(TimeSpan.FromMinutes(2.5));
        await app.DrainAsync();

        var delivered = await app.MessageAsync(sms.Id);
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        Assert.Equal(3, delivered.Attempts);
        Assert.Equal(3, fakes.Sms.Requests.Count(r => r.IdempotencyKey == key));
        Assert.Equal(1, fakes.Sms.AcceptedByKey[key]);
        Assert.True(fakes.Sms.Requests.Count - before >= 3);
        var accepted = fakes.Sms.Requests.Single(r => r.IdempotencyKey == key && r.Accepted);
        Assert.Equal("Basic " + Convert.ToBase64String("motcua:secret"u8.ToArray()), accepted.Headers["Authorization"]);
        Assert.Contains("\"from\":\"SOKHCN-PY\"", accepted.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_pending_when_the_app_is_killed_are_delivered_by_a_new_instance_on_the_same_database()
    {
        using var database = new TestDatabase();
        var phone = NotificationsApp.UniquePhone();
        var leasedPhone = NotificationsApp.UniquePhone();
        Guid pendingId, leasedId;
        await using (var first = new NotificationsApp(fakes, database))
        {
            var agencyId = await first.AgencyIdAsync();
            pendingId = (await first.RaiseAsync(NotificationsApp.Received(agencyId, NotificationsApp.UniqueCode(), phone))).Single(m => m.Channel == OutboxChannel.Sms).Id;
            var leased = (await first.RaiseAsync(NotificationsApp.Received(agencyId, NotificationsApp.UniqueCode(), leasedPhone))).Single(m => m.Channel == OutboxChannel.Sms);
            leasedId = leased.Id;
            // The first instance claims one message and "dies" before delivering it: its lease must expire first.
            await using var db = first.CreateDbContext();
            await db.OutboxMessages.Where(m => m.Id == leasedId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "killed-instance").SetProperty(m => m.LockedUntil, first.Clock.GetUtcNow().AddMinutes(2)));
        }

        await using var second = new NotificationsApp(fakes, database);
        await second.DrainAsync();
        Assert.Equal(OutboxStatus.Delivered, (await second.MessageAsync(pendingId)).Status);
        Assert.Equal(OutboxStatus.Pending, (await second.MessageAsync(leasedId)).Status);
        Assert.DoesNotContain(fakes.Sms.Requests, r => r.IdempotencyKey == leasedId.ToString("D"));

        second.Clock.Advance(TimeSpan.FromMinutes(3));
        await second.DrainAsync();
        Assert.Equal(OutboxStatus.Delivered, (await second.MessageAsync(leasedId)).Status);
        Assert.Equal(1, fakes.Sms.AcceptedByKey[pendingId.ToString("D")]);
        Assert.Equal(1, fakes.Sms.AcceptedByKey[leasedId.ToString("D")]);
    }

    [Fact]
    public async Task Two_instances_processing_concurrently_never_deliver_a_message_twice()
    {
        using var database = new TestDatabase();
        await using var one = new NotificationsApp(fakes, database, new Dictionary<string, string> { ["MotCua:Outbox:BatchSize"] = "5" });
        await using var two = new NotificationsApp(fakes, database, new Dictionary<string, string> { ["MotCua:Outbox:BatchSize"] = "5" });
        var agencyId = await one.AgencyIdAsync();
        _ = await two.AgencyIdAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add((await one.RaiseAsync(NotificationsApp.Received(agencyId, NotificationsApp.UniqueCode(), NotificationsApp.UniquePhone()))).Single(m => m.Channel == OutboxChannel.Sms).Id);
        }

        await Task.WhenAll(Task.Run(one.DrainAsync), Task.Run(two.DrainAsync));

        var keys = ids.Select(id => id.ToString("D")).ToHashSet();
        var requests = fakes.Sms.Requests.Where(r => r.IdempotencyKey is { } k && keys.Contains(k)).ToList();
        Assert.Equal(30, requests.Count);
        Assert.Equal(30, requests.Select(r => r.IdempotencyKey).Distinct().Count());
        await using var db = one.CreateDbContext();
        Assert.Equal(30, await db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Delivered && m.Attempts == 1));
    }

    [Fact]
    public async Task A_message_is_dead_lettered_after_the_configured_attempts_and_an_admin_can_replay_it()
    {
        await using var app = new NotificationsApp(fakes, settings: new Dictionary<string, string> { ["MotCua:Outbox:MaxAttempts"] = "2" });
        var agencyId = await app.AgencyIdAsync();
        var code = NotificationsApp.UniqueCode();
        var sms = (await app.RaiseAsync(NotificationsApp.Received(agencyId, code, NotificationsApp.UniquePhone()))).Single(m => m.Channel == OutboxChannel.Sms);
        fakes.Sms.FailNext(2);
        await app.DrainAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DrainAsync();
        Assert.Equal(OutboxStatus.Dead, (await app.MessageAsync(sms.Id)).Status);

        using var admin = await app.ApiClientAsync("admin");
        var failed = await admin.GetFromJsonAsync<List<OutboxItem>>("/api/admin/outbox?status=failed");
        var item = Assert.Single(failed!, i => i.Id == sms.Id);
        Assert.Equal("sms", item.Channel);
        Assert.Equal(code, item.DossierCode);
        Assert.Equal("failed", item.Status);
        Assert.Equal(2, item.Attempts);
        // The outbox console masks citizens' numbers (Decree 13/2023): first four and last three digits stay.
        Assert.Equal(sms.Recipient[..4] + "***" + sms.Recipient[^3..], item.Recipient);
        Assert.Equal("dossier.received", item.Kind);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<List<OutboxItem>>("/api/admin/outbox?status=pending"))!, i => i.Id == sms.Id);

        var replay = await admin.PostAsync($"/api/admin/outbox/{sms.Id}/replay", null);
        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);
        var again = await admin.PostAsync($"/api/admin/outbox/{sms.Id}/replay", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Chỉ gửi lại được tin nhắn đã thất bại", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.DrainAsync();
        Assert.Equal(OutboxStatus.Delivered, (await app.MessageAsync(sms.Id)).Status);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "outbox.replay" && a.EntityId == sms.Id.ToString()));
    }

    [Fact]
    public async Task The_outbox_api_is_for_admins_and_rejects_an_unknown_status_in_vietnamese()
    {
        await using var app = new NotificationsApp(fakes);
        using var officer = await app.ApiClientAsync("motcua");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/admin/outbox")).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/outbox")).StatusCode);
        using var admin = await app.ApiClientAsync("admin");
        var bad = await admin.GetAsync("/api/admin/outbox?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Trạng thái phải là pending, failed, delivered hoặc paused.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_smtp_fake_receives_a_vietnamese_email_with_utf8_subject_and_body()
    {
        await using var app = new NotificationsApp(fakes);
        var agencyId = await app.AgencyIdAsync();
        var code = NotificationsApp.UniqueCode();
        var address = "nguyenvanan." + Guid.NewGuid().ToString("N")[..8] + "@example.vn";
        await app.RaiseAsync(NotificationsApp.Received(agencyId, code, email: address));
        await app.DrainAsync();

        var mail = Assert.Single(fakes.Smtp.Mails, m => m.To.Contains(address));
        Assert.Equal("motcua@skhcn.phuyen.gov.vn", mail.From);
        using var message = MimeMessage.Load(new MemoryStream(mail.Raw));
        Assert.Equal("Tiếp nhận hồ sơ " + code, message.Subject);
        Assert.Contains("Sở Khoa học và Công nghệ tỉnh Đắk Lắk đã tiếp nhận hồ sơ " + code, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ngày hẹn trả kết quả: 24/03/2025.", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("utf-8", message.BodyParts.OfType<TextPart>().Single().ContentType.Charset, ignoreCase: true);
        Assert.Contains("@motcua", message.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citizen_messages_go_to_every_configured_channel_and_their_status_is_listed_for_the_dossier_timeline()
    {
        await using var app = new NotificationsApp(fakes);
        var agencyId = await app.AgencyIdAsync();
        var code = NotificationsApp.UniqueCode();
        var phone = NotificationsApp.UniquePhone();
        var messages = await app.RaiseAsync(NotificationsApp.Received(agencyId, code, phone, "an@example.vn"));
        Assert.Equal([OutboxChannel.Email, OutboxChannel.Sms, OutboxChannel.Zalo], messages.Where(m => m.Channel is not OutboxChannel.NationalPortal).Select(m => m.Channel).Order());
        await app.DrainAsync();

        var zalo = Assert.Single(fakes.Zalo.Requests, r => r.Body.Contains(code, StringComparison.Ordinal));
        Assert.Equal("zalo-token", zalo.Headers["access_token"]);
        Assert.Contains("\"phone\":\"84" + phone[1..] + "\"", zalo.Body, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var timeline = await Outbox.ForDossierAsync(db, agencyId, code);
        Assert.All(timeline, row => Assert.Equal(OutboxStatus.Delivered, row.Status));
        Assert.Contains(timeline, row => row.Channel == OutboxChannel.Sms && row.Recipient == phone);
        Assert.Empty(await Outbox.ForDossierAsync(db, agencyId + 1000, code));
    }

    [Fact]
    public async Task An_unconfigured_channel_fails_visibly_instead_of_pretending_to_send()
    {
        await using var app = new NotificationsApp(fakes, settings: new Dictionary<string, string> { ["MotCua:Notifications:Sms:Url"] = "" });
        var agencyId = await app.AgencyIdAsync();
        var sms = (await app.RaiseAsync(NotificationsApp.Received(agencyId, NotificationsApp.UniqueCode(), NotificationsApp.UniquePhone()))).Single(m => m.Channel == OutboxChannel.Sms);
        await app.DrainAsync();
        var message = await app.MessageAsync(sms.Id);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Contains("chưa được cấu hình", message.LastError, StringComparison.Ordinal);
    }

    public sealed record OutboxItem(Guid Id, string Kind, string Channel, string Recipient, string? DossierCode, string Status, int Attempts, DateTimeOffset CreatedAt);
}
