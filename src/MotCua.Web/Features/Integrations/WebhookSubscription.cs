using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Integrations;

/// <summary>An agency's registered receiver of HMAC-signed dossier events.</summary>
public sealed class WebhookSubscription
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    /// <summary>The shared HMAC secret. Stored as given: the receiver needs the same value, and it is shown only to admins.</summary>
    public required string Secret { get; set; }

    /// <summary>Comma-separated event names ("dossier.received,…"); empty = every event.</summary>
    public string Events { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public bool Wants(string eventName) =>
        string.IsNullOrWhiteSpace(Events)
        || Events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(eventName, StringComparer.Ordinal);
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.Property(w => w.Name).HasMaxLength(200);
        b.Property(w => w.Url).HasMaxLength(1000);
        b.Property(w => w.Secret).HasMaxLength(200);
        b.Property(w => w.Events).HasMaxLength(1000);
        b.Property(w => w.CreatedAt).HasConversion(UtcTicks.Converter);
        b.HasIndex(w => w.AgencyId);
    }
}
