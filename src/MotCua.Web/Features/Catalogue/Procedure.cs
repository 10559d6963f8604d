using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Catalogue;

// Dates that decide which version applies (EffectiveFrom/To, AbolishedFrom) are DateOnly: decisions state local days,
// and DateOnly compares correctly in SQL on both providers (ISO text on SQLite, date on PostgreSQL). Instants
// (CreatedAt) are UTC DateTimeOffset, stored only, never ordered or filtered in SQL: lists order by Id instead.

/// <summary>Lĩnh vực: a field of procedures, per agency (procedures.md §2.4).</summary>
public sealed class Field
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>
/// One administrative procedure (TTHC) of an agency's catalogue, identified by its national CSDLQG code (or a local
/// code where none was given). Its content lives in <see cref="Versions"/>; it is never deleted, only abolished.
/// </summary>
public sealed class Procedure
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>Mã TTHC, e.g. "1.004567"; upper-case so lookups match on case-sensitive PostgreSQL.</summary>
    public required string Code { get; set; }

    /// <summary>True when the agency assigned the code because the source gave no national code.</summary>
    public bool IsLocalCode { get; set; }

    /// <summary>First day on which no new dossier may be received (bãi bỏ or thay thế).</summary>
    public DateOnly? AbolishedFrom { get; set; }

    /// <summary>The procedure that replaced this one, when abolished by a replacement.</summary>
    public int? ReplacedByProcedureId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ProcedureVersion> Versions { get; } = [];
}

public enum VersionState
{
    /// <summary>Being prepared; not visible to the public and never used for a dossier.</summary>
    Draft,

    /// <summary>Announced by a publication decision (or imported from an announced catalogue); immutable.</summary>
    Published,
}

/// <summary>Hình thức của giấy tờ (bản chính / bản sao chứng thực / bản sao).</summary>
public enum PaperForm
{
    Original,
    CertifiedCopy,
    Copy,
    OriginalOrCertifiedCopy,
}

/// <summary>
/// The content of a procedure as announced at one time. Published versions are immutable; an amendment is a new
/// version. A dossier is pinned to the version in force on the day it is received (<see cref="CatalogueQueries.VersionInForceAsync"/>).
/// </summary>
public sealed class ProcedureVersion
{
    public int Id { get; set; }

    public int ProcedureId { get; set; }

    public Procedure? Procedure { get; set; }

    /// <summary>1, 2, 3… per procedure.</summary>
    public int Number { get; set; }

    public VersionState State { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>Last day in force (inclusive); null while in force.</summary>
    public DateOnly? EffectiveTo { get; set; }

    public int? PublicationDecisionId { get; set; }

    public PublicationDecision? PublicationDecision { get; set; }

    /// <summary>Where a version without a decision came from, e.g. "Nhập từ tệp procedures.json".</summary>
    public string? SourceNote { get; set; }

    public required string Name { get; set; }

    public int FieldId { get; set; }

    public Field? Field { get; set; }

    public ImplementationLevel Level { get; set; } = ImplementationLevel.Province;

    /// <summary>Cơ quan thực hiện.</summary>
    public string? ImplementingAgency { get; set; }

    /// <summary>Null = not confirmed by a source ("chưa xác minh"): the agency default applies and the public sees "Đang cập nhật".</summary>
    public decimal? ProcessingTimeValue { get; set; }

    public TimeUnit? ProcessingTimeUnit { get; set; }

    /// <summary>Free text the decision adds to the time, e.g. "03 ngày làm việc kiểm tra tính đầy đủ".</summary>
    public string? ProcessingTimeNote { get; set; }

    /// <summary>False = fees not confirmed ("Đang cập nhật"); true with no fee rows = free of charge.</summary>
    public bool FeesConfirmed { get; set; }

    /// <summary>What a supplement after receipt does to the clock; null = the province's default (<see cref="TimeLimitRule.SupplementPolicy"/>).</summary>
    public SupplementClockPolicy? SupplementPolicy { get; set; }

    /// <summary>The applicant's time to hand in a requested supplement (e.g. 15 working days); null when the procedure states none.</summary>
    public decimal? SupplementLimitValue { get; set; }

    public TimeUnit? SupplementLimitUnit { get; set; }

    public ProcessingTime? SupplementLimit =>
        SupplementLimitValue is { } v && SupplementLimitUnit is { } u ? new ProcessingTime(v, u) : null;

    public ApplicantTypes ApplicantTypes { get; set; }

    /// <summary>Trình tự thực hiện and cách thức thực hiện as announced.</summary>
    public string? HowToSubmit { get; set; }

    /// <summary>Kết quả thực hiện.</summary>
    public string? Result { get; set; }

    /// <summary>Yêu cầu, điều kiện.</summary>
    public string? Conditions { get; set; }

    public OnlineServiceLevel OnlineLevel { get; set; }

    /// <summary>The pre-2022 level 2/3/4 (ND 43/2011), kept for historical reports only.</summary>
    public int? LegacyOnlineLevel { get; set; }

    /// <summary>Tiếp nhận hồ sơ qua dịch vụ bưu chính công ích.</summary>
    public bool PostalReceipt { get; set; }

    /// <summary>Trả kết quả qua dịch vụ bưu chính công ích.</summary>
    public bool PostalReturn { get; set; }

    /// <summary>Tiếp nhận và trả kết quả tại Bộ phận Một cửa.</summary>
    public bool AtOneStop { get; set; } = true;

    /// <summary>
    /// The province's list says this procedure cannot be offered fully online (e.g. an on-site inspection is required):
    /// it leaves the denominator of "full-process online services / eligible procedures". A fact about the lists, not the
    /// version's announced content, so it may be set on a published version.
    /// </summary>
    public bool NotEligibleForFullOnline { get; set; }

    /// <summary>Niêm yết công khai tại Bộ phận Một cửa từ ngày (null = not recorded as posted). Set on published versions.</summary>
    public DateOnly? PostedOn { get; set; }

    /// <summary>Folded name + code + field (<see cref="Shared.TextSearch.Normalize"/>), matched with LIKE on both providers.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public List<ProcedurePaper> Papers { get; } = [];

    public List<ProcedureFee> Fees { get; } = [];

    public List<LegalBasis> LegalBases { get; } = [];

    public ProcessingTime? ProcessingTime =>
        ProcessingTimeValue is { } v && ProcessingTimeUnit is { } u ? new ProcessingTime(v, u) : null;

    public bool PostalEligible => PostalReceipt || PostalReturn;

    public EffectivePeriod? Period => State == VersionState.Published && EffectiveFrom is { } f ? new EffectivePeriod(f, EffectiveTo) : null;

    public void RefreshSearchText(string code, string fieldName) =>
        SearchText = Shared.TextSearch.Normalize(string.Join(' ', Name, code, fieldName));
    /// <summary>The desk's time to check an online dossier of this procedure, in working hours; null = the province's setting (<see cref="TimeLimitRule.OnlineCheck"/>).</summary>
    public decimal? OnlineCheckWorkingHours { get; set; }

    /// <summary>The text that sets <see cref="OnlineCheckWorkingHours"/>, printed as its basis ("Căn cứ …").</summary>
    public string? OnlineCheckSource { get; set; }
}

/// <summary>Whether a paper must be handed in: always, "nếu có" (when the applicant has it), or in a stated case.</summary>
public enum PaperRequirement
{
    Required,
    IfAny,
    Conditional,
}

/// <summary>Phí hay lệ phí (Luật Phí và lệ phí 2015): a fee pays for a service, a charge for a state act.</summary>
public enum FeeKind
{
    Fee,
    Charge,
}

/// <summary>Thành phần hồ sơ.</summary>
public sealed class ProcedurePaper
{
    public int Id { get; set; }

    public int ProcedureVersionId { get; set; }

    public int Seq { get; set; }

    public required string Name { get; set; }

    public PaperForm Form { get; set; }

    public int Quantity { get; set; } = 1;

    /// <summary>Must be handed in whatever the case; false for "nếu có" and for a paper required only in <see cref="Condition"/>.</summary>
    public bool Required { get; set; } = true;

    /// <summary>The case in which the paper is required, e.g. "Trường hợp nộp qua người được ủy quyền"; null when none applies.</summary>
    public string? Condition { get; set; }

    /// <summary>Ghi chú shown beside the paper, e.g. what must be certified.</summary>
    public string? Note { get; set; }

    /// <summary>Mẫu đơn, tờ khai, e.g. "Mẫu 01 Phụ lục I Thông tư 03/2014/TT-BKHCN".</summary>
    public string? Template { get; set; }

    /// <summary>The downloadable form itself; versions share the row, so an amendment keeps its predecessor's file.</summary>
    public int? TemplateFileId { get; set; }

    public ProcedureTemplateFile? TemplateFile { get; set; }

    /// <summary>Required, "nếu có", or required in a case: a stated condition wins over the flag, and a name saying "nếu có/nếu còn" over both.</summary>
    public PaperRequirement Requirement => Condition is not null ? PaperRequirement.Conditional
        : Required && !Core.Dossiers.ReceiptChecklist.NamedOptional(Name) ? PaperRequirement.Required : PaperRequirement.IfAny;

    /// <summary>
    /// The group of alternatives the paper belongs to ("một trong các giấy tờ sau"): papers of one procedure version with the
    /// same group each satisfy it; null for a paper that stands alone.
    /// </summary>
    public string? AlternativeGroup { get; set; }
}

/// <summary>
/// A downloadable form (mẫu đơn, tờ khai) of an agency: the bytes live in the file store under their SHA-256, the type
/// is the one sniffed from the content. Never changed once stored; papers of several versions may point at it.
/// </summary>
public sealed class ProcedureTemplateFile
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? UploadedBy { get; set; }
}

/// <summary>Phí, lệ phí.</summary>
public sealed class ProcedureFee
{
    public int Id { get; set; }

    public int ProcedureVersionId { get; set; }

    public int Seq { get; set; }

    public required string Name { get; set; }

    /// <summary>Phí or lệ phí; null where the source does not say which.</summary>
    public FeeKind? Kind { get; set; }

    /// <summary>In đồng.</summary>
    public decimal Amount { get; set; }

    /// <summary>Who pays or in which case the amount applies, e.g. "Cấp lần đầu"; null when it applies to every applicant.</summary>
    public string? AppliesTo { get; set; }

    /// <summary>The legal basis of the amount, e.g. "Thông tư 298/2016/TT-BTC".</summary>
    public string? Note { get; set; }
}

/// <summary>Căn cứ pháp lý.</summary>
public sealed class LegalBasis
{
    public int Id { get; set; }

    public int ProcedureVersionId { get; set; }

    public int Seq { get; set; }

    /// <summary>Số, ký hiệu, e.g. "08/2010/TT-BKHCN".</summary>
    public required string Number { get; set; }

    public string? Title { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Issuer { get; set; }
}

/// <summary>Per-agency catalogue settings.</summary>
public sealed class CatalogueSettings
{
    public int AgencyId { get; set; }

    /// <summary>The working days assumed for a procedure whose time is not confirmed (default 15, procedures-dost.json).</summary>
    public decimal DefaultProcessingDays { get; set; } = 15;
}

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> b)
    {
        b.ToTable("CatalogueFields");
        b.Property(f => f.Name).HasMaxLength(300);
        b.HasIndex(f => new { f.AgencyId, f.Name }).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.Property(p => p.Code).HasMaxLength(64);
        b.HasIndex(p => new { p.AgencyId, p.Code }).IsUnique();
        b.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Procedure>().WithMany().HasForeignKey(p => p.ReplacedByProcedureId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Versions).WithOne(v => v.Procedure).HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> b)
    {
        b.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
        b.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.OnlineLevel).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.ProcessingTimeUnit).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.ProcessingTimeValue).HasPrecision(9, 2);
        b.Property(v => v.SupplementPolicy).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.SupplementLimitUnit).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.SupplementLimitValue).HasPrecision(9, 2);
        b.Property(v => v.OnlineCheckWorkingHours).HasPrecision(9, 2);
        b.Property(v => v.OnlineCheckSource).HasMaxLength(500);
        b.Property(v => v.Name).HasMaxLength(1000);
        b.Property(v => v.SearchText).HasMaxLength(1400);
        b.Property(v => v.ImplementingAgency).HasMaxLength(500);
        b.Property(v => v.ProcessingTimeNote).HasMaxLength(1000);
        b.Property(v => v.SourceNote).HasMaxLength(500);
        b.Ignore(v => v.ProcessingTime);
        b.Ignore(v => v.Period);
        b.Ignore(v => v.PostalEligible);
        b.HasOne(v => v.Field).WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(v => v.PublicationDecision).WithMany().HasForeignKey(v => v.PublicationDecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Papers).WithOne().HasForeignKey(p => p.ProcedureVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Fees).WithOne().HasForeignKey(p => p.ProcedureVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.LegalBases).WithOne().HasForeignKey(p => p.ProcedureVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcedurePaperConfiguration : IEntityTypeConfiguration<ProcedurePaper>
{
    public void Configure(EntityTypeBuilder<ProcedurePaper> b)
    {
        b.Property(p => p.Name).HasMaxLength(1000);
        b.Property(p => p.Form).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Template).HasMaxLength(500);
        b.Property(p => p.Condition).HasMaxLength(500);
        b.Property(p => p.AlternativeGroup).HasMaxLength(32);
        b.Property(p => p.Note).HasMaxLength(1000);
        b.Ignore(p => p.Requirement);
        b.HasOne(p => p.TemplateFile).WithMany().HasForeignKey(p => p.TemplateFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureTemplateFileConfiguration : IEntityTypeConfiguration<ProcedureTemplateFile>
{
    public void Configure(EntityTypeBuilder<ProcedureTemplateFile> b)
    {
        b.ToTable("ProcedureTemplateFiles");
        b.Property(f => f.FileName).HasMaxLength(300);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedBy).HasMaxLength(100);
        b.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureFeeConfiguration : IEntityTypeConfiguration<ProcedureFee>
{
    public void Configure(EntityTypeBuilder<ProcedureFee> b)
    {
        b.Property(p => p.Name).HasMaxLength(500);
        b.Property(p => p.Amount).HasPrecision(18, 0);
        b.Property(p => p.Note).HasMaxLength(500);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.AppliesTo).HasMaxLength(500);
    }
}

internal sealed class LegalBasisConfiguration : IEntityTypeConfiguration<LegalBasis>
{
    public void Configure(EntityTypeBuilder<LegalBasis> b)
    {
        b.ToTable("LegalBases");
        b.Property(p => p.Number).HasMaxLength(100);
        b.Property(p => p.Title).HasMaxLength(1000);
        b.Property(p => p.Issuer).HasMaxLength(300);
    }
}

internal sealed class CatalogueSettingsConfiguration : IEntityTypeConfiguration<CatalogueSettings>
{
    public void Configure(EntityTypeBuilder<CatalogueSettings> b)
    {
        b.HasKey(s => s.AgencyId);
        b.Property(s => s.AgencyId).ValueGeneratedNever();
        b.Property(s => s.DefaultProcessingDays).HasPrecision(9, 2);
        b.HasOne<Agency>().WithOne().HasForeignKey<CatalogueSettings>(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
