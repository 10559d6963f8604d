using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.News;

/// <summary>
/// Tin bài in the "Cải cách hành chính" section (the plans require news on procedure control). Officers write drafts;
/// only a leader (or admin) publishes. Instants as UTC ticks like the dossiers, so the public list sorts in SQL.
/// </summary>
public sealed class NewsArticle
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public required string Body { get; set; }

    public required string AuthorUserName { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public bool IsPublished => PublishedAt is not null;
}

internal sealed class NewsArticleConfiguration : IEntityTypeConfiguration<NewsArticle>
{
    public void Configure(EntityTypeBuilder<NewsArticle> b)
    {
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Summary).HasMaxLength(1000);
        b.Property(n => n.Body).HasMaxLength(20000);
        b.Property(n => n.AuthorUserName).HasMaxLength(256);
        b.Property(n => n.AuthorName).HasMaxLength(200);
        b.Property(n => n.PublishedBy).HasMaxLength(256);
        b.Ignore(n => n.IsPublished);
        b.HasIndex(n => new { n.AgencyId, n.PublishedAt });
        b.HasOne<Agency>().WithMany().HasForeignKey(n => n.AgencyId).OnDelete(DeleteBehavior.Restrict);
        DossierModel.UtcTicks(b);
    }
}

public static class NewsDesk
{
    public static readonly string[] PublisherRoles = [Roles.Leader, Roles.Admin];

    public static bool CanPublish(ClaimsPrincipal user) => PublisherRoles.Any(user.IsInRole);

    /// <summary>Errors in Vietnamese for an article's fields; empty when valid.</summary>
    public static List<string> Validate(string? title, string? summary, string? body)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300)
        {
            errors.Add("Tiêu đề là bắt buộc, tối đa 300 ký tự.");
        }
        if (string.IsNullOrWhiteSpace(summary) || summary.Trim().Length > 1000)
        {
            errors.Add("Tóm tắt là bắt buộc, tối đa 1.000 ký tự.");
        }
        if (string.IsNullOrWhiteSpace(body) || body.Trim().Length < 20 || body.Length > 20000)
        {
            errors.Add("Nội dung cần từ 20 đến 20.000 ký tự.");
        }
        return errors;
    }

    public static string Clean(string text) => text.Trim().Normalize(NormalizationForm.FormC);

    public static void Audit(AppDbContext db, TimeProvider time, ClaimsPrincipal user, string action, NewsArticle a, string summary) =>
        AuditLog.Append(db, time, user, "news." + action, "NewsArticle", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), summary);
}
