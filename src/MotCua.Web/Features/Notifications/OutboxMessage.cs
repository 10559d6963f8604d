using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MotCua.Web.Features.Notifications;

public enum OutboxChannel
{
    Email,
    Sms,
    Zalo,
    InApp,
    NationalPortal,
    Webhook,
}

public enum OutboxStatus
{
    /// <summary>Waiting for (another) delivery attempt.</summary>
    Pending,

    /// <summary>The receiver accepted it (for the national portal: acknowledged).</summary>
    Delivered,

    /// <summary>Dead-lettered after the last allowed attempt; an admin may replay it. The API calls it "failed".</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("failed")]
    Dead,

    /// <summary>
    /// Was waiting when the database was restored from a backup (it may have gone out since the backup was taken):
    /// not delivered until an administrator resumes delivery on the outbox console.
    /// </summary>
    Paused,
}

/// <summary>
/// One message to deliver, written in the same transaction as the state change that causes it (transactional outbox)
/// and delivered at least once by <see cref="OutboxProcessor"/>. <see cref="Id"/> is the idempotency key receivers see.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int AgencyId { get; set; }

    /// <summary>Machine name of what caused it, e.g. "dossier.received" (the webhook/event name).</summary>
    public required string Kind { get; set; }

    public OutboxChannel Channel { get; set; }

    /// <summary>Phone, e-mail address, user id (in-app), endpoint URL (portal, webhook): what an admin reads.</summary>
    public required string Recipient { get; set; }

    /// <summary>The officer for in-app messages.</summary>
    public string? RecipientUserId { get; set; }

    public int? WebhookSubscriptionId { get; set; }

    public string? DossierCode { get; set; }

    /// <summary>The national status code (TrangThaiHoSo) a status push to the national portal carries, so the ledger need not read the body; null for other messages.</summary>
    public int? NationalStatusCode { get; set; }

    public string? Subject { get; set; }

    /// <summary>Rendered text (e-mail, SMS, Zalo, in-app) or the JSON payload (portal, webhook).</summary>
    public required string Body { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Lease: the worker instance that claimed the message and until when no other may take it.</summary>
    public string? LockedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>For the national portal: when the portal acknowledged the sync (what the QĐ 766 "synced" count uses).</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
}

/// <summary>
/// Instants in the notification tables are stored as UTC ticks (bigint) on both providers: EF's SQLite provider cannot
/// compare or ORDER BY DateTimeOffset in SQL, and the worker's claim query must do both. One converter, both providers,
/// so the raw claim SQL is the same shape everywhere.
/// </summary>
internal static class UtcTicks
{
    public static readonly ValueConverter<DateTimeOffset, long> Converter =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public static readonly ValueConverter<DateTimeOffset?, long?> NullableConverter =
        new(v => v.HasValue ? v.Value.UtcTicks : null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Kind).HasMaxLength(64);
        b.Property(m => m.Channel).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Recipient).HasMaxLength(500);
        b.Property(m => m.RecipientUserId).HasMaxLength(64);
        b.Property(m => m.DossierCode).HasMaxLength(64);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.LockedBy).HasMaxLength(64);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.CreatedAt).HasConversion(UtcTicks.Converter);
        b.Property(m => m.NextAttemptAt).HasConversion(UtcTicks.Converter);
        b.Property(m => m.LockedUntil).HasConversion(UtcTicks.NullableConverter);
        b.Property(m => m.LastAttemptAt).HasConversion(UtcTicks.NullableConverter);
        b.Property(m => m.DeliveredAt).HasConversion(UtcTicks.NullableConverter);
        b.Property(m => m.AcknowledgedAt).HasConversion(UtcTicks.NullableConverter);
        // The worker's claim: pending messages in due order.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.AgencyId, m.DossierCode });
        b.HasIndex(m => new { m.AgencyId, m.CreatedAt });
    }
}
