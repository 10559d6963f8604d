using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.NationalPortal;

public enum NationalInboundStatus
{
    /// <summary>Stored, not yet turned into a dossier.</summary>
    Pending,

    /// <summary>Held with a reason (unknown procedure or agency, malformed, bad hash) until reprocessed or rejected.</summary>
    Quarantined,

    /// <summary>A dossier was created from it.</summary>
    Created,

    /// <summary>An officer refused it with a reason, told to the portal.</summary>
    Rejected,
}

/// <summary>
/// One dossier message the national portal served, kept as received before anything is made of it, so a message is
/// never lost or turned into two dossiers (one row per national code).
/// </summary>
public sealed class NationalInboundMessage
{
    public int Id { get; set; }

    /// <summary>MaHoSoQG, the portal's dossier code.</summary>
    public required string NationalCode { get; set; }

    /// <summary>The portal's agency code (MaDonVi) the message was served under.</summary>
    public required string PortalUnit { get; set; }

    /// <summary>The MotCua agency it maps to; null when the mapping names no known agency.</summary>
    public int? AgencyId { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public NationalInboundStatus Status { get; set; }

    /// <summary>Why it is quarantined or rejected, in Vietnamese.</summary>
    public string? Reason { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public long? DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public string? DossierCode { get; set; }

    /// <summary>When the portal accepted the acknowledgement (receipt or rejection); null while it is still owed.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
}

public static class NationalPortalTables
{
    extension(AppDbContext db)
    {
        public DbSet<NationalInboundMessage> NationalInboundMessages => db.Set<NationalInboundMessage>();
    }
}

internal sealed class NationalInboundMessageConfiguration : IEntityTypeConfiguration<NationalInboundMessage>
{
    public void Configure(EntityTypeBuilder<NationalInboundMessage> b)
    {
        b.ToTable("NationalInboundMessages");
        b.Property(m => m.NationalCode).HasMaxLength(64);
        b.HasIndex(m => m.NationalCode).IsUnique();
        b.Property(m => m.PortalUnit).HasMaxLength(64);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Reason).HasMaxLength(2000);
        b.Property(m => m.DossierCode).HasMaxLength(64);
        b.HasIndex(m => new { m.Status, m.ReceivedAt });
        b.HasOne(m => m.Dossier).WithMany().HasForeignKey(m => m.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
