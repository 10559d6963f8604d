using System.Text;

namespace MotCua.Core.Notifications;

/// <summary>
/// Message templates with <c>{placeholder}</c> fields, e.g. "Hồ sơ {maHoSo} hẹn trả ngày {hanTra}". A placeholder is a
/// brace-enclosed ASCII identifier; any other brace is literal text, so a template never fails to render. Values are
/// inserted as given (the caller formats dates and numbers for display).
/// </summary>
public static class MessageTemplate
{
    /// <summary>The placeholder names used in <paramref name="template"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<string>();
        foreach (var (_, _, name) in Scan(template))
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>Placeholders in <paramref name="template"/> that are not in <paramref name="allowed"/> (case-sensitive).</summary>
    public static IReadOnlyList<string> Unknown(string template, IReadOnlyCollection<string> allowed) =>
        Placeholders(template).Where(p => !allowed.Contains(p, StringComparer.Ordinal)).ToList();

    /// <summary>Replaces each known placeholder; a placeholder without a value becomes empty text.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var sb = new StringBuilder(template.Length + 64);
        var last = 0;
        foreach (var (start, length, name) in Scan(template))
        {
            sb.Append(template, last, start - last);
            sb.Append(values.TryGetValue(name, out var v) ? v : "");
            last = start + length;
        }
        sb.Append(template, last, template.Length - last);
        return sb.ToString();
    }

    private static IEnumerable<(int Start, int Length, string Name)> Scan(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }
            var j = i + 1;
            while (j < template.Length && IsNameChar(template[j], j == i + 1))
            {
                j++;
            }
            if (j > i + 1 && j < template.Length && template[j] == '}')
            {
                yield return (i, j - i + 1, template[(i + 1)..j]);
                i = j;
            }
        }
    }

    private static bool IsNameChar(char c, bool first) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') || (!first && c is (>= '0' and <= '9') or '_');
}
