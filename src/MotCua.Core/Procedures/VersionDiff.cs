namespace MotCua.Core.Procedures;

/// <summary>One aspect of a procedure version rendered as lines (a single value is one line; papers are one line each).</summary>
public sealed record VersionAspect(string Key, IReadOnlyList<string> Lines);

/// <summary>What changed in one aspect: lines only in the old version and lines only in the new one.</summary>
public sealed record AspectChange(string Key, IReadOnlyList<string> Removed, IReadOnlyList<string> Added, IReadOnlyList<string> Before, IReadOnlyList<string> After);

public static class VersionDiff
{
    /// <summary>
    /// Compares two versions aspect by aspect, in the order of <paramref name="after"/> (then aspects only the old
    /// version had). Lines compare ordinally: a changed fee amount shows as one removed and one added line.
    /// </summary>
    public static IReadOnlyList<AspectChange> Compare(IReadOnlyList<VersionAspect> before, IReadOnlyList<VersionAspect> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(a => a.Key, a => a.Lines, StringComparer.Ordinal);
        var keys = after.Select(a => a.Key).Concat(before.Select(a => a.Key)).Distinct(StringComparer.Ordinal);
        var now = after.ToDictionary(a => a.Key, a => a.Lines, StringComparer.Ordinal);
        var changes = new List<AspectChange>();
        foreach (var key in keys)
        {
            var b = old.GetValueOrDefault(key) ?? [];
            var a = now.GetValueOrDefault(key) ?? [];
            var removed = b.Where(l => !a.Contains(l, StringComparer.Ordinal)).ToList();
            var added = a.Where(l => !b.Contains(l, StringComparer.Ordinal)).ToList();
            bool reordered = removed.Count == 0 && added.Count == 0 && !b.SequenceEqual(a, StringComparer.Ordinal);
            if (removed.Count > 0 || added.Count > 0 || reordered)
            {
                changes.Add(new AspectChange(key, removed, added, b, a));
            }
        }
        return changes;
    }
}
