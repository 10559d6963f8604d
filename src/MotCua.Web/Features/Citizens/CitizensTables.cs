using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Citizens;

/// <summary>The citizen portal tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class CitizensTables
{
    extension(AppDbContext db)
    {
        public DbSet<DossierEvaluation> DossierEvaluations => db.Set<DossierEvaluation>();

        public DbSet<OnlineDraft> OnlineDrafts => db.Set<OnlineDraft>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class CitizensTableNames : IEntityTypeConfiguration<DossierEvaluation>, IEntityTypeConfiguration<OnlineDraft>
{
    public void Configure(EntityTypeBuilder<DossierEvaluation> builder) => builder.ToTable("DossierEvaluations");

    public void Configure(EntityTypeBuilder<OnlineDraft> builder) => builder.ToTable("OnlineDrafts");
}
