using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Reports;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Dossiers;

// Instants: every dossier instant is a UTC DateTimeOffset in .NET and is stored as UTC ticks (bigint) on BOTH
// providers (UtcTicksConverter). The queues order and filter by due and receipt instants in SQL, which EF's SQLite
// provider cannot do on DateTimeOffset; one representation on both databases keeps reports identical.

public enum ApplicantKind
{
    Individual,
    Organisation,
}

public enum PaymentStatus
{
    /// <summary>No fee, or not yet paid.</summary>
    Unpaid,
    PaidAtDesk,
    PaidOnline,
}

/// <summary>
/// One step of the process snapshot a dossier was pinned to (kept as JSON on the dossier). <paramref name="AtDesk"/>: the
/// process places the step at the one-stop desk itself (e.g. its hand-over); plans stored before it was kept read false.
/// </summary>
public sealed record PlannedStep(string Name, int? UnitId, string? UnitName, decimal DurationValue, TimeUnit DurationUnit, bool AtDesk = false)
{
    public ProcessingTime Duration => new(DurationValue, DurationUnit);

    /// <summary>
    /// The unit a dossier is handed to when the officer names none (the transfer action, and the unit the receipt and
    /// dossier pages preselect): the first planned unit that <paramref name="canTake"/> it now (active, of the agency,
    /// and <see cref="MayTake"/>).
    /// </summary>
    public static int? FirstHandOverUnit(IEnumerable<PlannedStep> plan, Func<int, bool> canTake) =>
        plan.Select(s => s.UnitId).FirstOrDefault(id => id is { } unit && canTake(unit));

    /// <summary>
    /// Whether a unit may be given a dossier on this plan, the one rule behind the transfer check, its default and the
    /// pages' unit lists: any unit but the one-stop desk, and the desk only when the process has it do every routed step
    /// itself. Otherwise the desk receives and hands over, and a dossier "transferred" to it would sit at a step nobody
    /// there is meant to take (plans stored before <see cref="AtDesk"/> was kept mark nothing: the desk is refused).
    /// </summary>
    public static bool MayTake(IReadOnlyCollection<PlannedStep> plan, bool unitIsDesk) => !unitIsDesk || (plan.Count > 0 && plan.All(s => s.AtDesk));

    /// <summary>A routed step's name (<see cref="ProcessRouting.NameOf"/>).</summary>
    public static string NameOf(StepKind kind, string? description) => ProcessRouting.NameOf(kind, description);

    /// <summary>The steps a dossier is routed along (<see cref="ProcessRouting.Routed"/>).</summary>
    public static List<T> Routed<T>(IEnumerable<T> steps, Func<T, StepKind> kind, Func<T, bool> atDesk) => ProcessRouting.Routed(steps, kind, atDesk);
}

/// <summary>
/// Hồ sơ TTHC: one dossier of one agency, pinned to the procedure version in force at receipt, with a snapshot of what
/// it needs (code, name, time, step plan) so a closed period's report stays reproducible after catalogue edits.
/// The <see cref="DossierState"/> fields are persisted here; <see cref="ToState"/> rebuilds the record to act on it.
/// </summary>
public sealed class Dossier
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>Mã hồ sơ, unique per agency (<see cref="DossierCode"/>).</summary>
    public required string Code { get; set; }

    public DossierChannel Channel { get; set; }

    public ApplicantKind ApplicantKind { get; set; }

    public required string ApplicantName { get; set; }

    public string? ApplicantIdNumber { get; set; }

    public string? ApplicantPhone { get; set; }

    public string? ApplicantEmail { get; set; }

    public string? ApplicantAddress { get; set; }

    // ---- pinned procedure version and its snapshot
    public int ProcedureVersionId { get; set; }

    public required string ProcedureCode { get; set; }

    public required string ProcedureName { get; set; }

    /// <summary>Null for procedures without a time limit.</summary>
    public decimal? ProcessingTimeValue { get; set; }

    public TimeUnit? ProcessingTimeUnit { get; set; }

    /// <summary>False when the agency default stood in for an unverified time.</summary>
    public bool ProcessingTimeVerified { get; set; }

    public bool ApplyCutoff { get; set; }

    public SupplementClockPolicy SupplementPolicy { get; set; }

    public string StepPlanJson { get; set; } = "[]";

    public LegalRegimeId Regime { get; set; }

    // ---- state (DossierState)
    public DossierStatus Status { get; set; }

    public int CurrentStep { get; set; }

    /// <summary>The unit holding the dossier at the current step (queues filter on it); null before transfer.</summary>
    public int? CurrentUnitId { get; set; }

    /// <summary>User name of the assigned officer.</summary>
    public string? Assignee { get; set; }

    public DateTimeOffset? StepStartedAt { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public DateTimeOffset? ClockStartedAt { get; set; }

    public DateTimeOffset? AppointmentAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? RescheduledDueAt { get; set; }

    public string PausesJson { get; set; } = "[]";

    public DateTimeOffset? OpenPauseFrom { get; set; }

    public PauseReason? OpenPauseReason { get; set; }

    public DossierStatus? ResumeStatus { get; set; }

    public bool SupplementRequested { get; set; }

    public bool Rescheduled { get; set; }

    public string? InterAgencyPartner { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public ResultDelivery? ReturnMethod { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool ResultDigitised { get; set; }

    // ---- digitisation and fees
    /// <summary>The dossier's components were scanned and stored (số hóa thành phần hồ sơ).</summary>
    public bool ComponentsDigitised { get; set; }

    /// <summary>In đồng (no fractions).</summary>
    public long FeeAmount { get; set; }

    public PaymentStatus PaymentStatus { get; set; }

    /// <summary>Migrated from a previous one-stop system (counted like any other).</summary>
    public bool Imported { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    // ---- report projection (issue #7; Reports/DossierProjection.cs keeps it, Reports/README in Core gives the SQL)
    /// <summary>Unit in charge of the procedure, pinned at receipt (first planned unit other than the desk, else the unit of the first transfer).</summary>
    public int? ReportUnitId { get; set; }

    public string? ReportUnitName { get; set; }

    /// <summary>Lĩnh vực of the pinned version, with its name at receipt.</summary>
    public int ReportFieldId { get; set; }

    public string ReportFieldName { get; set; } = "";

    /// <summary>The procedure (stable across versions), so a row groups all versions of one procedure.</summary>
    public int ReportProcedureId { get; set; }

    /// <summary>Online level of the pinned version at receipt.</summary>
    public OnlineServiceLevel ReportOnlineLevel { get; set; }

    /// <summary>Takes part in Biểu 06: received (desk refusals and not-yet-received submissions do not).</summary>
    public bool ReportCounted { get; set; }

    /// <summary>UTC ticks of the closing event counting completion; <see cref="DossierProjection.Open"/> while open.</summary>
    public long ReportClosedAt { get; set; } = DossierProjection.Open;

    public ClosingKind? ReportClosedKind { get; set; }

    /// <summary>The same counting the return to the applicant.</summary>
    public long ReportClosedAtReturn { get; set; } = DossierProjection.Open;

    public ClosingKind? ReportClosedKindReturn { get; set; }

    /// <summary>
    /// UTC ticks of the national portal's first acknowledgement of an update of this dossier (QĐ 766 indicator 1.2:
    /// "synced" = acknowledged before the period's end), kept by the outbox so the index is one aggregate over Dossiers.
    /// </summary>
    public long? ReportSyncedAt { get; set; }

    /// <summary>Optimistic concurrency token, incremented on every change.</summary>
    public long Version { get; set; }

    public List<DossierPaper> Papers { get; } = [];

    public List<DossierEvent> Events { get; } = [];

    public ProcessingTime? ProcessingTime =>
        ProcessingTimeValue is { } v && ProcessingTimeUnit is { } u ? new ProcessingTime(v, u) : null;

    public IReadOnlyList<PlannedStep> StepPlan
    {
        get => JsonSerializer.Deserialize<List<PlannedStep>>(StepPlanJson, Json) ?? [];
        set => StepPlanJson = JsonSerializer.Serialize(value, Json);
    }

    public DossierTerms Terms => new(ProcessingTime, Math.Max(1, StepPlan.Count), ApplyCutoff, SupplementPolicy);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record StoredPause(DateTimeOffset From, DateTimeOffset? To, PauseReason Reason);

    public DossierState ToState() => new()
    {
        Status = Status,
        Channel = Channel,
        Terms = Terms,
        CurrentStep = CurrentStep,
        StepStartedAt = StepStartedAt,
        Assignee = Assignee,
        ReceivedAt = ReceivedAt,
        ClockStartedAt = ClockStartedAt,
        AppointmentAt = AppointmentAt,
        DueAt = DueAt,
        RescheduledDueAt = RescheduledDueAt,
        Pauses = (JsonSerializer.Deserialize<List<StoredPause>>(PausesJson, Json) ?? []).Select(p => new Pause(p.From, p.To, p.Reason)).ToList(),
        OpenPause = OpenPauseFrom is { } from && OpenPauseReason is { } reason ? new Pause(from, null, reason) : null,
        ResumeStatus = ResumeStatus,
        SupplementRequested = SupplementRequested,
        Rescheduled = Rescheduled,
        InterAgencyPartner = InterAgencyPartner,
        CompletedAt = CompletedAt,
        ReturnedAt = ReturnedAt,
        ReturnMethod = ReturnMethod,
        ClosedAt = ClosedAt,
        ResultDigitised = ResultDigitised,
    };

    /// <summary>Copies a state from the rules onto the columns and bumps the concurrency token.</summary>
    public void Apply(DossierState s)
    {
        Status = s.Status;
        CurrentStep = s.CurrentStep;
        StepStartedAt = s.StepStartedAt;
        Assignee = s.Assignee;
        ReceivedAt = s.ReceivedAt;
        ClockStartedAt = s.ClockStartedAt;
        AppointmentAt = s.AppointmentAt;
        DueAt = s.DueAt;
        RescheduledDueAt = s.RescheduledDueAt;
        PausesJson = JsonSerializer.Serialize(s.Pauses.Select(p => new StoredPause(p.From, p.To, p.Reason)).ToList(), Json);
        OpenPauseFrom = s.OpenPause?.From;
        OpenPauseReason = s.OpenPause?.Reason;
        ResumeStatus = s.ResumeStatus;
        SupplementRequested = s.SupplementRequested;
        Rescheduled = s.Rescheduled;
        InterAgencyPartner = s.InterAgencyPartner;
        CompletedAt = s.CompletedAt;
        ReturnedAt = s.ReturnedAt;
        ReturnMethod = s.ReturnMethod;
        ClosedAt = s.ClosedAt;
        ResultDigitised = s.ResultDigitised;
        Version++;
    }
}

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
}

/// <summary>A stored file, outside the web root, checked by content (magic bytes) and hashed.</summary>
public sealed class DossierFile
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public int AgencyId { get; set; }

    public DossierFileKind Kind { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>Relative to the content root.</summary>
    public required string StoragePath { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? UploadedBy { get; set; }
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

internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

internal static class DossierModel
{
    /// <summary>All DateTimeOffset properties of an entity as UTC ticks (see the note at the top of Dossier.cs).</summary>
    public static void UtcTicks<T>(EntityTypeBuilder<T> b)
        where T : class
    {
        foreach (var p in b.Metadata.GetDeclaredProperties())
        {
            if (p.ClrType == typeof(DateTimeOffset))
            {
                p.SetValueConverter(new UtcTicksConverter());
            }
            else if (p.ClrType == typeof(DateTimeOffset?))
            {
                p.SetValueConverter(new UtcTicksConverter());
            }
        }
    }
}

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        b.Property(d => d.Code).HasMaxLength(64);
        b.HasIndex(d => new { d.AgencyId, d.Code }).IsUnique();
        // The public look-up finds a dossier by code alone (the code carries the agency prefix): issue #10.
        b.HasIndex(d => d.Code);
        b.HasIndex(d => new { d.AgencyId, d.Status, d.DueAt });
        // Reports and the 766 index read a period's rows through two index ranges only (Core Reports/README): dossiers
        // received in the period, and dossiers received before it and still open at its start. On PostgreSQL both
        // indexes carry every column those aggregates read (INCLUDE), so a quarter over millions of rows is an
        // index-only scan that never touches the wide heap rows (docs/performance.md). Fixed-width columns first.
        b.HasIndex(d => new { d.AgencyId, d.ReceivedAt }).IncludeProperties(d => new
        {
            d.Id, d.ReportCounted, d.ReportUnitId, d.ReportFieldId, d.ReportProcedureId, d.DueAt, d.ReportClosedAt, d.ReportClosedKind,
            d.ReportClosedAtReturn, d.ReportClosedKindReturn, d.FeeAmount, d.ComponentsDigitised, d.ResultDigitised, d.ReportSyncedAt,
            d.Channel, d.PaymentStatus, d.ReturnMethod,
        });
        // "Open at the period's start" is an interval stabbing query, which a B-tree cannot answer without scanning
        // everything closed after the start. Split at ReportRanges.LongOpen before the start: recent receipts come from
        // the index above; older ones are open at the start only if they stayed open longer than that, and those few
        // dossiers have this partial index of their own.
        b.HasIndex(d => new { d.AgencyId, d.ReceivedAt }, "IX_Dossiers_Report_LongOpen")
            .HasFilter(ReportRanges.LongOpenFilter)
            .IncludeProperties(d => new
            {
                d.Id, d.ReportCounted, d.ReportUnitId, d.ReportFieldId, d.ReportProcedureId, d.DueAt, d.ReportClosedAt, d.ReportClosedKind,
                d.ReportClosedAtReturn, d.ReportClosedKindReturn, d.FeeAmount, d.ComponentsDigitised, d.ResultDigitised, d.ReportSyncedAt,
                d.Channel, d.PaymentStatus, d.ReturnMethod,
            });
        b.HasIndex(d => new { d.AgencyId, d.CurrentUnitId, d.Status });
        // Dossiers stored before the report projection (ReportBackfill runs at every start): empty once backfilled, so
        // the start-up check is one probe instead of a walk over every dossier (10 GB at 10M rows: issue #10, session 4).
        b.HasIndex(d => d.Id, "IX_Dossiers_ReportBackfill").HasFilter(ReportBackfill.PendingFilter);
        // The specialist's queue (/ho-so/hang-doi, issue #10): open dossiers only, in page order, so a page of 50 is an
        // index range however many closed dossiers are stored. Queries repeat the filter as constants (DossierQueues.OpenOf).
        b.HasIndex(d => new { d.AgencyId, d.CurrentUnitId, d.DueAt, d.Id }).HasDatabaseName("IX_Dossiers_Queue_Unit")
            .HasFilter(Pages.DossierQueues.OpenIndexFilter);
        b.HasIndex(d => new { d.AgencyId, d.Assignee, d.DueAt, d.Id }).HasDatabaseName("IX_Dossiers_Queue_Assignee")
            .HasFilter(Pages.DossierQueues.OpenIndexFilter);
        // The in-memory facts (drill-downs, scoring) find "open at the start" by the closing instant.
        b.HasIndex(d => new { d.AgencyId, d.ReportClosedAt }).HasDatabaseName("IX_Dossiers_Report_Closed");
        b.HasIndex(d => new { d.AgencyId, d.ReportClosedAtReturn }).HasDatabaseName("IX_Dossiers_Report_ClosedReturn");
        b.Property(d => d.ReportUnitName).HasMaxLength(300);
        b.Property(d => d.ReportFieldName).HasMaxLength(300);
        b.Property(d => d.ReportOnlineLevel).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.ApplicantKind).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.ApplicantName).HasMaxLength(300);
        b.Property(d => d.ApplicantIdNumber).HasMaxLength(32);
        b.Property(d => d.ApplicantPhone).HasMaxLength(32);
        b.Property(d => d.ApplicantEmail).HasMaxLength(200);
        b.Property(d => d.ApplicantAddress).HasMaxLength(500);
        b.Property(d => d.ProcedureCode).HasMaxLength(64);
        b.Property(d => d.ProcedureName).HasMaxLength(1000);
        b.Property(d => d.ProcessingTimeValue).HasPrecision(9, 2);
        b.Property(d => d.ProcessingTimeUnit).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.SupplementPolicy).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Regime).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.ResumeStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.OpenPauseReason).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.ReturnMethod).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.PaymentStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Assignee).HasMaxLength(256);
        b.Property(d => d.InterAgencyPartner).HasMaxLength(300);
        b.Property(d => d.Version).IsConcurrencyToken();
        // Written by the outbox without a version change (the officer's form stays valid); a save that read the dossier
        // before that write must not go through with a stale value, or its report roll-up delta would be wrong.
        b.Property(d => d.ReportSyncedAt).IsConcurrencyToken();
        b.Ignore(d => d.ProcessingTime);
        b.Ignore(d => d.StepPlan);
        b.Ignore(d => d.Terms);
        b.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProcedureVersion>().WithMany().HasForeignKey(d => d.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Papers).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Events).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierPaperConfiguration : IEntityTypeConfiguration<DossierPaper>
{
    public void Configure(EntityTypeBuilder<DossierPaper> b)
    {
        b.Property(p => p.Name).HasMaxLength(1000);
        b.Property(p => p.Form).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class DossierFileConfiguration : IEntityTypeConfiguration<DossierFile>
{
    public void Configure(EntityTypeBuilder<DossierFile> b)
    {
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoragePath).HasMaxLength(500);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.HasOne(f => f.Dossier).WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.DossierId);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> b)
    {
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.ActorUserName).HasMaxLength(256);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Assignee).HasMaxLength(256);
        b.Property(e => e.Note).HasMaxLength(2000);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierStepAssignmentConfiguration : IEntityTypeConfiguration<DossierStepAssignment>
{
    public void Configure(EntityTypeBuilder<DossierStepAssignment> b)
    {
        b.Property(s => s.StepName).HasMaxLength(300);
        b.Property(s => s.Assignee).HasMaxLength(256);
        b.HasOne(s => s.Dossier).WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.DossierId, s.StepIndex }).IsUnique();
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierFormConfiguration : IEntityTypeConfiguration<DossierForm>
{
    public void Configure(EntityTypeBuilder<DossierForm> b)
    {
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(f => f.Number).HasMaxLength(100);
        b.Property(f => f.IssuedBy).HasMaxLength(256);
        b.Property(f => f.Content).HasMaxLength(4000);
        b.HasOne(f => f.Dossier).WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.DossierId);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierApologyConfiguration : IEntityTypeConfiguration<DossierApology>
{
    public void Configure(EntityTypeBuilder<DossierApology> b)
    {
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.Property(a => a.IssuedBy).HasMaxLength(256);
        b.HasOne(a => a.Dossier).WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.DossierId);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierExplanationConfiguration : IEntityTypeConfiguration<DossierExplanation>
{
    public void Configure(EntityTypeBuilder<DossierExplanation> b)
    {
        b.Property(e => e.Case).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Text).HasMaxLength(4000);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasOne(e => e.Dossier).WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.DossierId);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierIdempotencyKeyConfiguration : IEntityTypeConfiguration<DossierIdempotencyKey>
{
    public void Configure(EntityTypeBuilder<DossierIdempotencyKey> b)
    {
        b.Property(k => k.Key).HasMaxLength(200);
        b.Property(k => k.RequestHash).HasMaxLength(64);
        b.HasIndex(k => new { k.AgencyId, k.Key }).IsUnique();
        b.HasOne(k => k.Dossier).WithMany().HasForeignKey(k => k.DossierId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierCodeCounterConfiguration : IEntityTypeConfiguration<DossierCodeCounter>
{
    public void Configure(EntityTypeBuilder<DossierCodeCounter> b)
    {
        b.HasKey(c => new { c.AgencyId, c.Day });
        b.Property(c => c.Next).IsConcurrencyToken();
    }
}
