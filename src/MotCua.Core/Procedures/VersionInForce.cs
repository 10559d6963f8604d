namespace MotCua.Core.Procedures;

/// <summary>
/// The days a published procedure version is in force: from <see cref="From"/> to <see cref="To"/>, both inclusive
/// (<see cref="To"/> null = still in force). Days are Vietnam-local dates, as decisions state them.
/// </summary>
public readonly record struct EffectivePeriod(DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To.Value);
}

/// <summary>Which version of a procedure applies on a day, and whether a new dossier may be received.</summary>
public static class VersionRules
{
    /// <summary>
    /// The version in force on <paramref name="day"/>, or null when none is (not yet published, or abolished
    /// on or before that day). Periods do not overlap when published through <see cref="ClosePrevious"/>.
    /// </summary>
    public static T? InForce<T>(IEnumerable<T> versions, Func<T, EffectivePeriod?> period, DateOnly day, DateOnly? abolishedFrom)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(period);
        if (abolishedFrom is { } a && day >= a)
        {
            return null;
        }
        return versions.FirstOrDefault(v => period(v) is { } p && p.Covers(day));
    }

    /// <summary>
    /// The new end of the version in force until a successor takes effect on <paramref name="successorFrom"/>:
    /// the day before. A successor may not take effect on or before the start of the version it follows.
    /// </summary>
    public static PublishCheck ClosePrevious(EffectivePeriod? current, DateOnly successorFrom)
    {
        if (current is not { } c)
        {
            return new PublishCheck(true, null);
        }
        if (successorFrom <= c.From)
        {
            return new PublishCheck(false, null);
        }
        return new PublishCheck(true, successorFrom.AddDays(-1));
    }
}

/// <summary>Whether a successor can be published; <see cref="PreviousEndsOn"/> is the closed end of the current version.</summary>
public readonly record struct PublishCheck(bool Allowed, DateOnly? PreviousEndsOn);
