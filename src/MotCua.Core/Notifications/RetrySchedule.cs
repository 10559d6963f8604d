namespace MotCua.Core.Notifications;

/// <summary>
/// Exponential back-off for outbox deliveries: the n-th failed attempt waits <c>BaseDelay × Factor^(n−1)</c>, capped at
/// <see cref="MaxDelay"/>, spread by ±<see cref="JitterFraction"/> so that many messages failing together (a gateway
/// outage) do not all retry in the same second. After <see cref="MaxAttempts"/> failures the message is dead-lettered.
/// </summary>
public sealed record RetrySchedule(TimeSpan BaseDelay, double Factor, TimeSpan MaxDelay, double JitterFraction, int MaxAttempts)
{
    /// <summary>30 s, 2 min, 8 min, 32 min, ~2 h 8 min, then capped at 6 h; dead after 10 attempts (about a day).</summary>
    public static RetrySchedule Default { get; } = new(TimeSpan.FromSeconds(30), 4, TimeSpan.FromHours(6), 0.1, 10);

    /// <summary>True when a message that has now failed <paramref name="attempts"/> times must not be retried.</summary>
    public bool IsExhausted(int attempts) => attempts >= MaxAttempts;

    /// <summary>
    /// The wait after the <paramref name="attempts"/>-th failure. <paramref name="random01"/> is a number in [0, 1)
    /// (the caller's random source, fixed in tests); 0.5 means no jitter.
    /// </summary>
    public TimeSpan DelayAfter(int attempts, double random01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        if (random01 is < 0 or >= 1 || double.IsNaN(random01))
        {
            throw new ArgumentOutOfRangeException(nameof(random01), "Expected a number in [0, 1).");
        }
        // Computed in seconds as double so that a large attempt count saturates at the cap instead of overflowing.
        var seconds = BaseDelay.TotalSeconds * Math.Pow(Factor, attempts - 1);
        seconds = Math.Min(seconds, MaxDelay.TotalSeconds);
        var jitter = 1 + (JitterFraction * ((2 * random01) - 1));
        return TimeSpan.FromSeconds(Math.Round(seconds * jitter, 3));
    }
}
