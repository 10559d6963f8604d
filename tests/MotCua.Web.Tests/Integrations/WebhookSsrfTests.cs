using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Notifications;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Notifications;
using MotCua.Web.Tests.Notifications.Fakes;

namespace MotCua.Web.Tests.Integrations;

/// <summary>Webhook URLs cannot point the server at itself, its private network or the cloud metadata service.</summary>
public sealed class WebhookSsrfTests(NotificationFakes fakes, MotCuaApp app) : IClassFixture<NotificationFakes>, IClassFixture<MotCuaApp>
{
    private static readonly WebhookSecurityOptions Strict = new();

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "RFC 1918")]
    [InlineData("172.16.0.1", "RFC 1918")]
    [InlineData("172.31.255.255", "RFC 1918")]
    [InlineData("192.168.1.1", "RFC 1918")]
    [InlineData("169.254.169.254", "metadata")]
    [InlineData("0.0.0.0", "0.0.0.0/8")]
    [InlineData("fd12:3456::1", "fc00::/7")]
    [InlineData("fe80::1", "fe80::/10")]
    [InlineData("64:ff9b::a9fe:a9fe", "metadata")] // NAT64 wrapping 169.254.169.254
    [InlineData("224.0.0.1", "multicast")]
    public void Forbidden_addresses_are_classified(string address, string expected) =>
        Assert.Contains(expected, WebhookUrlGuard.Classify(IPAddress.Parse(address), Strict), StringComparison.Ordinal);

    [Theory]
    [InlineData("203.113.131.1")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.Null(WebhookUrlGuard.Classify(IPAddress.Parse(address), Strict));

    [Fact]
    public void The_settings_open_loopback_and_private_networks_but_never_link_local()
    {
        var open = new WebhookSecurityOptions { AllowLoopback = true, AllowPrivateNetworks = true };
        Assert.Null(WebhookUrlGuard.Classify(IPAddress.Loopback, open));
        Assert.Null(WebhookUrlGuard.Classify(IPAddress.Parse("10.0.0.8"), open));
        Assert.NotNull(WebhookUrlGuard.Classify(IPAddress.Parse("169.254.169.254"), open));
        Assert.NotNull(WebhookUrlGuard.Classify(IPAddress.Parse("10.0.0.8"), new WebhookSecurityOptions { AllowLoopback = true }));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[::ffff:192.168.0.1]/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.vn/")]
    public async Task The_admin_page_refuses_internal_and_non_http_urls_with_a_vietnamese_message(string url)
    {
        // The plain test app has production settings: loopback not allowed.
        using var admin = await app.LoginAsync("admin");
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/quan-tri/webhook");
        var name = "SSRF " + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostAsync("/quan-tri/webhook", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = name,
            ["Input.Url"] = url,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(html.Contains("hệ thống không gửi dữ liệu vào đó", StringComparison.Ordinal) || html.Contains("Địa chỉ nhận phải là URL đầy đủ", StringComparison.Ordinal), html);
        await using var db = app.CreateDbContext();
        Assert.False(await db.WebhookSubscriptions.AnyAsync(w => w.Name == name));
    }

    [Fact]
    public async Task A_subscription_whose_name_now_resolves_to_loopback_is_refused_at_delivery_and_nothing_is_sent()
    {
        // Saved while it resolved elsewhere (written directly, as the page would have); now it points at loopback.
        await using var notifications = new NotificationsApp(fakes, settings: new Dictionary<string, string>(StringComparer.Ordinal) { ["MotCua:Webhooks:AllowLoopback"] = "false" });
        var agencyId = await notifications.AgencyIdAsync();
        var path = "/hooks/" + Guid.NewGuid().ToString("N");
        var url = "http://localhost:" + new Uri(fakes.Webhook.Url).Port + path;
        await using (var db = notifications.CreateDbContext())
        {
            db.WebhookSubscriptions.Add(new WebhookSubscription { AgencyId = agencyId, Name = "Đổi DNS", Url = url, Secret = "khoa-bi-mat-0123456789abcdef", CreatedAt = notifications.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        var code = NotificationsApp.UniqueCode();
        await notifications.RaiseAsync(new DossierNotice { AgencyId = agencyId, DossierCode = code, Kind = DossierEventKind.StatusChanged });
        await notifications.DrainAsync();

        Assert.DoesNotContain(fakes.Webhook.Requests, r => r.Path == path);
        await using var check = notifications.CreateDbContext();
        var message = await check.OutboxMessages.SingleAsync(m => m.DossierCode == code && m.Channel == OutboxChannel.Webhook);
        Assert.Equal(OutboxStatus.Dead, message.Status);
        Assert.Contains("loopback", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delivery_client_refuses_a_forbidden_address_at_connect_time_even_without_the_pre_check()
    {
        var factory = (IHttpClientFactory)app.Services.GetService(typeof(IHttpClientFactory))!;
        using var client = factory.CreateClient(WebhookUrlGuard.ClientName);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(fakes.Webhook.Url + "/direct"));
        Assert.Contains("bị từ chối", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fakes.Webhook.Requests, r => r.Path == "/direct");
    }
}
