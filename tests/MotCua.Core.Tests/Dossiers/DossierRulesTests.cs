using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>The legal rules behind the table: clock, once-only limits, appointments, lateness, steps.</summary>
public sealed class DossierRulesTests
{
    // ------------------------------------------------------------------ receipt

    [Fact]
    public void Receipt_starts_the_clock_and_fixes_the_appointment()
    {
        TransitionResult r = DossierStateMachine.Apply(
            DossierState.Start(DossierChannel.Direct, Terms()), DossierAction.Receive, Ctx("2025-03-10T09:00", Desk));

        Assert.True(r.Succeeded);
        Assert.Equal(DossierStatus.Received, r.State.Status);
        Assert.Equal(At("2025-03-10T09:00"), r.State.ReceivedAt);
        Assert.Equal(At("2025-03-17T09:00"), r.State.AppointmentAt);
        Assert.Equal(At("2025-03-17T09:00"), r.State.DueAt);
        Assert.Equal(ClockEffect.Start, r.Clock);
        Assert.Equal(OfficialFormKind.ReceiptAndAppointment, r.Form);
    }

    [Fact]
    public void Receipt_after_the_cutoff_starts_next_working_day_when_the_procedure_says_so()
    {
        DossierState state = DossierState.Start(DossierChannel.Postal, Terms() with { ApplyCutoff = true })
            .Do(DossierAction.Receive, Ctx("2025-03-14T15:30", Desk));
        // Friday 15:30 → the count starts Monday 17/3; 5 WD keep that clock position (Monday 24/3 07:00), which is after
        // the legal last day, so the limit ends when Friday 21/3's office hours end.
        Assert.Equal(At("2025-03-21T17:00"), state.DueAt);
    }

    [Fact]
    public void A_procedure_without_a_time_limit_has_no_appointment()
    {
        DossierState state = ReceivedDossier(Terms() with { ProcessingTime = null });
        Assert.Null(state.AppointmentAt);
        Assert.Null(state.DueAt);
        Assert.Equal(RefusalKind.RuleViolated, DossierStateMachine.Apply(
            state.Do(DossierAction.Transfer, Ctx("2025-03-10T10:00", Desk)),
            DossierAction.ApologyReschedule,
            Full("2025-03-12T09:00", Leader)).Refusal);
    }

    [Fact]
    public void Online_dossier_is_a_draft_until_submitted_then_checked_at_the_desk()
    {
        DossierState draft = DossierState.Start(DossierChannel.Online, Terms());
        Assert.Equal(DossierStatus.Draft, draft.Status);
        DossierState submitted = draft.Do(DossierAction.Submit, Ctx("2025-03-08T22:00", Applicant));
        Assert.Equal(DossierStatus.Submitted, submitted.Status);
        Assert.Null(submitted.DueAt);
        // Saturday night submission: the clock starts when the desk receives it, at the next working period.
        Assert.Equal(At("2025-03-17T07:00"), submitted.Do(DossierAction.Receive, Ctx("2025-03-10T07:00", Desk)).DueAt);
    }

    [Fact]
    public void Start_rejects_a_process_without_steps() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierState.Start(DossierChannel.Direct, Terms(steps: 0)));

    // ------------------------------------------------------------------ refusal at the desk

    [Fact]
    public void Refusal_at_the_desk_never_gets_an_appointment()
    {
        TransitionResult r = DossierStateMachine.Apply(DossierState.Start(DossierChannel.Direct, Terms()), DossierAction.Refuse,
            Ctx("2025-03-10T09:00", Desk) with { Note = "Không thuộc thẩm quyền giải quyết" });

        Assert.Equal(DossierStatus.Refused, r.State!.Status);
        Assert.Null(r.State.ReceivedAt);
        Assert.Null(r.State.AppointmentAt);
        Assert.Null(r.State.DueAt);
        Assert.Equal(At("2025-03-10T09:00"), r.State.ClosedAt);
        Assert.Equal(OfficialFormKind.Refusal, r.Form);
        Assert.Equal(AccountabilityCase.Refusal, r.ExplanationRequired);
        Assert.Equal(ClockEffect.None, r.Clock);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Refusal_needs_a_reason(string? note)
    {
        TransitionResult r = DossierStateMachine.Apply(DossierState.Start(DossierChannel.Direct, Terms()), DossierAction.Refuse,
            Ctx("2025-03-10T09:00", Desk) with { Note = note });
        Assert.Equal(RefusalKind.MissingInput, r.Refusal);
        Assert.Equal("Vui lòng nêu rõ lý do từ chối.", r.Message);
    }

    [Fact]
    public void Refusal_after_appraisal_ends_the_received_dossier()
    {
        TransitionResult r = DossierStateMachine.Apply(DossierAwaitingApproval(), DossierAction.Refuse,
            Ctx("2025-03-13T09:00", Leader) with { Note = "Không đủ điều kiện cấp phép" });
        Assert.Equal(DossierStatus.RefusedAfterReceipt, r.State!.Status);
        Assert.Equal(At("2025-03-17T09:00"), r.State.AppointmentAt);
        Assert.Equal(ClockEffect.End, r.Clock);
        Assert.Equal(AccountabilityCase.Refusal, r.ExplanationRequired);
    }

    // ------------------------------------------------------------------ supplement

    [Fact]
    public void Supplement_at_the_desk_check_goes_back_to_the_desk_and_leaves_the_processing_bodys_one_request()
    {
        DossierState waiting = DossierState.Start(DossierChannel.Online, Terms())
            .Do(DossierAction.Submit, Ctx("2025-03-10T08:00", Applicant))
            .Do(DossierAction.RequestSupplement, Ctx("2025-03-10T09:00", Desk) with { Note = "Thiếu tờ khai" });
        Assert.Equal(DossierStatus.AwaitingSupplement, waiting.Status);
        Assert.Null(waiting.ResumeStatus);
        Assert.Null(waiting.OpenPause); // not received: no clock to stop

        DossierState resubmitted = waiting.Do(DossierAction.ResubmitSupplement, Ctx("2025-03-11T09:00", Applicant));
        Assert.Equal(DossierStatus.Submitted, resubmitted.Status);

        DossierState inProcessing = resubmitted
            .Do(DossierAction.Receive, Ctx("2025-03-11T10:00", Desk))
            .Do(DossierAction.Transfer, Ctx("2025-03-11T10:30", Desk));
        Assert.Equal(At("2025-03-18T10:00"), inProcessing.DueAt);

        // The desk's guidance and the processing body's request are different acts, each once (Decree 118/2025).
        TransitionResult second = DossierStateMachine.Apply(inProcessing, DossierAction.RequestSupplement,
            Ctx("2025-03-12T09:00", Specialist) with { Note = "Thiếu bản vẽ" });
        Assert.True(second.Succeeded, second.Message);
        TransitionResult third = DossierStateMachine.Apply(
            second.State.Do(DossierAction.ResubmitSupplement, Ctx("2025-03-13T09:00", Applicant)), DossierAction.RequestSupplement,
            Ctx("2025-03-14T09:00", Specialist) with { Note = "Thiếu bản vẽ" });
        Assert.Equal(RefusalKind.RuleViolated, third.Refusal);
        Assert.Contains("một lần", third.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Supplement_after_receipt_stops_the_clock_and_restart_recounts_from_the_resubmission()
    {
        TransitionResult asked = DossierStateMachine.Apply(DossierInProcessing(), DossierAction.RequestSupplement,
            Ctx("2025-03-12T09:00", Specialist) with { Note = "Thiếu bản sao quyết định thành lập" });
        Assert.Equal(ClockEffect.Pause, asked.Clock);
        Assert.Equal(PauseReason.AwaitingSupplement, asked.PauseReason);
        Assert.Equal(OfficialFormKind.SupplementRequest, asked.Form);
        Assert.Equal(AccountabilityCase.Supplement, asked.ExplanationRequired);
        Assert.Null(asked.State!.DueAt);
        Assert.Equal(new Pause(At("2025-03-12T09:00"), null, PauseReason.AwaitingSupplement), asked.State.OpenPause);

        TransitionResult back = DossierStateMachine.Apply(asked.State, DossierAction.ResubmitSupplement, Ctx("2025-03-14T09:00", Applicant));
        Assert.Equal(ClockEffect.Restart, back.Clock);
        Assert.Equal(DossierStatus.InProcessing, back.State!.Status);
        Assert.Equal(At("2025-03-14T09:00"), back.State.ClockStartedAt);
        Assert.Equal(At("2025-03-21T09:00"), back.State.DueAt);
        Assert.Equal(At("2025-03-21T09:00"), back.State.AppointmentAt);
        Assert.Empty(back.State.Pauses);
        Assert.Null(back.State.OpenPause);
        Assert.Equal(At("2025-03-10T09:00"), back.State.ReceivedAt); // the receipt itself is history, kept
    }

    [Fact]
    public void Supplement_under_the_pause_policy_moves_the_due_instant_by_the_working_time_waited()
    {
        DossierState state = DossierInProcessing(Terms(SupplementClockPolicy.Pause))
            .Do(DossierAction.RequestSupplement, Ctx("2025-03-12T09:00", Specialist) with { Note = "Thiếu giấy tờ" })
            .Do(DossierAction.ResubmitSupplement, Ctx("2025-03-14T09:00", Desk));

        Assert.Equal(At("2025-03-19T09:00"), state.DueAt); // 17/3 + 2 working days waited
        Assert.Equal(At("2025-03-17T09:00"), state.AppointmentAt); // the printed appointment is not rewritten
        Assert.Equal(At("2025-03-10T09:00"), state.ClockStartedAt);
        Assert.Equal([new Pause(At("2025-03-12T09:00"), At("2025-03-14T09:00"), PauseReason.AwaitingSupplement)], state.Pauses);
    }

    [Fact]
    public void A_supplement_never_provided_is_closed_by_stopping()
    {
        TransitionResult r = DossierStateMachine.Apply(
            DossierInProcessing().Do(DossierAction.RequestSupplement, Ctx("2025-03-11T09:00", Specialist) with { Note = "Thiếu" }),
            DossierAction.Stop, Ctx("2025-04-11T09:00", Desk) with { Note = "Quá hạn bổ sung hồ sơ" });
        Assert.Equal(DossierStatus.Stopped, r.State!.Status);
        Assert.Equal(OfficialFormKind.StopNotice, r.Form);
        Assert.Null(r.State.OpenPause);
        Assert.Equal([new Pause(At("2025-03-11T09:00"), At("2025-04-11T09:00"), PauseReason.AwaitingSupplement)], r.State.Pauses);
    }

    // ------------------------------------------------------------------ other pauses

    [Fact]
    public void Suspension_stops_the_clock_and_resuming_extends_the_due_instant()
    {
        DossierState suspended = DossierInProcessing()
            .Do(DossierAction.Suspend, Ctx("2025-03-12T09:00", Leader) with { Note = "Chờ ý kiến Bộ" });
        Assert.Equal(DossierStatus.Suspended, suspended.Status);
        Assert.Null(suspended.DueAt);

        DossierState resumed = suspended.Do(DossierAction.Resume, Ctx("2025-03-13T09:00", Leader));
        Assert.Equal(DossierStatus.InProcessing, resumed.Status);
        Assert.Equal(At("2025-03-18T09:00"), resumed.DueAt);
        Assert.Equal(suspended.CurrentStep, resumed.CurrentStep);
    }

    [Fact]
    public void Financial_obligation_pauses_and_returns_to_the_interrupted_status()
    {
        DossierState paying = DossierWithResult()
            .Do(DossierAction.PauseForFinancialObligation, Ctx("2025-03-13T10:00", Desk));
        Assert.Equal(DossierStatus.AwaitingFinancialObligation, paying.Status);
        Assert.Equal(DossierStatus.ResultIssued, paying.ResumeStatus);

        DossierState paid = paying.Do(DossierAction.ResumeAfterFinancialObligation, Ctx("2025-03-14T10:00", Desk));
        Assert.Equal(DossierStatus.ResultIssued, paid.Status);
        Assert.Equal(At("2025-03-18T09:00"), paid.DueAt);
    }

    [Fact]
    public void A_pause_after_the_due_instant_does_not_forgive_lateness()
    {
        DossierState paying = DossierInProcessing()
            .Do(DossierAction.PauseForFinancialObligation, Ctx("2025-03-18T09:00", Specialist));
        Assert.Equal(At("2025-03-17T09:00"), paying.DueAt);
        Assert.Equal(At("2025-03-17T09:00"), paying
            .Do(DossierAction.ResumeAfterFinancialObligation, Ctx("2025-03-20T09:00", Specialist)).DueAt);
    }

    // ------------------------------------------------------------------ steps

    [Fact]
    public void Steps_go_forward_one_at_a_time_and_only_the_last_is_submitted_for_approval()
    {
        DossierState first = DossierInProcessing(Terms(steps: 3));
        Assert.Equal(0, first.CurrentStep);
        Assert.Equal(At("2025-03-10T10:00"), first.StepStartedAt);

        TransitionResult early = DossierStateMachine.Apply(first, DossierAction.Appraise, Ctx("2025-03-11T09:00", Specialist));
        Assert.Equal(RefusalKind.RuleViolated, early.Refusal);
        Assert.Equal("Hồ sơ còn 2 bước xử lý chưa thực hiện; hãy chuyển bước tiếp theo trước khi trình phê duyệt.", early.Message);

        DossierState last = first
            .Do(DossierAction.Forward, Ctx("2025-03-11T09:00", Specialist) with { Assignee = "chicuc" })
            .Do(DossierAction.Forward, Ctx("2025-03-12T09:00", Specialist));
        Assert.Equal(2, last.CurrentStep);
        Assert.Equal(At("2025-03-12T09:00"), last.StepStartedAt);
        Assert.Null(last.Assignee);

        TransitionResult beyond = DossierStateMachine.Apply(last, DossierAction.Forward, Ctx("2025-03-12T10:00", Specialist));
        Assert.Equal(RefusalKind.RuleViolated, beyond.Refusal);
        Assert.Equal(DossierStatus.AwaitingApproval, last.Do(DossierAction.Appraise, Ctx("2025-03-12T10:00", Specialist)).Status);
    }

    [Fact]
    public void Return_to_an_earlier_step_needs_a_reason_and_a_step_before_the_current_one()
    {
        DossierState atThird = DossierInProcessing(Terms(steps: 3))
            .Do(DossierAction.Forward, Ctx("2025-03-11T09:00", Specialist))
            .Do(DossierAction.Forward, Ctx("2025-03-12T09:00", Specialist));

        Assert.Equal(RefusalKind.MissingInput, DossierStateMachine.Apply(atThird, DossierAction.ReturnToPreviousStep,
            Ctx("2025-03-12T10:00", Leader)).Refusal);
        Assert.Equal(1, atThird.Do(DossierAction.ReturnToPreviousStep, Ctx("2025-03-12T10:00", Leader) with { Note = "Thẩm định lại" }).CurrentStep);
        Assert.Equal(0, atThird.Do(DossierAction.ReturnToPreviousStep, Ctx("2025-03-12T10:00", Leader) with { Note = "Làm lại", TargetStep = 0 }).CurrentStep);
        Assert.Equal(RefusalKind.MissingInput, DossierStateMachine.Apply(atThird, DossierAction.ReturnToPreviousStep,
            Ctx("2025-03-12T10:00", Leader) with { Note = "x", TargetStep = 2 }).Refusal);

        TransitionResult atFirst = DossierStateMachine.Apply(DossierInProcessing(), DossierAction.ReturnToPreviousStep,
            Ctx("2025-03-11T10:00", Leader) with { Note = "x" });
        Assert.Equal("Hồ sơ đang ở bước xử lý đầu tiên, không có bước trước để trả lại.", atFirst.Message);
    }

    [Fact]
    public void Leader_rejection_sends_the_dossier_back_to_the_last_step_with_a_reason()
    {
        Assert.Equal(RefusalKind.MissingInput, DossierStateMachine.Apply(DossierAwaitingApproval(), DossierAction.Reject,
            Ctx("2025-03-13T09:00", Leader)).Refusal);
        DossierState back = DossierAwaitingApproval().Do(DossierAction.Reject, Ctx("2025-03-13T09:00", Leader) with { Note = "Sai số liệu" });
        Assert.Equal(DossierStatus.InProcessing, back.Status);
        Assert.Equal(1, back.CurrentStep);
        Assert.Equal(At("2025-03-13T09:00"), back.StepStartedAt);
    }

    [Fact]
    public void Assignment_needs_someone_new()
    {
        DossierState state = DossierInProcessing();
        Assert.Equal(RefusalKind.MissingInput, DossierStateMachine.Apply(state, DossierAction.Assign, Ctx("2025-03-11T09:00", Leader)).Refusal);
        TransitionResult same = DossierStateMachine.Apply(state, DossierAction.Assign, Ctx("2025-03-11T09:00", Leader) with { Assignee = "chuyenvien" });
        Assert.Equal("Hồ sơ đã được phân công cho cán bộ này.", same.Message);
        Assert.Equal("chuyenvien2", state.Do(DossierAction.Assign, Ctx("2025-03-11T09:00", Admin) with { Assignee = "chuyenvien2" }).Assignee);
    }

    // ------------------------------------------------------------------ inter-agency

    [Fact]
    public void Inter_agency_transfer_keeps_one_dossier_and_a_running_clock()
    {
        DossierState away = DossierInProcessing()
            .Do(DossierAction.TransferInterAgency, Ctx("2025-03-11T09:00", Specialist) with { Partner = "Sở Tài chính" });
        Assert.Equal(DossierStatus.AwaitingInterAgency, away.Status);
        Assert.Equal("Sở Tài chính", away.InterAgencyPartner);
        Assert.Equal(At("2025-03-17T09:00"), away.DueAt);
        Assert.Equal(NationalStatus.Processing, NationalStatus.From(away.Status));

        DossierState back = away.Do(DossierAction.ReceiveInterAgencyResult, Ctx("2025-03-13T09:00", Desk));
        Assert.Equal(DossierStatus.InProcessing, back.Status);
        Assert.Null(back.InterAgencyPartner);
        Assert.Equal(At("2025-03-17T09:00"), back.DueAt);

        Assert.Equal(RefusalKind.MissingInput, DossierStateMachine.Apply(DossierInProcessing(), DossierAction.TransferInterAgency,
            Ctx("2025-03-11T09:00", Specialist)).Refusal);
    }

    // ------------------------------------------------------------------ apology and lateness

    [Fact]
    public void Latest_apology_is_one_working_day_before_the_due_instant()
    {
        Assert.Equal(At("2025-03-14T09:00"), DossierStateMachine.LatestApologyAt(At("2025-03-17T09:00"), Official));
        // Monday after Tết 2025 (25/1–2/2 off): the previous working day is Friday 24/1.
        Assert.Equal(At("2025-01-24T16:00"), DossierStateMachine.LatestApologyAt(At("2025-02-03T16:00"), Official));
    }

    [Fact]
    public void Apology_gives_a_new_appointment_once_and_lateness_stays_judged_against_the_original()
    {
        TransitionResult apology = DossierStateMachine.Apply(DossierInProcessing(), DossierAction.ApologyReschedule,
            Ctx("2025-03-13T09:00", Leader) with { Note = "Chờ kết quả kiểm định", NewAppointment = At("2025-03-24T09:00") });

        Assert.True(apology.Succeeded);
        Assert.Empty(apology.Warnings);
        Assert.Equal(OfficialFormKind.ApologyAndReschedule, apology.Form);
        Assert.Equal(AccountabilityCase.Late, apology.ExplanationRequired);
        Assert.Equal(At("2025-03-24T09:00"), apology.State!.RescheduledDueAt);
        Assert.Equal(At("2025-03-17T09:00"), apology.State.DueAt);
        Assert.True(apology.State.Rescheduled);

        TransitionResult again = DossierStateMachine.Apply(apology.State, DossierAction.ApologyReschedule,
            Ctx("2025-03-20T09:00", Leader) with { Note = "Vẫn chưa xong", NewAppointment = At("2025-03-31T09:00") });
        Assert.Equal(RefusalKind.RuleViolated, again.Refusal);
        Assert.Equal("Hồ sơ đã được hẹn lại ngày trả kết quả một lần; theo quy định không hẹn lại quá một lần.", again.Message);

        DossierState issued = apology.State
            .Do(DossierAction.Forward, Ctx("2025-03-19T09:00", Specialist))
            .Do(DossierAction.Appraise, Ctx("2025-03-19T10:00", Specialist))
            .Do(DossierAction.Approve, Ctx("2025-03-20T09:00", Leader));
        TransitionResult returned = DossierStateMachine.Apply(issued, DossierAction.Return,
            Ctx("2025-03-21T09:00", Desk) with { Delivery = ResultDelivery.ByPost });

        // Returned before the new appointment, but after the original one: late.
        Assert.Equal(ResolutionTimeliness.Late, returned.State!.Timeliness);
        Assert.Equal(AccountabilityCase.Late, returned.ExplanationRequired);
    }

    [Fact]
    public void Apology_drafted_later_than_one_working_day_before_the_deadline_is_allowed_with_a_warning()
    {
        TransitionResult late = DossierStateMachine.Apply(DossierInProcessing(), DossierAction.ApologyReschedule,
            Ctx("2025-03-14T09:01", Leader) with { Note = "Chờ kiểm định", NewAppointment = At("2025-03-24T09:00") });
        Assert.True(late.Succeeded);
        Assert.Equal(["Phiếu xin lỗi được lập sau thời hạn quy định (chậm nhất 09:00 ngày 14/03/2025, 01 ngày làm việc trước ngày hẹn trả)."],
            late.Warnings);

        TransitionResult onTheLimit = DossierStateMachine.Apply(DossierInProcessing(), DossierAction.ApologyReschedule,
            Ctx("2025-03-14T09:00", Leader) with { Note = "Chờ kiểm định", NewAppointment = At("2025-03-24T09:00") });
        Assert.Empty(onTheLimit.Warnings);
    }

    [Theory]
    [InlineData("2025-03-17T09:00")] // equal to the original due instant
    [InlineData("2025-03-12T09:00")] // before it
    public void Apology_appointment_must_be_after_the_original_due_instant(string appointment)
    {
        TransitionResult r = DossierStateMachine.Apply(DossierInProcessing(), DossierAction.ApologyReschedule,
            Ctx("2025-03-12T09:00", Leader) with { Note = "Chậm", NewAppointment = At(appointment) });
        Assert.Equal(RefusalKind.MissingInput, r.Refusal);
        Assert.Equal("Thời điểm hẹn mới phải sau thời hạn ban đầu (09:00 ngày 17/03/2025) và sau thời điểm hiện tại.", r.Message);
    }

    [Fact]
    public void Apology_needs_a_reason_and_an_appointment()
    {
        Assert.Equal("Vui lòng nêu rõ lý do chậm trả kết quả.", DossierStateMachine.Apply(DossierInProcessing(),
            DossierAction.ApologyReschedule, Ctx("2025-03-12T09:00", Leader) with { NewAppointment = At("2025-03-24T09:00") }).Message);
        Assert.Equal("Vui lòng nhập thời điểm hẹn trả kết quả mới.", DossierStateMachine.Apply(DossierInProcessing(),
            DossierAction.ApologyReschedule, Ctx("2025-03-12T09:00", Leader) with { Note = "Chậm" }).Message);
    }

    // ------------------------------------------------------------------ return, withdrawal, digitisation

    [Theory]
    [InlineData("2025-03-14T09:00", ResolutionTimeliness.Early)]
    [InlineData("2025-03-17T09:00", ResolutionTimeliness.OnTime)]
    [InlineData("2025-03-17T09:01", ResolutionTimeliness.Late)]
    public void The_return_instant_ends_the_on_time_count(string returnedAt, ResolutionTimeliness expected)
    {
        TransitionResult r = DossierStateMachine.Apply(DossierWithResult(), DossierAction.Return,
            Ctx(returnedAt, Desk) with { Delivery = ResultDelivery.AtDesk });
        Assert.Equal(DossierStatus.Returned, r.State!.Status);
        Assert.Equal(At(returnedAt), r.State.ReturnedAt);
        Assert.Equal(ResultDelivery.AtDesk, r.State.ReturnMethod);
        Assert.Equal(ClockEffect.End, r.Clock);
        Assert.Equal(expected, r.State.Timeliness);
        Assert.Equal(expected == ResolutionTimeliness.Late ? AccountabilityCase.Late : null, r.ExplanationRequired);
    }

    [Fact]
    public void Return_needs_the_delivery_method() =>
        Assert.Equal(RefusalKind.MissingInput,
            DossierStateMachine.Apply(DossierWithResult(), DossierAction.Return, Ctx("2025-03-14T09:00", Desk)).Refusal);

    [Fact]
    public void Withdrawal_is_possible_until_the_result_is_returned()
    {
        TransitionResult withResult = DossierStateMachine.Apply(DossierWithResult(), DossierAction.Withdraw, Ctx("2025-03-14T09:00", Applicant));
        Assert.Equal(DossierStatus.Withdrawn, withResult.State!.Status);
        Assert.Equal(At("2025-03-14T09:00"), withResult.State.ClosedAt);
        Assert.Equal(ClockEffect.End, withResult.Clock);

        DossierState returned = DossierWithResult().Do(DossierAction.Return, Ctx("2025-03-14T09:00", Desk) with { Delivery = ResultDelivery.Online });
        TransitionResult tooLate = DossierStateMachine.Apply(returned, DossierAction.Withdraw, Ctx("2025-03-14T10:00", Applicant));
        Assert.Equal("Hồ sơ đã trả kết quả, không thể rút hồ sơ.", tooLate.Message);
    }

    [Fact]
    public void Withdrawal_while_paused_closes_the_pause()
    {
        DossierState withdrawn = DossierInProcessing()
            .Do(DossierAction.Suspend, Ctx("2025-03-11T09:00", Leader) with { Note = "Tạm dừng" })
            .Do(DossierAction.Withdraw, Ctx("2025-03-12T09:00", Desk));
        Assert.Null(withdrawn.OpenPause);
        Assert.Null(withdrawn.ResumeStatus);
        Assert.Equal([new Pause(At("2025-03-11T09:00"), At("2025-03-12T09:00"), PauseReason.Suspended)], withdrawn.Pauses);
    }

    [Fact]
    public void Result_is_digitised_once()
    {
        DossierState digitised = DossierWithResult().Do(DossierAction.DigitiseResult, Ctx("2025-03-13T10:00", Specialist));
        Assert.True(digitised.ResultDigitised);
        Assert.Equal(DossierStatus.ResultIssued, digitised.Status);
        Assert.Equal("Kết quả giải quyết của hồ sơ đã được số hóa.",
            DossierStateMachine.Apply(digitised, DossierAction.DigitiseResult, Ctx("2025-03-13T11:00", Desk)).Message);
    }

    // ------------------------------------------------------------------ journeys

    [Fact]
    public void Journey_receive_assign_approve_return_on_time()
    {
        DossierState state = DossierState.Start(DossierChannel.Direct, Terms(steps: 1));
        var log = new List<(DossierStatus From, DossierStatus To)>();
        void Step(DossierAction action, TransitionContext ctx)
        {
            TransitionResult r = DossierStateMachine.Apply(state, action, ctx);
            Assert.True(r.Succeeded, r.Message);
            log.Add((r.From, r.To));
            state = r.State;
        }

        Step(DossierAction.Receive, Ctx("2025-03-10T09:00", Desk));
        Step(DossierAction.Transfer, Ctx("2025-03-10T09:30", Desk));
        Step(DossierAction.Assign, Ctx("2025-03-10T10:00", Leader) with { Assignee = "chuyenvien" });
        Step(DossierAction.Appraise, Ctx("2025-03-13T09:00", Specialist));
        Step(DossierAction.Approve, Ctx("2025-03-14T09:00", Leader));
        Step(DossierAction.Return, Ctx("2025-03-17T08:00", Desk) with { Delivery = ResultDelivery.AtDesk });

        Assert.Equal(
            [(DossierStatus.Submitted, DossierStatus.Received), (DossierStatus.Received, DossierStatus.InProcessing),
             (DossierStatus.InProcessing, DossierStatus.InProcessing), (DossierStatus.InProcessing, DossierStatus.AwaitingApproval),
             (DossierStatus.AwaitingApproval, DossierStatus.ResultIssued), (DossierStatus.ResultIssued, DossierStatus.Returned)],
            log);
        Assert.Equal(At("2025-03-14T09:00"), state.CompletedAt);
        Assert.Equal(ResolutionTimeliness.OnTime, state.Timeliness);
        Assert.Equal(10, NationalStatus.From(state.Status)!.Code);
    }
}
