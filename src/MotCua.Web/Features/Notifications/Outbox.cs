using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// The producers' entry point: adds a message to the caller's context. Nothing is sent and nothing is saved here; the
/// caller's single SaveChanges commits the message with the state change, so a rolled-back change sends nothing.
/// </summary>
public static class Outbox
{
    public static OutboxMessage Enqueue(AppDbContext db, TimeProvider time, OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        message.CreatedAt = now;
        message.NextAttemptAt = now;
        message.Status = OutboxStatus.Pending;
        message.Body = message.Body.Normalize(NormalizationForm.FormC);
        message.Subject = message.Subject?.Normalize(NormalizationForm.FormC);
        message.Recipient = message.Recipient.Trim();
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Delivery status per message of one dossier, oldest first: what the dossier timeline shows.</summary>
    public static async Task<IReadOnlyList<DeliveryStatusRow>> ForDossierAsync(AppDbContext db, int agencyId, string dossierCode, CancellationToken cancellationToken = default) =>
        (await db.OutboxMessages.AsNoTracking()
            .Where(m => m.AgencyId == agencyId && m.DossierCode == dossierCode)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new DeliveryStatusRow(m.Id, m.Kind, m.Channel, m.Recipient, m.Status, m.Attempts, m.CreatedAt, m.DeliveredAt, m.LastError))
            .ToListAsync(cancellationToken));

    /// <summary>Dead → Pending for another full round of attempts. False when the message is not dead (or not the agency's).</summary>
    public static async Task<bool> ReplayAsync(AppDbContext db, TimeProvider time, int agencyId, Guid id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var changed = await db.OutboxMessages
            .Where(m => m.Id == id && m.AgencyId == agencyId && m.Status == OutboxStatus.Dead)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        return changed == 1;
    }

    /// <summary>Paused → Pending for the agency's messages held back by a restore; returns how many were resumed.</summary>
    public static async Task<int> ResumePausedAsync(AppDbContext db, TimeProvider time, int agencyId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await db.OutboxMessages
            .Where(m => m.AgencyId == agencyId && m.Status == OutboxStatus.Paused)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    public static string StatusName(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Đang chờ gửi",
        OutboxStatus.Delivered => "Đã gửi",
        OutboxStatus.Dead => "Gửi thất bại",
        OutboxStatus.Paused => "Tạm dừng sau khôi phục",
    };

    public static string StatusCss(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "amber",
        OutboxStatus.Delivered => "green",
        OutboxStatus.Dead => "red",
        OutboxStatus.Paused => "amber",
    };

    /// <summary>The Vietnamese name of an event name such as "dossier.received" (unknown names are shown as they are).</summary>
    public static string KindName(string kind) =>
        Enum.GetValues<Core.Notifications.DossierEventKind>()
            .Where(k => string.Equals(Core.Notifications.EventRouting.EventName(k), kind, StringComparison.Ordinal))
            .Select(Core.Notifications.EventRouting.DisplayName)
            .FirstOrDefault() ?? kind;

    public static string ChannelName(OutboxChannel channel) => channel switch
    {
        OutboxChannel.Email => "Thư điện tử",
        OutboxChannel.Sms => "Tin nhắn SMS",
        OutboxChannel.Zalo => "Zalo OA",
        OutboxChannel.InApp => "Thông báo trong hệ thống",
        OutboxChannel.NationalPortal => "Cổng DVC quốc gia",
        OutboxChannel.Webhook => "Webhook",
    };
}

public sealed record DeliveryStatusRow(
    Guid Id, string Kind, OutboxChannel Channel, string Recipient, OutboxStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, string? LastError);
