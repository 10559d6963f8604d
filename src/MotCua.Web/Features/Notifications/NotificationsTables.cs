using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Notifications;

/// <summary>The notification tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class NotificationsTables
{
    extension(AppDbContext db)
    {
        public DbSet<OutboxMessage> OutboxMessages => db.Set<OutboxMessage>();

        public DbSet<InAppNotification> InAppNotifications => db.Set<InAppNotification>();

        public DbSet<NotificationTemplate> NotificationTemplates => db.Set<NotificationTemplate>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class NotificationsTableNames : IEntityTypeConfiguration<OutboxMessage>, IEntityTypeConfiguration<InAppNotification>, IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder) => builder.ToTable("OutboxMessages");

    public void Configure(EntityTypeBuilder<InAppNotification> builder) => builder.ToTable("InAppNotifications");

    public void Configure(EntityTypeBuilder<NotificationTemplate> builder) => builder.ToTable("NotificationTemplates");
}
