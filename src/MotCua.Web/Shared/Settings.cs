using System.Globalization;

namespace MotCua.Web.Shared;

/// <summary>
/// Optional numeric settings read where they are used. A value that is missing, not a number or not positive falls back
/// to the default, with a warning in the log, because <c>IConfiguration.GetValue</c> throws on a typo in appsettings,
/// which would break a page or, in a background service, stop the host.
/// </summary>
public static class Settings
{
    public static double PositiveNumber(IConfiguration configuration, string key, double fallback, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
        {
            return value;
        }
        logger?.LogWarning("Setting {Key} = '{Value}' is not a positive number; using {Fallback}.", key, text, fallback);
        return fallback;
    }

    /// <summary>The longest wait <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> accepts (about 49 days).</summary>
    public static readonly TimeSpan LongestInterval = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>
    /// A background job's interval: the setting counted in <paramref name="unit"/>s, falling back like
    /// <see cref="PositiveNumber"/>, and capped at <see cref="LongestInterval"/> with a warning, because a larger value
    /// ("2000" hours) makes Task.Delay (or TimeSpan) throw inside the job, and a failing background job stops the host.
    /// </summary>
    public static TimeSpan Interval(IConfiguration configuration, string key, double fallback, TimeSpan unit, ILogger? logger = null)
    {
        var milliseconds = PositiveNumber(configuration, key, fallback, logger) * unit.TotalMilliseconds;
        if (milliseconds <= LongestInterval.TotalMilliseconds)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }
        logger?.LogWarning("Setting {Key} is longer than {Days} days; using that.", key, Math.Floor(LongestInterval.TotalDays));
        return LongestInterval;
    }

    public static int PositiveInteger(IConfiguration configuration, string key, int fallback, ILogger? logger = null) =>
        (int)Math.Min(int.MaxValue, Math.Floor(PositiveNumber(configuration, key, fallback, logger)));
}
