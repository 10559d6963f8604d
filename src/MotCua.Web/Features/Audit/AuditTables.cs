using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Audit;

/// <summary>The audit tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class AuditTables
{
    extension(AppDbContext db)
    {
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();

        public DbSet<AuditCheckpoint> AuditCheckpoints => db.Set<AuditCheckpoint>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class AuditTableNames : IEntityTypeConfiguration<AuditEntry>, IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder) => builder.ToTable("AuditEntries");

    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder) => builder.ToTable("AuditCheckpoints");
}
