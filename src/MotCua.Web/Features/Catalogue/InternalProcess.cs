using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Catalogue;

/// <summary>Quy trình nội bộ of one procedure version: ordered steps whose times add up to the processing time (§2.6).</summary>
public sealed class InternalProcess
{
    public int Id { get; set; }

    public int ProcedureVersionId { get; set; }

    public ProcedureVersion? ProcedureVersion { get; set; }

    public ProcessState State { get; set; }

    /// <summary>Số quyết định phê duyệt quy trình nội bộ.</summary>
    public string? ApprovalDecisionNumber { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public DateOnly? InForceFrom { get; set; }

    public List<ProcessStep> Steps { get; } = [];
}

/// <summary>One step: who (a unit or a role), what, and how long.</summary>
public sealed class ProcessStep
{
    public int Id { get; set; }

    public int InternalProcessId { get; set; }

    public int Seq { get; set; }

    public StepKind Kind { get; set; }

    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>A role name from <see cref="Identity.Roles"/> or an external actor (e.g. "Lãnh đạo UBND tỉnh").</summary>
    public string? Actor { get; set; }

    public string? Description { get; set; }

    public decimal DurationValue { get; set; }

    public TimeUnit DurationUnit { get; set; }

    /// <summary>Biểu mẫu / kết quả của bước.</summary>
    public string? OutputForm { get; set; }

    public ProcessingTime Duration => new(DurationValue, DurationUnit);
}

internal sealed class InternalProcessConfiguration : IEntityTypeConfiguration<InternalProcess>
{
    public void Configure(EntityTypeBuilder<InternalProcess> b)
    {
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.ApprovalDecisionNumber).HasMaxLength(100);
        b.HasOne(p => p.ProcedureVersion).WithMany().HasForeignKey(p => p.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.InternalProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcessStepConfiguration : IEntityTypeConfiguration<ProcessStep>
{
    public void Configure(EntityTypeBuilder<ProcessStep> b)
    {
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.DurationUnit).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.DurationValue).HasPrecision(9, 2);
        b.Property(s => s.Actor).HasMaxLength(300);
        b.Property(s => s.Description).HasMaxLength(1000);
        b.Property(s => s.OutputForm).HasMaxLength(300);
        b.Ignore(s => s.Duration);
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
