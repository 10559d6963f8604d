using System.Globalization;
using System.Text;

namespace MotCua.Web.Shared;

/// <summary>
/// Diacritics-insensitive search that behaves the same on SQLite and PostgreSQL: text is folded in .NET into a stored
/// search column, and queries fold the user's words the same way and match them with plain LIKE/Contains on that
/// column (no collation or unaccent extension, which differ between providers).
/// </summary>
public static class TextSearch
{
    /// <summary>
    /// "Giấy phép  BỨC XẠ" → "giay phep buc xa": NFD, combining marks removed, đ/Đ → d (a letter of its own, not a
    /// mark), lower-case invariant, whitespace collapsed to single spaces.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool space = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var c = ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch);
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The folded words of a query; each must occur in the search column (ANDed).</summary>
    public static IReadOnlyList<string> Tokens(string? query) =>
        Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The LIKE pattern (escape character <c>\</c>) that finds the folded <paramref name="query"/> as a phrase inside a
    /// folded column; null when nothing is left to look for.
    /// </summary>
    public static string? ContainsPattern(string? query)
    {
        var folded = Normalize(query);
        return folded.Length == 0 ? null
            : "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }

    /// <summary>Stores text as NFC, trimmed (house rule: Vietnamese text is stored composed).</summary>
    public static string Nfc(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    public static string? NfcOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Nfc(text);
}
