using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Feedback;

/// <summary>The feedback tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class FeedbackTables
{
    extension(AppDbContext db)
    {
        public DbSet<FeedbackItem> FeedbackItems => db.Set<FeedbackItem>();

        public DbSet<FeedbackAttachment> FeedbackAttachments => db.Set<FeedbackAttachment>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class FeedbackTableNames : IEntityTypeConfiguration<FeedbackItem>, IEntityTypeConfiguration<FeedbackAttachment>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder) => builder.ToTable("FeedbackItems");

    public void Configure(EntityTypeBuilder<FeedbackAttachment> builder) => builder.ToTable("FeedbackAttachments");
}
