using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Features.Results;

/// <summary>The kind of result document a procedure issues.</summary>
public enum ResultDocumentType
{
    Certificate,
    Licence,
    Reply,
    Decision,
    Other,
}

/// <summary>Where a result document stands: drafted, signed, or withdrawn (revoked, or replaced by a correction).</summary>
public enum ResultStatus
{
    Draft,
    InForce,
    Revoked,
    Corrected,
}

/// <summary>
/// The result document of a dossier (văn bản kết quả): drafted by the specialist (type, number, file), signed digitally
/// by the leader (PAdES), verifiable by its code without personal data, revocable or correctable with a reason.
/// </summary>
public sealed class ResultDocument
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public long DossierId { get; set; }

    public required string DossierCode { get; set; }

    public ResultDocumentType Type { get; set; }

    /// <summary>Số: the running number the issuing body gives the document.</summary>
    public required string Number { get; set; }

    /// <summary>Ký hiệu: the document's symbol, e.g. "GP-SKHCN".</summary>
    public required string Symbol { get; set; }

    /// <summary>Trích yếu: what the document is about, printed as its title.</summary>
    public required string Summary { get; set; }

    public DateOnly IssuedOn { get; set; }

    public required string SignerName { get; set; }

    public required string SignerPosition { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The unsigned file: uploaded by the specialist, or generated from the fields above when signed.</summary>
    public string? DraftPath { get; set; }

    public string? DraftFileName { get; set; }

    public string? SignedPath { get; set; }

    public string? SignedSha256 { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    public string? SignedBy { get; set; }

    /// <summary>The signing certificate's subject, as printed on the verification page.</summary>
    public string? CertificateSubject { get; set; }

    public string? CertificateSerial { get; set; }

    /// <summary>The code printed on the result and encoded in its QR code; the public verification page takes it.</summary>
    public required string VerificationCode { get; set; }

    public ResultStatus Status { get; set; }

    public DateTimeOffset DraftedAt { get; set; }

    public string? DraftedBy { get; set; }

    /// <summary>When the dossier was approved with this result recorded.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawnReason { get; set; }

    /// <summary>The correction that replaces this result.</summary>
    public int? ReplacedById { get; set; }

    /// <summary>The result this one corrects.</summary>
    public int? ReplacesId { get; set; }

    public string NumberAndSymbol => Number + "/" + Symbol;
}

internal sealed class ResultDocumentConfiguration : IEntityTypeConfiguration<ResultDocument>
{
    public void Configure(EntityTypeBuilder<ResultDocument> b)
    {
        b.ToTable("ResultDocuments");
        b.HasIndex(r => r.VerificationCode).IsUnique();
        b.HasIndex(r => new { r.AgencyId, r.DossierId });
        b.Property(r => r.DossierCode).HasMaxLength(64);
        b.Property(r => r.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Number).HasMaxLength(32);
        b.Property(r => r.Symbol).HasMaxLength(64);
        b.Property(r => r.Summary).HasMaxLength(500);
        b.Property(r => r.SignerName).HasMaxLength(200);
        b.Property(r => r.SignerPosition).HasMaxLength(200);
        b.Property(r => r.DraftPath).HasMaxLength(500);
        b.Property(r => r.DraftFileName).HasMaxLength(200);
        b.Property(r => r.SignedPath).HasMaxLength(500);
        b.Property(r => r.SignedSha256).HasMaxLength(64);
        b.Property(r => r.SignedBy).HasMaxLength(256);
        b.Property(r => r.CertificateSubject).HasMaxLength(500);
        b.Property(r => r.CertificateSerial).HasMaxLength(128);
        b.Property(r => r.VerificationCode).HasMaxLength(32);
        b.Property(r => r.DraftedBy).HasMaxLength(256);
        b.Property(r => r.WithdrawnBy).HasMaxLength(256);
        b.Property(r => r.WithdrawnReason).HasMaxLength(1000);
        b.Ignore(r => r.NumberAndSymbol);
    }
}
