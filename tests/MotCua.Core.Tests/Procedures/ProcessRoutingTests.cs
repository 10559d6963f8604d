using MotCua.Core.Procedures;

namespace MotCua.Core.Tests.Procedures;

/// <summary>How an approved internal process becomes a dossier's plan (<see cref="ProcessRouting"/>).</summary>
public sealed class ProcessRoutingTests
{
    private sealed record Step(StepKind Kind, string Who, bool AtDesk = false);

    /// <summary>A typical process: the desk receives and hands over, a division appraises, the leader approves and signs, the desk returns.</summary>
    private static readonly Step[] Typical =
    [
        new(StepKind.Receive, "desk", AtDesk: true),
        new(StepKind.Transfer, "desk", AtDesk: true),
        new(StepKind.Appraise, "division"),
        new(StepKind.Approve, "leadership"),
        new(StepKind.Sign, "leadership"),
        new(StepKind.Return, "desk", AtDesk: true),
    ];

    [Fact]
    public void The_leader_s_approval_and_signature_are_planned_after_the_processing_steps()
    {
        var plan = ProcessRouting.Plan(Typical, s => s.Kind, s => s.AtDesk);

        Assert.Equal([(StepKind.Appraise, false), (StepKind.Approve, true), (StepKind.Sign, true)], plan.Select(p => (p.Step.Kind, p.ByLeader)));
    }

    [Fact]
    public void The_steps_forwarded_between_are_the_processing_steps_alone()
    {
        Assert.Equal([StepKind.Appraise], ProcessRouting.Routed(Typical, s => s.Kind, s => s.AtDesk).Select(s => s.Kind));
    }

    [Fact]
    public void A_leader_step_in_the_middle_of_the_process_still_comes_after_the_processing_steps()
    {
        Step[] process = [new(StepKind.Appraise, "a"), new(StepKind.Approve, "leadership"), new(StepKind.Other, "b")];

        var plan = ProcessRouting.Plan(process, s => s.Kind, s => s.AtDesk);

        Assert.Equal(["a", "b", "leadership"], plan.Select(p => p.Step.Who));
    }

    [Theory]
    [InlineData(StepKind.Approve, null, "Lãnh đạo phê duyệt")]
    [InlineData(StepKind.Sign, null, "Lãnh đạo ký duyệt")]
    [InlineData(StepKind.Sign, "Giám đốc Sở ký Giấy chứng nhận", "Giám đốc Sở ký Giấy chứng nhận")]
    public void A_leader_step_is_named_by_the_process_or_by_its_kind(StepKind kind, string? description, string expected)
    {
        Assert.Equal(expected, ProcessRouting.NameOf(kind, description));
    }
}
