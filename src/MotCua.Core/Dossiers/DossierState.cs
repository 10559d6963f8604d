using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The procedure settings a dossier is pinned to when it is created (the procedure version in force at submission).
/// </summary>
/// <param name="ProcessingTime">The statutory processing time; null for procedures without an appointment (KhongCoNgayHenTra).</param>
/// <param name="StepCount">Processing steps between the desk's transfer and the leader's approval (at least 1).</param>
/// <param name="ApplyCutoff">Whether a receipt after 15:00 starts the clock on the next working day.</param>
/// <param name="SupplementPolicy">What a supplement after receipt does to the clock.</param>
/// <param name="ApplicantSupplementLimit">The applicant's time to hand in a supplement; null when the procedure states none.</param>
/// <param name="OnlineCheckLimit">The procedure's own time for the desk's online check; null for the province's setting.</param>
public sealed record DossierTerms(
    ProcessingTime? ProcessingTime,
    int StepCount,
    bool ApplyCutoff = false,
    SupplementClockPolicy SupplementPolicy = SupplementClockPolicy.Restart,
    ProcessingTime? ApplicantSupplementLimit = null,
    ProcessingTime? OnlineCheckLimit = null)
{
    /// <summary>The options for the deadline calculator, with the given closed pauses.</summary>
    public DeadlineOptions Options(IReadOnlyList<Pause> pauses) => new() { ApplyCutoff = ApplyCutoff, Pauses = pauses };
}

/// <summary>
/// Everything the transition rules need to know about one dossier. Immutable: <see cref="DossierStateMachine.Apply"/>
/// returns a new state. The web persists these fields on its dossier entity and rebuilds the record to act.
/// </summary>
/// <remarks>
/// Three instants describe the deadline, on purpose:
/// <list type="bullet">
/// <item><see cref="AppointmentAt"/>: printed on the receipt slip (changed only by a legal restart of the clock);</item>
/// <item><see cref="DueAt"/>: the legal due instant that lateness is judged against — the appointment moved later by
/// pauses that legally stop the clock; never moved by an apology;</item>
/// <item><see cref="RescheduledDueAt"/>: the new appointment promised in the apology letter, shown to the applicant only.</item>
/// </list>
/// </remarks>
public sealed record DossierState
{
    /// <summary>Current status.</summary>
    public required DossierStatus Status { get; init; }

    /// <summary>Submission channel.</summary>
    public required DossierChannel Channel { get; init; }

    /// <summary>Pinned procedure settings.</summary>
    public required DossierTerms Terms { get; init; }

    /// <summary>Index (0-based) of the processing step while the dossier is with the units; 0 before transfer.</summary>
    public int CurrentStep { get; init; }

    /// <summary>When the current step began (per-step deadlines run from here); null before transfer.</summary>
    public DateTimeOffset? StepStartedAt { get; init; }

    /// <summary>The officer the dossier is assigned to at the current step (user name or id, as the web stores it).</summary>
    public string? Assignee { get; init; }

    /// <summary>When the desk received the complete dossier; null before receipt and for dossiers refused at the desk.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>When the processing clock (re)started: the receipt, or the resubmission under <see cref="SupplementClockPolicy.Restart"/>.</summary>
    public DateTimeOffset? ClockStartedAt { get; init; }

    /// <summary>The appointment printed on the receipt slip.</summary>
    public DateTimeOffset? AppointmentAt { get; init; }

    /// <summary>Legal due instant for lateness; null while a pause that began before it holds the clock, or without a deadline.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The apology's new appointment; never used to judge lateness.</summary>
    public DateTimeOffset? RescheduledDueAt { get; init; }

    /// <summary>Closed pauses since <see cref="ClockStartedAt"/>.</summary>
    public IReadOnlyList<Pause> Pauses { get; init; } = [];

    /// <summary>The pause holding the clock now, if any.</summary>
    public Pause? OpenPause { get; init; }

    /// <summary>The status to go back to when the current pause (supplement, payment, suspension, liên thông) ends;
    /// null for a supplement requested at the desk check (not yet received: the dossier goes back to
    /// <see cref="DossierStatus.Submitted"/>), and for imported paused dossiers (they resume to processing).</summary>
    public DossierStatus? ResumeStatus { get; init; }

    /// <summary>The processing body already requested a supplement after receipt (at most once per dossier).</summary>
    public bool SupplementRequested { get; init; }

    /// <summary>The desk already guided the applicant to complete the dossier at its check (fully and in one go).</summary>
    public bool DeskGuidanceGiven { get; init; }

    /// <summary>The apology with a new appointment was already issued (at most once per dossier).</summary>
    public bool Rescheduled { get; init; }

    /// <summary>The agency the dossier is at for inter-agency processing.</summary>
    public string? InterAgencyPartner { get; init; }

    /// <summary>When the result was issued (leader's approval).</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the result was returned: this instant ends the on-time count.</summary>
    public DateTimeOffset? ReturnedAt { get; init; }

    /// <summary>How the result was returned.</summary>
    public ResultDelivery? ReturnMethod { get; init; }

    /// <summary>When the dossier was refused, withdrawn or stopped.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The result was digitised (số hóa kết quả), counted by the reports and the 766 index.</summary>
    public bool ResultDigitised { get; init; }

    /// <summary>
    /// A new dossier: an online one starts as <see cref="DossierStatus.Draft"/>, a desk or postal one as
    /// <see cref="DossierStatus.Submitted"/> (the desk check then receives, asks for supplement or refuses).
    /// </summary>
    public static DossierState Start(DossierChannel channel, DossierTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.StepCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(terms), terms.StepCount, "A process has at least one processing step.");
        }

        return new DossierState
        {
            Status = channel == DossierChannel.Online ? DossierStatus.Draft : DossierStatus.Submitted,
            Channel = channel,
            Terms = terms,
        };
    }

    /// <summary>Whether the status is final (3, 7, 8, 10 in the national codes).</summary>
    public bool IsTerminal => DossierStateMachine.IsTerminal(Status);

    /// <summary>
    /// How the dossier ended against its legal due instant (<see cref="DueAt"/>, never the rescheduled one), judged at
    /// the return instant; null until returned or without a deadline.
    /// </summary>
    public ResolutionTimeliness? Timeliness =>
        ReturnedAt is { } returned && DueAt is { } due ? DeadlineCalculator.ClassifyResolved(returned, due) : null;
}
