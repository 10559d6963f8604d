using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>One item of a supplement request as stored: Mẫu 02 prints them, in order, whenever it is printed again.</summary>
public sealed class DossierSupplementItem
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    /// <summary>When the request was made; items are ordered by <see cref="Round"/>, then <see cref="Seq"/>.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    public int Seq { get; set; }

    public required string Paper { get; set; }

    public required string Problem { get; set; }

    public string? LegalBasis { get; set; }

    /// <summary>The request's round in the dossier; with <see cref="Seq"/> it makes the item's code.</summary>
    public int Round { get; set; } = 1;

    /// <summary>The applicant's written answer, or their reason when <see cref="AnswerNone"/>.</summary>
    public string? AnswerText { get; set; }

    /// <summary>The applicant states they do not have the paper ("Không có").</summary>
    public bool AnswerNone { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The earlier, refused item whose files the applicant kept for this answer (they stay listed under that item too).</summary>
    public string? KeptFilesOf { get; set; }

    /// <summary>The officer's review of the answer: accepted, not accepted, or null while not reviewed.</summary>
    public bool? Accepted { get; set; }

    public string? ReviewNote { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>The item's stable code within the dossier, e.g. BS1-01.</summary>
    public string Code => SupplementRounds.Code(Round, Seq);
}

internal sealed class DossierSupplementItemConfiguration : IEntityTypeConfiguration<DossierSupplementItem>
{
    public void Configure(EntityTypeBuilder<DossierSupplementItem> builder)
    {
        builder.ToTable("DossierSupplementItems");
        builder.Property(x => x.Paper).HasMaxLength(500);
        builder.Property(x => x.Problem).HasMaxLength(2000);
        builder.Property(x => x.LegalBasis).HasMaxLength(500);
        builder.Property(x => x.AnswerText).HasMaxLength(2000);
        builder.Property(x => x.ReviewNote).HasMaxLength(1000);
        builder.Property(x => x.ReviewedBy).HasMaxLength(256);
        builder.Property(x => x.KeptFilesOf).HasMaxLength(16);
        builder.Ignore(x => x.Code);
        builder.HasOne(x => x.Dossier).WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.DossierId, x.Seq });
    }
}

public static class SupplementItemsTables
{
    extension(AppDbContext db)
    {
        public DbSet<DossierSupplementItem> DossierSupplementItems => db.Set<DossierSupplementItem>();
    }
}

/// <summary>Stores the items of a supplement request in the dossier's one save, so the request and its items commit together.</summary>
public sealed class SupplementItemsRecorder : IDossierSubscriber
{
    public Task OnSavingAsync(AppDbContext db, DossierSaving change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var seq = 1;
        var round = change.Decision?.Supplement?.Round ?? 1;
        foreach (var item in change.Decision?.SupplementItems ?? [])
        {
            db.Add(new DossierSupplementItem
            {
                Dossier = change.Dossier, RequestedAt = change.At, Seq = seq++, Round = round,
                Paper = item.Paper, Problem = item.Problem, LegalBasis = item.LegalBasis,
            });
        }
        return Task.CompletedTask;
    }
}

/// <summary>Shapes supplement items at the edges: as typed (trimmed, NFC, blank rows dropped) and from the counter's checklist.</summary>
public static class SupplementItems
{
    /// <summary>The items as the officer typed them: blank rows (no paper and no problem) are dropped, text is trimmed and NFC.</summary>
    public static IReadOnlyList<SupplementItem> Clean(IEnumerable<SupplementItem?>? items) =>
        items is null ? [] :
        [
            .. items.Where(i => i is not null && !(string.IsNullOrWhiteSpace(i.Paper) && string.IsNullOrWhiteSpace(i.Problem) && string.IsNullOrWhiteSpace(i.LegalBasis)))
                .Select(i => new SupplementItem(TextSearch.NfcOrNull(i!.Paper) ?? "", TextSearch.NfcOrNull(i.Problem) ?? "", TextSearch.NfcOrNull(i.LegalBasis))),
        ];

    /// <summary>
    /// At the counter, the papers left unticked are what is missing; with every paper ticked, the officer's note is the
    /// one item (the dossier as a whole).
    /// </summary>
    public static IReadOnlyList<SupplementItem> FromChecklist(IEnumerable<(string? Name, bool Present)> papers, string? note)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var missing = papers.Where(p => !p.Present).Select(p => new SupplementItem(TextSearch.Nfc(p.Name), "Chưa nộp thành phần hồ sơ này", null)).ToList();
        return missing.Count > 0 ? missing : string.IsNullOrWhiteSpace(note) ? [] : [new SupplementItem("Hồ sơ", TextSearch.Nfc(note.Trim()), null)];
    }
}
