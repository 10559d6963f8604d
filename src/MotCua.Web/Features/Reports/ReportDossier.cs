using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// One dossier as reports see it (Core Reports/README, "the same classification in SQL"): the keys a report groups by,
/// pinned when the dossier is created so a closed period re-runs to the same rows after catalogue edits; the closing
/// event per finish mode from Core's <see cref="DossierReport.Closing"/>; and the few dossier facts the report and index
/// aggregates read, so those aggregates never touch the wide dossier rows. Kept by <see cref="ReportProjectionSubscriber"/>
/// inside every dossier save.
/// </summary>
public sealed class ReportDossier
{
    public long DossierId { get; set; }

    /// <summary>Set when the row is created with its dossier, so the dossier's generated id reaches the row in the same save.</summary>
    public Dossier? Dossier { get; set; }

    public int AgencyId { get; set; }

    /// <summary>Takes part in Biểu 06: received (desk refusals and not-yet-received submissions do not).</summary>
    public bool Counted { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The original appointment, which a re-appointment never moves.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When the desk refused the submission (never received); null otherwise.</summary>
    public DateTimeOffset? DeskRefusedAt { get; set; }

    /// <summary>Unit in charge, pinned: the first planned unit other than the desk, else the unit of the first transfer.</summary>
    public int? UnitId { get; set; }

    public string? UnitName { get; set; }

    /// <summary>Lĩnh vực of the pinned version, with its name at receipt.</summary>
    public int FieldId { get; set; }

    public string FieldName { get; set; } = "";

    /// <summary>The procedure (stable across versions), so a row groups all versions of one procedure.</summary>
    public int ProcedureId { get; set; }

    public string ProcedureName { get; set; } = "";

    public OnlineServiceLevel OnlineLevel { get; set; }

    /// <summary>UTC ticks of the closing event counting completion; <see cref="DossierProjection.Open"/> while open.</summary>
    public long ClosedAt { get; set; } = DossierProjection.Open;

    public ClosingKind? ClosedKind { get; set; }

    /// <summary>The same counting the return to the applicant.</summary>
    public long ClosedAtReturn { get; set; } = DossierProjection.Open;

    public ClosingKind? ClosedKindReturn { get; set; }

    /// <summary>UTC ticks of the national portal's first acknowledgement (QĐ 766 indicator 1.2), written by the outbox.</summary>
    public long? SyncedAt { get; set; }

    public DossierChannel Channel { get; set; }

    public long FeeAmount { get; set; }

    public PaymentStatus PaymentStatus { get; set; }

    public ResultDelivery? ReturnMethod { get; set; }

    public bool ComponentsDigitised { get; set; }

    public bool ResultDigitised { get; set; }

    public bool ReusedDigitisedData { get; set; }

    /// <summary>The status code (1–10) the national portal should hold for the dossier's current status; null for a draft.</summary>
    public int? NationalCode { get; set; }

    /// <summary>
    /// The status code of the portal's latest acknowledged push (0 when that push carried none), written by the outbox;
    /// null until the portal acknowledges one. The reconciliation ledger compares it with <see cref="NationalCode"/>.
    /// </summary>
    public int? PortalCode { get; set; }
}

internal sealed class ReportDossierConfiguration : IEntityTypeConfiguration<ReportDossier>
{
    public void Configure(EntityTypeBuilder<ReportDossier> b)
    {
        // The report SQL names the table.
        b.ToTable("ReportDossiers");
        b.HasKey(r => r.DossierId);
        b.Property(r => r.DossierId).ValueGeneratedNever();
        b.HasOne(r => r.Dossier).WithOne().HasForeignKey<ReportDossier>(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
        // Reports and the 766 index read a period's rows through two index ranges only (Core Reports/README): dossiers
        // received in the period, and dossiers received before it and still open at its start. On PostgreSQL both
        // indexes carry every column those aggregates read (INCLUDE), so a quarter over millions of rows is an
        // index-only scan (docs/performance.md). Fixed-width columns first.
        b.HasIndex(r => new { r.AgencyId, r.ReceivedAt }, "IX_ReportDossiers_Received").IncludeProperties(r => new
        {
            r.DossierId, r.Counted, r.UnitId, r.FieldId, r.ProcedureId, r.DueAt, r.ClosedAt, r.ClosedKind,
            r.ClosedAtReturn, r.ClosedKindReturn, r.FeeAmount, r.ComponentsDigitised, r.ResultDigitised, r.ReusedDigitisedData, r.SyncedAt,
            r.NationalCode, r.PortalCode, r.Channel, r.PaymentStatus, r.ReturnMethod,
        });
        // "Open at the period's start" is an interval stabbing query, which a B-tree cannot answer without scanning
        // everything closed after the start. Split at ReportRanges.LongOpen before the start: recent receipts come from
        // the index above; older ones are open at the start only if they stayed open longer than that, and those few
        // dossiers have this partial index of their own.
        b.HasIndex(r => new { r.AgencyId, r.ReceivedAt }, "IX_ReportDossiers_LongOpen")
            .HasFilter(ReportRanges.LongOpenFilter)
            .IncludeProperties(r => new
            {
                r.DossierId, r.Counted, r.UnitId, r.FieldId, r.ProcedureId, r.DueAt, r.ClosedAt, r.ClosedKind,
                r.ClosedAtReturn, r.ClosedKindReturn, r.FeeAmount, r.ComponentsDigitised, r.ResultDigitised, r.ReusedDigitisedData, r.SyncedAt,
                r.NationalCode, r.PortalCode, r.Channel, r.PaymentStatus, r.ReturnMethod,
            });
        // The in-memory facts (drill-downs, scoring) and the dashboard find "open at an instant" by the closing instant.
        b.HasIndex(r => new { r.AgencyId, r.ClosedAt }, "IX_ReportDossiers_Closed");
        b.HasIndex(r => new { r.AgencyId, r.ClosedAtReturn }, "IX_ReportDossiers_ClosedReturn");
        // Desk refusals of a period (never received, so outside the receipt ranges).
        b.HasIndex(r => new { r.AgencyId, r.DeskRefusedAt }, "IX_ReportDossiers_DeskRefused").HasFilter(DeskRefusedFilter);
        // Rows not yet pinned (copied from dossiers stored before the projection): empty once backfilled, so the check
        // at every start is one probe.
        b.HasIndex(r => r.DossierId, "IX_ReportDossiers_Backfill").HasFilter(ReportBackfill.PendingFilter);
        b.Property(r => r.UnitName).HasMaxLength(300);
        b.Property(r => r.FieldName).HasMaxLength(300);
        b.Property(r => r.ProcedureName).HasMaxLength(1000);
        b.Property(r => r.OnlineLevel).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.PaymentStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.ReturnMethod).HasConversion<string>().HasMaxLength(16);
        // Written by the outbox outside the dossier's save; a save that read the row before that write must not go
        // through with a stale value, or its roll-up delta would be wrong.
        b.Property(r => r.SyncedAt).IsConcurrencyToken();
        DossierModel.UtcTicks(b);
    }

    /// <summary>The desk-refusal index's predicate (same SQL on both providers).</summary>
    public const string DeskRefusedFilter = "\"DeskRefusedAt\" IS NOT NULL";
}
