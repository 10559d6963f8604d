using MotCua.Core.Plans;

namespace MotCua.Core.Tests.Plans;

public sealed class PlanEditingTests
{
    [Theory]
    [InlineData("15/KH-SKHCN", "2026-01-20", true)]
    [InlineData("15/KH-SKHCN", null, false)]
    [InlineData(" ", "2026-01-20", false)]
    [InlineData(null, null, false)]
    public void A_plan_is_issued_once_it_has_a_number_and_a_date(string? number, string? date, bool issued) =>
        Assert.Equal(issued, PlanEditing.IsIssued(number, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_chosen_status_must_match_the_number_and_date()
    {
        Assert.NotNull(PlanEditing.StatusProblem(issued: true, null, null));
        Assert.NotNull(PlanEditing.StatusProblem(issued: false, "15/KH-SKHCN", null));
        Assert.Null(PlanEditing.StatusProblem(issued: true, "15/KH-SKHCN", new DateOnly(2026, 1, 20)));
        Assert.Null(PlanEditing.StatusProblem(issued: false, null, null));
    }

    [Fact]
    public void A_task_with_reported_progress_is_not_deleted()
    {
        Assert.Null(PlanEditing.DeleteRefusal("I.1", 0, 0));
        Assert.Contains("Không xóa được nhiệm vụ I.1", PlanEditing.DeleteRefusal("I.1", 2, 40), StringComparison.Ordinal);
        Assert.NotNull(PlanEditing.DeleteRefusal("I.1", 0, 10));
    }

    [Theory]
    [InlineData(1, "I")]
    [InlineData(4, "IV")]
    [InlineData(9, "IX")]
    [InlineData(14, "XIV")]
    [InlineData(40, "XL")]
    public void Groups_are_numbered_in_roman(int number, string roman) => Assert.Equal(roman, PlanEditing.Roman(number));

    [Fact]
    public void The_next_task_number_follows_the_largest_in_the_group()
    {
        Assert.Equal("1", PlanEditing.NextTaskNumber([]));
        Assert.Equal("5", PlanEditing.NextTaskNumber(["1", "4", "3"]));
    }

    [Fact]
    public void Every_offered_time_frame_is_understood()
    {
        foreach (var text in PlanEditing.CommonTimeFrames(2027))
        {
            Assert.True(TimeFrameParser.Parse(text, 2027).Success, text);
        }
    }
}
