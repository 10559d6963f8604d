using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>The parts of a dossier code.</summary>
/// <param name="AgencyCode">The receiving agency's electronic identifier (mã định danh, e.g. 000.17.22.H56).</param>
/// <param name="Date">The local (UTC+7) receipt date.</param>
/// <param name="Sequence">The sequence number of that agency on that date, from 1.</param>
public readonly record struct DossierCodeParts(string AgencyCode, DateOnly Date, int Sequence);

/// <summary>
/// The dossier code (mã hồ sơ) built from the agency identifier, the receipt date and a daily sequence (dossiers.md §3.4).
/// The exact national string is [U], so the format is a pattern; the default is the production one,
/// <c>{agency}-{yyMMdd}-{seq:4}</c> → <c>000.17.22.H56-210531-0001</c>.
/// </summary>
/// <remarks>
/// Pattern tokens: <c>{agency}</c> (required, once), <c>{yyyy}</c> or <c>{yy}</c>, <c>{MM}</c>, <c>{dd}</c> (all
/// required), <c>{seq:N}</c> (required; zero-padded to N digits, more digits when the sequence outgrows them). Any other
/// text is literal. The sequence restarts at 1 each local day per agency: the web keeps that counter, keyed by
/// <see cref="SequenceDate"/>.
/// </remarks>
public sealed partial class DossierCode
{
    /// <summary>The documented default pattern.</summary>
    public const string DefaultPattern = "{agency}-{yyMMdd}-{seq:4}";

    private readonly List<Token> _tokens;
    private readonly Regex _parser;

    /// <summary>Compiles a pattern.</summary>
    /// <exception cref="FormatException">An unknown or missing token.</exception>
    public DossierCode(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        _tokens = Tokenise(pattern);
        string[] required = ["agency", "MM", "dd", "seq"];
        foreach (string name in required)
        {
            int count = _tokens.Count(t => t.Name == name);
            if (count != 1)
            {
                throw new FormatException("The dossier code pattern needs {" + name + "} exactly once: " + pattern);
            }
        }

        if (_tokens.Count(t => t.Name is "yy" or "yyyy") != 1)
        {
            throw new FormatException("The dossier code pattern needs {yy} or {yyyy} exactly once: " + pattern);
        }

        var regex = new StringBuilder("^");
        foreach (Token t in _tokens)
        {
            regex.Append(t.Name switch
            {
                null => Regex.Escape(t.Literal!),
                "agency" => @"(?<agency>\S+?)",
                "yyyy" => @"(?<yyyy>\d{4})",
                "yy" => @"(?<yy>\d{2})",
                "MM" => @"(?<MM>\d{2})",
                "dd" => @"(?<dd>\d{2})",
                _ => @"(?<seq>\d{" + t.Width.ToString(CultureInfo.InvariantCulture) + ",9})",
            });
        }

        _parser = new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The default format, <see cref="DefaultPattern"/>.</summary>
    public static DossierCode Default { get; } = new(DefaultPattern);

    /// <summary>The pattern.</summary>
    public string Pattern { get; }

    /// <summary>The local date whose sequence a receipt at this instant takes (Vietnam time).</summary>
    public static DateOnly SequenceDate(DateTimeOffset receivedAt) =>
        DateOnly.FromDateTime(receivedAt.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);

    /// <summary>The code with the default pattern.</summary>
    public static string Format(string agencyCode, DateTimeOffset receivedAt, int sequence) =>
        Default.Build(agencyCode, SequenceDate(receivedAt), sequence);

    /// <summary>Parses a code with the default pattern.</summary>
    public static bool TryParse(string? code, out DossierCodeParts parts) => Default.TryRead(code, out parts);

    /// <summary>Builds a code for a local date.</summary>
    /// <exception cref="ArgumentException">Blank agency code or one with white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A sequence below 1 or above 999,999,999.</exception>
    public string Build(string agencyCode, DateOnly date, int sequence)
    {
        if (string.IsNullOrWhiteSpace(agencyCode) || agencyCode.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The agency code must be non-blank and contain no white space.", nameof(agencyCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999_999_999);
        var code = new StringBuilder();
        foreach (Token t in _tokens)
        {
            code.Append(t.Name switch
            {
                null => t.Literal,
                "agency" => agencyCode,
                "yyyy" => date.ToString("yyyy", CultureInfo.InvariantCulture),
                "yy" => date.ToString("yy", CultureInfo.InvariantCulture),
                "MM" => date.ToString("MM", CultureInfo.InvariantCulture),
                "dd" => date.ToString("dd", CultureInfo.InvariantCulture),
                _ => sequence.ToString("D" + t.Width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            });
        }

        return code.ToString();
    }

    /// <summary>Builds a code for a receipt instant (its Vietnam local date).</summary>
    public string Build(string agencyCode, DateTimeOffset receivedAt, int sequence) =>
        Build(agencyCode, SequenceDate(receivedAt), sequence);

    /// <summary>Reads a code of this pattern; false for anything else (including impossible dates and sequence 0).</summary>
    public bool TryRead([NotNullWhen(true)] string? code, out DossierCodeParts parts)
    {
        parts = default;
        if (code is null)
        {
            return false;
        }

        Match m = _parser.Match(code.Trim());
        if (!m.Success)
        {
            return false;
        }

        int year = m.Groups["yyyy"].Success
            ? Int(m.Groups["yyyy"].Value)
            : 2000 + Int(m.Groups["yy"].Value); // two-digit years are this century: codes start in 2018 at the earliest
        int month = Int(m.Groups["MM"].Value);
        int day = Int(m.Groups["dd"].Value);
        int sequence = Int(m.Groups["seq"].Value);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || sequence < 1)
        {
            return false;
        }

        parts = new DossierCodeParts(m.Groups["agency"].Value, new DateOnly(year, month, day), sequence);
        return true;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private sealed record Token(string? Name, string? Literal, int Width);

    private static List<Token> Tokenise(string pattern)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < pattern.Length)
        {
            int open = pattern.IndexOf('{', i);
            if (open < 0)
            {
                tokens.Add(new Token(null, pattern[i..], 0));
                break;
            }

            if (open > i)
            {
                tokens.Add(new Token(null, pattern[i..open], 0));
            }

            int close = pattern.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException("Unclosed token in dossier code pattern: " + pattern);
            }

            string body = pattern[(open + 1)..close];
            tokens.AddRange(body switch
            {
                "agency" or "yyyy" or "yy" or "MM" or "dd" => [new Token(body, null, 0)],
                // {yyMMdd} / {yyyyMMdd}: the common shorthand, split into its parts.
                "yyMMdd" => [new Token("yy", null, 0), new Token("MM", null, 0), new Token("dd", null, 0)],
                "yyyyMMdd" => [new Token("yyyy", null, 0), new Token("MM", null, 0), new Token("dd", null, 0)],
                _ when SeqToken().Match(body) is { Success: true } seq =>
                    [new Token("seq", null, Int(seq.Groups[1].Value))],
                _ => throw new FormatException("Unknown token {" + body + "} in dossier code pattern: " + pattern),
            });
            i = close + 1;
        }

        return tokens;
    }

    [GeneratedRegex(@"^seq:([1-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex SeqToken();
}
