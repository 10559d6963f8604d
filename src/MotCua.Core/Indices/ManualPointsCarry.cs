namespace MotCua.Core.Indices;

/// <summary>A manual point entered for one scope, named by the agency or unit it was entered for.</summary>
public sealed record ManualPointEntry(string IndicatorCode, decimal Points, string Source);

/// <summary>A point the successor counts from its predecessors for want of its own; <see cref="From"/> lists every predecessor's entry, the counted one first.</summary>
public sealed record CarriedManualPoint(string IndicatorCode, decimal Points, IReadOnlyList<ManualPointEntry> From)
{
    /// <summary>The predecessor whose point is counted.</summary>
    public string Source => From[0].Source;
}

/// <summary>The manual points a scope counts for a period, and those of them carried from predecessors.</summary>
public sealed record ManualPointsResolution(IReadOnlyDictionary<string, decimal> Points, IReadOnlyDictionary<string, CarriedManualPoint> Carried);

/// <summary>
/// Manual points of the 766 index after merges: for a period ending on or after a merge, the successor's own entry for
/// an indicator counts; where it has none, the predecessors' entries for that period are carried, and of several the
/// lowest counts (ties: the first given), since a point is a grade and the merged body cannot claim more than its
/// weakest part was given.
/// </summary>
public static class ManualPointsCarry
{
    /// <summary>
    /// Resolves <paramref name="own"/> (the scope's entries, by indicator code) against <paramref name="predecessors"/>
    /// (the entries of the agencies and units merged into the scope by the period's end, in the order to break ties).
    /// </summary>
    public static ManualPointsResolution Resolve(IReadOnlyDictionary<string, decimal> own, IReadOnlyList<ManualPointEntry> predecessors)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(predecessors);
        var points = new Dictionary<string, decimal>(own, StringComparer.Ordinal);
        var carried = new Dictionary<string, CarriedManualPoint>(StringComparer.Ordinal);
        foreach (var group in predecessors.GroupBy(p => p.IndicatorCode, StringComparer.Ordinal))
        {
            if (own.ContainsKey(group.Key))
            {
                continue;
            }
            // OrderBy is stable, so equal points keep the order the caller gave.
            var from = group.OrderBy(p => p.Points).ToList();
            points[group.Key] = from[0].Points;
            carried[group.Key] = new CarriedManualPoint(group.Key, from[0].Points, from);
        }
        return new ManualPointsResolution(points, carried);
    }
}
