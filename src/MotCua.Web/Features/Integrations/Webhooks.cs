using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Integrations;

public static class Webhooks
{
    public const string SignatureHeader = "X-MotCua-Signature";
    public const string TimestampHeader = "X-MotCua-Timestamp";
    public const string EventHeader = "X-MotCua-Event";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Adds one delivery per active subscription of the agency that wants <paramref name="eventName"/> (no save).
    /// The body is <c>{ id, event, occurredAt, agencyId, dossierCode, data }</c>; <c>id</c> equals the Idempotency-Key header.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxMessage>> EnqueueAsync(AppDbContext db, TimeProvider time, int agencyId, string eventName, string? dossierCode, object data, CancellationToken cancellationToken = default) =>
        Enqueue(db, time, agencyId, eventName, dossierCode, data, await ActiveSubscriptionsAsync(db, agencyId, cancellationToken));

    /// <summary>As <see cref="EnqueueAsync"/> with the agency's active subscriptions already at hand (the notifier caches them).</summary>
    public static IReadOnlyList<OutboxMessage> Enqueue(AppDbContext db, TimeProvider time, int agencyId, string eventName, string? dossierCode, object data,
        IReadOnlyList<WebhookSubscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var messages = new List<OutboxMessage>();
        foreach (var subscription in subscriptions.Where(s => s.Wants(eventName)))
        {
            var id = Guid.CreateVersion7();
            var body = JsonSerializer.Serialize(new { id, @event = eventName, occurredAt = time.GetUtcNow(), agencyId, dossierCode, data }, Json);
            messages.Add(Outbox.Enqueue(db, time, new OutboxMessage
            {
                Id = id,
                AgencyId = agencyId,
                Kind = eventName,
                Channel = OutboxChannel.Webhook,
                Recipient = subscription.Url,
                WebhookSubscriptionId = subscription.Id,
                DossierCode = dossierCode,
                Body = body,
            }));
        }
        return messages;
    }

    /// <summary>The agency's active subscriptions (not tracked).</summary>
    public static Task<List<WebhookSubscription>> ActiveSubscriptionsAsync(AppDbContext db, int agencyId, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.AsNoTracking().Where(w => w.AgencyId == agencyId && w.IsActive).ToListAsync(cancellationToken);
}
