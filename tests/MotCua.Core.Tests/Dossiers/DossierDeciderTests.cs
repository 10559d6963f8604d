using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;

using static MotCua.Core.Dossiers.DossierAction;
using static MotCua.Core.Dossiers.DossierStatus;
using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>
/// The whole decision of a command (<see cref="DossierDecider"/>): routing between units and steps, step planning and
/// deadlines, the notices of each transition, forms, explanations, apologies and the receipt with its transfer.
/// </summary>
public sealed class DossierDeciderTests
{
    private const int Agency = 1;
    private const int DeskUnit = 10;
    private const int Legal = 20;
    private const int Finance = 30;
    private const int Closed = 40;
    private const int Foreign = 50;

    private static readonly Dictionary<int, UnitInfo> Units = new()
    {
        [DeskUnit] = new(DeskUnit, Agency, IsActive: true, IsDesk: true),
        [Legal] = new(Legal, Agency, IsActive: true, IsDesk: false),
        [Finance] = new(Finance, Agency, IsActive: true, IsDesk: false),
        [Closed] = new(Closed, Agency, IsActive: false, IsDesk: false),
        [Foreign] = new(Foreign, 2, IsActive: true, IsDesk: false),
    };

    /// <summary>Two routed steps: the legal office for 2 working days, then finance for 1.</summary>
    private static readonly PlannedStep[] TwoSteps =
    [
        new("Thẩm định hồ sơ", Legal, "Phòng Pháp chế", 2, TimeUnit.WorkingDays),
        new("Xử lý hồ sơ", Finance, "Phòng Tài chính", 1, TimeUnit.WorkingDays),
    ];

    /// <summary>The default plan: no approved process, one step without its own time.</summary>
    private static readonly PlannedStep[] DefaultPlan = [new("Thẩm định, xử lý hồ sơ", null, null, 0, TimeUnit.WorkingDays)];

    private static DossierActor Actor(params string[] roles) => new("canbo", roles, DeskUnit, InLeadership: true);

    private static DecisionContext Context(string local, params string[] roles) =>
        new(At(local), Calculator, Actor(roles)) { Units = Units };

    private static DossierSnapshot Snapshot(DossierState state, int? unit, IReadOnlyList<PlannedStep>? plan = null, params StepAssignment[] steps) =>
        new(state, Agency, unit, plan ?? TwoSteps) { Code = "000.00.01.H01-250310-0001", ProcedureCode = "1.001", Steps = steps };

    private static DossierDecision Decide(DossierSnapshot state, DossierCommand command, DecisionContext context)
    {
        var decision = DossierDecider.Decide(state, command, context);
        Assert.True(decision.Succeeded, $"{command.Action} refused: {decision.Refusal?.Message}");
        return decision;
    }

    // ------------------------------------------------------------------ routing

    public static TheoryData<int?, int> TransferUnits => new()
    {
        // unit named by the desk, unit the dossier goes to
        { null, Legal },    // none named: the first hand-over unit of the plan
        { Finance, Finance },
    };

    [Theory]
    [MemberData(nameof(TransferUnits))]
    public void A_transfer_goes_to_the_named_unit_or_the_first_hand_over_unit_and_plans_every_step(int? named, int expected)
    {
        var decision = Decide(Snapshot(ReceivedDossier(), null), new DossierCommand(Transfer) { UnitId = named }, Context("2025-03-10T10:00", Desk));

        Assert.Equal(InProcessing, decision.State!.Status);
        Assert.Equal(expected, decision.UnitId);
        Assert.True(decision.UnitChanged);
        Assert.Equal([0, 1], decision.PlannedSteps.Select(s => s.StepIndex));
        Assert.Equal([expected, Finance], decision.PlannedSteps.Select(s => s.UnitId));
        Assert.Equal(At("2025-03-10T10:00"), decision.PlannedSteps[0].StartedAt);
        Assert.Null(decision.PlannedSteps[1].StartedAt);
        var e = Assert.Single(decision.Events);
        Assert.Equal((Transfer, (DossierStatus?)Received, InProcessing, (int?)null, (int?)expected), (e.Action, e.From, e.To, e.FromUnitId, e.ToUnitId));
        Assert.Equal("dossier.transition", decision.Audit!.Action);
        Assert.Equal("Hồ sơ 000.00.01.H01-250310-0001: Chuyển xử lý (Đã tiếp nhận → Đang xử lý).", decision.Audit!.Summary);
    }

    public static TheoryData<int?, string> RefusedUnits => new()
    {
        { DeskUnit, "Bộ phận Một cửa chỉ tiếp nhận và chuyển hồ sơ này, không phải đơn vị xử lý; vui lòng chọn đơn vị xử lý theo quy trình." },
        { Closed, "Đơn vị xử lý không tồn tại hoặc đã ngừng hoạt động; vui lòng chọn đơn vị khác." },
        { Foreign, "Đơn vị xử lý không tồn tại hoặc đã ngừng hoạt động; vui lòng chọn đơn vị khác." },
        { 999, "Đơn vị xử lý không tồn tại hoặc đã ngừng hoạt động; vui lòng chọn đơn vị khác." },
    };

    [Theory]
    [MemberData(nameof(RefusedUnits))]
    public void A_transfer_to_the_desk_an_inactive_a_foreign_or_an_unknown_unit_is_refused_on_the_unit_field(int? unit, string message)
    {
        var decision = DossierDecider.Decide(Snapshot(ReceivedDossier(), null), new DossierCommand(Transfer) { UnitId = unit }, Context("2025-03-10T10:00", Desk));

        Assert.False(decision.Succeeded);
        Assert.Equal((DecisionRefusalKind.InvalidInput, message, "unitId"), (decision.Refusal!.Kind, decision.Refusal!.Message, decision.Refusal!.Field));
    }

    [Fact]
    public void A_transfer_without_a_unit_on_a_plan_that_names_none_asks_for_one()
    {
        var decision = DossierDecider.Decide(Snapshot(ReceivedDossier(), null, DefaultPlan), new DossierCommand(Transfer), Context("2025-03-10T10:00", Desk));

        Assert.Equal((DecisionRefusalKind.InvalidInput, "Vui lòng chọn đơn vị xử lý hồ sơ."), (decision.Refusal!.Kind, decision.Refusal!.Message));
    }

    [Fact]
    public void The_desk_may_process_when_the_process_has_it_do_every_step()
    {
        PlannedStep[] atDesk = [new("Xử lý hồ sơ", DeskUnit, "Bộ phận Một cửa", 1, TimeUnit.WorkingDays, AtDesk: true)];

        var decision = Decide(Snapshot(ReceivedDossier(), null, atDesk), new DossierCommand(Transfer), Context("2025-03-10T10:00", Desk));

        Assert.Equal(DeskUnit, decision.UnitId);
    }

    private static readonly StepAssignment[] Tracked =
    [
        new(0, Legal, "chuyenvien", At("2025-03-10T10:00"), null),
        new(1, Finance, null, null, null),
    ];

    public static TheoryData<string, DossierAction, string, int, int, DossierStatus> Moves => new()
    {
        // from (step 0 or last), action, role, step after, unit after, status after
        { "first", Forward, Specialist, 1, Finance, InProcessing },
        { "last", ReturnToPreviousStep, Specialist, 0, Legal, InProcessing },
        { "approval", Reject, Leader, 1, Finance, InProcessing },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Forward_return_to_previous_and_reject_move_the_unit_with_the_step(string from, DossierAction action, string role, int step, int unit, DossierStatus status)
    {
        var state = from switch
        {
            "first" => DossierInProcessing(),
            "last" => DossierAtLastStep(),
            _ => DossierAwaitingApproval(),
        };
        var before = state.CurrentStep == 0 ? Legal : Finance;
        StepAssignment[] steps = state.CurrentStep == 0
            ? Tracked
            : [Tracked[0] with { FinishedAt = At("2025-03-11T09:00") }, Tracked[1] with { Assignee = "chuyenvien", StartedAt = At("2025-03-11T09:00") }];

        var decision = Decide(Snapshot(state, before, TwoSteps, steps), new DossierCommand(action) { Note = "Lý do cụ thể" }, Context("2025-03-12T14:00", role));

        Assert.Equal((status, step, (int?)unit), (decision.State!.Status, decision.State!.CurrentStep, decision.UnitId));
        var e = Assert.Single(decision.Events);
        Assert.Equal((state.CurrentStep, step, (int?)before, (int?)unit), (e.FromStep, e.ToStep, e.FromUnitId, e.ToUnitId));
        var entered = Assert.Single(decision.StepUpdates, u => u.StepIndex == step);
        Assert.Equal((At("2025-03-12T14:00"), (DateTimeOffset?)null), (entered.StartedAt!.Value, entered.FinishedAt));
        if (step != state.CurrentStep)
        {
            Assert.Equal(At("2025-03-12T14:00"), Assert.Single(decision.StepUpdates, u => u.StepIndex == state.CurrentStep).FinishedAt);
        }
    }

    [Fact]
    public void A_step_without_a_planned_unit_goes_to_the_unit_tracked_for_it()
    {
        PlannedStep[] plan = [TwoSteps[0], TwoSteps[1] with { UnitId = null }];
        StepAssignment[] steps = [Tracked[0], Tracked[1] with { UnitId = Legal }];

        var decision = Decide(Snapshot(DossierInProcessing(), Legal, plan, steps), new DossierCommand(Forward), Context("2025-03-11T09:00", Specialist));

        Assert.Equal(Legal, decision.UnitId);
        Assert.False(decision.UnitChanged);
    }

    [Fact]
    public void Assign_gives_the_current_step_its_officer_and_alerts_that_officer_only()
    {
        var decision = Decide(Snapshot(DossierInProcessing(), Legal, TwoSteps, Tracked),
            new DossierCommand(Assign) { Assignee = " chuyenvien2 " }, Context("2025-03-10T11:00", Leader) with { AssigneeIsSpecialist = true });

        Assert.Equal("chuyenvien2", decision.State!.Assignee);
        var update = Assert.Single(decision.StepUpdates);
        Assert.Equal((0, "chuyenvien2", At("2025-03-10T10:00")), (update.StepIndex, update.Assignee, update.StartedAt!.Value));
        Assert.Equal([new DossierNoticeRecord(DossierEventKind.EnteredQueue, NoticeRecipient.Officer)], decision.Notices);
    }

    [Fact]
    public void An_assignee_who_is_not_an_active_officer_of_the_agency_is_refused_before_the_table()
    {
        var decision = DossierDecider.Decide(Snapshot(DossierInProcessing(), Legal), new DossierCommand(Assign) { Assignee = "nobody" },
            Context("2025-03-10T11:00", Leader) with { AssigneeIsSpecialist = false });

        Assert.Equal((DecisionRefusalKind.InvalidInput, "\"nobody\" không phải chuyên viên đang công tác tại cơ quan: hồ sơ chỉ giao cho chuyên viên xử lý.", "assignee"),
            (decision.Refusal!.Kind, decision.Refusal!.Message, decision.Refusal!.Field));
    }

    [Fact]
    public void Appraise_finishes_the_last_step_and_keeps_the_unit()
    {
        StepAssignment[] steps = [Tracked[0] with { FinishedAt = At("2025-03-11T09:00") }, Tracked[1] with { StartedAt = At("2025-03-11T09:00") }];

        var decision = Decide(Snapshot(DossierAtLastStep(), Finance, TwoSteps, steps), new DossierCommand(Appraise) { Note = "Đủ điều kiện cấp.", LeaderUserId = "lanhdao" },
            Context("2025-03-12T09:00", Specialist) with { Leader = new("lanhdao", Finance, IsLeader: true, InLeadership: false) });

        Assert.Equal((AwaitingApproval, (int?)Finance), (decision.State!.Status, decision.UnitId));
        var update = Assert.Single(decision.StepUpdates);
        Assert.Equal((1, (DateTimeOffset?)At("2025-03-12T09:00")), (update.StepIndex, update.FinishedAt));
    }

    // ------------------------------------------------------------------ step planning and deadlines

    /// <summary>One processing step in the legal office (2 working days), then the leader's approval (1 working day).</summary>
    private static readonly PlannedStep[] WithLeaderStep =
    [
        new("Thẩm định hồ sơ", Legal, "Phòng Pháp chế", 2, TimeUnit.WorkingDays),
        new("Lãnh đạo phê duyệt", null, null, 1, TimeUnit.WorkingDays, ByLeader: true),
    ];

    [Fact]
    public void The_leader_s_step_is_planned_with_its_own_time_after_the_processing_steps()
    {
        var decision = Decide(Snapshot(ReceivedDossier(Terms(steps: 1)), null, WithLeaderStep), new DossierCommand(Transfer), Context("2025-03-10T10:00", Desk));

        Assert.Equal(["Thẩm định hồ sơ", "Lãnh đạo phê duyệt"], decision.PlannedSteps.Select(s => s.StepName));
        Assert.Equal((At("2025-03-12T10:00"), At("2025-03-13T10:00")), (decision.PlannedSteps[1].PlannedStartAt, decision.PlannedSteps[1].PlannedDueAt));
        Assert.Null(decision.PlannedSteps[1].StartedAt);
        Assert.Equal(1, PlannedStep.ProcessingStepCount(WithLeaderStep));
    }

    [Fact]
    public void Submitting_for_approval_starts_the_leader_s_step_and_the_approval_finishes_it()
    {
        var processing = ReceivedDossier(Terms(steps: 1))
            .Do(Transfer, Ctx("2025-03-10T10:00", Desk))
            .Do(Assign, Ctx("2025-03-10T10:30", Leader) with { Assignee = "chuyenvien" });
        StepAssignment[] tracked = [new(0, Legal, "chuyenvien", At("2025-03-10T10:00"), null), new(1, Legal, null, null, null)];

        var submitted = Decide(Snapshot(processing, Legal, WithLeaderStep, tracked), new DossierCommand(Appraise) { Note = "Đủ điều kiện.", LeaderUserId = "lanhdao" },
            Context("2025-03-12T09:00", Specialist) with { Leader = new("lanhdao", Legal, IsLeader: true, InLeadership: false) });

        Assert.Equal(AwaitingApproval, submitted.State!.Status);
        Assert.Equal([(0, (DateTimeOffset?)At("2025-03-12T09:00")), (1, null)], submitted.StepUpdates.Select(u => (u.StepIndex, u.FinishedAt)));
        Assert.Equal(At("2025-03-12T09:00"), submitted.StepUpdates[1].StartedAt);

        StepAssignment[] waiting = [tracked[0] with { FinishedAt = At("2025-03-12T09:00") }, tracked[1] with { StartedAt = At("2025-03-12T09:00") }];
        var approved = Decide(Snapshot(submitted.State, Legal, WithLeaderStep, waiting), new DossierCommand(Approve), Context("2025-03-12T15:00", Leader));

        var update = Assert.Single(approved.StepUpdates);
        Assert.Equal((1, (DateTimeOffset?)At("2025-03-12T09:00"), (DateTimeOffset?)At("2025-03-12T15:00")), (update.StepIndex, update.StartedAt, update.FinishedAt));
    }

    [Fact]
    public void Steps_are_planned_back_to_back_on_their_own_working_times()
    {
        var decision = Decide(Snapshot(ReceivedDossier(), null), new DossierCommand(Transfer) { Assignee = "chuyenvien" }, Context("2025-03-10T10:00", Desk));

        var s = decision.PlannedSteps;
        Assert.Equal((At("2025-03-10T10:00"), At("2025-03-12T10:00")), (s[0].PlannedStartAt, s[0].PlannedDueAt));
        Assert.Equal((At("2025-03-12T10:00"), At("2025-03-13T10:00")), (s[1].PlannedStartAt, s[1].PlannedDueAt));
        Assert.Equal(("chuyenvien", (string?)null), (s[0].Assignee, s[1].Assignee));
    }

    [Fact]
    public void The_default_plan_takes_the_whole_processing_time()
    {
        var decision = Decide(Snapshot(ReceivedDossier(Terms(steps: 1)), null, DefaultPlan), new DossierCommand(Transfer) { UnitId = Legal },
            Context("2025-03-10T10:00", Desk));

        var step = Assert.Single(decision.PlannedSteps);
        Assert.Equal((Legal, At("2025-03-17T10:00")), (step.UnitId!.Value, step.PlannedDueAt));
    }

    // ------------------------------------------------------------------ notices, forms, explanations, apology

    public static TheoryData<DossierStatus, DossierAction, string, DossierEventKind> StatusNotices => new()
    {
        { Submitted, Receive, Desk, DossierEventKind.Received },
        { Submitted, RequestSupplement, Desk, DossierEventKind.SupplementRequested },
        { Submitted, Refuse, Desk, DossierEventKind.StatusChanged },
        { AwaitingApproval, Approve, Leader, DossierEventKind.ResultReady },
        { ResultIssued, Return, Desk, DossierEventKind.Returned },
        { InProcessing, Suspend, Leader, DossierEventKind.StatusChanged },
    };

    [Theory]
    [MemberData(nameof(StatusNotices))]
    public void Every_status_change_tells_the_applicant_and_the_national_portal(DossierStatus status, DossierAction action, string role, DossierEventKind kind)
    {
        var decision = Decide(Snapshot(StateIn(status, action), Legal), Command(action), Context("2025-03-14T10:00", role));

        Assert.Equal(new DossierNoticeRecord(kind, NoticeRecipient.Applicant, TellNationalPortal: true), decision.Notices[0]);
    }

    public static TheoryData<DossierStatus, DossierAction, string, bool, DossierNoticeRecord?> OfficerNotices => new()
    {
        // status, action, role, whether the result document is ready for the desk, the officers' notice it raises besides the applicant's
        { InProcessing, Appraise, Specialist, false, new DossierNoticeRecord(DossierEventKind.AwaitingApproval, NoticeRecipient.Approver) },
        { AwaitingApproval, Approve, Leader, true, new DossierNoticeRecord(DossierEventKind.ResultAtDesk, NoticeRecipient.Desk) },
        { AwaitingApproval, Approve, Leader, false, null },
        { AwaitingApproval, Reject, Leader, true, null },
        { ResultIssued, Return, Desk, true, null },
    };

    [Theory]
    [MemberData(nameof(OfficerNotices))]
    public void Submitting_for_approval_alerts_the_approver_and_a_result_ready_at_approval_alerts_the_desk(DossierStatus status, DossierAction action, string role,
        bool resultReady, DossierNoticeRecord? expected)
    {
        var decision = Decide(Snapshot(StateIn(status, action), Finance), Command(action) with { LeaderUserId = "lanhdao" },
            Context("2025-03-14T10:00", role) with { Leader = new("lanhdao", Finance, IsLeader: true, InLeadership: false), ResultReadyForDesk = resultReady });

        var officers = decision.Notices.Where(n => n.Recipient != NoticeRecipient.Applicant).ToList();
        Assert.Equal(expected is null ? [] : [expected], officers);
    }

    [Fact]
    public void A_change_that_keeps_the_status_raises_no_status_notice()
    {
        var decision = Decide(Snapshot(DossierWithResult(), Finance), new DossierCommand(DigitiseResult), Context("2025-03-14T10:00", Desk));

        Assert.Empty(decision.Notices);
        Assert.True(decision.State!.ResultDigitised);
    }

    public static TheoryData<DossierStatus, DossierAction, string, OfficialFormKind?, AccountabilityCase?> Papers => new()
    {
        { Submitted, Receive, Desk, OfficialFormKind.ReceiptAndAppointment, null },
        { Submitted, RequestSupplement, Desk, OfficialFormKind.SupplementRequest, AccountabilityCase.Supplement },
        { Submitted, Refuse, Desk, OfficialFormKind.Refusal, AccountabilityCase.Refusal },
        { InProcessing, Forward, Specialist, null, null },
    };

    [Theory]
    [MemberData(nameof(Papers))]
    public void The_table_s_form_and_explanation_are_part_of_the_decision(DossierStatus status, DossierAction action, string role, OfficialFormKind? form, AccountabilityCase? explanation)
    {
        // An apology needs a delay at least forecast: one working day before the due instant.
        var decision = Decide(Snapshot(StateIn(status, action), Legal, TwoSteps, Tracked), Command(action),
            Context(action == ApologyReschedule ? "2025-03-14T09:00" : "2025-03-11T09:00", role));

        Assert.Equal(form, decision.Forms.SingleOrDefault()?.Kind);
        Assert.Equal(explanation, decision.Explanations.Cast<AccountabilityCase?>().SingleOrDefault());
        if (form is not null)
        {
            Assert.Equal("Lý do cụ thể", decision.Forms.Single().Note);
        }
    }

    [Fact]
    public void An_apology_records_the_legal_due_instant_and_the_new_appointment()
    {
        var decision = Decide(Snapshot(DossierInProcessing(), Legal), Command(ApologyReschedule), Context("2025-03-14T09:00", Leader));

        Assert.Equal(new ApologyRecord(Legal, "Lý do cụ thể", At("2025-03-17T09:00"), At("2025-04-30T09:00")), decision.Apology);
        Assert.Equal(OfficialFormKind.ApologyAndReschedule, Assert.Single(decision.Forms).Kind);
    }

    [Fact]
    public void An_online_supplement_sends_the_dossier_back_to_the_desk_check_with_its_alert()
    {
        var state = DossierState.Start(DossierChannel.Online, Terms())
            .Do(Submit, Ctx("2025-03-10T08:00", Applicant))
            .Do(RequestSupplement, Ctx("2025-03-10T09:00", Desk) with { Note = "Thiếu bản sao" });
        var context = new DecisionContext(At("2025-03-11T09:00"), Calculator, new DossierActor(null, [Applicant], null, false));

        var decision = Decide(Snapshot(state, null), new DossierCommand(ResubmitSupplement) { HistoryNote = "Nộp bổ sung trực tuyến 1 tệp." }, context);

        Assert.Equal(Submitted, decision.State!.Status);
        Assert.Equal(
            [
                new DossierNoticeRecord(DossierEventKind.StatusChanged, NoticeRecipient.Applicant, TellNationalPortal: true),
                new DossierNoticeRecord(DossierEventKind.AwaitingCheck, NoticeRecipient.Desk, CheckDueAt: DossierQueue.OnlineCheckDue(At("2025-03-11T09:00"), Calculator)),
            ], decision.Notices);
        Assert.Equal("Nộp bổ sung trực tuyến 1 tệp.", Assert.Single(decision.Events).Note);
        Assert.Equal($"Hồ sơ 000.00.01.H01-250310-0001: nộp bổ sung trực tuyến ({DossierText.Name(AwaitingSupplement)} → {DossierText.Name(Submitted)}).", decision.Audit!.Summary);
    }

    // ------------------------------------------------------------------ receipt

    private static DossierSnapshot New(DossierChannel channel) =>
        new(DossierState.Start(channel, Terms()), Agency, null, TwoSteps, IsNew: true) { Code = "000.00.01.H01-250310-0001", ProcedureCode = "1.001" };

    [Fact]
    public void Receipt_and_transfer_are_two_history_rows_in_one_decision_and_the_portal_hears_only_the_last()
    {
        var decision = Decide(New(DossierChannel.Direct), new DossierCommand(Receive) { UnitId = Legal, UnitField = "transferToUnitId" },
            Context("2025-03-10T09:00", Desk));

        Assert.Equal((InProcessing, (int?)Legal), (decision.State!.Status, decision.UnitId));
        Assert.Equal([(Receive, (DossierStatus?)Submitted, Received), (Transfer, Received, InProcessing)], decision.Events.Select(e => (e.Action, e.From, e.To)));
        Assert.Equal([Receive, Transfer], decision.Transitions.Select(t => t.Action));
        Assert.Equal(2, decision.PlannedSteps.Count);
        Assert.Equal(
            [
                new DossierNoticeRecord(DossierEventKind.Received, NoticeRecipient.Applicant),
                new DossierNoticeRecord(DossierEventKind.StatusChanged, NoticeRecipient.Applicant, TellNationalPortal: true),
                new DossierNoticeRecord(DossierEventKind.EnteredQueue, NoticeRecipient.Unit),
            ], decision.Notices);
        Assert.Equal(("dossier.receive", "Tạo hồ sơ 000.00.01.H01-250310-0001 (Đang xử lý) – thủ tục 1.001 – tiếp nhận và chuyển ngay cho đơn vị xử lý."),
            (decision.Audit!.Action, decision.Audit!.Summary));
    }

    [Fact]
    public void A_receipt_s_transfer_to_the_desk_is_refused_on_the_receipt_s_field()
    {
        var decision = DossierDecider.Decide(New(DossierChannel.Direct), new DossierCommand(Receive) { UnitId = DeskUnit, UnitField = "transferToUnitId" },
            Context("2025-03-10T09:00", Desk));

        Assert.Equal("transferToUnitId", decision.Refusal!.Field);
    }

    [Fact]
    public void An_online_dossier_created_at_the_desk_records_its_submission_then_waits_for_the_check()
    {
        var decision = Decide(New(DossierChannel.Online), new DossierCommand(Submit), Context("2025-03-10T09:00", Desk));

        Assert.Equal(Submitted, decision.State!.Status);
        Assert.Equal([(Submit, (DossierStatus?)Draft, Submitted)], decision.Events.Select(e => (e.Action, e.From, e.To)));
        Assert.Empty(decision.Transitions);
        Assert.Equal([DossierEventKind.OnlineSubmitted, DossierEventKind.AwaitingCheck], decision.Notices.Select(n => n.Kind));
        Assert.Equal(DossierQueue.OnlineCheckDue(At("2025-03-10T09:00"), Calculator), decision.Notices[1].CheckDueAt);
    }

    [Fact]
    public void A_postal_dossier_waiting_for_the_check_shows_one_submission_row_and_tells_no_one()
    {
        var decision = Decide(New(DossierChannel.Postal), new DossierCommand(Submit) { Note = "Qua bưu điện" }, Context("2025-03-10T09:00", Desk));

        var e = Assert.Single(decision.Events);
        Assert.Equal((Submit, (DossierStatus?)null, Submitted, "Qua bưu điện"), (e.Action, e.From, e.To, e.Note));
        Assert.Empty(decision.Notices);
    }

    // ------------------------------------------------------------------ refusals and actions

    public static TheoryData<DossierStatus, DossierAction, string, DecisionRefusalKind, string> Refusals => new()
    {
        { Received, Approve, Leader, DecisionRefusalKind.NotAllowedInStatus, "note" },
        { InProcessing, Assign, Desk, DecisionRefusalKind.RoleNotPermitted, "assignee" },
        { InProcessing, Suspend, Leader, DecisionRefusalKind.MissingInput, "note" },
        { InProcessing, Forward, Specialist, DecisionRefusalKind.RuleViolated, "note" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Every_refusal_says_why_and_on_which_field(DossierStatus status, DossierAction action, string role, DecisionRefusalKind kind, string field)
    {
        var state = action == Forward ? DossierAtLastStep() : StateIn(status, action);

        var decision = DossierDecider.Decide(Snapshot(state, Legal), new DossierCommand(action), Context("2025-03-12T09:00", role));

        Assert.False(decision.Succeeded);
        Assert.Equal((kind, field), (decision.Refusal!.Kind, decision.Refusal!.Field));
        Assert.False(string.IsNullOrWhiteSpace(decision.Refusal!.Message));
    }

    [Fact]
    public void Every_success_changes_something_and_is_written_in_the_history()
    {
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            foreach (var action in Enum.GetValues<DossierAction>())
            {
                var state = StateIn(status, action);
                var decision = DossierDecider.Decide(Snapshot(state, Legal, TwoSteps, Tracked), Command(action) with { UnitId = Legal },
                    Context("2025-03-14T09:00", AllRoles));
                if (decision.Succeeded)
                {
                    Assert.NotEmpty(decision.Events);
                    Assert.True(decision.State != state || decision.UnitId != Legal, $"{action} from {status} changed nothing");
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(decision.Refusal!.Message), $"{action} from {status}");
                }
            }
        }
    }

    [Fact]
    public void The_actions_offered_are_those_the_scope_and_the_table_allow()
    {
        var snapshot = Snapshot(DossierInProcessing(), Legal);

        var leader = DossierDecider.AvailableActions(snapshot, new DossierActor("lanhdao", [Leader], 1, InLeadership: true), Context("2025-03-11T09:00"));
        var outsider = DossierDecider.AvailableActions(snapshot, new DossierActor("chuyenvien2", [Specialist], Finance, false), Context("2025-03-11T09:00"));

        Assert.Contains(Assign, leader);
        Assert.Contains(Forward, leader);
        Assert.Empty(outsider);
    }

    private static DossierCommand Command(DossierAction action) => new(action)
    {
        Note = "Lý do cụ thể",
        Assignee = "chuyenvien2",
        NewAppointment = At("2025-04-30T09:00"),
        Delivery = ResultDelivery.AtDesk,
        Partner = "Sở Tài chính tỉnh Phú Yên",
        SupplementItems = [new("Phiếu khai báo", "Thiếu chữ ký", null)],
    };
}
