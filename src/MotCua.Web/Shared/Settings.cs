using System.Globalization;

namespace MotCua.Web.Shared;

/// <summary>
/// Optional numeric settings read where they are used. A value that is missing, not a number or not positive falls back
/// to the default, with a warning in the log. Without this, a typo in appsettings threw from
/// <c>IConfiguration.GetValue</c>: it broke the queue page, and in a background service it stopped the host.
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

    public static int PositiveInteger(IConfiguration configuration, string key, int fallback, ILogger? logger = null) =>
        (int)Math.Min(int.MaxValue, Math.Floor(PositiveNumber(configuration, key, fallback, logger)));
}
