using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Review;

/// <summary>The review tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class ReviewTables
{
    extension(AppDbContext db)
    {
        public DbSet<ReviewRound> ReviewRounds => db.Set<ReviewRound>();

        public DbSet<ReviewItem> ReviewItems => db.Set<ReviewItem>();

        public DbSet<ComplianceCostItem> ComplianceCostItems => db.Set<ComplianceCostItem>();

        public DbSet<LegalDraft> LegalDrafts => db.Set<LegalDraft>();

        public DbSet<ImpactAssessment> ImpactAssessments => db.Set<ImpactAssessment>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class ReviewTableNames : IEntityTypeConfiguration<ReviewRound>, IEntityTypeConfiguration<ReviewItem>, IEntityTypeConfiguration<ComplianceCostItem>, IEntityTypeConfiguration<LegalDraft>, IEntityTypeConfiguration<ImpactAssessment>
{
    public void Configure(EntityTypeBuilder<ReviewRound> builder) => builder.ToTable("ReviewRounds");

    public void Configure(EntityTypeBuilder<ReviewItem> builder) => builder.ToTable("ReviewItems");

    public void Configure(EntityTypeBuilder<ComplianceCostItem> builder) => builder.ToTable("ComplianceCostItems");

    public void Configure(EntityTypeBuilder<LegalDraft> builder) => builder.ToTable("LegalDrafts");

    public void Configure(EntityTypeBuilder<ImpactAssessment> builder) => builder.ToTable("ImpactAssessments");
}
