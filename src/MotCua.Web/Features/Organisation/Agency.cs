using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Features.Organisation;

/// <summary>Cơ quan: an agency (a department, a district or commune People's Committee) that one installation may serve among many.</summary>
public sealed class Agency
{
    public int Id { get; set; }

    /// <summary>Short machine code used in dossier codes and URLs, e.g. "SKHCN".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Which level of the two-level local government the agency belongs to (no district level after 1/7/2025).</summary>
    public AgencyLevel Level { get; set; } = AgencyLevel.Province;

    /// <summary>What kind of body it is; a commune's Public Administration Service Centre receives dossiers for others.</summary>
    public AgencyKind Kind { get; set; } = AgencyKind.Department;

    /// <summary>The province the agency belongs to, by its administrative-unit code (e.g. "66" Đắk Lắk); null when not set.</summary>
    public string? ProvinceCode { get; set; }

    // The heading and signature of the documents the agency issues (Decree 30/2020): who stands above it, where it
    // dates its documents, and who signs for it.

    /// <summary>Cơ quan chủ quản printed above the agency's name, e.g. "UBND TỈNH ĐẮK LẮK"; null when none.</summary>
    public string? ParentBody { get; set; }

    /// <summary>The place name before the date ("Đắk Lắk, ngày … tháng … năm …").</summary>
    public string? PlaceName { get; set; }

    /// <summary>The head's position, e.g. "Giám đốc"; null falls back to the usual title for the agency's kind.</summary>
    public string? HeadTitle { get; set; }

    public string? HeadName { get; set; }

    /// <summary>The deputy who signs "KT." for the head, e.g. "Phó Giám đốc".</summary>
    public string? DeputyTitle { get; set; }

    public string? DeputyName { get; set; }

    /// <summary>Whether the agency's letters to citizens (the apology) are signed by the deputy "KT." rather than the head.</summary>
    public bool DeputySignsLetters { get; set; }

    /// <summary>The head's position as documents print it: the stored one, else a department's director, a committee's chair.</summary>
    public string HeadTitleOrDefault => !string.IsNullOrWhiteSpace(HeadTitle) ? HeadTitle.Trim() : Name.Trim() switch
    {
        var n when n.StartsWith("Sở ", StringComparison.OrdinalIgnoreCase) => "Giám đốc",
        var n when n.StartsWith("Ủy ban nhân dân", StringComparison.OrdinalIgnoreCase) || n.StartsWith("UBND", StringComparison.Ordinal) => "Chủ tịch",
        var n when n.StartsWith("Ban ", StringComparison.OrdinalIgnoreCase) => "Trưởng ban",
        var n when n.StartsWith("Chi cục ", StringComparison.OrdinalIgnoreCase) => "Chi cục trưởng",
        _ => "Thủ trưởng cơ quan",
    };

    // Office hours (giờ làm việc): one working day of processing time is the sum of the two periods.
    public TimeOnly MorningStart { get; set; } = new(7, 0);

    public TimeOnly MorningEnd { get; set; } = new(11, 30);

    public TimeOnly AfternoonStart { get; set; } = new(13, 30);

    public TimeOnly AfternoonEnd { get; set; } = new(17, 0);

    /// <summary>The cut-off after which a receipt counts from the next working day, for procedures that apply it.</summary>
    public TimeOnly Cutoff { get; set; } = new(15, 0);

    /// <summary>The agency this one was merged into (it is then closed); null while it stands on its own.</summary>
    public int? SucceededById { get; set; }

    /// <summary>The day from which <see cref="SucceededById"/> answers for this agency: its reports of periods ending on or after it.</summary>
    public DateOnly? SucceededFrom { get; set; }

    public List<Unit> Units { get; } = [];
}

/// <summary>Cấp chính quyền: local government has two levels since 1/7/2025.</summary>
public enum AgencyLevel
{
    /// <summary>Cấp tỉnh: the provincial people's committee and its departments.</summary>
    Province,

    /// <summary>Cấp xã: a commune or ward people's committee and its centre.</summary>
    Commune,
}

/// <summary>Loại cơ quan.</summary>
public enum AgencyKind
{
    /// <summary>Sở, ban, ngành: a specialised agency of the province.</summary>
    Department,

    /// <summary>Ủy ban nhân dân (tỉnh or xã).</summary>
    PeopleCommittee,

    /// <summary>Trung tâm Phục vụ hành chính công: a receiving desk for other agencies' procedures.</summary>
    ServiceCentre,

    Other,
}

public enum UnitKind
{
    /// <summary>Bộ phận Một cửa (Bộ phận tiếp nhận và trả kết quả).</summary>
    OneStopDesk,

    /// <summary>Văn phòng.</summary>
    Office,

    /// <summary>Phòng chuyên môn.</summary>
    Division,

    /// <summary>Chi cục.</summary>
    SubDepartment,

    /// <summary>Lãnh đạo cơ quan (the agency's leadership as a unit that signs).</summary>
    Leadership,

    Other,
}

/// <summary>Đơn vị: a unit of an agency, in a tree (a desk inside an office, a team inside a sub-department).</summary>
public sealed class Unit
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public int? ParentId { get; set; }

    public Unit? Parent { get; set; }

    public required string Name { get; set; }

    public UnitKind Kind { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The unit of the same agency this one was merged into (it is then closed); null while it stands on its own.</summary>
    public int? SucceededById { get; set; }

    /// <summary>The day from which <see cref="SucceededById"/> answers for this unit in reports of periods ending on or after it.</summary>
    public DateOnly? SucceededFrom { get; set; }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(a => a.Code).HasMaxLength(32);
        b.HasIndex(a => a.Code).IsUnique();
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.Address).HasMaxLength(500);
        b.Property(a => a.Phone).HasMaxLength(50);
        b.Property(a => a.Email).HasMaxLength(200);
        b.Property(a => a.Level).HasConversion<string>().HasMaxLength(16).HasDefaultValue(AgencyLevel.Province).HasSentinel((AgencyLevel)(-1));
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32).HasDefaultValue(AgencyKind.Department).HasSentinel((AgencyKind)(-1));
        b.Property(a => a.ProvinceCode).HasMaxLength(8);
        b.Property(a => a.ParentBody).HasMaxLength(300);
        b.Property(a => a.PlaceName).HasMaxLength(100);
        b.Property(a => a.HeadTitle).HasMaxLength(100);
        b.Property(a => a.HeadName).HasMaxLength(200);
        b.Property(a => a.DeputyTitle).HasMaxLength(100);
        b.Property(a => a.DeputyName).HasMaxLength(200);
        // Defaults in the schema too, so rows that predate the columns get sensible office hours.
        b.Property(a => a.MorningStart).HasDefaultValue(new TimeOnly(7, 0));
        b.Property(a => a.MorningEnd).HasDefaultValue(new TimeOnly(11, 30));
        b.Property(a => a.AfternoonStart).HasDefaultValue(new TimeOnly(13, 30));
        b.Property(a => a.AfternoonEnd).HasDefaultValue(new TimeOnly(17, 0));
        b.Property(a => a.Cutoff).HasDefaultValue(new TimeOnly(15, 0));
        b.HasMany(a => a.Units).WithOne(u => u.Agency).HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(300);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.AgencyId, u.Name }).IsUnique();
    }
}
