using System.Diagnostics.CodeAnalysis;

using MotCua.Core.Calendar;
using MotCua.Core.Notifications;

namespace MotCua.Core.Dossiers;

/// <summary>A step assignment as stored: who holds which step of the plan and when it ran.</summary>
public sealed record StepAssignment(int StepIndex, int? UnitId, string? Assignee, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>
/// A dossier as the decider reads it: its state, agency, the unit holding it, the pinned step plan and, for the actions
/// that move between steps (<see cref="DossierDecider.NeedsSteps"/>), the tracked step assignments.
/// </summary>
/// <param name="IsNew">A dossier being received now: the first status counts as a change, and a Draft is submitted first.</param>
public sealed record DossierSnapshot(DossierState State, int AgencyId, int? UnitId, IReadOnlyList<PlannedStep> Plan, bool IsNew = false)
{
    /// <summary>The dossier code and procedure code, for the audit summary.</summary>
    public string Code { get; init; } = "";

    public string ProcedureCode { get; init; } = "";

    /// <summary>The tracked step assignments (empty when the action needs none).</summary>
    public IReadOnlyList<StepAssignment> Steps { get; init; } = [];

    /// <summary>When the dossier was submitted: the online check, and so the desk's guidance, runs from here.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>Where the dossier stands for the scope rule.</summary>
    public DossierHolding Holding => new(State.Status, UnitId, State.Assignee);

    /// <summary>How the applicant receives the result, as chosen at receipt or corrected since.</summary>
    public ResultDelivery? ReturnChoice { get; init; }

    /// <summary>The centre where the applicant registered to collect the result, for a dossier received at one for this agency.</summary>
    public CollectCentre? ReturnAtCentre { get; init; }

    /// <summary>The dossier's earlier supplement requests, read for a new request (its round and the repeat rule).</summary>
    public IReadOnlyList<EarlierSupplement> EarlierSupplements { get; init; } = [];
}

/// <summary>One command on a dossier: the action and the inputs it may need.</summary>
public sealed record DossierCommand(DossierAction Action)
{
    public string? Note { get; init; }

    public string? Assignee { get; init; }

    public int? TargetStep { get; init; }

    public DateTimeOffset? NewAppointment { get; init; }

    public ResultDelivery? Delivery { get; init; }

    public string? Partner { get; init; }

    /// <summary>For <see cref="DossierAction.Transfer"/>: the unit chosen (default: the first hand-over unit of the plan);
    /// for <see cref="DossierAction.Receive"/>: receive and transfer to this unit in the same save.</summary>
    public int? UnitId { get; init; }

    /// <summary>The request field a problem with <see cref="UnitId"/> is reported on.</summary>
    public string UnitField { get; init; } = "unitId";

    /// <summary>The history note when it differs from <see cref="Note"/> (the online supplement names its files).</summary>
    public string? HistoryNote { get; init; }

    /// <summary>For <see cref="DossierAction.RequestSupplement"/>: every item asked for (required, Mẫu 02 lists them).</summary>
    public IReadOnlyList<SupplementItem> SupplementItems { get; init; } = [];

    /// <summary>For <see cref="DossierAction.RequestSupplement"/>: the act the caller means; refused when the status allows the other.</summary>
    public SupplementAct? SupplementAct { get; init; }

    /// <summary>For <see cref="DossierAction.Appraise"/>: the user name of the leader who is to approve (required); the dossier is assigned to them.</summary>
    public string? LeaderUserId { get; init; }

    /// <summary>For <see cref="DossierAction.RequestSupplement"/>: why papers an earlier request could have asked for are asked now.</summary>
    public string? RepeatReason { get; init; }
}

/// <summary>A leader named by a command, as the edge found them: an active officer of the agency, their unit and roles.</summary>
/// <param name="InLeadership">Whether their unit is the agency's leadership (Ban Giám đốc), whose leaders approve for every unit.</param>
public sealed record LeaderInfo(string UserName, int? UnitId, bool IsLeader, bool InLeadership);

/// <summary>A unit as routing needs it.</summary>
public sealed record UnitInfo(int Id, int AgencyId, bool IsActive, bool IsDesk);

/// <summary>What the decider knows besides the dossier: the instant, the calendar, the caller, the units, the named officer.</summary>
public sealed record DecisionContext(DateTimeOffset At, DeadlineCalculator Calculator, DossierActor Actor)
{
    /// <summary>The units a transfer may name or default to (those of the plan and the chosen one).</summary>
    public IReadOnlyDictionary<int, UnitInfo> Units { get; init; } = new Dictionary<int, UnitInfo>();

    /// <summary>Whether the command's assignee is an active specialist of the dossier's agency (the desk and the administrator do not handle dossiers); null when none is named.</summary>
    public bool? AssigneeIsSpecialist { get; init; }

    /// <summary>The command's <see cref="DossierCommand.LeaderUserId"/> as an active officer of the agency; null when none is named or found.</summary>
    public LeaderInfo? Leader { get; init; }

    /// <summary>Whether the dossier's result document is ready for the desk to hand over; the desk is alerted only when it is.</summary>
    public bool ResultReadyForDesk { get; init; }
}

/// <summary>Why a command is refused; the web maps these to HTTP (409, 403, 400, 422, 400).</summary>
public enum DecisionRefusalKind
{
    NotAllowedInStatus,
    RoleNotPermitted,
    MissingInput,
    RuleViolated,

    /// <summary>An input names something that is not there (an officer, a unit).</summary>
    InvalidInput,
}

/// <summary>A refused command with its Vietnamese reason and the request field it concerns.</summary>
public sealed record DecisionRefusal(DecisionRefusalKind Kind, string Message, string Field, TransitionResult? Transition = null);

/// <summary>A step assignment to add: the plan's steps with their deadlines, made at the transfer.</summary>
public sealed record PlannedAssignment(int StepIndex, string StepName, int? UnitId, string? Assignee, DateTimeOffset PlannedStartAt,
    DateTimeOffset PlannedDueAt, DateTimeOffset? StartedAt);

/// <summary>The new values of a tracked step assignment.</summary>
public sealed record StepUpdate(int StepIndex, string? Assignee, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>One history row: the transition, the steps and units it moved between, the assignee after it, the note.</summary>
public sealed record HistoryEvent(DossierAction Action, DossierStatus? From, DossierStatus To, int FromStep, int ToStep, int? FromUnitId,
    int? ToUnitId, string? Assignee, string? Note);

/// <summary>An official form to issue: its kind and the note printed on it (null: the form's own title).</summary>
public sealed record FormToIssue(OfficialFormKind Kind, string? Note);

/// <summary>The apology with a new appointment (phiếu xin lỗi và hẹn lại) to record.</summary>
public sealed record ApologyRecord(int? ResponsibleUnitId, string Reason, DateTimeOffset OriginalDueAt, DateTimeOffset NewAppointmentAt);

/// <summary>Who a notice is for.</summary>
public enum NoticeRecipient
{
    /// <summary>The applicant (and whoever the event's routing adds: webhooks, the national portal).</summary>
    Applicant,

    /// <summary>The officers of the unit that now holds the dossier.</summary>
    Unit,

    /// <summary>The one officer the dossier was assigned to.</summary>
    Officer,

    /// <summary>The agency's one-stop desk.</summary>
    Desk,

    /// <summary>
    /// The leader who decides the dossier: its assignee when that officer is a leader (the one chosen at submission),
    /// else every leader of the unit holding it, or of the agency's leadership when that unit has none.
    /// </summary>
    Approver,
}

/// <summary>
/// A notice the decision raises, as a plain record: who, which event, whether the national portal is told (only the
/// state reached last in one save, so the portal never ends on an older status), and for the desk's check alert the
/// instant by which the check is due.
/// </summary>
public sealed record DossierNoticeRecord(DossierEventKind Kind, NoticeRecipient Recipient, bool TellNationalPortal = false, DateTimeOffset? CheckDueAt = null);

/// <summary>The audit entry of the decision: its action name and Vietnamese summary.</summary>
public sealed record DossierAudit(string Action, string Summary);

/// <summary>
/// Everything one command changes, decided at once by <see cref="DossierDecider.Decide"/>: either a refusal, or the new
/// state, unit and steps with the history, forms, explanation, apology, notices and audit that go with them.
/// </summary>
public sealed record DossierDecision
{
    /// <summary>Why the command was refused; null when it succeeded.</summary>
    public DecisionRefusal? Refusal { get; init; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    [MemberNotNullWhen(true, nameof(State), nameof(Audit))]
    public bool Succeeded => Refusal is null;

    /// <summary>The command's transitions: its own, then the transfer when received and transferred at once.</summary>
    public IReadOnlyList<TransitionResult> Transitions { get; init; } = [];

    public DossierState? State { get; init; }

    public int? UnitId { get; init; }

    public bool UnitChanged { get; init; }

    public bool AssigneeChanged { get; init; }

    public IReadOnlyList<PlannedAssignment> PlannedSteps { get; init; } = [];

    public IReadOnlyList<StepUpdate> StepUpdates { get; init; } = [];

    public IReadOnlyList<HistoryEvent> Events { get; init; } = [];

    public IReadOnlyList<FormToIssue> Forms { get; init; } = [];

    public IReadOnlyList<AccountabilityCase> Explanations { get; init; } = [];

    public ApologyRecord? Apology { get; init; }

    /// <summary>The items of the supplement request this decision issues (empty otherwise).</summary>
    public IReadOnlyList<SupplementItem> SupplementItems { get; init; } = [];

    /// <summary>The supplement request this decision issues: its act, limits and clock policy.</summary>
    public SupplementRequest? Supplement { get; init; }

    public IReadOnlyList<DossierNoticeRecord> Notices { get; init; } = [];

    public DossierAudit? Audit { get; init; }

    /// <summary>For a supplement request that asks again for papers an earlier one could have asked for: the papers and the reason.</summary>
    public SupplementRepeat? SupplementRepeat { get; init; }

    /// <summary>The command's own transition (the one its caller reports), or null for a submission without one.</summary>
    public TransitionResult? Transition => Transitions.Count > 0 ? Transitions[0] : null;

    /// <summary>The transfer made with the receipt, if any.</summary>
    public TransitionResult? Then => Transitions.Count > 1 ? Transitions[1] : null;

    /// <summary>The note of the last history row that has one (the {noiDung} of the notices).</summary>
    public string? LastNote => Events.Select(e => e.Note).LastOrDefault(n => !string.IsNullOrWhiteSpace(n));

    public static DossierDecision Refused(DecisionRefusal refusal) => new() { Refusal = refusal };
}
