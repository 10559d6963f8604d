using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Indices;

/// <summary>The index tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class IndicesTables
{
    extension(AppDbContext db)
    {
        public DbSet<IndexManualScore> IndexManualScores => db.Set<IndexManualScore>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class IndicesTableNames : IEntityTypeConfiguration<IndexManualScore>
{
    public void Configure(EntityTypeBuilder<IndexManualScore> builder) => builder.ToTable("IndexManualScores");
}
