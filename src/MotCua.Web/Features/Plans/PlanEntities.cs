using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Plans;

namespace MotCua.Web.Features.Plans;

// Instants here (CreatedAt, note times) are stored as UTC DateTimeOffset and never ordered or filtered in SQL:
// lists order by Id, which follows insertion, so the same queries run on SQLite and PostgreSQL.

/// <summary>Kế hoạch kiểm soát TTHC năm …: the plan document and its appendix of tasks.</summary>
public sealed class ControlPlan
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    /// <summary>Số ký hiệu, e.g. "15/KH-SKHCN" (may be blank while the plan is a draft, as in the seed).</summary>
    public string? Number { get; set; }

    public required string Title { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Signer { get; set; }

    /// <summary>Căn cứ: the documents the plan implements.</summary>
    public string? LegalBasis { get; set; }

    /// <summary>Mục đích.</summary>
    public string? Purposes { get; set; }

    /// <summary>Yêu cầu.</summary>
    public string? Requirements { get; set; }

    public string? SourceFileName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<PlanTask> Tasks { get; } = [];

    public List<PlanTarget> Targets { get; } = [];
}

/// <summary>One row of the plan appendix, with its group (I, II, …) and tracking state.</summary>
public sealed class PlanTask
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public ControlPlan? Plan { get; set; }

    public int AgencyId { get; set; }

    /// <summary>Roman numeral of the group, as printed.</summary>
    public required string GroupNumber { get; set; }

    public required string GroupTitle { get; set; }

    public int GroupOrder { get; set; }

    /// <summary>STT inside the group, as printed (the seed's group VI skips 2).</summary>
    public required string Number { get; set; }

    public int SortOrder { get; set; }

    public required string Content { get; set; }

    public string Product { get; set; } = "";

    /// <summary>The lead and coordinating units as the document wrote them; <see cref="Units"/> holds the matched units.</summary>
    public string LeadUnitsText { get; set; } = "";

    public string CoordinatingUnitsText { get; set; } = "";

    /// <summary>"Thời gian thực hiện" as written; due dates are derived from it with the plan year.</summary>
    public required string TimeFrameText { get; set; }

    public PlanTaskStatus Status { get; set; }

    public int ProgressPercent { get; set; }

    public List<PlanTaskUnit> Units { get; } = [];

    public List<PlanProgressNote> Notes { get; } = [];
}

public enum PlanTaskUnitRole
{
    /// <summary>Đơn vị chủ trì.</summary>
    Lead,

    /// <summary>Đơn vị phối hợp.</summary>
    Coordinating,
}

public sealed class PlanTaskUnit
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public int UnitId { get; set; }

    public Organisation.Unit? Unit { get; set; }

    public PlanTaskUnitRole Role { get; set; }
}

/// <summary>
/// Chỉ tiêu: a numeric target of the plan that the periodic control report compares with live figures.
/// <see cref="IndicatorCode"/> is one of <see cref="PlanIndicators"/>; <see cref="Value"/> is in <see cref="Unit"/> (percent).
/// </summary>
public sealed class PlanTarget
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int? TaskId { get; set; }

    public PlanTask? Task { get; set; }

    public required string IndicatorCode { get; set; }

    public required string Description { get; set; }

    public TargetComparison Comparison { get; set; }

    public decimal Value { get; set; }

    public string Unit { get; set; } = "%";
}

/// <summary>A progress report on a task, optionally for one period of a recurring task, with evidence files.</summary>
public sealed class PlanProgressNote
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public PlanTask? Task { get; set; }

    public int AgencyId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    /// <summary>The period reported on (<see cref="TaskPeriod.Key"/>), or null for a general update.</summary>
    public string? PeriodKey { get; set; }

    public int Percent { get; set; }

    public PlanTaskStatus Status { get; set; }

    public required string Note { get; set; }

    public List<EvidenceFile> Files { get; } = [];
}

/// <summary>Tài liệu minh chứng: a file stored outside the web root, content-addressed by its SHA-256.</summary>
public sealed class EvidenceFile
{
    public int Id { get; set; }

    public int NoteId { get; set; }

    public int AgencyId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content, also its storage name.</summary>
    public required string Sha256 { get; set; }
}

internal sealed class ControlPlanConfiguration : IEntityTypeConfiguration<ControlPlan>
{
    public void Configure(EntityTypeBuilder<ControlPlan> b)
    {
        b.Property(p => p.Number).HasMaxLength(100);
        b.Property(p => p.Title).HasMaxLength(500);
        b.Property(p => p.Signer).HasMaxLength(200);
        b.Property(p => p.LegalBasis).HasMaxLength(4000);
        b.Property(p => p.Purposes).HasMaxLength(8000);
        b.Property(p => p.Requirements).HasMaxLength(8000);
        b.Property(p => p.SourceFileName).HasMaxLength(260);
        b.HasIndex(p => new { p.AgencyId, p.Year });
        b.HasOne<Organisation.Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.Property(t => t.GroupNumber).HasMaxLength(10);
        b.Property(t => t.GroupTitle).HasMaxLength(1000);
        b.Property(t => t.Number).HasMaxLength(10);
        b.Property(t => t.Content).HasMaxLength(4000);
        b.Property(t => t.Product).HasMaxLength(4000);
        b.Property(t => t.LeadUnitsText).HasMaxLength(1000);
        b.Property(t => t.CoordinatingUnitsText).HasMaxLength(1000);
        b.Property(t => t.TimeFrameText).HasMaxLength(200);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(t => new { t.AgencyId, t.PlanId });
        b.HasMany(t => t.Units).WithOne().HasForeignKey(u => u.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Notes).WithOne(n => n.Task).HasForeignKey(n => n.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanTaskUnitConfiguration : IEntityTypeConfiguration<PlanTaskUnit>
{
    public void Configure(EntityTypeBuilder<PlanTaskUnit> b)
    {
        b.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.TaskId, u.UnitId, u.Role }).IsUnique();
        b.HasIndex(u => u.UnitId);
    }
}

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.Property(t => t.IndicatorCode).HasMaxLength(64);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.Property(t => t.Comparison).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Value).HasPrecision(9, 2);
        b.Property(t => t.Unit).HasMaxLength(20);
        b.HasOne(t => t.Task).WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanProgressNoteConfiguration : IEntityTypeConfiguration<PlanProgressNote>
{
    public void Configure(EntityTypeBuilder<PlanProgressNote> b)
    {
        b.Property(n => n.UserId).HasMaxLength(64);
        b.Property(n => n.UserName).HasMaxLength(256);
        b.Property(n => n.PeriodKey).HasMaxLength(20);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Note).HasMaxLength(4000);
        b.HasIndex(n => n.TaskId);
        b.HasMany(n => n.Files).WithOne().HasForeignKey(f => f.NoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(260);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength(false);
        b.HasIndex(f => f.NoteId);
    }
}
