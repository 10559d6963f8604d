using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Notifications;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Notifications;
using MotCua.Web.Tests.Notifications.Fakes;

namespace MotCua.Web.Tests.Integrations;

public sealed class WebhookTests(NotificationFakes fakes) : IClassFixture<NotificationFakes>
{
    [Fact]
    public async Task A_registered_webhook_receives_a_signed_event_whose_signature_verifies_and_a_tampered_body_fails()
    {
        await using var app = new NotificationsApp(fakes);
        var agencyId = await app.AgencyIdAsync();
        var path = "/hooks/" + Guid.NewGuid().ToString("N");
        const string Secret = "khoa-bi-mat-cua-he-thong-nhan-0123456789";

        // Registered through the admin page, as an agency admin would.
        using var admin = await app.LoginAsync("admin");
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/quan-tri/webhook");
        var register = await admin.PostAsync("/quan-tri/webhook", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Hệ thống quản lý văn bản",
            ["Input.Url"] = fakes.Webhook.Url + path,
            ["Input.Secret"] = Secret,
            ["Input.Events"] = "dossier.status_changed",
        }));
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);

        var code = NotificationsApp.UniqueCode();
        await app.RaiseAsync(new DossierNotice { AgencyId = agencyId, DossierCode = code, Kind = DossierEventKind.StatusChanged });
        // Not subscribed: no delivery for this event.
        await app.RaiseAsync(new DossierNotice { AgencyId = agencyId, DossierCode = code, Kind = DossierEventKind.Overdue });
        await app.DrainAsync();

        var request = Assert.Single(fakes.Webhook.Requests, r => r.Path == path);
        Assert.Equal("dossier.status_changed", request.Headers[Webhooks.EventHeader]);
        var timestamp = long.Parse(request.Headers[Webhooks.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
        var signature = request.Headers[Webhooks.SignatureHeader];
        var now = app.Clock.GetUtcNow();
        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(Secret, timestamp, request.BodyBytes, signature, now, TimeSpan.FromMinutes(5)));

        var tampered = Encoding.UTF8.GetBytes(request.Body.Replace(code, code + "9", StringComparison.Ordinal));
        Assert.False(WebhookSignature.Verify(Secret, timestamp, tampered, signature, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("khoa-sai-0123456789abcdef", timestamp, request.BodyBytes, signature, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, timestamp, request.BodyBytes, signature, now.AddMinutes(10), TimeSpan.FromMinutes(5)));

        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(request.IdempotencyKey, json.RootElement.GetProperty("id").GetString());
        Assert.Equal("dossier.status_changed", json.RootElement.GetProperty("event").GetString());
        Assert.Equal(code, json.RootElement.GetProperty("dossierCode").GetString());
    }

    [Fact]
    public async Task The_webhook_page_refuses_a_url_that_is_not_http_with_a_vietnamese_message()
    {
        await using var app = new NotificationsApp(fakes);
        using var admin = await app.LoginAsync("admin");
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/quan-tri/webhook");
        var response = await admin.PostAsync("/quan-tri/webhook", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Sai địa chỉ",
            ["Input.Url"] = "ftp://example.vn/hook",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Địa chỉ nhận phải là URL đầy đủ", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.WebhookSubscriptions.AnyAsync(w => w.Name == "Sai địa chỉ"));
    }
}
