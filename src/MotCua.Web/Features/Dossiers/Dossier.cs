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
/// Hồ sơ TTHC: one dossier of one agency, pinned to the procedure version in force at receipt, with a snapshot of what
/// it needs (code, name, time, step plan) so a closed period's report stays reproducible after catalogue edits.
/// The <see cref="DossierState"/> fields are persisted here; <see cref="ToState"/> rebuilds the record to act on it.
/// </summary>
public sealed class Dossier
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The service centre that received the dossier for <see cref="AgencyId"/> regardless of boundary; null when the agency received it.</summary>
    public int? ReceivingAgencyId { get; set; }

    /// <summary>The receiving centre's desk unit (with <see cref="ReceivingAgencyId"/>).</summary>
    public int? ReceivingUnitId { get; set; }

    /// <summary>Mã hồ sơ, unique per agency (<see cref="DossierCode"/>).</summary>
    public required string Code { get; set; }

    public DossierChannel Channel { get; set; }

    /// <summary>The national portal's dossier code (MaHoSoQG) for a dossier received from it, so status pushes name it; null otherwise.</summary>
    public string? NationalCode { get; set; }

    public ApplicantKind ApplicantKind { get; set; }

    public required string ApplicantName { get; set; }

    /// <summary>
    /// The applicant's and procedure's names folded for search (<see cref="DossierSearch.Fold"/>), written in the one
    /// save; null until filled for a dossier stored before the column existed, empty once the applicant is anonymised.
    /// </summary>
    public string? SearchText { get; set; }

    public string? ApplicantIdNumber { get; set; }

    public string? ApplicantPhone { get; set; }

    public string? ApplicantEmail { get; set; }

    public string? ApplicantAddress { get; set; }

    /// <summary>For an organisation, the person who submits on its behalf (its name is <see cref="ApplicantName"/>, its tax code <see cref="ApplicantIdNumber"/>).</summary>
    public string? RepresentativeName { get; set; }

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

    /// <summary>The applicant's time to hand in a supplement, pinned from the procedure version; null when it states none.</summary>
    public decimal? SupplementLimitValue { get; set; }

    public TimeUnit? SupplementLimitUnit { get; set; }

    /// <summary>The desk's online check time pinned from the procedure version, in working hours; null = the province's setting.</summary>
    public decimal? OnlineCheckWorkingHours { get; set; }

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

    /// <summary>The processing body's request after receipt was made (once per dossier).</summary>
    public bool SupplementRequested { get; set; }

    /// <summary>The desk's guidance at its check was given (once per dossier).</summary>
    public bool DeskGuidanceGiven { get; set; }

    public bool Rescheduled { get; set; }

    public string? InterAgencyPartner { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public ResultDelivery? ReturnMethod { get; set; }

    /// <summary>How the applicant asked at receipt to get the result (null for dossiers received before the choice was recorded).</summary>
    public ResultDelivery? ReturnChoice { get; set; }

    /// <summary>The delivery address when the result goes by post.</summary>
    public string? ReturnAddress { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool ResultDigitised { get; set; }

    // ---- digitisation and fees
    /// <summary>The dossier's components were scanned and stored (số hóa thành phần hồ sơ).</summary>
    public bool ComponentsDigitised { get; set; }

    /// <summary>A paper was satisfied by a document already held for the applicant (tái sử dụng dữ liệu số hóa), with their consent.</summary>
    public bool ReusedDigitisedData { get; set; }

    /// <summary>In đồng (no fractions).</summary>
    public long FeeAmount { get; set; }

    public PaymentStatus PaymentStatus { get; set; }

    /// <summary>Why the fee differs from the catalogue's (exemption, reduction...), recorded at receipt.</summary>
    public string? FeeNote { get; set; }

    /// <summary>Migrated from a previous one-stop system (counted like any other).</summary>
    public bool Imported { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency token, incremented on every change.</summary>
    public long Version { get; set; }

    public List<DossierPaper> Papers { get; } = [];

    public List<DossierEvent> Events { get; } = [];

    public ProcessingTime? ProcessingTime =>
        ProcessingTimeValue is { } v && ProcessingTimeUnit is { } u ? new ProcessingTime(v, u) : null;

    public IReadOnlyList<PlannedStep> StepPlan
    {
        get
        {
            // Parsed once per stored text: a command reads the plan several times (state, terms, routing, projection).
            var json = StepPlanJson;
            if (!ReferenceEquals(json, _parsedPlanJson))
            {
                _parsedPlan = JsonSerializer.Deserialize<List<PlannedStep>>(json, Json) ?? [];
                _parsedPlanJson = json;
            }
            return _parsedPlan!;
        }
        set => StepPlanJson = JsonSerializer.Serialize(value, Json);
    }

    private string? _parsedPlanJson;
    private IReadOnlyList<PlannedStep>? _parsedPlan;

    public DossierTerms Terms => new(ProcessingTime, PlannedStep.ProcessingStepCount(StepPlan), ApplyCutoff, SupplementPolicy,
        SupplementLimitValue is { } limit && SupplementLimitUnit is { } limitUnit ? new ProcessingTime(limit, limitUnit) : null,
        OnlineCheckWorkingHours is { } check ? new ProcessingTime(check, TimeUnit.WorkingHours) : null);

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
        DeskGuidanceGiven = DeskGuidanceGiven,
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
        DeskGuidanceGiven = s.DeskGuidanceGiven;
        Rescheduled = s.Rescheduled;
        InterAgencyPartner = s.InterAgencyPartner;
        CompletedAt = s.CompletedAt;
        ReturnedAt = s.ReturnedAt;
        ReturnMethod = s.ReturnMethod;
        ClosedAt = s.ClosedAt;
        ResultDigitised = s.ResultDigitised;
        Version++;
    }

    /// <summary>
    /// The receiving centre whose desk returns the result, when the applicant chose to collect it where they submitted;
    /// null: the deciding agency returns it (at its desk, by post or online as <see cref="ReturnChoice"/> says).
    /// </summary>
    public int? ReturnAtCentreId { get; set; }
}
