using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organisation.Merging;

/// <summary>What happens to the accounts of the agency merged away.</summary>
public enum MergeAccountHandling
{
    /// <summary>Moved to the successor, each keeping its unit (the units move with them).</summary>
    KeepUnits,

    /// <summary>Moved to the successor, all into one chosen unit of it, with the open dossiers their units held.</summary>
    MoveToUnit,

    /// <summary>Closed (disabled); the dossiers they held wait in their unit's queue.</summary>
    Close,
}

/// <summary>
/// Hợp nhất cơ quan: agency <see cref="FromAgencyId"/> merged into <see cref="IntoAgencyId"/> from <see cref="EffectiveFrom"/>,
/// recorded when confirmed with what moved, so the list of past merges shows each one's effect.
/// </summary>
public sealed class AgencyMerge
{
    public int Id { get; set; }

    public int FromAgencyId { get; set; }

    public int IntoAgencyId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateTimeOffset ConfirmedAt { get; set; }

    public string? ConfirmedBy { get; set; }

    /// <summary>The decision (số, ngày) the merge rests on, as the administrator typed it.</summary>
    public string? DecisionReference { get; set; }

    public MergeAccountHandling AccountHandling { get; set; }

    public int? TargetUnitId { get; set; }

    public int Procedures { get; set; }

    public int Processes { get; set; }

    public int OpenDossiers { get; set; }

    /// <summary>Open PAKN handed to the successor.</summary>
    public int OpenFeedback { get; set; }

    public int AccountsMoved { get; set; }

    public int AccountsClosed { get; set; }

    public int Plans { get; set; }

    public int Units { get; set; }
}

/// <summary>The merge tables on the one context.</summary>
public static class MergingTables
{
    extension(AppDbContext db)
    {
        public DbSet<AgencyMerge> AgencyMerges => db.Set<AgencyMerge>();
    }
}

internal sealed class AgencyMergeConfiguration : IEntityTypeConfiguration<AgencyMerge>
{
    public void Configure(EntityTypeBuilder<AgencyMerge> b)
    {
        b.ToTable("AgencyMerges");
        b.Property(m => m.ConfirmedBy).HasMaxLength(256);
        b.Property(m => m.DecisionReference).HasMaxLength(300);
        b.Property(m => m.AccountHandling).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(m => m.FromAgencyId).IsUnique();
        b.HasIndex(m => m.IntoAgencyId);
        b.HasOne<Agency>().WithMany().HasForeignKey(m => m.FromAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(m => m.IntoAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The succession columns of <see cref="Agency"/>: who answers for a merged agency.</summary>
internal sealed class AgencySuccessionConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.SucceededById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.SucceededById);
    }
}
