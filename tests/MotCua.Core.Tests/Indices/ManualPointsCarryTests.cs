using MotCua.Core.Indices;

namespace MotCua.Core.Tests.Indices;

public sealed class ManualPointsCarryTests
{
    private static readonly Dictionary<string, decimal> NoOwn = new(StringComparer.Ordinal);

    [Fact]
    public void The_successors_own_entry_wins_over_a_predecessors()
    {
        var own = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["1.3"] = 7m };
        var r = ManualPointsCarry.Resolve(own, [new("1.3", 2m, "Phòng A"), new("6.4", 9m, "Phòng A")]);
        Assert.Equal(7m, r.Points["1.3"]);
        Assert.False(r.Carried.ContainsKey("1.3"));
        Assert.Equal(9m, r.Points["6.4"]);
        Assert.Equal("Phòng A", r.Carried["6.4"].Source);
    }

    [Fact]
    public void Of_several_predecessors_the_lowest_point_counts_and_all_are_listed()
    {
        var r = ManualPointsCarry.Resolve(NoOwn, [new("1.3", 6m, "Phòng A"), new("1.3", 4.5m, "Phòng B"), new("1.3", 4.5m, "Phòng C")]);
        Assert.Equal(4.5m, r.Points["1.3"]);
        Assert.Equal("Phòng B", r.Carried["1.3"].Source);
        Assert.Equal(["Phòng B", "Phòng C", "Phòng A"], r.Carried["1.3"].From.Select(f => f.Source));
    }

    [Fact]
    public void Without_predecessors_the_own_entries_are_the_points()
    {
        var own = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["6.4"] = 3m };
        var r = ManualPointsCarry.Resolve(own, []);
        Assert.Equal(own, r.Points);
        Assert.Empty(r.Carried);
        Assert.Empty(ManualPointsCarry.Resolve(NoOwn, []).Points);
    }
}
