using System.Text;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue;

/// <summary>
/// The words of a catalogue search and the query texts both engines are given: only the letters and digits of the folded
/// text survive (<see cref="TextSearch.Normalize"/>), so nothing a user types (quotes, <c>*</c>, <c>-</c>, <c>NEAR</c>,
/// <c>&amp;</c>, <c>:</c>) can reach the FTS5 or tsquery syntax. The last word matches as a prefix, as the user may still be typing it.
/// </summary>
public sealed class CatalogueSearchTerms
{
    /// <summary>Words beyond this are ignored: a pasted paragraph still answers, and quickly.</summary>
    public const int MaxWords = 12;

    /// <summary>Longer words are cut: no Vietnamese word or procedure code comes close.</summary>
    public const int MaxWordLength = 40;

    private CatalogueSearchTerms(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    /// <summary>Splits the folded query on every character that is not a letter or digit, as both engines split the indexed text.</summary>
    public static CatalogueSearchTerms Parse(string? query) =>
        new(Split(TextSearch.Normalize(query)).Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)
            .Distinct(StringComparer.Ordinal).Take(MaxWords).ToList());

    /// <summary>The folded text with every run of other characters replaced by one space, as it is indexed.</summary>
    public static string IndexText(string? text) => string.Join(' ', Split(TextSearch.Normalize(text)));

    private static IEnumerable<string> Split(string folded)
    {
        var sb = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }
        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    private string LastPrefix(int i) => i == Words.Count - 1 ? "*" : "";

    // FTS5: every word is a quoted string, the last one a prefix.
    private IEnumerable<string> Fts5Words => Words.Select((w, i) => "\"" + w + "\"" + LastPrefix(i));

    /// <summary>FTS5: every word somewhere in the row.</summary>
    public string Fts5All => string.Join(" AND ", Fts5Words);

    /// <summary>FTS5: any word (the fallback when no row has them all, e.g. one word mistyped).</summary>
    public string Fts5Any => string.Join(" OR ", Fts5Words);

    /// <summary>FTS5: the words next to each other in one column.</summary>
    public string Fts5Phrase => "\"" + string.Join(' ', Words) + "\"*";

    /// <summary>FTS5: every word in the name.</summary>
    public string Fts5NameAll => "Name : (" + Fts5All + ")";

    /// <summary>FTS5: the words as a phrase in the name.</summary>
    public string Fts5NamePhrase => "Name : " + Fts5Phrase;

    // tsquery: every word a quoted lexeme, the last one a prefix; weight A is the name.
    private IEnumerable<string> TsWords(string weight) =>
        Words.Select((w, i) => "'" + w + "'" + (i == Words.Count - 1 ? ":*" + weight : weight.Length > 0 ? ":" + weight : ""));

    public string TsAll => string.Join(" & ", TsWords(""));

    public string TsAny => string.Join(" | ", TsWords(""));

    public string TsPhrase => string.Join(" <-> ", TsWords(""));

    public string TsNameAll => string.Join(" & ", TsWords("A"));

    public string TsNamePhrase => string.Join(" <-> ", TsWords("A"));
}
