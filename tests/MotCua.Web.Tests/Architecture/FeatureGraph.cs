namespace MotCua.Web.Tests.Architecture;

/// <summary>Type uses folded into uses between feature folders, and the cycles among them.</summary>
internal static class FeatureGraph
{
    private const string FeatureNamespace = "MotCua.Web.Features.";

    // Razor compiles Features/Dossiers/Pages/Detail.cshtml to AspNetCoreGeneratedDocument.Features_Dossiers_Pages_Detail.
    private const string ViewPrefix = "AspNetCoreGeneratedDocument.Features_";

    /// <summary>The feature folder a top-level type belongs to, or null outside Features/ (and for Features/_ViewImports).</summary>
    public static string? FeatureOf(string type)
    {
        string rest;
        char separator;
        if (type.StartsWith(FeatureNamespace, StringComparison.Ordinal))
        {
            rest = type[FeatureNamespace.Length..];
            separator = '.';
        }
        else if (type.StartsWith(ViewPrefix, StringComparison.Ordinal))
        {
            rest = type[ViewPrefix.Length..];
            separator = '_';
        }
        else
        {
            return null;
        }
        var end = rest.IndexOf(separator, StringComparison.Ordinal);
        // A type directly in Features/ (a view like Features/_ViewStart) belongs to no feature.
        return end <= 0 ? null : rest[..end];
    }

    /// <summary>Each use between two features, with one type use that shows it.</summary>
    public static Dictionary<(string From, string To), TypeUse> Edges(IEnumerable<TypeUse> uses)
    {
        var edges = new Dictionary<(string, string), TypeUse>();
        foreach (var use in uses.OrderBy(u => u.From, StringComparer.Ordinal).ThenBy(u => u.To, StringComparer.Ordinal))
        {
            if (FeatureOf(use.From) is { } from && FeatureOf(use.To) is { } to && from != to)
            {
                edges.TryAdd((from, to), use);
            }
        }
        return edges;
    }

    /// <summary>One cycle per strongly connected group of features, as its path and the type use behind each step.</summary>
    public static List<string> Cycles(Dictionary<(string From, string To), TypeUse> edges)
    {
        var next = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var cycles = new List<string>();
        var reported = new HashSet<string>();
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            if (reported.Contains(start) || ShortestPath(next, start, start) is not { } path)
            {
                continue;
            }
            reported.UnionWith(Reachable(next, start).Where(f => ShortestPath(next, f, start) is not null));
            var steps = path.Zip(path.Skip(1)).Select(s => $"  {s.First}→{s.Second}: {edges[(s.First, s.Second)].From} uses {edges[(s.First, s.Second)].To}");
            cycles.Add(string.Join(" → ", path) + "\n" + string.Join("\n", steps));
        }
        return cycles;
    }

    private static List<string>? ShortestPath(Dictionary<string, List<string>> next, string from, string to)
    {
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var at))
        {
            foreach (var n in next.GetValueOrDefault(at) ?? [])
            {
                if (n == to)
                {
                    var path = new List<string> { to, at };
                    while (path[^1] != from)
                    {
                        path.Add(previous[path[^1]]);
                    }
                    path.Reverse();
                    return path;
                }
                if (n != from && previous.TryAdd(n, at))
                {
                    queue.Enqueue(n);
                }
            }
        }
        return null;
    }

    private static HashSet<string> Reachable(Dictionary<string, List<string>> next, string from)
    {
        var seen = new HashSet<string> { from };
        var stack = new Stack<string>([from]);
        while (stack.TryPop(out var at))
        {
            foreach (var n in next.GetValueOrDefault(at) ?? [])
            {
                if (seen.Add(n))
                {
                    stack.Push(n);
                }
            }
        }
        return seen;
    }
}
