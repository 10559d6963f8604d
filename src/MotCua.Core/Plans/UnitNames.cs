using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Core.Plans;

/// <summary>
/// Matches unit names as written in plan documents ("Phòng Quản lý KH&amp;CN", "Chi cục Tiêu chuẩn, Đo lường, Chất lượng")
/// to the agency's unit list ("Phòng Quản lý Khoa học và Công nghệ", "Chi cục Tiêu chuẩn Đo lường Chất lượng"):
/// case, punctuation, dashes and the common abbreviations are ignored.
/// </summary>
public static partial class UnitNames
{
    private static readonly (string Short, string Long)[] Abbreviations =
    [
        ("kh&cn", "khoa học và công nghệ"),
        ("khcn", "khoa học và công nghệ"),
        ("tđc", "tiêu chuẩn đo lường chất lượng"),
        ("hc-th", "hành chính tổng hợp"),
        ("tthc", "thủ tục hành chính"),
    ];

    /// <summary>Splits "- Phòng A; - Chi cục B" on semicolons and line breaks (not commas or dashes, which names contain) and drops the bullets.</summary>
    public static IReadOnlyList<string> SplitList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        return [.. ListSeparator().Split(text.Normalize(NormalizationForm.FormC))
            .Select(part => part.Trim().TrimStart('-', '–', '•', '+', ' ').Trim().TrimEnd('.', ';', ','))
            .Where(part => part.Length > 0)];
    }

    /// <summary>The known name <paramref name="written"/> refers to, or null.</summary>
    public static string? Match(string written, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var key = Key(written);
        return known.FirstOrDefault(k => string.Equals(Key(k), key, StringComparison.Ordinal));
    }

    /// <summary>The comparison key: NFC, lower case, abbreviations expanded, only letters, digits and single spaces.</summary>
    public static string Key(string name)
    {
        var s = (name ?? "").Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        foreach (var (shortForm, longForm) in Abbreviations)
        {
            s = Regex.Replace(s, @"(?<![\p{L}\p{N}])" + Regex.Escape(shortForm) + @"(?![\p{L}\p{N}])", longForm, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return Spaces().Replace(sb.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[;\n\r]+")]
    private static partial Regex ListSeparator();
}
