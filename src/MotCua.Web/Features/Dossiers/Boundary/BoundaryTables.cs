using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// Bàn giao hồ sơ giấy: the paper originals of a dossier received regardless of boundary, on their way from the
/// receiving centre to the deciding agency; a step tracked beside the dossier's status, never blocking it.
/// </summary>
public sealed class PaperHandOver
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public int ReceivingAgencyId { get; set; }

    public int? ReceivingUnitId { get; set; }

    /// <summary>The deciding agency (the dossier's own), kept here so its desk's list needs no join.</summary>
    public int DecidingAgencyId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When the originals are due at the deciding agency (receipt + the province's limit).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The limit applied, as printed ("01 ngày làm việc"), and its basis ("Căn cứ …").</summary>
    public required string Limit { get; set; }

    public required string Basis { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? SentBy { get; set; }

    public string? SentByName { get; set; }

    public HandOverMethod? SentMethod { get; set; }

    public string? SentNote { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public string? ConfirmedBy { get; set; }

    public string? ConfirmedByName { get; set; }

    public string? ConfirmedNote { get; set; }

    /// <summary>Optimistic concurrency token: two desks recording the same step cannot both win.</summary>
    public long Version { get; set; }

    public HandOverStage Stage => BoundaryReceipt.Stage(SentAt, ConfirmedAt);
}

/// <summary>A procedure of the agency on the province's list received regardless of administrative boundary, from a day.</summary>
public sealed class BoundaryProcedure
{
    public int Id { get; set; }

    public int ProcedureId { get; set; }

    public int AgencyId { get; set; }

    public DateOnly ListedFrom { get; set; }

    /// <summary>The chair's decision that lists it ("Quyết định số …/QĐ-UBND"), when known.</summary>
    public string? Decision { get; set; }
}

/// <summary>The province's own time limit for the paper hand-over, from a day, with the text that sets it.</summary>
public sealed class BoundaryHandOverLimit
{
    public int Id { get; set; }

    public required string ProvinceCode { get; set; }

    public DateOnly From { get; set; }

    public decimal Value { get; set; }

    public TimeUnit Unit { get; set; }

    public required string Source { get; set; }
}

public static class BoundaryTables
{
    extension(AppDbContext db)
    {
        public DbSet<PaperHandOver> PaperHandOvers => db.Set<PaperHandOver>();

        public DbSet<BoundaryProcedure> BoundaryProcedures => db.Set<BoundaryProcedure>();

        public DbSet<BoundaryHandOverLimit> BoundaryHandOverLimits => db.Set<BoundaryHandOverLimit>();
    }
}

internal sealed class BoundaryConfiguration : IEntityTypeConfiguration<PaperHandOver>, IEntityTypeConfiguration<BoundaryProcedure>,
    IEntityTypeConfiguration<BoundaryHandOverLimit>, IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<PaperHandOver> b)
    {
        b.ToTable("PaperHandOvers");
        b.HasOne(h => h.Dossier).WithMany().HasForeignKey(h => h.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => h.DossierId).IsUnique();
        b.HasIndex(h => new { h.ReceivingAgencyId, h.ConfirmedAt });
        b.HasIndex(h => new { h.DecidingAgencyId, h.ConfirmedAt });
        b.Property(h => h.Limit).HasMaxLength(100);
        b.Property(h => h.Basis).HasMaxLength(500);
        b.Property(h => h.SentBy).HasMaxLength(256);
        b.Property(h => h.SentByName).HasMaxLength(200);
        b.Property(h => h.SentMethod).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.SentNote).HasMaxLength(500);
        b.Property(h => h.ConfirmedBy).HasMaxLength(256);
        b.Property(h => h.ConfirmedByName).HasMaxLength(200);
        b.Property(h => h.ConfirmedNote).HasMaxLength(500);
        b.Property(h => h.Version).IsConcurrencyToken();
        DossierModel.UtcTicks(b);
    }

    public void Configure(EntityTypeBuilder<BoundaryProcedure> b)
    {
        b.ToTable("BoundaryProcedures");
        b.HasIndex(p => p.ProcedureId).IsUnique();
        b.HasIndex(p => p.AgencyId);
        b.Property(p => p.Decision).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<BoundaryHandOverLimit> b)
    {
        b.ToTable("BoundaryHandOverLimits");
        b.Property(l => l.ProvinceCode).HasMaxLength(8);
        b.HasIndex(l => new { l.ProvinceCode, l.From }).IsUnique();
        b.Property(l => l.Value).HasPrecision(9, 2);
        b.Property(l => l.Unit).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Source).HasMaxLength(500);
    }

    // The receiving desk's list filters on it.
    public void Configure(EntityTypeBuilder<Dossier> b) => b.HasIndex(d => d.ReceivingAgencyId);
}
