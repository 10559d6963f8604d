using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Payments;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Payments;

/// <summary>One attempt to pay a dossier's fees online through the gateway; a new attempt is a new row.</summary>
public sealed class OnlinePayment
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public long DossierId { get; set; }

    public required string DossierCode { get; set; }

    /// <summary>The merchant's transaction reference sent to the gateway (vnp_TxnRef): random, so it also opens the result page.</summary>
    public required string Reference { get; set; }

    /// <summary>In đồng, the dossier's fees when the attempt started.</summary>
    public long Amount { get; set; }

    public OnlinePaymentStatus Status { get; set; }

    /// <summary>The gateway's own transaction number once it reported one.</summary>
    public string? GatewayTransactionNo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SettledAt { get; set; }

    /// <summary>The gateway's instant (pay date) of the last report applied, so an older one changes nothing.</summary>
    public DateTimeOffset? LastReportAt { get; set; }

    /// <summary>When the sweep last asked the gateway about this pending payment.</summary>
    public DateTimeOffset? LastQueriedAt { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    public string? RefundReason { get; set; }

    public string? RefundedBy { get; set; }

    /// <summary>Optimistic concurrency: the IPN, the return page and the sweep may settle the same payment at once.</summary>
    public long Version { get; set; }
}

/// <summary>Every message exchanged with the gateway about payments, stored raw whether or not its signature held.</summary>
public sealed class PaymentMessage
{
    public long Id { get; set; }

    public long? PaymentId { get; set; }

    public string? Reference { get; set; }

    /// <summary>ipn, return, querydr, refund.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string Raw { get; set; }

    public bool SignatureValid { get; set; }

    /// <summary>What MotCua did with it (settled, duplicate, stale, refused: bad signature…).</summary>
    public required string Outcome { get; set; }
}

/// <summary>
/// Biên lai điện tử: the electronic receipt of a fee paid online, numbered in sequence per agency and year within its series.
/// Its content is fixed when issued, so a later change to the catalogue or the agency's name does not alter it.
/// </summary>
public sealed class PaymentReceipt
{
    public long Id { get; set; }

    public long PaymentId { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    /// <summary>Ký hiệu biên lai.</summary>
    public required string Series { get; set; }

    /// <summary>Số biên lai, from 1 each year.</summary>
    public int Number { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public required string PayerName { get; set; }

    public string? PayerAddress { get; set; }

    public required string DossierCode { get; set; }

    public required string ProcedureName { get; set; }

    /// <summary>The fee lines as JSON (<see cref="ReceiptLine"/>).</summary>
    public required string LinesJson { get; set; }

    public long Amount { get; set; }

    public required string AmountInWords { get; set; }

    public required string AgencyName { get; set; }

    public string? ParentBody { get; set; }

    /// <summary>The number as printed: "0000012".</summary>
    public string NumberText => Number.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record ReceiptLine(string Name, long Amount);

public static class PaymentsTables
{
    extension(AppDbContext db)
    {
        public DbSet<OnlinePayment> OnlinePayments => db.Set<OnlinePayment>();

        public DbSet<PaymentMessage> PaymentMessages => db.Set<PaymentMessage>();

        public DbSet<PaymentReceipt> PaymentReceipts => db.Set<PaymentReceipt>();
    }
}

internal sealed class PaymentsConfiguration : IEntityTypeConfiguration<OnlinePayment>, IEntityTypeConfiguration<PaymentMessage>, IEntityTypeConfiguration<PaymentReceipt>
{
    public void Configure(EntityTypeBuilder<OnlinePayment> b)
    {
        b.ToTable("OnlinePayments");
        b.Property(p => p.DossierCode).HasMaxLength(64);
        b.Property(p => p.Reference).HasMaxLength(64);
        b.HasIndex(p => p.Reference).IsUnique();
        b.HasIndex(p => new { p.DossierId, p.Status });
        b.HasIndex(p => new { p.Status, p.CreatedAt });
        b.HasIndex(p => new { p.AgencyId, p.CreatedAt });
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.GatewayTransactionNo).HasMaxLength(64);
        b.Property(p => p.RefundReason).HasMaxLength(1000);
        b.Property(p => p.RefundedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Dossier>().WithMany().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }

    public void Configure(EntityTypeBuilder<PaymentMessage> b)
    {
        b.ToTable("PaymentMessages");
        b.Property(m => m.Kind).HasMaxLength(16);
        b.Property(m => m.Reference).HasMaxLength(64);
        b.Property(m => m.Outcome).HasMaxLength(200);
        b.Property(m => m.Raw).HasMaxLength(8000);
        b.HasIndex(m => m.PaymentId);
        b.HasOne<OnlinePayment>().WithMany().HasForeignKey(m => m.PaymentId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }

    public void Configure(EntityTypeBuilder<PaymentReceipt> b)
    {
        b.ToTable("PaymentReceipts");
        b.HasIndex(r => r.PaymentId).IsUnique();
        b.HasIndex(r => new { r.AgencyId, r.Year, r.Number }).IsUnique();
        b.Property(r => r.Series).HasMaxLength(32);
        b.Property(r => r.PayerName).HasMaxLength(300);
        b.Property(r => r.PayerAddress).HasMaxLength(500);
        b.Property(r => r.DossierCode).HasMaxLength(64);
        b.Property(r => r.ProcedureName).HasMaxLength(1000);
        b.Property(r => r.AmountInWords).HasMaxLength(300);
        b.Property(r => r.AgencyName).HasMaxLength(300);
        b.Property(r => r.ParentBody).HasMaxLength(300);
        b.Ignore(r => r.NumberText);
        b.HasOne<OnlinePayment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        DossierModel.UtcTicks(b);
    }
}
