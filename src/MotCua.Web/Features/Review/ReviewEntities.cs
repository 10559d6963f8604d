using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Review;

namespace MotCua.Web.Features.Review;

/// <summary>Why procedures are chosen for review (ND63 Art. 30).</summary>
public enum ReviewBasis
{
    /// <summary>Theo chỉ đạo của Chính phủ, Thủ tướng Chính phủ.</summary>
    Direction,

    /// <summary>Do cơ quan lựa chọn.</summary>
    OwnChoice,

    /// <summary>Từ phản ánh, kiến nghị.</summary>
    Pakn,
}

/// <summary>Đợt rà soát, đánh giá TTHC: the procedures an agency reviews under one review plan.</summary>
public sealed class ReviewRound
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    public required string Title { get; set; }

    /// <summary>The decision approving the review plan, e.g. "QĐ 690/QĐ-UBND ngày 11/3/2020".</summary>
    public string? PlanDecision { get; set; }

    public ReviewBasis Basis { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ReviewItem> Items { get; } = [];
}

/// <summary>
/// One procedure (or internal procedure, TTHC nội bộ) in a round: the review form, the simplification proposal in the
/// provinces' 1.1 / 1.2 / 1.3 layout, and the compliance cost before and after.
/// </summary>
public sealed class ReviewItem
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public ReviewRound? Round { get; set; }

    public int AgencyId { get; set; }

    public string? ProcedureCode { get; set; }

    public required string ProcedureName { get; set; }

    /// <summary>TTHC nội bộ (between state bodies) rather than a procedure for citizens and businesses.</summary>
    public bool IsInternal { get; set; }

    public string? SelectionReason { get; set; }

    // Review form (ND63 Art. 28).
    public string? Necessity { get; set; }

    public string? Reasonableness { get; set; }

    public string? Legality { get; set; }

    // Simplification proposal.
    /// <summary>1.1 Nội dung đơn giản hóa.</summary>
    public string? SimplificationContent { get; set; }

    public string? SimplificationReason { get; set; }

    /// <summary>1.2 Kiến nghị thực thi.</summary>
    public string? ImplementationProposal { get; set; }

    /// <summary>Bãi bỏ: the cost after is zero.</summary>
    public bool Abolish { get; set; }

    // 1.3 Compliance cost inputs; the requirements are in Costs.
    public decimal HourlyValue { get; set; } = ComplianceCost.DefaultHourlyValue;

    public decimal SubjectsBefore { get; set; }

    public decimal FrequencyBefore { get; set; } = 1;

    public decimal SubjectsAfter { get; set; }

    public decimal FrequencyAfter { get; set; } = 1;

    /// <summary>Yearly cost in đồng, computed from the inputs when they are saved (null until costed).</summary>
    public decimal? CostBefore { get; set; }

    public decimal? CostAfter { get; set; }

    public List<ComplianceCostItem> Costs { get; } = [];

    public ComplianceCostInput Input(CostPhase phase) => new(
        HourlyValue,
        [.. Costs.Where(c => c.Phase == phase).OrderBy(c => c.Id).Select(c => new CostRequirement(c.Name, c.Hours, c.OutsourcingCost, c.Fees, c.OtherCosts))],
        phase == CostPhase.Before ? SubjectsBefore : SubjectsAfter,
        phase == CostPhase.Before ? FrequencyBefore : FrequencyAfter);
}

public enum CostPhase
{
    Before,
    After,
}

/// <summary>
/// One requirement line of the standard cost model (hours, outsourcing, fees, other money). The provinces' short form is
/// a single line "Thời gian giải quyết" with hours = working days × 8, so both methods share this table.
/// </summary>
public sealed class ComplianceCostItem
{
    public int Id { get; set; }

    public int ReviewItemId { get; set; }

    public CostPhase Phase { get; set; }

    public required string Name { get; set; }

    public decimal Hours { get; set; }

    public decimal OutsourcingCost { get; set; }

    public decimal Fees { get; set; }

    public decimal OtherCosts { get; set; }
}

/// <summary>Dự thảo văn bản quy phạm pháp luật có quy định TTHC: the draft whose procedures are impact-assessed.</summary>
public sealed class LegalDraft
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public required string Title { get; set; }

    public string? DraftingUnit { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ImpactAssessment> Assessments { get; } = [];
}

/// <summary>Đánh giá tác động của một TTHC trong dự thảo (ND63 Arts. 9–11): necessity, reasonableness, legality, compliance cost.</summary>
public sealed class ImpactAssessment
{
    public int Id { get; set; }

    public int DraftId { get; set; }

    public int AgencyId { get; set; }

    public required string ProcedureName { get; set; }

    public required string Necessity { get; set; }

    public required string Reasonableness { get; set; }

    public required string Legality { get; set; }

    /// <summary>Estimated yearly compliance cost in đồng, if computed.</summary>
    public decimal? ComplianceCost { get; set; }

    public string? ComplianceCostNote { get; set; }

    public string? Conclusion { get; set; }

    public required string AssessedBy { get; set; }

    public DateTimeOffset AssessedAt { get; set; }
}

internal sealed class ReviewRoundConfiguration : IEntityTypeConfiguration<ReviewRound>
{
    public void Configure(EntityTypeBuilder<ReviewRound> b)
    {
        b.Property(r => r.Title).HasMaxLength(500);
        b.Property(r => r.PlanDecision).HasMaxLength(300);
        b.Property(r => r.Basis).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.AgencyId, r.Year });
        b.HasOne<Organisation.Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Items).WithOne(i => i.Round).HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> b)
    {
        b.Property(i => i.ProcedureCode).HasMaxLength(50);
        b.Property(i => i.ProcedureName).HasMaxLength(1000);
        foreach (var p in new[] { nameof(ReviewItem.SelectionReason), nameof(ReviewItem.Necessity), nameof(ReviewItem.Reasonableness), nameof(ReviewItem.Legality), nameof(ReviewItem.SimplificationContent), nameof(ReviewItem.SimplificationReason), nameof(ReviewItem.ImplementationProposal) })
        {
            b.Property<string?>(p).HasMaxLength(4000);
        }
        b.Property(i => i.HourlyValue).HasPrecision(18, 2);
        b.Property(i => i.SubjectsBefore).HasPrecision(18, 2);
        b.Property(i => i.FrequencyBefore).HasPrecision(18, 4);
        b.Property(i => i.SubjectsAfter).HasPrecision(18, 2);
        b.Property(i => i.FrequencyAfter).HasPrecision(18, 4);
        b.Property(i => i.CostBefore).HasPrecision(20, 0);
        b.Property(i => i.CostAfter).HasPrecision(20, 0);
        b.HasIndex(i => new { i.AgencyId, i.RoundId });
        b.HasMany(i => i.Costs).WithOne().HasForeignKey(c => c.ReviewItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplianceCostItemConfiguration : IEntityTypeConfiguration<ComplianceCostItem>
{
    public void Configure(EntityTypeBuilder<ComplianceCostItem> b)
    {
        b.Property(c => c.Phase).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.Hours).HasPrecision(18, 2);
        b.Property(c => c.OutsourcingCost).HasPrecision(18, 0);
        b.Property(c => c.Fees).HasPrecision(18, 0);
        b.Property(c => c.OtherCosts).HasPrecision(18, 0);
    }
}

internal sealed class LegalDraftConfiguration : IEntityTypeConfiguration<LegalDraft>
{
    public void Configure(EntityTypeBuilder<LegalDraft> b)
    {
        b.Property(d => d.Title).HasMaxLength(1000);
        b.Property(d => d.DraftingUnit).HasMaxLength(300);
        b.HasIndex(d => d.AgencyId);
        b.HasOne<Organisation.Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Assessments).WithOne().HasForeignKey(a => a.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImpactAssessmentConfiguration : IEntityTypeConfiguration<ImpactAssessment>
{
    public void Configure(EntityTypeBuilder<ImpactAssessment> b)
    {
        b.Property(a => a.ProcedureName).HasMaxLength(1000);
        b.Property(a => a.Necessity).HasMaxLength(4000);
        b.Property(a => a.Reasonableness).HasMaxLength(4000);
        b.Property(a => a.Legality).HasMaxLength(4000);
        b.Property(a => a.ComplianceCost).HasPrecision(20, 0);
        b.Property(a => a.ComplianceCostNote).HasMaxLength(4000);
        b.Property(a => a.Conclusion).HasMaxLength(4000);
        b.Property(a => a.AssessedBy).HasMaxLength(256);
    }
}
