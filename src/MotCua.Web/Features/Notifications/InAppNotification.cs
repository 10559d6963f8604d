using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Features.Notifications;

/// <summary>An alert shown to one officer in the app (the bell and /thong-bao).</summary>
public sealed class InAppNotification
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public required string UserId { get; set; }

    /// <summary>The outbox message that produced it; unique, so a redelivery never shows an alert twice.</summary>
    public Guid OutboxMessageId { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public string? DossierCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class InAppNotificationConfiguration : IEntityTypeConfiguration<InAppNotification>
{
    public void Configure(EntityTypeBuilder<InAppNotification> b)
    {
        b.Property(n => n.UserId).HasMaxLength(64);
        b.Property(n => n.Title).HasMaxLength(500);
        b.Property(n => n.Body).HasMaxLength(4000);
        b.Property(n => n.DossierCode).HasMaxLength(64);
        b.Property(n => n.CreatedAt).HasConversion(UtcTicks.Converter);
        b.Property(n => n.ReadAt).HasConversion(UtcTicks.NullableConverter);
        b.HasIndex(n => n.OutboxMessageId).IsUnique();
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
