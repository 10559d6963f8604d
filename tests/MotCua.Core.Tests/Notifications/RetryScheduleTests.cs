using MotCua.Core.Notifications;

namespace MotCua.Core.Tests.Notifications;

public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 120)]
    [InlineData(3, 480)]
    [InlineData(4, 1920)]
    [InlineData(5, 7680)]
    [InlineData(6, 21600)]
    [InlineData(40, 21600)]
    public void Delays_grow_fourfold_from_thirty_seconds_up_to_the_cap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.Default.DelayAfter(attempts, 0.5));

    [Fact]
    public void Jitter_stays_within_ten_percent()
    {
        Assert.Equal(TimeSpan.FromSeconds(27), RetrySchedule.Default.DelayAfter(1, 0));
        Assert.True(RetrySchedule.Default.DelayAfter(1, 0.999999) <= TimeSpan.FromSeconds(33));
        Assert.True(RetrySchedule.Default.DelayAfter(1, 0.999999) > TimeSpan.FromSeconds(32.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrySchedule.Default.DelayAfter(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrySchedule.Default.DelayAfter(0, 0.5));
    }

    [Fact]
    public void A_message_is_exhausted_after_max_attempts()
    {
        var schedule = RetrySchedule.Default with { MaxAttempts = 3 };
        Assert.False(schedule.IsExhausted(2));
        Assert.True(schedule.IsExhausted(3));
    }
}
