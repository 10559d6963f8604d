using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Integrations;

/// <summary>The webhook tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class IntegrationsTables
{
    extension(AppDbContext db)
    {
        public DbSet<WebhookSubscription> WebhookSubscriptions => db.Set<WebhookSubscription>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class IntegrationsTableNames : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder) => builder.ToTable("WebhookSubscriptions");
}
