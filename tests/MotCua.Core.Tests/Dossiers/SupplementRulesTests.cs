using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>
/// The two supplement acts: the desk's guidance before receipt and the processing body's request after it, each once per
/// dossier, each with its own limits counted on the working calendar (office hours 07:00–11:30, 13:30–17:00).
/// </summary>
public sealed class SupplementRulesTests
{
    // ------------------------------------------------------------------ which act

    [Theory]
    // Not yet received: the desk guides the applicant to complete the dossier (Mẫu 02), no clock runs.
    [InlineData(DossierStatus.Submitted, SupplementAct.DeskGuidance)]
    // Received and under appraisal: the processing body asks, back through the desk.
    [InlineData(DossierStatus.InProcessing, SupplementAct.ProcessingRequest)]
    public void The_status_decides_the_act(DossierStatus status, SupplementAct act) =>
        Assert.Equal(act, SupplementRules.ActFor(status));

    // ------------------------------------------------------------------ limits

    [Theory]
    // 02 working days from the body's receipt (ND 118/2025 as provinces echo it); before the Civil Code switch the
    // receipt's clock time on the 2nd working day.
    [InlineData("2025-03-10T10:00", "2025-03-12T10:00")]
    // Received Thursday afternoon: Friday and Monday are the two days, the weekend is not counted.
    [InlineData("2025-03-13T15:00", "2025-03-17T15:00")]
    // Received before 30/4–1/5 (and the day off of 2/5/2025): the holidays are skipped.
    [InlineData("2025-04-29T09:00", "2025-05-06T09:00")]
    // From 15/12/2026 the Civil Code counts: the day of receipt is not counted and the limit ends at 17:00 of its last day.
    [InlineData("2026-12-16T10:00", "2026-12-18T17:00")]
    public void The_processing_body_asks_within_two_working_days_of_its_receipt(string bodyReceived, string due) =>
        Assert.Equal(At(due), SupplementRules.ProcessingRequestDue(At(bodyReceived), Calculator));

    [Theory]
    // The desk notifies the applicant within 01 working day of the processing body's request.
    [InlineData("2025-03-12T09:00", "2025-03-13T09:00")]
    // Asked on a Friday: Monday.
    [InlineData("2025-03-14T16:00", "2025-03-17T16:00")]
    public void The_desk_notifies_the_applicant_within_one_working_day(string requested, string due) =>
        Assert.Equal(At(due), SupplementRules.NoticeDue(At(requested), Calculator));

    [Theory]
    // 15 working days (the ND 297/2025 example): 12/3 … 1/4/2025, weekends skipped.
    [InlineData("2025-03-11T09:00", 15, TimeUnit.WorkingDays, "2025-04-01T09:00")]
    // 30 days (e.g. the quantity-mark declaration): calendar days, ending on a working day.
    [InlineData("2025-03-11T09:00", 30, TimeUnit.CalendarDays, "2025-04-10T09:00")]
    public void The_applicant_limit_is_the_procedures_own(string requested, int value, TimeUnit unit, string due) =>
        Assert.Equal(At(due), SupplementRules.ApplicantDue(At(requested), new ProcessingTime(value, unit), Calculator));

    [Fact]
    public void A_procedure_without_an_applicant_limit_sets_no_due_instant() =>
        Assert.Null(SupplementRules.ApplicantDue(At("2025-03-11T09:00"), null, Calculator));

    // ------------------------------------------------------------------ once per act

    private static DossierState Guided(string at = "2025-03-10T09:00") =>
        DossierState.Start(DossierChannel.Direct, Terms())
            .Do(DossierAction.RequestSupplement, Ctx(at, Desk) with { Note = "Thiếu tờ khai" });

    [Fact]
    public void The_desk_guides_once_in_one_go()
    {
        DossierState again = Guided("2025-08-04T09:00").Do(DossierAction.ResubmitSupplement, Ctx("2025-08-05T09:00", Applicant));

        TransitionResult second = DossierStateMachine.Apply(again, DossierAction.RequestSupplement,
            Ctx("2025-08-05T10:00", Desk) with { Note = "Thiếu bản sao" });

        Assert.Equal(RefusalKind.RuleViolated, second.Refusal);
        Assert.Contains("hướng dẫn bổ sung, hoàn thiện tại khâu tiếp nhận", second.Message, StringComparison.Ordinal);
        Assert.EndsWith("Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ (trường hợp phải yêu cầu sửa đổi, bổ sung hồ sơ chỉ được yêu cầu một lần).",
            second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_1_7_2025_the_once_only_rule_cites_decree_61()
    {
        DossierState again = Guided().Do(DossierAction.ResubmitSupplement, Ctx("2025-03-11T09:00", Applicant));

        TransitionResult second = DossierStateMachine.Apply(again, DossierAction.RequestSupplement, Ctx("2025-03-11T10:00", Desk) with { Note = "Thiếu" });

        Assert.Contains("Nghị định số 61/2018/NĐ-CP", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_desk_guidance_does_not_use_up_the_processing_bodys_request()
    {
        DossierState processing = Guided()
            .Do(DossierAction.ResubmitSupplement, Ctx("2025-03-11T09:00", Applicant))
            .Do(DossierAction.Receive, Ctx("2025-03-11T10:00", Desk))
            .Do(DossierAction.Transfer, Ctx("2025-03-11T10:30", Desk));

        DossierState asked = processing.Do(DossierAction.RequestSupplement, Ctx("2025-03-12T09:00", Specialist) with { Note = "Thiếu bản vẽ" });

        Assert.True(asked.DeskGuidanceGiven);
        Assert.True(asked.SupplementRequested);
        Assert.Equal(PauseReason.AwaitingSupplement, asked.OpenPause?.Reason);
    }

    [Fact]
    public void The_processing_body_asks_once()
    {
        DossierState back = DossierInProcessing()
            .Do(DossierAction.RequestSupplement, Ctx("2025-08-11T09:00", Specialist) with { Note = "Thiếu bản vẽ" })
            .Do(DossierAction.ResubmitSupplement, Ctx("2025-08-12T09:00", Applicant));

        TransitionResult second = DossierStateMachine.Apply(back, DossierAction.RequestSupplement, Ctx("2025-08-13T09:00", Specialist) with { Note = "Thiếu" });

        Assert.Equal(RefusalKind.RuleViolated, second.Refusal);
        Assert.StartsWith("Cơ quan giải quyết đã yêu cầu bổ sung hồ sơ này một lần", second.Message, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Nghị định số 118/2025/NĐ-CP", second.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ the decision

    private static readonly PlannedStep[] Plan = [new("Thẩm định hồ sơ", 20, "Phòng Pháp chế", 2, TimeUnit.WorkingDays)];

    private static DossierDecision Decide(DossierState state, string at, string role, SupplementAct? act = null, DateTimeOffset? submittedAt = null) =>
        DossierDecider.Decide(
            new DossierSnapshot(state, 1, role == Desk ? null : 20, Plan) { SubmittedAt = submittedAt },
            new DossierCommand(DossierAction.RequestSupplement)
            {
                Note = "Hồ sơ chưa đầy đủ", SupplementItems = [new SupplementItem("Bản vẽ", "Thiếu", null)], SupplementAct = act,
            },
            new DecisionContext(At(at), Calculator, new DossierActor("x", [role], role == Desk ? null : 20, InLeadership: false)));

    [Theory]
    // The specialist's request after appraisal: its limit runs from the transfer (10/3 10:00), the desk's notice from now,
    // the applicant's 15 working days from now; the clock policy is the procedure's, the due instant before it kept.
    [InlineData("2025-03-11T09:00", false, "2025-03-12T10:00", "2025-03-12T09:00", "2025-04-01T09:00")]
    // On the third working day after the transfer the request is late: recorded, not refused (the applicant still needs it).
    [InlineData("2025-03-13T09:00", true, "2025-03-12T10:00", "2025-03-14T09:00", "2025-04-03T09:00")]
    public void The_processing_request_carries_its_limits_and_policy(string at, bool late, string actBy, string notifyBy, string applicantDue)
    {
        var terms = Terms(SupplementClockPolicy.Pause) with { ApplicantSupplementLimit = ProcessingTime.WorkingDays(15) };
        var decision = Decide(DossierInProcessing(terms), at, Specialist);

        Assert.True(decision.Succeeded, decision.Refusal?.Message);
        var r = decision.Supplement!;
        Assert.Equal(SupplementAct.ProcessingRequest, r.Act);
        Assert.Equal(late, r.Late);
        Assert.Equal(At(actBy), r.ActBy);
        Assert.Equal(At(notifyBy), r.NotifyApplicantBy);
        Assert.Equal(At(applicantDue), r.ApplicantDueAt);
        Assert.Equal(SupplementClockPolicy.Pause, r.Policy);
        Assert.Equal(At("2025-03-17T09:00"), r.DueBefore);
    }

    [Theory]
    // Online: the guidance is due within the online check (08 working hours from submission at 08:00 → 11/3 08:00).
    [InlineData(DossierChannel.Online, "2025-03-10T10:00", "2025-03-11T08:00", false)]
    [InlineData(DossierChannel.Online, "2025-03-11T09:00", "2025-03-11T08:00", true)]
    // At the counter the guidance is given on the spot: no limit of its own.
    [InlineData(DossierChannel.Direct, "2025-03-10T10:00", null, false)]
    public void The_desk_guidance_has_no_clock_and_online_its_check_limit(DossierChannel channel, string at, string? actBy, bool late)
    {
        var start = DossierState.Start(channel, Terms());
        var state = channel == DossierChannel.Online ? start.Do(DossierAction.Submit, Ctx("2025-03-10T08:00", Applicant)) : start;

        var decision = Decide(state, at, Desk, submittedAt: At("2025-03-10T08:00"));

        var r = decision.Supplement!;
        Assert.Equal(SupplementAct.DeskGuidance, r.Act);
        Assert.Equal(actBy is null ? null : At(actBy), r.ActBy);
        Assert.Equal(late, r.Late);
        Assert.Null(r.Policy);
        Assert.Null(r.NotifyApplicantBy);
        Assert.Null(decision.State!.OpenPause);
    }

    [Theory]
    [InlineData(DossierStatus.Submitted, SupplementAct.ProcessingRequest, "Hồ sơ chưa được tiếp nhận")]
    [InlineData(DossierStatus.InProcessing, SupplementAct.DeskGuidance, "Hồ sơ đã được tiếp nhận")]
    public void A_command_naming_the_other_act_is_refused(DossierStatus status, SupplementAct asked, string message)
    {
        var state = status == DossierStatus.Submitted ? DossierState.Start(DossierChannel.Direct, Terms()) : DossierInProcessing();

        var decision = Decide(state, "2025-03-11T09:00", status == DossierStatus.Submitted ? Desk : Specialist, asked);

        Assert.False(decision.Succeeded);
        Assert.Equal(DecisionRefusalKind.RuleViolated, decision.Refusal.Kind);
        Assert.Equal("supplementAct", decision.Refusal.Field);
        Assert.StartsWith(message, decision.Refusal.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ explanation

    [Fact]
    public void The_explanation_names_the_act_the_limits_and_the_effect_on_the_due_instant()
    {
        var request = new SupplementRequest(SupplementAct.ProcessingRequest, At("2025-03-11T09:00"))
        {
            ActBy = At("2025-03-12T10:00"), NotifyApplicantBy = At("2025-03-12T09:00"), ApplicantDueAt = At("2025-04-01T09:00"),
            Policy = SupplementClockPolicy.Restart, DueBefore = At("2025-03-17T09:00"),
            ResubmittedAt = At("2025-03-14T09:00"), DueAfter = At("2025-03-21T09:00"),
        };

        Assert.Equal(
        [
            "11/03/2025 — Yêu cầu bổ sung (sau thẩm định) lúc 09:00: dừng tính thời hạn giải quyết (hạn trước khi yêu cầu: 09:00 ngày 17/03/2025)",
            "11/03/2025 — Hạn đơn vị xử lý chuyển Bộ phận Một cửa: 10:00 ngày 12/03/2025 — trong hạn",
            "11/03/2025 — Hạn Bộ phận Một cửa thông báo người nộp hồ sơ: 09:00 ngày 12/03/2025",
            "11/03/2025 — Hạn người nộp bổ sung hồ sơ: 09:00 ngày 01/04/2025",
            "14/03/2025 — Nhận hồ sơ bổ sung lúc 09:00: thời hạn giải quyết được tính lại từ đầu khi nhận đủ hồ sơ bổ sung; hạn trả kết quả: 09:00 ngày 21/03/2025",
        ], SupplementRules.Explain(request).Select(l => l.ToString()));
    }

    [Fact]
    public void While_awaited_the_explanation_says_what_the_resubmission_will_do()
    {
        var request = new SupplementRequest(SupplementAct.ProcessingRequest, At("2025-03-11T09:00")) { Policy = SupplementClockPolicy.Pause };

        Assert.Equal("Khi nhận đủ hồ sơ bổ sung: thời gian chờ bổ sung không tính vào thời hạn giải quyết",
            SupplementRules.Explain(request)[^1].Reason);
    }
}
