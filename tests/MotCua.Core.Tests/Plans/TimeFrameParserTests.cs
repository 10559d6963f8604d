using MotCua.Core.Plans;

namespace MotCua.Core.Tests.Plans;

public sealed class TimeFrameParserTests
{
    [Theory]
    [InlineData("Quý I/2024", TimeFrameKind.Window, "2024-01-01", "2024-03-31")]
    [InlineData("Quý II/2024", TimeFrameKind.Window, "2024-04-01", "2024-06-30")]
    [InlineData("Quý I–II/2024", TimeFrameKind.Window, "2024-01-01", "2024-06-30")]
    [InlineData("Quý I- II/2024", TimeFrameKind.Window, "2024-01-01", "2024-06-30")]
    [InlineData("Quý I-II/2024", TimeFrameKind.Window, "2024-01-01", "2024-06-30")]
    [InlineData("quý IV", TimeFrameKind.Window, "2024-10-01", "2024-12-31")]
    [InlineData("Tháng 3/2024", TimeFrameKind.Window, "2024-03-01", "2024-03-31")]
    [InlineData("Tháng 2/2024", TimeFrameKind.Window, "2024-02-01", "2024-02-29")]
    [InlineData("6 tháng đầu năm", TimeFrameKind.Window, "2024-01-01", "2024-06-30")]
    [InlineData("6 tháng cuối năm 2024", TimeFrameKind.Window, "2024-07-01", "2024-12-31")]
    [InlineData("01/3/2024 – 30/6/2024", TimeFrameKind.Window, "2024-03-01", "2024-06-30")]
    [InlineData("Từ 01/3/2024 đến 30/6/2024", TimeFrameKind.Window, "2024-03-01", "2024-06-30")]
    [InlineData("Trước 30/9/2024", TimeFrameKind.Window, "2024-01-01", "2024-09-30")]
    [InlineData("Trong năm", TimeFrameKind.WithinYear, "2024-01-01", "2024-12-31")]
    [InlineData("Năm 2024", TimeFrameKind.WithinYear, "2024-01-01", "2024-12-31")]
    [InlineData("Thường xuyên", TimeFrameKind.Continuous, "2024-01-01", "2024-12-31")]
    [InlineData("Tháng, quý, năm", TimeFrameKind.Recurring, "2024-01-01", "2024-12-31")]
    [InlineData("Hằng quý", TimeFrameKind.Recurring, "2024-01-01", "2024-12-31")]
    [InlineData("Định kỳ hoặc đột xuất khi có yêu cầu", TimeFrameKind.Recurring, "2024-01-01", "2024-12-31")]
    public void Parses_the_time_frames_plans_use(string text, TimeFrameKind kind, string start, string end)
    {
        var result = TimeFrameParser.Parse(text, 2024);

        Assert.True(result.Success, result.Error);
        Assert.Equal(kind, result.TimeFrame!.Kind);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), result.TimeFrame.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), result.TimeFrame.End);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Sớm nhất có thể")]
    [InlineData("Quý V/2024")]
    [InlineData("Quý III-I/2024")]
    [InlineData("Tháng 13/2024")]
    [InlineData("30/6/2024 – 01/3/2024")]
    [InlineData("31/02/2024 – 30/6/2024")]
    public void Rejects_what_it_cannot_place_with_a_Vietnamese_reason(string text)
    {
        var result = TimeFrameParser.Parse(text, 2024);
        Assert.False(result.Success);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Month_quarter_year_recurs_as_17_reports_monthly_first()
    {
        var periods = TimeFrameParser.Parse("Tháng, quý, năm", 2024).TimeFrame!.Periods();

        Assert.Equal(12 + 4 + 1, periods.Count);
        Assert.Equal(["2024-01", "2024-02", "2024-03", "2024-Q1"], periods.Take(4).Select(p => p.Key));
        Assert.Equal(("2024", new DateOnly(2024, 12, 31)), (periods[^1].Key, periods[^1].Due));
    }

    [Fact]
    public void Continuous_tasks_have_quarterly_checkpoints()
    {
        var periods = TimeFrameParser.Parse("Thường xuyên", 2024).TimeFrame!.Periods();
        Assert.Equal(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], periods.Select(p => p.Key));
        Assert.Equal(new DateOnly(2024, 6, 30), periods[1].Due);
        Assert.Equal("Quý II/2024", periods[1].Label);
    }

    [Fact]
    public void One_off_task_is_overdue_after_its_window_until_completed()
    {
        var frame = TimeFrameParser.Parse("Quý I/2024", 2024).TimeFrame!;
        var none = new HashSet<string>();

        Assert.False(TaskTracking.IsOverdue(frame, PlanTaskStatus.InProgress, none, new DateOnly(2024, 3, 31)));
        Assert.True(TaskTracking.IsOverdue(frame, PlanTaskStatus.InProgress, none, new DateOnly(2024, 4, 1)));
        Assert.False(TaskTracking.IsOverdue(frame, PlanTaskStatus.Completed, none, new DateOnly(2024, 4, 1)));
    }

    [Fact]
    public void Recurring_task_is_overdue_for_each_past_period_without_a_report()
    {
        var frame = TimeFrameParser.Parse("Thường xuyên", 2024).TimeFrame!;
        var today = new DateOnly(2024, 7, 15);

        var late = TaskTracking.OverduePeriods(frame, PlanTaskStatus.InProgress, new HashSet<string> { "2024-Q1" }, today);

        Assert.Equal(["2024-Q2"], late.Select(p => p.Key));
        Assert.Equal("2024-Q3", TaskTracking.NextDue(frame, PlanTaskStatus.InProgress, new HashSet<string> { "2024-Q1" }, today)!.Key);
    }

    [Fact]
    public void Plan_percent_is_the_mean_of_task_percents_to_one_decimal()
    {
        Assert.Equal(33.3m, TaskTracking.PlanPercent([100, 0, 0]));
        Assert.Equal(0m, TaskTracking.PlanPercent([]));
    }
}
