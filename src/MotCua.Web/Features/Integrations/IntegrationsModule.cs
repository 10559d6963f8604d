using Microsoft.Extensions.Options;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.Integrations;

public static class IntegrationsModule
{
    /// <summary>The national-portal and webhook channels of the outbox, and the messages they carry for dossier notices.</summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        // The webhook notices cache each agency's subscriptions.
        services.WatchReferenceData(typeof(WebhookSubscription));
        services.AddScoped<INotificationChannel, NationalPortalChannel>();
        services.AddScoped<INotificationChannel, WebhookChannel>();
        WebhookUrlGuard.AddWebhookGuard(services, configuration);
        services.AddScoped<IDossierNoticeRecipient, NationalPortalNotices>();
        services.AddScoped<IDossierNoticeRecipient, WebhookNotices>();
        return services;
    }
}

/// <summary>The national portal hears of the events routed to it, with the dossier in its format.</summary>
internal sealed class NationalPortalNotices(TimeProvider time, IOptions<NotificationOptions> options) : IDossierNoticeRecipient
{
    public Task<IReadOnlyList<OutboxMessage>> RaiseAsync(AppDbContext db, DossierNotice notice, EventAudience audience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        IReadOnlyList<OutboxMessage> messages = audience.HasFlag(EventAudience.NationalPortal) && notice.National is { } snapshot
            && NationalSync.Enqueue(db, time, options.Value.NationalPortal, notice.AgencyId, snapshot, notice.Kind) is { } sync
            ? [sync]
            : [];
        return Task.FromResult(messages);
    }
}

/// <summary>
/// One delivery per active subscription of the agency; subscriptions come from <see cref="ReferenceCache"/> (at most its TTL old when edited on another instance, dropped at once when edited here).
/// </summary>
internal sealed class WebhookNotices(TimeProvider time, ReferenceCache cache) : IDossierNoticeRecipient
{
    public async Task<IReadOnlyList<OutboxMessage>> RaiseAsync(AppDbContext db, DossierNotice notice, EventAudience audience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!audience.HasFlag(EventAudience.Webhook))
        {
            return [];
        }
        // Webhook receivers are agency systems, not the public: no applicant contact details leave in the payload.
        var data = new
        {
            kind = notice.Kind.ToString(),
            dueAt = notice.DueAt,
            unitId = notice.UnitId,
            assigneeUserId = notice.AssigneeUserId,
            nationalStatusCode = notice.National?.TrangThaiHoSo,
        };
        var subscriptions = await cache.GetAsync(FormattableString.Invariant($"webhooks:{notice.AgencyId}"),
            (own, c) => Webhooks.ActiveSubscriptionsAsync(own, notice.AgencyId, c), cancellationToken);
        return Webhooks.Enqueue(db, time, notice.AgencyId, EventRouting.EventName(notice.Kind), notice.DossierCode, data, subscriptions);
    }
}
