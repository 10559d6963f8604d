using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Dossiers;

public enum PaperCopyKind
{
    Original,
    Copy,
    CertifiedCopy,
}

/// <summary>One line of the receipt checklist (thành phần hồ sơ): present or missing, original or copy.</summary>
public sealed class DossierPaper
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public int Seq { get; set; }

    public required string Name { get; set; }

    public bool Present { get; set; }

    public PaperCopyKind Form { get; set; }

    public int Quantity { get; set; } = 1;

    public long? FileId { get; set; }
}

public enum DossierFileKind
{
    /// <summary>A scanned or uploaded component of the dossier.</summary>
    Component,

    /// <summary>The digitised result (kết quả số hóa).</summary>
    Result,

    /// <summary>A paper the applicant handed in answer to a supplement request; the upload instant marks the round.</summary>
    Supplement,
}

/// <summary>A stored file, outside the web root, checked by content (magic bytes) and hashed.</summary>
public sealed class DossierFile
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public int AgencyId { get; set; }

    public DossierFileKind Kind { get; set; }

    /// <summary>The <see cref="DossierPaper.Seq"/> of the paper this file is a copy of, when known.</summary>
    public int? PaperSeq { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>Relative to the content root.</summary>
    public required string StoragePath { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? UploadedBy { get; set; }

    /// <summary>For a supplement file: the code of the request item it answers (e.g. BS1-01); null when it answers the request as a whole.</summary>
    public string? SupplementItemCode { get; set; }
}

/// <summary>One hand-over or transition: who, when, from, to, note. Fills the control slip and the timeline.</summary>
public sealed class DossierEvent
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Null for the record of an imported dossier (its history lives in the previous system).</summary>
    public DossierAction? Action { get; set; }

    public DossierStatus? FromStatus { get; set; }

    public DossierStatus ToStatus { get; set; }

    public int FromStep { get; set; }

    public int ToStep { get; set; }

    public int? FromUnitId { get; set; }

    public int? ToUnitId { get; set; }

    public string? ActorUserName { get; set; }

    public string? ActorName { get; set; }

    public string? Assignee { get; set; }

    public string? Note { get; set; }
}

/// <summary>Unit and officer per step of the plan, with the per-step due instant (calculator.SplitSteps).</summary>
public sealed class DossierStepAssignment
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public int StepIndex { get; set; }

    public required string StepName { get; set; }

    public int? UnitId { get; set; }

    public string? Assignee { get; set; }

    public DateTimeOffset PlannedStartAt { get; set; }

    public DateTimeOffset PlannedDueAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>An official form issued for a dossier (which one, its number, when, by whom).</summary>
public sealed class DossierForm
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public OfficialFormKind Kind { get; set; }

    public required string Number { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public string? IssuedBy { get; set; }

    /// <summary>Reason or content printed on the form (supplement list, refusal reason, apology reason).</summary>
    public string? Content { get; set; }
}

/// <summary>Phiếu xin lỗi và hẹn lại: the original appointment is kept; lateness is judged against it.</summary>
public sealed class DossierApology
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public int? ResponsibleUnitId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset OriginalDueAt { get; set; }

    public DateTimeOffset NewAppointmentAt { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public string? IssuedBy { get; set; }
}

/// <summary>Văn bản giải trình: required for late, supplement and refusal cases; the text is recorded later.</summary>
public sealed class DossierExplanation
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public AccountabilityCase Case { get; set; }

    public DateTimeOffset RequiredAt { get; set; }

    public string? Text { get; set; }

    public DateTimeOffset? RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}

/// <summary>A receipt API call's Idempotency-Key: a retried request returns the first response, never a second dossier.</summary>
public sealed class DossierIdempotencyKey
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public Dossier? Dossier { get; set; }

    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public long DossierId { get; set; }

    public required string ResponseJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Per-agency per-local-day sequence of dossier codes; <see cref="Next"/> is also the concurrency token.</summary>
public sealed class DossierCodeCounter
{
    public int AgencyId { get; set; }

    public DateOnly Day { get; set; }

    public int Next { get; set; }
}
