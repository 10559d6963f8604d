using MotCua.Core.Calendar;
using MotCua.Core.Notifications;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The whole decision of one command on a dossier. <see cref="DossierStateMachine"/> decides the status (its table is
/// composed here, never repeated); this adds what follows from it: the unit and the steps (routing and step planning),
/// the history, the form, the explanation, the apology, the notices and the audit. The web loads, asks, applies the
/// decision and saves it in one place; no success leaves the dossier unchanged and every refusal says why.
/// </summary>
public static class DossierDecider
{
    private const string NoUnit = "Đơn vị xử lý không tồn tại hoặc đã ngừng hoạt động; vui lòng chọn đơn vị khác.";
    private const string DeskNotProcessing = "Bộ phận Một cửa chỉ tiếp nhận và chuyển hồ sơ này, không phải đơn vị xử lý; vui lòng chọn đơn vị xử lý theo quy trình.";

    /// <summary>Whether the action moves between tracked steps, so the caller loads the step assignments for it.</summary>
    public static bool NeedsSteps(DossierAction action) => action switch
    {
        DossierAction.Forward or DossierAction.ReturnToPreviousStep or DossierAction.Reject or DossierAction.Assign
            or DossierAction.Appraise or DossierAction.Approve => true,
        DossierAction.Submit or DossierAction.Receive or DossierAction.RequestSupplement or DossierAction.ResubmitSupplement
            or DossierAction.Refuse or DossierAction.Transfer or DossierAction.Return
            or DossierAction.Withdraw or DossierAction.PauseForFinancialObligation or DossierAction.ResumeAfterFinancialObligation
            or DossierAction.Suspend or DossierAction.Resume or DossierAction.Stop or DossierAction.ApologyReschedule
            or DossierAction.TransferInterAgency or DossierAction.ReceiveInterAgencyResult or DossierAction.DigitiseResult => false,
    };

    /// <summary>
    /// Decides <paramref name="command"/> on <paramref name="state"/>. For a new dossier (<see cref="DossierSnapshot.IsNew"/>)
    /// the command is the receipt's outcome: <see cref="DossierAction.Submit"/> for one left waiting for the desk check,
    /// else the desk's action (Receive, RequestSupplement, Refuse); a Draft (online) is first submitted as the applicant.
    /// </summary>
    public static DossierDecision Decide(DossierSnapshot state, DossierCommand command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var b = new Builder(state, context);

        if (state.IsNew && state.State.Status == DossierStatus.Draft)
        {
            // The online form submits as the applicant; an officer creating one records that submission.
            var submit = DossierStateMachine.Apply(state.State, DossierAction.Submit, b.Transition(DossierRoles.Applicant, command with { Note = null }));
            if (!submit.Succeeded)
            {
                return Refused(submit);
            }
            b.Record(submit, null, note: null, fromUnit: null);
            b.State = submit.State;
        }
        if (state.IsNew && command.Action == DossierAction.Submit)
        {
            if (b.Events.Count == 0)
            {
                // A postal or desk dossier starts Submitted without a transition; one row shows its submission.
                b.Events.Add(new HistoryEvent(DossierAction.Submit, null, b.State.Status, 0, 0, null, null, null, command.Note));
            }
            if (b.State.Status == DossierStatus.Submitted && b.State.Channel is DossierChannel.Online or DossierChannel.NationalPortal)
            {
                if (b.State.Channel == DossierChannel.Online)
                {
                    // The national portal confirms a submission to its own applicant; MotCua confirms only its own form's.
                    b.Notices.Add(new DossierNoticeRecord(DossierEventKind.OnlineSubmitted, NoticeRecipient.Applicant));
                }
                b.Notices.Add(new DossierNoticeRecord(DossierEventKind.AwaitingCheck, NoticeRecipient.Desk,
                    CheckDueAt: DossierQueue.OnlineCheckDue(context.At, context.Calculator, b.State.Terms.OnlineCheckLimit)));
            }
            return b.Build([], Receipt(state, b.State, transferred: false));
        }

        if (!string.IsNullOrWhiteSpace(command.Assignee) && context.AssigneeIsSpecialist == false)
        {
            return DossierDecision.Refused(new(DecisionRefusalKind.InvalidInput, $"\"{command.Assignee.Trim()}\" không phải chuyên viên đang công tác tại cơ quan: hồ sơ chỉ giao cho chuyên viên xử lý.", "assignee"));
        }

        if (command.Action == DossierAction.RequestSupplement && command.SupplementAct is { } asked
            && SupplementRules.ActFor(b.State.Status) is var allowed && asked != allowed && DossierStateMachine.IsAllowedInStatus(b.State.Status, command.Action))
        {
            return DossierDecision.Refused(new(DecisionRefusalKind.RuleViolated, SupplementRules.MismatchRefusal(asked, allowed), "supplementAct"));
        }

        var result = DossierStateMachine.Apply(b.State, command.Action, b.Transition(null, command));
        if (!result.Succeeded)
        {
            return Refused(result);
        }
        if (command.Action == DossierAction.Return
            && ResultHandBack.DeskReturnProblem(state.ReturnAtCentre, state.ReturnChoice, context.Actor.AgencyId) is { } elsewhere)
        {
            return DossierDecision.Refused(new(DecisionRefusalKind.RuleViolated, elsewhere, InputField(command.Action)));
        }
        int? unitBefore = b.UnitId;
        var stepBefore = b.State.CurrentStep;
        b.State = result.State;
        switch (command.Action)
        {
            case DossierAction.Transfer:
                var unit = command.UnitId ?? FirstHandOverUnit(state.Plan, state.AgencyId, context.Units);
                if (unit is null)
                {
                    return DossierDecision.Refused(new(DecisionRefusalKind.InvalidInput, "Vui lòng chọn đơn vị xử lý hồ sơ.", command.UnitField));
                }
                if (TransferProblem(unit.Value, state.AgencyId, state.Plan, context.Units) is { } notThere)
                {
                    return DossierDecision.Refused(new(DecisionRefusalKind.InvalidInput, notThere, command.UnitField));
                }
                b.UnitId = unit;
                b.PlanSteps(unit.Value);
                break;
            case DossierAction.Forward or DossierAction.ReturnToPreviousStep:
                var step = b.State.CurrentStep;
                b.UnitId = state.Plan.ElementAtOrDefault(step)?.UnitId ?? StepOf(state, step)?.UnitId ?? b.UnitId;
                break;
            case DossierAction.Appraise:
                if (ApprovalProblem(command, context, b.UnitId) is { } problem)
                {
                    return DossierDecision.Refused(problem);
                }
                // The chosen leader holds the dossier while it awaits approval, so it is in their queue and inbox.
                b.State = b.State with { Assignee = context.Leader!.UserName };
                break;
            case DossierAction.Reject:
                var rejectedTo = b.State.CurrentStep;
                b.UnitId = state.Plan.ElementAtOrDefault(rejectedTo)?.UnitId ?? StepOf(state, rejectedTo)?.UnitId ?? b.UnitId;
                // Back to the officer who appraised it, not to the leader who held it for approval.
                if (StepOf(state, rejectedTo)?.Assignee is { } appraiser)
                {
                    b.State = b.State with { Assignee = appraiser };
                }
                break;
            case DossierAction.ApologyReschedule:
                if (DelayForecast.Ground(state.State, state.Plan, context.At, context.Calculator) is null)
                {
                    return DossierDecision.Refused(new(DecisionRefusalKind.RuleViolated, DelayForecast.NotLateMessage(state.State.DueAt!.Value,
                        DelayForecast.ProjectedFinish(state.State, state.Plan, context.At, context.Calculator)), "newAppointment"));
                }
                b.Apology = new ApologyRecord(b.UnitId, command.Note!, result.State.DueAt!.Value, command.NewAppointment!.Value);
                break;
            case DossierAction.RequestSupplement:
                if (SupplementItem.Problems(command.SupplementItems) is { } notListed)
                {
                    return DossierDecision.Refused(new(DecisionRefusalKind.MissingInput, notListed, "supplementItems"));
                }
                if (RepeatOf(state, command, context.At) is { } repeatProblem)
                {
                    return DossierDecision.Refused(repeatProblem);
                }
                b.SupplementItems = command.SupplementItems;
                b.Supplement = SupplementRules.Plan(state.State, context.At, state.SubmittedAt, context.Calculator)
                    with
                { Round = SupplementRounds.NextRound(state.EarlierSupplements) };
                b.SupplementRepeat = SupplementRounds.Repeats(state.EarlierSupplements, command.SupplementItems) is { Count: > 0 } repeats
                    ? new SupplementRepeat(repeats, command.RepeatReason!.Trim())
                    : null;
                break;
            case DossierAction.Submit or DossierAction.Receive or DossierAction.ResubmitSupplement
                or DossierAction.Refuse or DossierAction.Assign or DossierAction.Approve or DossierAction.Return
                or DossierAction.Withdraw or DossierAction.PauseForFinancialObligation or DossierAction.ResumeAfterFinancialObligation
                or DossierAction.Suspend or DossierAction.Resume or DossierAction.Stop or DossierAction.TransferInterAgency
                or DossierAction.ReceiveInterAgencyResult or DossierAction.DigitiseResult:
                // The unit stays; the status, clock, assignee or flags the table changed are the whole change.
                break;
        }
        if (NeedsSteps(command.Action))
        {
            b.TrackSteps(stepBefore, command.Action);
        }
        b.Record(result, stepBefore, command.HistoryNote ?? command.Note, state.IsNew ? null : unitBefore);

        TransitionResult? then = null;
        if (command.Action == DossierAction.Receive && command.UnitId is { } transferTo)
        {
            // "Tiếp nhận và chuyển xử lý": the hand-over recorded as its own step, in the same save.
            then = DossierStateMachine.Apply(b.State, DossierAction.Transfer, b.Transition(null, command with { Note = null, Assignee = null }));
            if (!then.Succeeded)
            {
                return Refused(then);
            }
            if (TransferProblem(transferTo, state.AgencyId, state.Plan, context.Units) is { } problem)
            {
                return DossierDecision.Refused(new(DecisionRefusalKind.InvalidInput, problem, command.UnitField));
            }
            var before = b.State.CurrentStep;
            b.State = then.State;
            b.UnitId = transferTo;
            b.PlanSteps(transferTo);
            b.Record(then, before, note: null, fromUnit: null);
        }

        TransitionResult[] transitions = then is null ? [result] : [result, then];
        b.Notify(transitions);
        var reached = then ?? result;
        var audit = state.IsNew
            ? Receipt(state, b.State, then is not null)
            : command.Action == DossierAction.ResubmitSupplement && context.Actor.Is(DossierRoles.Applicant)
                ? new DossierAudit("dossier.transition", $"Hồ sơ {state.Code}: nộp bổ sung trực tuyến ({DossierText.Name(result.From)} → {DossierText.Name(result.To)}).")
                : new DossierAudit("dossier.transition",
                    $"Hồ sơ {state.Code}: {DossierText.Name(command.Action)}{(then is null ? "" : " và chuyển xử lý")} ({DossierText.Name(result.From)} → {DossierText.Name(reached.To)}).");
        return b.Build(transitions, audit);
    }

    /// <summary>The actions the actor could perform now (<see cref="DossierAccess.AvailableActions"/>), for any role.</summary>
    public static IReadOnlyList<DossierAction> AvailableActions(DossierSnapshot state, DossierActor actor, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(context);
        var actions = DossierAccess.AvailableActions(actor, state.Holding, state.State, new TransitionContext(context.At, actor.Roles, context.Calculator));
        // The apology is offered only when a delay has happened or is forecast, and the return only where the applicant collects, as Decide allows them.
        var noApology = DelayForecast.Ground(state.State, state.Plan, context.At, context.Calculator) is null;
        var noReturn = ResultHandBack.DeskReturnProblem(state.ReturnAtCentre, state.ReturnChoice, actor.AgencyId) is not null;
        return noApology || noReturn
            ? [.. actions.Where(a => !(a == DossierAction.ApologyReschedule && noApology) && !(a == DossierAction.Return && noReturn))]
            : actions;
    }

    /// <summary>
    /// Why a dossier may not go to a unit, or null: it goes to an active unit of its own agency that
    /// <see cref="PlannedStep.MayTake"/> it.
    /// </summary>
    public static string? TransferProblem(int unitId, int agencyId, IReadOnlyList<PlannedStep> plan, IReadOnlyDictionary<int, UnitInfo> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return !units.TryGetValue(unitId, out var target) || target.AgencyId != agencyId || !target.IsActive
            ? NoUnit
            : !PlannedStep.MayTake(plan, target.IsDesk) ? DeskNotProcessing : null;
    }

    /// <summary>The unit a transfer goes to when none is named: the first planned unit the transfer accepts.</summary>
    public static int? FirstHandOverUnit(IReadOnlyList<PlannedStep> plan, int agencyId, IReadOnlyDictionary<int, UnitInfo> units) =>
        PlannedStep.FirstHandOverUnit(plan, id => TransferProblem(id, agencyId, plan, units) is null);

    /// <summary>
    /// Why a submission for approval is refused, or null: it carries the appraisal (ý kiến thẩm định) and names a leader
    /// who may approve for the unit holding the dossier (one of that unit, or of the agency's leadership).
    /// </summary>
    public static DecisionRefusal? ApprovalProblem(DossierCommand command, DecisionContext context, int? unitId)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(command.Note))
        {
            return new(DecisionRefusalKind.MissingInput, "Vui lòng nhập ý kiến thẩm định trước khi trình phê duyệt.", "note");
        }
        if (string.IsNullOrWhiteSpace(command.LeaderUserId))
        {
            return new(DecisionRefusalKind.MissingInput, "Vui lòng chọn lãnh đạo phê duyệt hồ sơ.", "leaderUserId");
        }
        return context.Leader is { IsLeader: true } leader
            && string.Equals(leader.UserName, command.LeaderUserId.Trim(), StringComparison.Ordinal)
            && (leader.InLeadership || (leader.UnitId is { } u && u == unitId))
            ? null
            : new(DecisionRefusalKind.InvalidInput,
                $"\"{command.LeaderUserId.Trim()}\" không phải lãnh đạo của đơn vị đang giải quyết hồ sơ; vui lòng chọn lãnh đạo trong danh sách.", "leaderUserId");
    }

    private static DossierAudit Receipt(DossierSnapshot state, DossierState reached, bool transferred) =>
        new("dossier.receive", $"Tạo hồ sơ {state.Code} ({DossierText.Name(reached.Status)}) – thủ tục {state.ProcedureCode}{(transferred ? " – tiếp nhận và chuyển ngay cho đơn vị xử lý" : "")}.");

    private static StepAssignment? StepOf(DossierSnapshot state, int index) => state.Steps.FirstOrDefault(s => s.StepIndex == index);

    private static DossierDecision Refused(TransitionResult r) => DossierDecision.Refused(new(r.Refusal switch
    {
        RefusalKind.NotAllowedInStatus => DecisionRefusalKind.NotAllowedInStatus,
        RefusalKind.RoleNotPermitted => DecisionRefusalKind.RoleNotPermitted,
        RefusalKind.MissingInput => DecisionRefusalKind.MissingInput,
        RefusalKind.RuleViolated => DecisionRefusalKind.RuleViolated,
        null => throw new InvalidOperationException("A refused transition without a refusal kind."),
    }, r.Message!, InputField(r.Action), r));

    private static string InputField(DossierAction action) => action switch
    {
        DossierAction.Assign => "assignee",
        DossierAction.Return => "delivery",
        DossierAction.TransferInterAgency => "partner",
        DossierAction.ApologyReschedule => "newAppointment",
        DossierAction.ReturnToPreviousStep or DossierAction.Submit or DossierAction.Receive or DossierAction.RequestSupplement
            or DossierAction.ResubmitSupplement or DossierAction.Refuse or DossierAction.Transfer or DossierAction.Forward
            or DossierAction.Appraise or DossierAction.Approve or DossierAction.Reject or DossierAction.Withdraw
            or DossierAction.PauseForFinancialObligation or DossierAction.ResumeAfterFinancialObligation or DossierAction.Suspend
            or DossierAction.Resume or DossierAction.Stop or DossierAction.ReceiveInterAgencyResult or DossierAction.DigitiseResult => "note",
    };

    /// <summary>Why a supplement request that asks again for papers an earlier one could have asked for is refused: no reason, or one too long.</summary>
    private static DecisionRefusal? RepeatOf(DossierSnapshot state, DossierCommand command, DateTimeOffset at)
    {
        var repeats = SupplementRounds.Repeats(state.EarlierSupplements, command.SupplementItems);
        if (repeats.Count == 0)
        {
            return null;
        }
        return string.IsNullOrWhiteSpace(command.RepeatReason)
            ? new(DecisionRefusalKind.RuleViolated, SupplementRounds.RepeatRefusal(repeats, at), "repeatReason")
            : SupplementRounds.ReasonProblem(command.RepeatReason) is { } problem ? new(DecisionRefusalKind.InvalidInput, problem, "repeatReason") : null;
    }

    /// <summary>The decision as it is built, step by step, from the snapshot.</summary>
    private sealed class Builder(DossierSnapshot snapshot, DecisionContext context)
    {
        public DossierState State { get; set; } = snapshot.State;

        public int? UnitId { get; set; } = snapshot.UnitId;

        public ApologyRecord? Apology { get; set; }

        public IReadOnlyList<SupplementItem> SupplementItems { get; set; } = [];

        public SupplementRequest? Supplement { get; set; }

        public SupplementRepeat? SupplementRepeat { get; set; }

        public List<HistoryEvent> Events { get; } = [];

        public List<DossierNoticeRecord> Notices { get; } = [];

        private readonly List<FormToIssue> _forms = [];
        private readonly List<AccountabilityCase> _explanations = [];
        private readonly List<PlannedAssignment> _planned = [];
        private readonly List<StepUpdate> _updates = [];

        public TransitionContext Transition(string? role, DossierCommand c) =>
            new(context.At, role is null ? context.Actor.Roles : [role], context.Calculator)
            {
                Note = c.Note,
                Assignee = c.Assignee?.Trim(),
                TargetStep = c.TargetStep,
                NewAppointment = c.NewAppointment,
                Delivery = c.Delivery,
                Partner = c.Partner,
            };

        public void Record(TransitionResult result, int? fromStep, string? note, int? fromUnit)
        {
            Events.Add(new HistoryEvent(result.Action, result.From, result.To, fromStep ?? State.CurrentStep, State.CurrentStep, fromUnit, UnitId,
                State.Assignee, note));
            if (result.Form is { } form)
            {
                _forms.Add(new FormToIssue(form, note));
            }
            if (result.ExplanationRequired is { } why)
            {
                _explanations.Add(why);
            }
        }

        /// <summary>
        /// The steps of the plan with their deadlines, the first one started now by the unit taking the dossier. The
        /// default plan (no approved process: no step times) takes the whole processing time; otherwise the process's
        /// own step times, also for a single routed step (the desk's and the leaders' times are not its own).
        /// </summary>
        public void PlanSteps(int firstUnit)
        {
            var plan = snapshot.Plan;
            var deadlines = StepPlanning.Deadlines(plan, State.Terms.ProcessingTime, context.At, context.Calculator);
            for (var i = 0; i < plan.Count; i++)
            {
                var d = deadlines[i];
                _planned.Add(new PlannedAssignment(i, plan[i].Name, i == 0 ? firstUnit : plan[i].UnitId ?? firstUnit, i == 0 ? State.Assignee : null,
                    d.StartAt, d.DueAt, i == 0 ? context.At : null));
            }
        }

        /// <summary>
        /// Finishes the step left, (re)starts the step entered and gives it the assignee. The leader's step starts at the
        /// submission for approval (with the leader it is assigned to, if any) and ends at the leader's decision.
        /// </summary>
        public void TrackSteps(int stepBefore, DossierAction action)
        {
            var now = context.At;
            var before = StepOf(snapshot, stepBefore);
            var current = StepOf(snapshot, State.CurrentStep);
            if (action is DossierAction.Approve or DossierAction.Reject)
            {
                FinishLeaderSteps(now);
            }
            if (action is DossierAction.Approve)
            {
                return;
            }
            if (action is DossierAction.Appraise && before is not null)
            {
                _updates.Add(new StepUpdate(before.StepIndex, before.Assignee, before.StartedAt, now));
                if (PlannedStep.FirstLeaderStep(snapshot.Plan) is { } first && StepOf(snapshot, first) is { } leader)
                {
                    _updates.Add(new StepUpdate(first, AssigneeChanged ? State.Assignee : leader.Assignee, now, null));
                }
                return;
            }
            if (before is not null && before != current)
            {
                _updates.Add(new StepUpdate(before.StepIndex, before.Assignee, before.StartedAt, now));
            }
            if (current is not null)
            {
                var restart = before != current || action == DossierAction.Reject;
                _updates.Add(new StepUpdate(current.StepIndex, State.Assignee, restart ? now : current.StartedAt, restart ? null : current.FinishedAt));
            }
        }

        private void FinishLeaderSteps(DateTimeOffset now)
        {
            foreach (var step in snapshot.Steps.Where(s => snapshot.Plan.ElementAtOrDefault(s.StepIndex)?.ByLeader == true && s.FinishedAt is null)
                .OrderBy(s => s.StepIndex))
            {
                _updates.Add(new StepUpdate(step.StepIndex, step.Assignee, step.StartedAt ?? now, now));
            }
        }

        /// <summary>
        /// The notices: the citizen at each status change (the national portal only at the last one saved), the desk when an
        /// online supplement is in or an approved result's document is ready to return, the leader when a dossier waits for approval, the unit or
        /// officer when the dossier enters their queue.
        /// </summary>
        public void Notify(TransitionResult[] transitions)
        {
            var from = snapshot.IsNew ? (DossierStatus?)null : transitions[0].From;
            var last = transitions[^1];
            foreach (var t in transitions)
            {
                if (from != t.To)
                {
                    Notices.Add(new DossierNoticeRecord(t.To switch
                    {
                        DossierStatus.Received => DossierEventKind.Received,
                        DossierStatus.AwaitingSupplement => DossierEventKind.SupplementRequested,
                        DossierStatus.ResultIssued => DossierEventKind.ResultReady,
                        DossierStatus.Returned => DossierEventKind.Returned,
                        DossierStatus.Draft or DossierStatus.Submitted or DossierStatus.InProcessing or DossierStatus.AwaitingApproval
                            or DossierStatus.AwaitingInterAgency or DossierStatus.AwaitingFinancialObligation or DossierStatus.Suspended
                            or DossierStatus.Refused or DossierStatus.RefusedAfterReceipt or DossierStatus.Withdrawn
                            or DossierStatus.Stopped => DossierEventKind.StatusChanged,
                    }, NoticeRecipient.Applicant, TellNationalPortal: t == last));
                }
                if (from != t.To && t.To == DossierStatus.AwaitingApproval)
                {
                    // Nobody else moves a dossier waiting for approval: unless its leader hears of it, it stalls.
                    Notices.Add(new DossierNoticeRecord(DossierEventKind.AwaitingApproval, NoticeRecipient.Approver));
                }
                if (from != t.To && t.To == DossierStatus.ResultIssued && context.ResultReadyForDesk)
                {
                    // An approval without its result document leaves the desk nothing to hand over: the alert waits for the document.
                    Notices.Add(new DossierNoticeRecord(DossierEventKind.ResultAtDesk, NoticeRecipient.Desk));
                }
                if (t.From == DossierStatus.AwaitingSupplement && t.To == DossierStatus.Submitted && State.Channel == DossierChannel.Online)
                {
                    // The supplement asked for at the check is in: the desk checks the dossier again, on a new check time.
                    Notices.Add(new DossierNoticeRecord(DossierEventKind.AwaitingCheck, NoticeRecipient.Desk,
                        CheckDueAt: DossierQueue.OnlineCheckDue(context.At, context.Calculator, State.Terms.OnlineCheckLimit)));
                }
                from = t.To;
            }
            // A dossier submitted for approval is announced to its leader above, not as one more entry in a queue.
            if ((UnitChanged || AssigneeChanged) && !last.State!.IsTerminal && last.To is not (DossierStatus.Received or DossierStatus.AwaitingApproval))
            {
                Notices.Add(new DossierNoticeRecord(DossierEventKind.EnteredQueue,
                    AssigneeChanged && State.Assignee is not null ? NoticeRecipient.Officer : NoticeRecipient.Unit));
            }
        }

        private bool UnitChanged => snapshot.IsNew ? UnitId is not null : snapshot.UnitId != UnitId;

        private bool AssigneeChanged => snapshot.IsNew
            ? State.Assignee is not null
            : !string.Equals(snapshot.State.Assignee, State.Assignee, StringComparison.Ordinal);

        public DossierDecision Build(TransitionResult[] transitions, DossierAudit audit) => new()
        {
            Transitions = transitions,
            State = State,
            UnitId = UnitId,
            UnitChanged = UnitChanged,
            AssigneeChanged = AssigneeChanged,
            PlannedSteps = _planned,
            StepUpdates = _updates,
            Events = Events,
            Forms = _forms,
            Explanations = _explanations,
            Apology = Apology,
            SupplementItems = SupplementItems,
            Supplement = Supplement,
            Notices = Notices,
            Audit = SupplementRepeat is { } repeat
                ? audit with
                {
                    Summary = audit.Summary + " Yêu cầu lại giấy tờ đã có khi yêu cầu bổ sung lần trước: "
                    + string.Join("; ", repeat.Papers.Select(p => p.Paper)) + "; lý do: " + repeat.Reason
                }
                : audit,
            SupplementRepeat = SupplementRepeat,
        };
    }
}
