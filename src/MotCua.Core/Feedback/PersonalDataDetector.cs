using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Core.Feedback;

/// <summary>What a detected span of personal data is.</summary>
public enum PersonalDataKind
{
    /// <summary>The sender's own name.</summary>
    Name,

    /// <summary>Mobile or landline number in any common spelling (0912 345 678, +84 912…, (0257) 3811 222).</summary>
    Phone,

    /// <summary>Citizen identity card (CCCD), 12 digits.</summary>
    CitizenId,

    /// <summary>Old identity card (CMND), 9 digits.</summary>
    OldIdCard,

    /// <summary>Passport: one letter and 7 or 8 digits.</summary>
    Passport,

    /// <summary>Any number introduced as an identity document ("CCCD số …", "hộ chiếu …").</summary>
    IdNumber,

    /// <summary>E-mail, including obfuscated forms ("a [at] b [dot] vn").</summary>
    Email,

    /// <summary>A street address or a place below the district (thôn, xã, phường, tổ, khu phố), by heuristics.</summary>
    Address,

    /// <summary>Another value of the sender's contact (address, phone or e-mail as given on the form).</summary>
    Contact,

    /// <summary>Text the reviewing officer chose to redact.</summary>
    Manual,
}

/// <summary>A span of <c>text</c> that holds personal data.</summary>
public sealed record PersonalDataSpan(int Start, int Length, PersonalDataKind Kind)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>A value known to be the sender's (name, contact), searched for wherever it occurs.</summary>
public sealed record KnownValue(string? Text, PersonalDataKind Kind);

/// <summary>
/// Finds Vietnamese personal identifiers in free text a PAKN sender or an officer wrote, so they are redacted before the
/// text is published, as the personal-data law asks. Heuristics: it errs towards redacting, and the officer reviews every
/// publication, restoring a false positive or redacting more; legal document numbers, dates and money amounts are kept.
/// </summary>
public static partial class PersonalDataDetector
{
    /// <summary>What replaces a redacted span in published text.</summary>
    public const string Mark = "[đã ẩn]";

    public static string Name(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Name => "họ tên người gửi",
        PersonalDataKind.Phone => "số điện thoại",
        PersonalDataKind.CitizenId => "số CCCD",
        PersonalDataKind.OldIdCard => "số CMND",
        PersonalDataKind.Passport => "số hộ chiếu",
        PersonalDataKind.IdNumber => "số giấy tờ tùy thân",
        PersonalDataKind.Email => "thư điện tử",
        PersonalDataKind.Address => "địa chỉ",
        PersonalDataKind.Contact => "thông tin liên hệ người gửi",
        PersonalDataKind.Manual => "cán bộ chọn ẩn",
    };

    /// <summary>
    /// The spans to redact in <paramref name="text"/>: the detected identifiers and every occurrence of a known value,
    /// sorted and merged (overlaps become one span, of the kind found first).
    /// </summary>
    public static IReadOnlyList<PersonalDataSpan> Detect(string text, IEnumerable<KnownValue>? known = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PersonalDataSpan>();
        void Add(Regex regex, PersonalDataKind kind, string group = "")
        {
            foreach (Match m in regex.Matches(text))
            {
                var g = group.Length == 0 ? m.Groups[0] : m.Groups[group];
                if (g.Success && g.Length > 0 && !(kind == PersonalDataKind.Phone && DateLike().IsMatch(g.Value)))
                {
                    found.Add(new(g.Index, g.Length, kind));
                }
            }
        }
        Add(Emails(), PersonalDataKind.Email);
        Add(SpelledEmails(), PersonalDataKind.Email);
        Add(CitizenIds(), PersonalDataKind.CitizenId);
        Add(Phones(), PersonalDataKind.Phone);
        Add(OldIdCards(), PersonalDataKind.OldIdCard);
        Add(Passports(), PersonalDataKind.Passport);
        Add(IntroducedIds(), PersonalDataKind.IdNumber, "v"); // after the specific kinds, which name the same span better
        Add(StreetAddresses(), PersonalDataKind.Address);
        Add(HouseNumberAddresses(), PersonalDataKind.Address);
        Add(Localities(), PersonalDataKind.Address);
        foreach (var value in known ?? [])
        {
            if (value.Text is { } t)
            {
                found.AddRange(Occurrences(text, t).Select(o => new PersonalDataSpan(o.Start, o.Length, value.Kind)));
            }
        }
        return Merge(found);
    }

    /// <summary>
    /// The spans after the officer's review: detected ones except those whose text is in <paramref name="restore"/>
    /// (compared without case or diacritics), plus every occurrence of each text in <paramref name="redact"/>.
    /// </summary>
    public static IReadOnlyList<PersonalDataSpan> Review(string text, IEnumerable<KnownValue>? known, IEnumerable<string> restore, IEnumerable<string> redact)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new HashSet<string>(restore.Select(Fold), StringComparer.Ordinal);
        var spans = Detect(text, known).Where(s => !kept.Contains(Fold(s.Of(text)))).ToList();
        foreach (var term in redact)
        {
            spans.AddRange(Occurrences(text, term).Select(o => new PersonalDataSpan(o.Start, o.Length, PersonalDataKind.Manual)));
        }
        return Merge(spans);
    }

    /// <summary>The text with each span replaced by <see cref="Mark"/>.</summary>
    public static string Redact(string text, IReadOnlyList<PersonalDataSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var s in spans.OrderBy(s => s.Start))
        {
            if (s.Start < at)
            {
                continue;
            }
            sb.Append(text, at, s.Start - at).Append(Mark);
            at = s.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Detects and redacts in one step (no review): for a text nobody reviewed, everything found goes.</summary>
    public static string Redact(string text, IEnumerable<KnownValue>? known = null) => Redact(text, Detect(text, known));

    /// <summary>
    /// Every whole-word occurrence of <paramref name="term"/> in <paramref name="text"/>, ignoring case, diacritics and
    /// runs of white space ("Nguyen  van a" finds "Nguyễn Văn A"). Terms shorter than two letters or digits find nothing.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Occurrences(string text, string? term)
    {
        ArgumentNullException.ThrowIfNull(text);
        var needle = Fold(term ?? "");
        if (needle.Count(char.IsLetterOrDigit) < 2)
        {
            yield break;
        }
        var (hay, map) = FoldWithMap(text);
        var from = 0;
        while (from <= hay.Length - needle.Length && hay.IndexOf(needle, from, StringComparison.Ordinal) is var i and >= 0)
        {
            var end = i + needle.Length;
            var wordStart = i == 0 || !char.IsLetterOrDigit(hay[i - 1]) || !char.IsLetterOrDigit(needle[0]);
            var wordEnd = end == hay.Length || !char.IsLetterOrDigit(hay[end]) || !char.IsLetterOrDigit(needle[^1]);
            if (wordStart && wordEnd)
            {
                yield return (map[i], map[end - 1] + 1 - map[i]);
                from = end;
            }
            else
            {
                from = i + 1;
            }
        }
    }

    /// <summary>Lower case, without diacritics (đ → d), white space collapsed to one space, trimmed.</summary>
    public static string Fold(string text) => FoldWithMap(text ?? "").Folded.Trim();

    private static (string Folded, int[] Map) FoldWithMap(string text)
    {
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] == ' ')
                {
                    continue;
                }
                c = ' ';
            }
            else if (c is 'đ' or 'Đ')
            {
                c = 'd';
            }
            else if (c > 127)
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                if (CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }
                c = decomposed[0];
            }
            sb.Append(char.ToLowerInvariant(c));
            map.Add(i);
        }
        return (sb.ToString(), map.ToArray());
    }

    private static List<PersonalDataSpan> Merge(IEnumerable<PersonalDataSpan> spans)
    {
        var merged = new List<PersonalDataSpan>();
        // Stable: of two findings with the same span, the one added first names it.
        foreach (var s in spans.OrderBy(s => s.Start).ThenByDescending(s => s.Length))
        {
            if (merged.Count > 0 && s.Start < merged[^1].End)
            {
                var last = merged[^1];
                if (s.End > last.End)
                {
                    merged[^1] = last with { Length = s.End - last.Start };
                }
                continue;
            }
            merged.Add(s);
        }
        return merged;
    }

    // Boundaries: a number glued to a letter, a slash or a hyphen is part of something else (a document number such as
    // 118/2025/NĐ-CP, a dossier code, a date), so none of the number patterns starts or ends there.
    private const string Before = @"(?<![\p{L}\p{N}_/\-.,+])";
    private const string After = @"(?![\p{L}\p{N}_/]|[.,\-]\d)";

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+[ \t]*(?:@|[\[({][ \t]*(?:at|AT|a còng|@)[ \t]*[\])}])[ \t]*[\p{L}\p{N}\-]+"
        + @"(?:\.[A-Za-z0-9\-]+|(?:[ \t]*[\[({][ \t]*(?:dot|DOT|chấm)[ \t]*[\])}][ \t]*|[ \t]+\.[ \t]*|[ \t]*\.[ \t]+)[a-z0-9\-]+)+",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Emails();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+[ \t]+(?:at|a còng)[ \t]+[A-Za-z0-9\-]+(?:[ \t]+(?:dot|chấm)[ \t]+[a-z0-9\-]+)+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SpelledEmails();

    // A phone's separators may be dots, so "07.03.2025 12" reads like one; a date is never a phone.
    [GeneratedRegex(@"^\d{1,2}[./\-]\d{1,2}[./\-]\d{4}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateLike();

    [GeneratedRegex(Before + @"(?:(?:\(\+?84\)|\+?84)[ \t.\-]?|0[ \t.\-]?)(?:[35789](?:[ \t.\-]?\d){8}|2(?:[ \t.\-]?\d){9})" + After
        + "|" + Before + @"\(0?2\d{1,2}\)[ \t.\-]?\d(?:[ \t.\-]?\d){6,7}" + After, RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Phones();

    // CCCD: 12 digits beginning with the 0 of a province code (001–096), plain or grouped 3-3-3-3 or 4-4-4.
    [GeneratedRegex(Before + @"(?:0\d{11}|0\d{2}(?:[ .]\d{3}){3}|0\d{3}(?: \d{4}){2})" + After, RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CitizenIds();

    // CMND: 9 digits, plain or 3-3-3, unless a currency follows (a money amount).
    [GeneratedRegex(Before + @"(?:\d{9}|\d{3} \d{3} \d{3})" + After + @"(?![ \t]*(?:đồng|đ\b|VNĐ|VND|vnđ|triệu|tỷ|nghìn|ngàn))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex OldIdCards();

    [GeneratedRegex(Before + @"[A-Z]\d{7,8}" + After, RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Passports();

    [GeneratedRegex(@"(?:CCCD|CMND|CMTND|[Cc]ăn cước(?: công dân)?|[Cc]hứng minh (?:nhân dân|thư)|[Ss]ố định danh(?: cá nhân)?|[Hh]ộ chiếu|[Pp]assport)"
        + @"(?:[ \t]*(?:số|:|No\.?))*[ \t]*(?<v>[A-Z]{0,2}\d{6,12})(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IntroducedIds();

    private const string ProperName = @"\p{Lu}[\p{L}\p{M}]*(?:[ \t]+\p{Lu}[\p{L}\p{M}]*){0,4}";
    private const string Street = @"(?:[Đđ]ường|[Pp]hố|[Nn]gõ|[Nn]gách|[Hh]ẻm|[Kk]iệt)";
    private const string HouseNumber = @"\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?){0,3}";

    // "số 12 đường Lê Lợi", "12 đường Lê Lợi", "số nhà 5 ngõ 3".
    [GeneratedRegex(@"(?<![\p{L}\p{N}/])(?:[Ss]ố(?:[ \t]+nhà)?[ \t]+)?" + HouseNumber + @"[ \t]*,?[ \t]*" + Street + @"[ \t]+(?:" + ProperName + @"|\d{1,4}\b)",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StreetAddresses();

    // "12/3 Nguyễn Huệ", "số 7 Lê Lợi": a house number with a slash (or after "số") before a capitalised street name;
    // dates (14/02/2008, 3/2025) are not house numbers.
    [GeneratedRegex(@"(?<![\p{L}\p{N}/.\-])(?!\d{1,2}/\d{1,2}/\d{2,4})(?!\d{1,2}/\d{4})\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?){1,3}[ \t]+" + ProperName
        + @"|(?<![\p{L}])[Ss]ố(?:[ \t]+nhà)?[ \t]+\d{1,4}[A-Za-z]?[ \t]+(?!Điều|Khoản|Nghị|Quyết|Thông|Luật|Công|Sở|UBND|Ủy|Bộ|Chính)" + ProperName, RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HouseNumberAddresses();

    private const string Locality = @"(?:[Tt]hôn|[Xx]óm|[Ấấ]p|[Bb]uôn|[Tt]ổ(?:[ \t]+dân[ \t]+phố)?|[Kk]hu[ \t]+phố|[Kk]hối|[Xx]ã|[Pp]hường|[Tt]hị[ \t]+trấn)";
    private const string Region = @"(?:[Hh]uyện|[Qq]uận|[Tt]hị[ \t]+xã|[Tt]hành[ \t]+phố|TP\.?|[Tt]ỉnh)";
    private const string Place = @"(?:\d{1,3}[A-Za-z]?\b|" + ProperName + ")";

    // A place below the district, with the levels that follow it: "thôn Phú Lâm, xã An Ninh Đông, huyện Tuy An",
    // "tổ 5, khu phố 3", "Phường 7". Alone a district or province is public, not an address.
    [GeneratedRegex(@"(?<![\p{L}])" + Locality + @"[ \t]+" + Place + @"(?:[ \t]*,[ \t]*(?:" + Locality + "|" + Region + @")[ \t]+" + Place + ")*",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Localities();
}
