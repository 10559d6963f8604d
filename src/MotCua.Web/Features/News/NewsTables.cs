using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.News;

/// <summary>The news tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class NewsTables
{
    extension(AppDbContext db)
    {
        public DbSet<NewsArticle> NewsArticles => db.Set<NewsArticle>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class NewsTableNames : IEntityTypeConfiguration<NewsArticle>
{
    public void Configure(EntityTypeBuilder<NewsArticle> builder) => builder.ToTable("NewsArticles");
}
