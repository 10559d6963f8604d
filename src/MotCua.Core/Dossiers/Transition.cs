using System.Diagnostics.CodeAnalysis;

using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>Who acts, when, and the inputs some actions need.</summary>
/// <param name="At">The instant of the action (from the injected TimeProvider at the edge).</param>
/// <param name="ActorRoles">The actor's roles (<see cref="DossierRoles"/>).</param>
/// <param name="Calculator">The deadline calculator of the agency's calendar.</param>
public sealed record TransitionContext(DateTimeOffset At, IReadOnlyCollection<string> ActorRoles, DeadlineCalculator Calculator)
{
    /// <summary>Reason or note; required for supplement, refusal, returns, rejection, suspension, stop, withdrawal and apology.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// The officer to hand to: required for <see cref="DossierAction.Assign"/>; optional for Transfer, Forward and
    /// ReturnToPreviousStep (the new step starts unassigned without it).
    /// </summary>
    public string? Assignee { get; init; }

    /// <summary>For <see cref="DossierAction.ReturnToPreviousStep"/>: the step to go back to (default: the previous one).</summary>
    public int? TargetStep { get; init; }

    /// <summary>For <see cref="DossierAction.ApologyReschedule"/>: the new appointment (required).</summary>
    public DateTimeOffset? NewAppointment { get; init; }

    /// <summary>For <see cref="DossierAction.Return"/>: how the result is handed over (required).</summary>
    public ResultDelivery? Delivery { get; init; }

    /// <summary>For <see cref="DossierAction.TransferInterAgency"/>: the other agency (required).</summary>
    public string? Partner { get; init; }
}

/// <summary>Why an action was refused; the web maps these to HTTP (409, 403, 400, 422).</summary>
public enum RefusalKind
{
    /// <summary>The action is not possible in the dossier's status (the table says no).</summary>
    NotAllowedInStatus,

    /// <summary>The actor has none of the roles the action needs.</summary>
    RoleNotPermitted,

    /// <summary>A required input (reason, assignee, appointment…) is missing or malformed.</summary>
    MissingInput,

    /// <summary>A legal rule forbids it (second supplement request, second re-appointment, …).</summary>
    RuleViolated,
}

/// <summary>What the transition did to the processing clock.</summary>
public enum ClockEffect
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>The clock started (receipt): the appointment was computed.</summary>
    Start,

    /// <summary>The clock stopped (see <see cref="TransitionResult.PauseReason"/>).</summary>
    Pause,

    /// <summary>A pause ended; the due instant moved later by the working time paused.</summary>
    Resume,

    /// <summary>The clock restarted from zero (supplement under <see cref="SupplementClockPolicy.Restart"/>).</summary>
    Restart,

    /// <summary>The count ended (result returned, refused, withdrawn, stopped).</summary>
    End,
}

/// <summary>The cases for which the plans require an accountability explanation (văn bản giải trình, seed 001 VI.3).</summary>
public enum AccountabilityCase
{
    /// <summary>The dossier is (or will be) late.</summary>
    Late,

    /// <summary>A supplement was requested.</summary>
    Supplement,

    /// <summary>The dossier was refused.</summary>
    Refusal,
}

/// <summary>The outcome of <see cref="DossierStateMachine.Apply"/>: a new state, or an explicit refusal with a Vietnamese reason.</summary>
public sealed record TransitionResult
{
    private TransitionResult()
    {
    }

    /// <summary>Whether the action was applied.</summary>
    [MemberNotNullWhen(true, nameof(State))]
    [MemberNotNullWhen(false, nameof(Refusal), nameof(Message))]
    public bool Succeeded { get; private init; }

    /// <summary>The action attempted.</summary>
    public DossierAction Action { get; private init; }

    /// <summary>The status before.</summary>
    public DossierStatus From { get; private init; }

    /// <summary>The new state when succeeded.</summary>
    public DossierState? State { get; private init; }

    /// <summary>The status after (equal to <see cref="From"/> when refused).</summary>
    public DossierStatus To => State?.Status ?? From;

    /// <summary>What happened to the clock.</summary>
    public ClockEffect Clock { get; private init; }

    /// <summary>The pause kind when <see cref="Clock"/> is <see cref="ClockEffect.Pause"/>.</summary>
    public PauseReason? PauseReason { get; private init; }

    /// <summary>The official form this action produces, if any.</summary>
    public OfficialFormKind? Form { get; private init; }

    /// <summary>An accountability explanation is now required for the dossier.</summary>
    public AccountabilityCase? ExplanationRequired { get; private init; }

    /// <summary>Vietnamese warnings that do not block the action (e.g. an apology drafted after its legal limit).</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    /// <summary>Why it was refused.</summary>
    public RefusalKind? Refusal { get; private init; }

    /// <summary>The Vietnamese reason of a refusal.</summary>
    public string? Message { get; private init; }

    internal static TransitionResult Ok(
        DossierStatus from,
        DossierAction action,
        DossierState state,
        ClockEffect clock = ClockEffect.None,
        PauseReason? pause = null,
        OfficialFormKind? form = null,
        AccountabilityCase? explanation = null,
        IReadOnlyList<string>? warnings = null) => new()
        {
            Succeeded = true,
            Action = action,
            From = from,
            State = state,
            Clock = clock,
            PauseReason = pause,
            Form = form,
            ExplanationRequired = explanation,
            Warnings = warnings ?? [],
        };

    internal static TransitionResult Refused(DossierStatus from, DossierAction action, RefusalKind kind, string message) => new()
    {
        Succeeded = false,
        Action = action,
        From = from,
        Refusal = kind,
        Message = message,
    };
}
