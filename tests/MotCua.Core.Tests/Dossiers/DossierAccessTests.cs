using MotCua.Core.Dossiers;

using static MotCua.Core.Dossiers.DossierAction;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>The one scope rule (<see cref="DossierAccess"/>): who may change a dossier, and what a closed dossier still allows.</summary>
public sealed class DossierAccessTests
{
    private const int Holding = 7;
    private const int Other = 8;
    private const int Board = 1;

    private static readonly DossierHolding Open = new(DossierStatus.InProcessing, Holding, "chuyenvien");

    private static DossierActor Actor(string role, int? unit, string name = "someone", bool leadership = false) => new(name, [role], unit, leadership);

    public static TheoryData<string, int?, string, bool, bool> Scope => new()
    {
        // role, unit, user name, leadership unit, in scope
        { Desk, Other, "motcua", false, true },
        { Admin, Other, "admin", false, true },
        { Specialist, Holding, "chuyenvien2", false, true },
        { Specialist, Other, "chuyenvien", false, true }, // the assignee, wherever their unit is
        { Specialist, Other, "chuyenvien2", false, false },
        { Specialist, null, "chuyenvien2", false, false },
        { Leader, Board, "lanhdao", true, true },
        { Leader, Other, "lanhdao-phong", false, false },
        { "ControlFocalOfficer", Other, "daumoi", false, false },
    };

    [Theory]
    [MemberData(nameof(Scope))]
    public void Only_the_desk_administrators_the_leadership_the_assignee_and_the_holding_unit_are_in_scope(string role, int? unit, string name, bool leadership, bool expected)
    {
        var actor = Actor(role, unit, name, leadership);
        Assert.Equal(expected, DossierAccess.InScope(actor, Open));
        foreach (var what in Enum.GetValues<DossierChange>())
        {
            var refusal = DossierAccess.MayChange(actor, Open, what);
            if (!expected)
            {
                Assert.True(refusal is { Kind: AccessRefusalKind.OutOfScope or AccessRefusalKind.RoleNotPermitted }, $"{role}/{what}: {refusal}");
            }
        }
    }

    [Fact]
    public void Fees_files_and_explanations_are_for_the_handlers_not_for_administrators_or_focal_officers()
    {
        foreach (var role in new[] { Admin, "ControlFocalOfficer" })
        {
            var actor = Actor(role, Holding);
            foreach (var what in new[] { DossierChange.Fees, DossierChange.ComponentFiles, DossierChange.Explanation })
            {
                Assert.Equal(AccessRefusalKind.RoleNotPermitted, DossierAccess.MayChange(actor, Open, what)?.Kind);
            }
        }
        Assert.Null(DossierAccess.MayChange(Actor(Specialist, Holding), Open, DossierChange.Fees));
        Assert.Null(DossierAccess.MayChange(Actor(Desk, Other), Open, DossierChange.ComponentFiles));
    }

    [Theory]
    [InlineData(DossierStatus.Returned)]
    [InlineData(DossierStatus.Refused)]
    [InlineData(DossierStatus.RefusedAfterReceipt)]
    [InlineData(DossierStatus.Withdrawn)]
    [InlineData(DossierStatus.Stopped)]
    public void A_closed_dossier_takes_no_fee_or_component_file_but_still_its_explanation(DossierStatus status)
    {
        var closed = Open with { Status = status };
        var desk = Actor(Desk, Other, "motcua");
        Assert.Equal(AccessRefusalKind.Closed, DossierAccess.MayChange(desk, closed, DossierChange.Fees)?.Kind);
        Assert.Equal(AccessRefusalKind.Closed, DossierAccess.MayChange(desk, closed, DossierChange.ComponentFiles)?.Kind);
        Assert.Contains("chỉ được xem", DossierAccess.MayChange(desk, closed, DossierChange.Fees)!.Message, StringComparison.Ordinal);
        Assert.Null(DossierAccess.MayChange(desk, closed, DossierChange.Explanation));
        Assert.Null(DossierAccess.MayChange(desk, closed, DossierChange.ReadFiles));
        Assert.Null(DossierAccess.MayChange(desk, closed, DossierChange.Transition)); // the table decides (digitising the result)
    }

    [Fact]
    public void Available_actions_are_exactly_those_that_succeed_for_the_actor()
    {
        var probe = Ctx("2025-03-11T09:00");
        foreach (DossierStatus status in Enum.GetValues<DossierStatus>())
        {
            foreach (var role in AllRoles.Where(r => r != Applicant))
            {
                foreach (var (unit, expectInScope) in new[] { (Holding, true), (Other, role is Desk or Admin) })
                {
                    var actor = Actor(role, unit, "x");
                    var state = StateIn(status, Forward);
                    var holding = new DossierHolding(state.Status, Holding, state.Assignee);
                    var listed = DossierAccess.AvailableActions(actor, holding, state, probe);
                    foreach (var action in Enum.GetValues<DossierAction>())
                    {
                        var succeeds = expectInScope && DossierStateMachine.Apply(state, action, Full("2025-03-11T09:00", role)).Succeeded;
                        Assert.True(succeeds == listed.Contains(action), $"{role} of unit {unit}, {status}, {action}: listed {listed.Contains(action)}, succeeds {succeeds}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Available_actions_leave_out_what_the_dossier_itself_forbids()
    {
        var probe = Ctx("2025-03-11T09:00");
        var specialist = Actor(Specialist, Holding);
        var first = DossierInProcessing();
        Assert.Contains(Forward, DossierAccess.AvailableActions(specialist, Open, first, probe));
        Assert.DoesNotContain(Appraise, DossierAccess.AvailableActions(specialist, Open, first, probe));
        Assert.DoesNotContain(ReturnToPreviousStep, DossierAccess.AvailableActions(specialist, Open, first, probe));
        var last = DossierAtLastStep();
        Assert.Contains(Appraise, DossierAccess.AvailableActions(specialist, Open, last, probe));
        Assert.DoesNotContain(Forward, DossierAccess.AvailableActions(specialist, Open, last, probe));
        var supplemented = StateIn(DossierStatus.AwaitingSupplement, Forward)
            .Do(ResubmitSupplement, Ctx("2025-03-12T09:00", Desk));
        Assert.DoesNotContain(RequestSupplement, DossierAccess.AvailableActions(specialist, Open, supplemented, probe));
        Assert.Empty(DossierAccess.AvailableActions(Actor(Specialist, Other), Open, first, probe));
    }

    [Fact]
    public void A_fee_paid_online_is_recorded_by_the_gateway_or_the_desk_even_on_a_closed_dossier_and_by_nobody_else()
    {
        var returned = new DossierHolding(DossierStatus.Returned, Holding, "chuyenvien");
        Assert.Null(DossierAccess.MayChange(Actor(DossierRoles.PaymentGateway, null, "cong-thanh-toan"), returned, DossierChange.OnlinePayment));
        Assert.Null(DossierAccess.MayChange(Actor(Desk, Other, "motcua"), returned, DossierChange.OnlinePayment));
        Assert.Null(DossierAccess.MayChange(Actor(Admin, Other, "admin"), Open, DossierChange.OnlinePayment));
        Assert.Equal(AccessRefusalKind.RoleNotPermitted, DossierAccess.MayChange(Actor(Specialist, Holding, "chuyenvien"), Open, DossierChange.OnlinePayment)?.Kind);
        Assert.Equal(AccessRefusalKind.RoleNotPermitted, DossierAccess.MayChange(Actor(DossierRoles.Applicant, null), Open, DossierChange.OnlinePayment)?.Kind);
        // The gateway records a payment and nothing else.
        Assert.NotNull(DossierAccess.MayChange(Actor(DossierRoles.PaymentGateway, null, "cong-thanh-toan"), Open, DossierChange.Fees));
        Assert.NotNull(DossierAccess.MayChange(Actor(DossierRoles.PaymentGateway, null, "cong-thanh-toan"), Open, DossierChange.Transition));
    }
}
