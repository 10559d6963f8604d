using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Reuse;

/// <summary>
/// A paper of a dossier satisfied by a document already held for the applicant instead of an upload, with the applicant's
/// consent: where it came from (an earlier dossier's paper, a result, or the national data store) and when. The content
/// itself is filed in the new dossier like any component, so the dossier stands on its own.
/// </summary>
public sealed class ReusedPaper
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    /// <summary>The <see cref="DossierPaper.Seq"/> of the paper it satisfies.</summary>
    public int PaperSeq { get; set; }

    public required string PaperName { get; set; }

    public HeldSource Source { get; set; }

    /// <summary>The form's key of the document (file, result or national store id), as looked up under the applicant's ID number.</summary>
    public required string SourceKey { get; set; }

    /// <summary>The earlier dossier the paper or result came with; null for the national data store.</summary>
    public string? SourceDossierCode { get; set; }

    /// <summary>The national data store's own reference of the document; null for MotCua's documents.</summary>
    public string? Reference { get; set; }

    public required string DocumentName { get; set; }

    public DateTimeOffset ReusedAt { get; set; }
}

internal sealed class ReusedPaperConfiguration : IEntityTypeConfiguration<ReusedPaper>
{
    public void Configure(EntityTypeBuilder<ReusedPaper> b)
    {
        b.ToTable("ReusedPapers");
        b.HasOne(r => r.Dossier).WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.DossierId, r.PaperSeq });
        b.Property(r => r.PaperName).HasMaxLength(500);
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.SourceKey).HasMaxLength(128);
        b.Property(r => r.SourceDossierCode).HasMaxLength(64);
        b.Property(r => r.Reference).HasMaxLength(128);
        b.Property(r => r.DocumentName).HasMaxLength(500);
        DossierModel.UtcTicks(b);
    }
}

public static class ReuseTables
{
    extension(AppDbContext db)
    {
        public DbSet<ReusedPaper> ReusedPapers => db.Set<ReusedPaper>();
    }
}
