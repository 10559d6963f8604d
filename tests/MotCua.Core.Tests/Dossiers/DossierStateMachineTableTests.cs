using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Dossiers.DossierAction;
using static MotCua.Core.Dossiers.DossierStatus;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>
/// The transition table checked against an independent statement of the rules: every status × action pair, allowed or
/// refused, and who may act.
/// </summary>
public sealed class DossierStateMachineTableTests
{
    private static readonly string[] WithdrawRoles = [Applicant, Desk];

    // The specification, written out by hand from dossiers.md §3.2–3.9 (not derived from the implementation).
    private static readonly Dictionary<(DossierAction, DossierStatus), string[]> Expected = Build(
        (Submit, [Draft], [Applicant]),
        (Receive, [Submitted], [Desk]),
        (RequestSupplement, [Submitted], [Desk]),
        (RequestSupplement, [InProcessing], [Specialist, Leader]),
        (ResubmitSupplement, [AwaitingSupplement], [Applicant, Desk]),
        (Refuse, [Submitted], [Desk]),
        (Refuse, [InProcessing, AwaitingApproval], [Leader]),
        (Transfer, [Received], [Desk]),
        (Assign, [InProcessing], [Leader, Admin]),
        (Forward, [InProcessing], [Specialist, Leader]),
        (Appraise, [InProcessing], [Specialist]),
        (ReturnToPreviousStep, [InProcessing], [Specialist, Leader]),
        (Approve, [AwaitingApproval], [Leader]),
        (Reject, [AwaitingApproval], [Leader]),
        (Return, [ResultIssued], [Desk, DossierRoles.PostalCarrier]),
        (Withdraw, [Submitted, AwaitingSupplement, Received, InProcessing, AwaitingApproval, AwaitingInterAgency,
            AwaitingFinancialObligation, Suspended, ResultIssued], WithdrawRoles),
        (PauseForFinancialObligation, [InProcessing, AwaitingApproval, ResultIssued], [Specialist, Leader, Desk]),
        (ResumeAfterFinancialObligation, [AwaitingFinancialObligation], [Desk, Specialist]),
        (Suspend, [InProcessing, AwaitingApproval], [Leader]),
        (Resume, [Suspended], [Leader]),
        (Stop, [AwaitingSupplement, Received, InProcessing, AwaitingApproval, AwaitingInterAgency,
            AwaitingFinancialObligation, Suspended], [Leader, Desk]),
        (ApologyReschedule, [InProcessing, AwaitingApproval, AwaitingInterAgency], [Specialist, Leader, Desk]),
        (TransferInterAgency, [InProcessing], [Specialist, Leader]),
        (ReceiveInterAgencyResult, [AwaitingInterAgency], [Specialist, Leader, Desk]),
        (DigitiseResult, [ResultIssued, Returned], [Desk, Specialist]));

    private static Dictionary<(DossierAction, DossierStatus), string[]> Build(
        params (DossierAction Action, DossierStatus[] Statuses, string[] Roles)[] rows)
    {
        var table = new Dictionary<(DossierAction, DossierStatus), string[]>();
        foreach (var row in rows)
        {
            foreach (DossierStatus status in row.Statuses)
            {
                table.Add((row.Action, status), row.Roles);
            }
        }

        return table;
    }

    public static TheoryData<DossierStatus, DossierAction> AllPairs()
    {
        var data = new TheoryData<DossierStatus, DossierAction>();
        foreach (DossierStatus status in Enum.GetValues<DossierStatus>())
        {
            foreach (DossierAction action in Enum.GetValues<DossierAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Table_allows_exactly_the_specified_pairs_with_the_specified_roles(DossierStatus status, DossierAction action)
    {
        bool expected = Expected.TryGetValue((action, status), out string[]? roles);
        Assert.Equal(expected, DossierStateMachine.IsAllowedInStatus(status, action));
        Assert.Equal((roles ?? []).Order(StringComparer.Ordinal), DossierStateMachine.RolesFor(status, action).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_pair_either_changes_the_state_or_refuses_with_a_Vietnamese_reason(DossierStatus status, DossierAction action)
    {
        DossierState state = StateIn(status, action);
        Assert.Equal(status, state.Status);
        TransitionResult result = DossierStateMachine.Apply(state, action, Full("2025-03-14T10:00", AllRoles));

        if (Expected.ContainsKey((action, status)))
        {
            Assert.True(result.Succeeded, $"{action} in {status}: {result.Message}");
            Assert.NotEqual(state, result.State); // nothing silently does nothing
            Assert.Equal(status, result.From);
        }
        else
        {
            Assert.False(result.Succeeded);
            Assert.Equal(RefusalKind.NotAllowedInStatus, result.Refusal);
            Assert.StartsWith("Hồ sơ ", result.Message, StringComparison.Ordinal);
            Assert.Contains(", không thể ", result.Message, StringComparison.Ordinal);
            Assert.Null(result.State);
            Assert.Equal(status, result.To);
        }
    }

    public static TheoryData<DossierStatus, DossierAction, string> AllowedPairsByRole()
    {
        var data = new TheoryData<DossierStatus, DossierAction, string>();
        foreach (var ((action, status), _) in Expected)
        {
            foreach (string role in AllRoles)
            {
                data.Add(status, action, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedPairsByRole))]
    public void Only_the_listed_roles_may_act(DossierStatus status, DossierAction action, string role)
    {
        TransitionResult result = DossierStateMachine.Apply(StateIn(status, action), action, Full("2025-03-14T10:00", role));
        if (Expected[(action, status)].Contains(role, StringComparer.Ordinal))
        {
            Assert.True(result.Succeeded, $"{role} {action} in {status}: {result.Message}");
        }
        else
        {
            Assert.Equal(RefusalKind.RoleNotPermitted, result.Refusal);
            Assert.StartsWith("Chỉ ", result.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Returned, RequestSupplement, "Hồ sơ đã trả kết quả, không thể yêu cầu bổ sung.")]
    [InlineData(Returned, Withdraw, "Hồ sơ đã trả kết quả, không thể rút hồ sơ.")]
    [InlineData(Refused, Receive, "Hồ sơ đã bị từ chối tiếp nhận, không thể tiếp nhận.")]
    [InlineData(Draft, Receive, "Hồ sơ chưa được nộp, không thể tiếp nhận.")]
    [InlineData(Withdrawn, Return, "Hồ sơ đã được rút, không thể trả kết quả.")]
    public void Refusal_messages_name_the_state_and_the_action(DossierStatus status, DossierAction action, string message)
    {
        TransitionResult result = DossierStateMachine.Apply(StateIn(status, action), action, Full("2025-03-14T10:00", AllRoles));
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public void A_missing_role_is_refused_before_missing_inputs_and_names_who_may_act()
    {
        TransitionResult result = DossierStateMachine.Apply(ReceivedDossier(), Transfer, Ctx("2025-03-10T10:00", Specialist));
        Assert.Equal("Chỉ Cán bộ một cửa mới được chuyển xử lý khi hồ sơ đã tiếp nhận, chưa chuyển xử lý.", result.Message);
    }

    [Fact]
    public void Available_actions_follow_table_and_roles()
    {
        Assert.Equal([RequestSupplement, Forward, Appraise, ReturnToPreviousStep, PauseForFinancialObligation, ApologyReschedule, TransferInterAgency],
            DossierStateMachine.AvailableActions(InProcessing, [Specialist]));
        Assert.Equal([Receive, RequestSupplement, Refuse, Withdraw], DossierStateMachine.AvailableActions(Submitted, [Desk]));
        Assert.Equal([Refuse, Approve, Reject, PauseForFinancialObligation, Suspend, Stop, ApologyReschedule],
            DossierStateMachine.AvailableActions(AwaitingApproval, [Leader]));
        Assert.Empty(DossierStateMachine.AvailableActions(Returned, [Leader, Applicant]));
    }

    [Fact]
    public void Entering_a_pausing_status_stops_the_clock_with_its_reason()
    {
        foreach (var ((action, status), roles) in Expected)
        {
            TransitionResult r = DossierStateMachine.Apply(StateIn(status, action), action, Full("2025-03-14T10:00", roles));
            PauseReason? reason = DossierStateMachine.PauseReasonOf(r.To);
            bool received = r.State!.ReceivedAt is not null;
            if (reason is not null && received && r.From != r.To)
            {
                Assert.Equal(ClockEffect.Pause, r.Clock);
                Assert.Equal(reason, r.PauseReason);
                Assert.Equal(reason, r.State.OpenPause?.Reason);
            }
            else
            {
                Assert.NotEqual(ClockEffect.Pause, r.Clock);
            }
        }
    }

    [Theory]
    [InlineData(Returned, true)]
    [InlineData(Refused, true)]
    [InlineData(RefusedAfterReceipt, true)]
    [InlineData(Withdrawn, true)]
    [InlineData(Stopped, true)]
    [InlineData(ResultIssued, false)]
    [InlineData(Suspended, false)]
    [InlineData(Draft, false)]
    public void Terminal_statuses(DossierStatus status, bool terminal) =>
        Assert.Equal(terminal, DossierStateMachine.IsTerminal(status));
}
