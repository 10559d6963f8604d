using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Indices;

/// <summary>
/// Points entered by hand for a Manual row of the 766 table (1.3, 6.4): no data in the system measures them, so the
/// control focal officer copies the national portal's assessment. One row per agency, scope, period and indicator;
/// a correction overwrites the row and the audit log keeps the history.
/// </summary>
public sealed class IndexManualScore
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The unit the points are for; 0 = the agency as a whole (not null, so the unique index holds on both databases).</summary>
    public int ScopeUnitId { get; set; }

    /// <summary><c>ReportPeriod.Key</c>, e.g. "2025-Q1", "2025-03", "2025".</summary>
    public required string PeriodKey { get; set; }

    public required string IndicatorCode { get; set; }

    public decimal Points { get; set; }

    public string? Note { get; set; }

    public required string EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}

internal sealed class IndexManualScoreConfiguration : IEntityTypeConfiguration<IndexManualScore>
{
    public void Configure(EntityTypeBuilder<IndexManualScore> b)
    {
        b.HasIndex(s => new { s.AgencyId, s.ScopeUnitId, s.PeriodKey, s.IndicatorCode }).IsUnique();
        b.Property(s => s.PeriodKey).HasMaxLength(32);
        b.Property(s => s.IndicatorCode).HasMaxLength(16);
        b.Property(s => s.Points).HasPrecision(6, 2);
        b.Property(s => s.Note).HasMaxLength(1000);
        b.Property(s => s.EnteredBy).HasMaxLength(256);
        DossierModel.UtcTicks(b);
    }
}
