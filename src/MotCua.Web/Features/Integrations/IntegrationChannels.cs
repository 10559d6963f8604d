using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Integrations;

/// <summary>
/// The national portal sync: POST the stored JSON with the portal's bearer token. Only an acknowledgement
/// (<see cref="NationalSync.IsAcknowledgement"/>) counts as delivered; a bare 200 is retried.
/// </summary>
internal sealed class NationalPortalChannel(IOptions<NotificationOptions> options, IHttpClientFactory http) : INotificationChannel
{
    public OutboxChannel Kind => OutboxChannel.NationalPortal;

    public bool IsConfigured => options.Value.NationalPortal.Enabled;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value.NationalPortal;
        // The endpoint configured now, not the one recorded at enqueue: a corrected URL fixes pending messages too.
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", message.Id.ToString("D"));
        if (!string.IsNullOrEmpty(o.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.Token);
        }
        using var response = await http.CreateClient("motcua-notifications").SendAsync(request, cancellationToken);
        var result = await DeliveryResult.FromHttpAsync(response, "Cổng DVCQG", cancellationToken);
        if (!result.Success)
        {
            return result;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return NationalSync.IsAcknowledgement(body)
            ? DeliveryResult.Ok(acknowledged: true)
            : DeliveryResult.Fail("Cổng DVCQG không xác nhận đã nhận: " + DeliveryResult.Truncate(body, 500));
    }
}

/// <summary>
/// Webhooks: POST the stored JSON to the subscription's URL, signed with its secret at send time
/// (<see cref="WebhookSignature"/>), with the event name and the idempotency key in headers.
/// </summary>
internal sealed class WebhookChannel(AppDbContext db, TimeProvider time, IHttpClientFactory http, WebhookUrlGuard guard) : INotificationChannel
{
    public OutboxChannel Kind => OutboxChannel.Webhook;

    public bool IsConfigured => true;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var subscription = message.WebhookSubscriptionId is { } id
            ? await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            : null;
        if (subscription is null || !subscription.IsActive)
        {
            return DeliveryResult.Fail("Đăng ký webhook không còn hoạt động.", permanent: true);
        }
        // Checked again at send time: the name may resolve elsewhere than when the admin saved it.
        if (await guard.CheckAsync(subscription.Url, cancellationToken) is { } refused)
        {
            return DeliveryResult.Fail(refused, permanent: true);
        }
        var body = Encoding.UTF8.GetBytes(message.Body);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", message.Id.ToString("D"));
        request.Headers.Add(Webhooks.EventHeader, message.Kind);
        request.Headers.Add(Webhooks.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(Webhooks.SignatureHeader, WebhookSignature.Sign(subscription.Secret, timestamp, body));
        using var response = await http.CreateClient(WebhookUrlGuard.ClientName).SendAsync(request, cancellationToken);
        return await DeliveryResult.FromHttpAsync(response, "Webhook", cancellationToken);
    }
}
