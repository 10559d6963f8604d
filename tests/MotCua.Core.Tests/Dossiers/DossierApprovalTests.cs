using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;

using static MotCua.Core.Dossiers.DossierAction;
using static MotCua.Core.Dossiers.DossierStatus;
using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>
/// Submission for approval (trình phê duyệt): the appraisal is required, the approving leader is chosen among those who
/// may approve for the unit holding the dossier, and the dossier is assigned to that leader until approved or rejected.
/// </summary>
public sealed class DossierApprovalTests
{
    private const int Unit = 30;
    private const int OtherUnit = 20;
    private const int Leadership = 5;

    private static readonly PlannedStep[] TwoSteps =
    [
        new("Thẩm định hồ sơ", OtherUnit, "Phòng Pháp chế", 2, TimeUnit.WorkingDays),
        new("Xử lý hồ sơ", Unit, "Phòng Tài chính", 1, TimeUnit.WorkingDays),
    ];

    private static readonly StepAssignment[] AtLastStep =
    [
        new(0, OtherUnit, "chuyenvien", At("2025-03-10T10:00"), At("2025-03-11T09:00")),
        new(1, Unit, "chuyenvien", At("2025-03-11T09:00"), null),
    ];

    private static DossierSnapshot Snapshot(DossierState state) =>
        new(state, 1, Unit, TwoSteps) { Code = "000.00.01.H01-250310-0001", ProcedureCode = "1.001", Steps = AtLastStep };

    private static DecisionContext Context(string role, LeaderInfo? leader) =>
        new(At("2025-03-12T09:00"), Calculator, new DossierActor("chuyenvien", [role], Unit, InLeadership: false)) { Leader = leader };

    public static TheoryData<string?, string?, LeaderInfo?, string?, string?> Submissions => new()
    {
        // appraisal, leader named, leader as found, refusal field (null: accepted), message
        { null, "lanhdao", new("lanhdao", Unit, true, false), "note", "Vui lòng nhập ý kiến thẩm định trước khi trình phê duyệt." },
        { "   ", "lanhdao", new("lanhdao", Unit, true, false), "note", "Vui lòng nhập ý kiến thẩm định trước khi trình phê duyệt." },
        { "Đủ điều kiện.", null, null, "leaderUserId", "Vui lòng chọn lãnh đạo phê duyệt hồ sơ." },
        { "Đủ điều kiện.", " ", null, "leaderUserId", "Vui lòng chọn lãnh đạo phê duyệt hồ sơ." },
        { "Đủ điều kiện.", "ai-do", null, "leaderUserId", "\"ai-do\" không phải lãnh đạo của đơn vị đang giải quyết hồ sơ; vui lòng chọn lãnh đạo trong danh sách." },
        { "Đủ điều kiện.", "chuyenvien2", new("chuyenvien2", Unit, false, false), "leaderUserId", "\"chuyenvien2\" không phải lãnh đạo của đơn vị đang giải quyết hồ sơ; vui lòng chọn lãnh đạo trong danh sách." },
        { "Đủ điều kiện.", "truongphong", new("truongphong", OtherUnit, true, false), "leaderUserId", "\"truongphong\" không phải lãnh đạo của đơn vị đang giải quyết hồ sơ; vui lòng chọn lãnh đạo trong danh sách." },
        { "Đủ điều kiện.", "lanhdao", new("khac", Unit, true, false), "leaderUserId", "\"lanhdao\" không phải lãnh đạo của đơn vị đang giải quyết hồ sơ; vui lòng chọn lãnh đạo trong danh sách." },
        { "Đủ điều kiện.", "truongphong", new("truongphong", Unit, true, false), null, null },
        { "Đủ điều kiện.", "lanhdao", new("lanhdao", Leadership, true, true), null, null },
    };

    [Theory]
    [MemberData(nameof(Submissions))]
    public void Submission_for_approval_needs_the_appraisal_and_a_leader_of_the_unit(string? note, string? named, LeaderInfo? found, string? field, string? message)
    {
        var decision = DossierDecider.Decide(Snapshot(DossierAtLastStep()), new DossierCommand(Appraise) { Note = note, LeaderUserId = named }, Context(Specialist, found));

        if (field is null)
        {
            Assert.True(decision.Succeeded, decision.Refusal?.Message);
            Assert.Equal((AwaitingApproval, named), (decision.State!.Status, decision.State.Assignee));
            Assert.Equal(named, Assert.Single(decision.Events).Assignee);
            Assert.Equal(note, decision.Events[0].Note);
            // The appraiser keeps the step they finished; the chosen leader is told.
            Assert.Equal("chuyenvien", Assert.Single(decision.StepUpdates).Assignee);
            Assert.Contains(decision.Notices, n => n is { Kind: DossierEventKind.AwaitingApproval, Recipient: NoticeRecipient.Approver });
        }
        else
        {
            Assert.Equal((field, message), (decision.Refusal!.Field, decision.Refusal.Message));
            Assert.Null(decision.State);
        }
    }

    [Fact]
    public void The_status_rule_comes_before_the_inputs()
    {
        var decision = DossierDecider.Decide(Snapshot(DossierAwaitingApproval()), new DossierCommand(Appraise), Context(Specialist, null));

        Assert.Equal(DecisionRefusalKind.NotAllowedInStatus, decision.Refusal!.Kind);
    }

    [Fact]
    public void A_rejected_dossier_goes_back_to_the_officer_who_appraised_it()
    {
        var awaiting = DossierAwaitingApproval() with { Assignee = "lanhdao" };

        var decision = DossierDecider.Decide(Snapshot(awaiting), new DossierCommand(Reject) { Note = "Bổ sung căn cứ pháp lý." },
            Context(Leader, null) with { Actor = new DossierActor("lanhdao", [Leader], Leadership, InLeadership: true) });

        Assert.True(decision.Succeeded, decision.Refusal?.Message);
        Assert.Equal((InProcessing, "chuyenvien", (int?)Unit), (decision.State!.Status, decision.State.Assignee, decision.UnitId));
    }
}
