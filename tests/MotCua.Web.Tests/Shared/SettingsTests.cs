using Microsoft.Extensions.Configuration;
using MotCua.Web.Shared;

namespace MotCua.Web.Tests.Shared;

public sealed class SettingsTests
{
    private static IConfiguration With(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["MotCua:X"] = value }).Build();

    [Theory]
    [InlineData(null, 5)]
    [InlineData("", 5)]
    [InlineData("mười", 5)]
    [InlineData("-3", 5)]
    [InlineData("0", 5)]
    [InlineData("NaN", 5)]
    [InlineData("2.5", 2.5)]
    [InlineData("10000", 10000)]
    public void A_setting_that_is_not_a_positive_number_falls_back_to_the_default(string? value, double expected) =>
        Assert.Equal(expected, Settings.PositiveNumber(With(value), "MotCua:X", 5));

    [Fact]
    public void An_integer_setting_drops_the_fraction() => Assert.Equal(7, Settings.PositiveInteger(With("7.9"), "MotCua:X", 3));

    [Theory]
    [InlineData("6", 6)]
    [InlineData("sáu", 2)]
    [InlineData("2000", 1193)]
    [InlineData("1e300", 1193)]
    public void An_interval_setting_falls_back_and_stays_within_what_task_delay_accepts(string value, double expectedHours)
    {
        var every = Settings.Interval(With(value), "MotCua:X", 2, TimeSpan.FromHours(1));
        Assert.Equal(expectedHours, Math.Floor(every.TotalHours));
        Assert.True(every <= Settings.LongestInterval);
    }

    [Fact]
    public async Task The_longest_interval_is_one_task_delay_accepts()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        // A longer wait throws ArgumentOutOfRangeException before it looks at the token; this one is only cancelled.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(Settings.LongestInterval, TimeProvider.System, cancelled.Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Task.Delay(Settings.LongestInterval + TimeSpan.FromMilliseconds(1), TimeProvider.System, cancelled.Token));
    }
}
