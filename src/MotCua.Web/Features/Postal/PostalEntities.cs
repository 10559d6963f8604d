using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Postal;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Postal;

/// <summary>One order placed with the postal carrier for a dossier; a result sent again after returned mail is a new row.</summary>
public sealed class PostalOrder
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public long DossierId { get; set; }

    public required string DossierCode { get; set; }

    public PostalDirection Direction { get; set; }

    /// <summary>MotCua's own order reference sent to the carrier (the dossier code and the attempt), so a retried request gets the same waybill.</summary>
    public required string Reference { get; set; }

    /// <summary>Mã vận đơn: the carrier's waybill code.</summary>
    public required string Waybill { get; set; }

    public PostalStatus Status { get; set; }

    /// <summary>The carrier's instant of the status held.</summary>
    public DateTimeOffset StatusAt { get; set; }

    public required string RecipientName { get; set; }

    public required string Address { get; set; }

    public string? Phone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>When the sweep last asked the carrier about this order.</summary>
    public DateTimeOffset? LastQueriedAt { get; set; }

    /// <summary>Optimistic concurrency: the callback and the sweep may report the same status at once.</summary>
    public long Version { get; set; }
}

/// <summary>One status of an order as applied, once per status (the unique index keeps a racing repeat out).</summary>
public sealed class PostalOrderEvent
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public PostalStatus Status { get; set; }

    /// <summary>The carrier's instant of the status.</summary>
    public DateTimeOffset At { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>How MotCua learnt it: pickup, callback or query.</summary>
    public required string Source { get; set; }
}

public static class PostalTables
{
    extension(AppDbContext db)
    {
        public DbSet<PostalOrder> PostalOrders => db.Set<PostalOrder>();

        public DbSet<PostalOrderEvent> PostalOrderEvents => db.Set<PostalOrderEvent>();
    }
}

internal sealed class PostalConfiguration : IEntityTypeConfiguration<PostalOrder>, IEntityTypeConfiguration<PostalOrderEvent>
{
    public void Configure(EntityTypeBuilder<PostalOrder> b)
    {
        b.ToTable("PostalOrders");
        b.Property(o => o.DossierCode).HasMaxLength(64);
        b.Property(o => o.Reference).HasMaxLength(80);
        b.Property(o => o.Waybill).HasMaxLength(64);
        b.HasIndex(o => o.Reference).IsUnique();
        b.HasIndex(o => o.Waybill).IsUnique();
        b.HasIndex(o => new { o.DossierId, o.CreatedAt });
        b.HasIndex(o => new { o.Status, o.StatusAt });
        b.Property(o => o.Direction).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.RecipientName).HasMaxLength(300);
        b.Property(o => o.Address).HasMaxLength(500);
        b.Property(o => o.Phone).HasMaxLength(32);
        b.Property(o => o.CreatedBy).HasMaxLength(256);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Dossier>().WithMany().HasForeignKey(o => o.DossierId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }

    public void Configure(EntityTypeBuilder<PostalOrderEvent> b)
    {
        b.ToTable("PostalOrderEvents");
        b.HasIndex(e => new { e.OrderId, e.Status }).IsUnique();
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Source).HasMaxLength(16);
        b.HasOne<PostalOrder>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }
}
