using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// An online submission saved before it is complete (hồ sơ lưu nháp). Found again only by its resume token, of which
/// only the SHA-256 is stored, so the table alone never lets anyone resume a draft. Expires after
/// <c>MotCua:OnlineDrafts:ExpiryDays</c>; expired drafts are removed with their files whenever drafts are touched.
/// </summary>
public sealed class OnlineDraft
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the resume token.</summary>
    public required string TokenHash { get; set; }

    public required string ProcedureCode { get; set; }

    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    /// <summary>Whether the form was filled in for an organisation (then <see cref="Name"/> is its representative).</summary>
    public ApplicantKind ApplicantKind { get; set; }

    public string? OrganisationName { get; set; }

    public string? TaxCode { get; set; }

    /// <summary>The VNeID account the draft was saved under: it is listed on "Hồ sơ của tôi" and opens there on any device.</summary>
    public long? CitizenAccountId { get; set; }

    /// <summary>
    /// The held documents a citizen logged in with VNeID chose instead of uploads, one line per paper:
    /// "index, key, consent (1 or 0)" separated by tabs (<see cref="ReuseLines"/>). Checked again at submission.
    /// </summary>
    public string? ReuseChoices { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public List<OnlineDraftFile> Files { get; set; } = [];

    /// <summary>The reuse choices as stored, or none.</summary>
    public IReadOnlyList<(int Index, string Key, bool Consent)> ReuseLines() =>
        string.IsNullOrEmpty(ReuseChoices)
            ? []
            : [.. ReuseChoices.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('\t'))
                .Where(p => p.Length == 3 && int.TryParse(p[0], System.Globalization.CultureInfo.InvariantCulture, out _))
                .Select(p => (int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1], p[2] == "1"))];

    /// <summary>The choices in their stored form; null when there are none.</summary>
    public static string? FormatReuse(IEnumerable<(int Index, string Key, bool Consent)> choices)
    {
        var lines = choices.OrderBy(c => c.Index)
            .Select(c => c.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\t" + c.Key + "\t" + (c.Consent ? "1" : "0")).ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}

/// <summary>A paper already uploaded to a draft (the file itself sits in the shared file store).</summary>
public sealed class OnlineDraftFile
{
    public long Id { get; set; }

    public long DraftId { get; set; }

    public OnlineDraft? Draft { get; set; }

    /// <summary>Position of the paper in the procedure's list (by Seq), as on the form.</summary>
    public int PaperIndex { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required string StoragePath { get; set; }
}

internal sealed class OnlineDraftConfiguration : IEntityTypeConfiguration<OnlineDraft>
{
    public void Configure(EntityTypeBuilder<OnlineDraft> b)
    {
        b.HasIndex(d => d.TokenHash).IsUnique();
        b.HasIndex(d => d.ExpiresAt);
        b.HasIndex(d => d.CitizenAccountId);
        b.Property(d => d.TokenHash).HasMaxLength(64);
        b.Property(d => d.ProcedureCode).HasMaxLength(64);
        b.Property(d => d.Name).HasMaxLength(300);
        b.Property(d => d.IdNumber).HasMaxLength(32);
        b.Property(d => d.Phone).HasMaxLength(32);
        b.Property(d => d.Email).HasMaxLength(200);
        b.Property(d => d.Address).HasMaxLength(500);
        b.Property(d => d.ApplicantKind).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.OrganisationName).HasMaxLength(300);
        b.Property(d => d.TaxCode).HasMaxLength(20);
        b.Property(d => d.ReuseChoices).HasMaxLength(4000);
        b.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Files).WithOne(f => f.Draft).HasForeignKey(f => f.DraftId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class OnlineDraftFileConfiguration : IEntityTypeConfiguration<OnlineDraftFile>
{
    public void Configure(EntityTypeBuilder<OnlineDraftFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoragePath).HasMaxLength(500);
        b.HasIndex(f => new { f.DraftId, f.PaperIndex }).IsUnique();
    }
}
