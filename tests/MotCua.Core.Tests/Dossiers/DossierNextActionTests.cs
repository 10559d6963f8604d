using MotCua.Core.Dossiers;

using static MotCua.Core.Dossiers.DossierAction;
using static MotCua.Core.Dossiers.DossierStatus;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>The expected next action of each role at each stage comes first; pauses and exceptions follow; the irreversible ones last.</summary>
public sealed class DossierNextActionTests
{
    public static TheoryData<string, string, DossierAction?> Expected => new()
    {
        // where the dossier is, role, expected next action (null: none stands out)
        { "submitted", Desk, Receive },
        { "received", Desk, Transfer },
        { "first step", Specialist, Forward },
        { "last step", Specialist, Appraise },
        { "first step", Leader, Assign },
        { "awaiting approval", Leader, Approve },
        { "result", Desk, Return },
        { "awaiting approval", Specialist, null },
    };

    private static DossierState At(string where) => where switch
    {
        "submitted" => StateIn(Submitted, Receive),
        "received" => ReceivedDossier(),
        "first step" => DossierInProcessing(),
        "last step" => DossierAtLastStep(),
        "awaiting approval" => DossierAwaitingApproval(),
        _ => DossierWithResult(),
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void The_expected_next_action_of_the_role_comes_first(string where, string role, DossierAction? expected)
    {
        var state = At(where);
        var actor = new DossierActor("canbo", [role], 1, InLeadership: true);
        var available = DossierAccess.AvailableActions(actor, new DossierHolding(state.Status, 1, null), state, Ctx("2025-03-12T09:00", role));

        var (primary, others) = DossierNextAction.Split(available);

        Assert.Equal(expected, primary);
        Assert.Equal(available.Count, others.Count + (primary is null ? 0 : 1));
        Assert.Equal(others.OrderBy(DossierNextAction.Rank), others);
    }

    [Fact]
    public void Appraisal_is_expected_at_the_last_step_and_irreversible_actions_are_never_first()
    {
        Assert.Equal(Appraise, DossierNextAction.Split([ReturnToPreviousStep, Appraise, RequestSupplement, Stop]).Primary);
        var (none, rest) = DossierNextAction.Split([Withdraw, Refuse, Reject]);
        Assert.Null(none);
        Assert.Equal([Reject, Refuse, Withdraw], rest);
        Assert.Equal([Suspend, Stop], DossierNextAction.Split([Stop, Suspend]).Others);
        Assert.True(DossierNextAction.IsIrreversible(Refuse));
        Assert.False(DossierNextAction.IsIrreversible(Reject));
    }

    [Fact]
    public void Every_action_has_a_rank_of_its_own()
    {
        var ranks = Enum.GetValues<DossierAction>().Select(DossierNextAction.Rank).ToList();

        Assert.Equal(ranks.Count, ranks.Distinct().Count());
    }
}
