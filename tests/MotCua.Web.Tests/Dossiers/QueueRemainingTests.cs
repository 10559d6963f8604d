using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers.Pages;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The queues' "Còn lại" column in words.</summary>
public sealed class QueueRemainingTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(PendingTimeliness.WithinTime, 3, 0, 0, "3 ngày")]
    [InlineData(PendingTimeliness.DueSoon, 0, 5, 0, "5 giờ")]
    [InlineData(PendingTimeliness.Overdue, 2, 1, 0, "Quá 2 ngày")]
    [InlineData(PendingTimeliness.Overdue, 0, 0, 40, "Quá 40 phút")]
    [InlineData(PendingTimeliness.Overdue, 0, 0, 0, "Quá hạn")]
    public void Remaining_time_reads_as_words(PendingTimeliness status, int days, int hours, int minutes, string expected) =>
        Assert.Equal(expected, Queue.Remaining(new QueueStanding(status, new WorkingDuration(days, hours, minutes), Due)));
}
