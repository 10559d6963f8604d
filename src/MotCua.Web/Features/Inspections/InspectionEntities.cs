using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Inspections;

public enum InspectionForm
{
    /// <summary>Theo kế hoạch.</summary>
    Planned,

    /// <summary>Đột xuất.</summary>
    Unscheduled,
}

/// <summary>Một cuộc kiểm tra việc thực hiện kiểm soát TTHC, cải cách TTHC, cơ chế một cửa.</summary>
public sealed class Inspection
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public DateOnly InspectedOn { get; set; }

    public required string InspectedUnit { get; set; }

    public InspectionForm Form { get; set; }

    public required string Content { get; set; }

    public string? Findings { get; set; }
}

public enum DisciplineKind
{
    /// <summary>Khen thưởng.</summary>
    Reward,

    /// <summary>Xử lý vi phạm.</summary>
    Discipline,
}

/// <summary>Khen thưởng hoặc xử lý vi phạm liên quan đến giải quyết TTHC.</summary>
public sealed class DisciplineRecord
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public DisciplineKind Kind { get; set; }

    public DateOnly DecidedOn { get; set; }

    /// <summary>The person or collective.</summary>
    public required string Subject { get; set; }

    public bool IsCollective { get; set; }

    public string? DecisionNumber { get; set; }

    public required string Reason { get; set; }
}

/// <summary>What the periodic report counts ("Về công tác kiểm tra thực hiện kiểm soát TTHC": number, form; rewards and discipline).</summary>
public sealed record InspectionFigures(int Inspections, int Planned, int Unscheduled, int Rewards, int Disciplines)
{
    /// <summary>Counts for dates in [from, to], both inclusive.</summary>
    public static async Task<InspectionFigures> CountAsync(AppDbContext db, int agencyId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var forms = await db.Inspections.AsNoTracking().Where(i => i.AgencyId == agencyId && i.InspectedOn >= from && i.InspectedOn <= to)
            .Select(i => i.Form).ToListAsync(cancellationToken);
        var kinds = await db.DisciplineRecords.AsNoTracking().Where(r => r.AgencyId == agencyId && r.DecidedOn >= from && r.DecidedOn <= to)
            .Select(r => r.Kind).ToListAsync(cancellationToken);
        return new(forms.Count, forms.Count(f => f == InspectionForm.Planned), forms.Count(f => f == InspectionForm.Unscheduled),
            kinds.Count(k => k == DisciplineKind.Reward), kinds.Count(k => k == DisciplineKind.Discipline));
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.Property(i => i.InspectedUnit).HasMaxLength(300);
        b.Property(i => i.Form).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Content).HasMaxLength(4000);
        b.Property(i => i.Findings).HasMaxLength(4000);
        b.HasIndex(i => new { i.AgencyId, i.InspectedOn });
        b.HasOne<Organisation.Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisciplineRecordConfiguration : IEntityTypeConfiguration<DisciplineRecord>
{
    public void Configure(EntityTypeBuilder<DisciplineRecord> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Subject).HasMaxLength(300);
        b.Property(r => r.DecisionNumber).HasMaxLength(100);
        b.Property(r => r.Reason).HasMaxLength(4000);
        b.HasIndex(r => new { r.AgencyId, r.DecidedOn });
        b.HasOne<Organisation.Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
