using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// A file the sender attached to a PAKN (content-checked, SHA-256, stored outside the web root by the shared file
/// store). Back office only: the public list and API never show or link attachments.
/// </summary>
public sealed class FeedbackAttachment
{
    public long Id { get; set; }

    public long FeedbackItemId { get; set; }

    public FeedbackItem? FeedbackItem { get; set; }

    public int AgencyId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required string StoragePath { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class FeedbackAttachmentConfiguration : IEntityTypeConfiguration<FeedbackAttachment>
{
    public void Configure(EntityTypeBuilder<FeedbackAttachment> b)
    {
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoragePath).HasMaxLength(500);
        b.HasOne(f => f.FeedbackItem).WithMany(i => i.Attachments).HasForeignKey(f => f.FeedbackItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.AgencyId, f.FeedbackItemId });
        DossierModel.UtcTicks(b);
    }
}
