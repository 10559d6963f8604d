using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Reconciliation;

/// <summary>
/// An officer's explanation of why one dossier is counted differently by MotCua, the national portal, Biểu 06 or the
/// 766 index in one period. Appended, never edited: a later note for the same dossier, period and reason is shown
/// instead, and the audit log keeps every one.
/// </summary>
public sealed class ReconciliationNote
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public required string DossierCode { get; set; }

    /// <summary><c>ReportPeriod.Key</c> of the period the note explains, e.g. "2026-Q4".</summary>
    public required string PeriodKey { get; set; }

    /// <summary>Machine code of the reason (<c>DossierLedger.ReasonCode</c>).</summary>
    public required string Reason { get; set; }

    public required string Text { get; set; }

    public required string WrittenBy { get; set; }

    public DateTimeOffset WrittenAt { get; set; }
}

internal sealed class ReconciliationNoteConfiguration : IEntityTypeConfiguration<ReconciliationNote>
{
    public void Configure(EntityTypeBuilder<ReconciliationNote> b)
    {
        b.ToTable("ReconciliationNotes");
        // The ledger reads a period's notes in one range.
        b.HasIndex(n => new { n.AgencyId, n.PeriodKey, n.DossierCode });
        b.Property(n => n.DossierCode).HasMaxLength(64);
        b.Property(n => n.PeriodKey).HasMaxLength(32);
        b.Property(n => n.Reason).HasMaxLength(48);
        b.Property(n => n.Text).HasMaxLength(2000);
        b.Property(n => n.WrittenBy).HasMaxLength(256);
        DossierModel.UtcTicks(b);
    }
}

/// <summary>The reconciliation tables on the one context.</summary>
public static class ReconciliationTables
{
    extension(AppDbContext db)
    {
        public DbSet<ReconciliationNote> ReconciliationNotes => db.Set<ReconciliationNote>();
    }
}
