using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Features.Results;

/// <summary>A form MotCua issued (receipt, Mẫu 02–04, hand-over slip…) signed digitally like a result: the signed PDF kept as issued.</summary>
public sealed class SignedForm
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public long DossierId { get; set; }

    public required string DossierCode { get; set; }

    /// <summary>The form's slug on the dossier ("tiep-nhan", "bo-sung", "xin-loi", "ban-giao"…).</summary>
    public required string Form { get; set; }

    public required string Title { get; set; }

    public required string SignedPath { get; set; }

    public required string SignedSha256 { get; set; }

    public DateTimeOffset SignedAt { get; set; }

    public string? SignedBy { get; set; }

    public required string CertificateSubject { get; set; }

    public required string CertificateSerial { get; set; }
}

internal sealed class SignedFormConfiguration : IEntityTypeConfiguration<SignedForm>
{
    public void Configure(EntityTypeBuilder<SignedForm> b)
    {
        b.Property(f => f.DossierCode).HasMaxLength(64);
        b.Property(f => f.Form).HasMaxLength(32);
        b.Property(f => f.Title).HasMaxLength(300);
        b.Property(f => f.SignedPath).HasMaxLength(500);
        b.Property(f => f.SignedSha256).HasMaxLength(64);
        b.Property(f => f.SignedBy).HasMaxLength(256);
        b.Property(f => f.CertificateSubject).HasMaxLength(500);
        b.Property(f => f.CertificateSerial).HasMaxLength(100);
        b.HasIndex(f => new { f.AgencyId, f.DossierId, f.Form });
    }
}
