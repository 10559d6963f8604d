namespace MotCua.Core.Dossiers;

/// <summary>
/// Vietnamese phone and ID numbers as the one-stop desk receives them: which spellings are valid, the one form they are
/// stored in, and whether a value is too easy to guess to serve as the look-up's second factor.
/// </summary>
/// <remarks>
/// Phones: mobiles are 10 digits beginning 03, 05, 07, 08 or 09; landlines 11 digits beginning 02 (02xx xxxx xxx);
/// "+84", "(+84)" and "84" stand for the leading 0 (a 0 kept after them is dropped); spaces, dots, dashes and brackets
/// are ignored. ID numbers: CCCD (12 digits, beginning with a province code 001–096), CMND (9 digits), a passport (one
/// letter and 7 digits); an organisation may also give its tax code (10 digits, or 10-3 for a branch).
/// </remarks>
public static class ApplicantNumbers
{
    private static readonly string[] MobilePrefixes = ["03", "05", "07", "08", "09"];

    /// <summary>The national form ("0905123456", "02573842111"), or null when the text is not a Vietnamese phone number.</summary>
    public static string? NormalizePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return null;
        }
        var t = text.Trim();
        var international = false;
        if (t.StartsWith("(+84)", StringComparison.Ordinal))
        {
            (international, t) = (true, t[5..]);
        }
        else if (t.StartsWith("+84", StringComparison.Ordinal))
        {
            (international, t) = (true, t[3..]);
        }
        var digits = new System.Text.StringBuilder(t.Length);
        foreach (var c in t)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')'))
            {
                return null;
            }
        }
        var d = digits.ToString();
        if (!international && d.StartsWith("84", StringComparison.Ordinal) && d.Length is 11 or 12)
        {
            (international, d) = (true, d[2..]);
        }
        if (international)
        {
            d = d.StartsWith('0') ? d : "0" + d;
        }
        var mobile = d.Length == 10 && MobilePrefixes.Any(p => d.StartsWith(p, StringComparison.Ordinal));
        var landline = d.Length == 11 && d.StartsWith("02", StringComparison.Ordinal);
        return mobile || landline ? d : null;
    }

    /// <summary>
    /// The stored form of an ID number (digits, or the passport's capital letter and digits, or a branch tax code as
    /// "0101234567-001"), or null when the text is none of the accepted kinds. Tax codes only when
    /// <paramref name="organisation"/>.
    /// </summary>
    public static string? NormalizeIdNumber(string? text, bool organisation)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return null;
        }
        var chars = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars.Append(char.ToUpperInvariant(c));
            }
            else if (c is not (' ' or '.' or '-'))
            {
                return null;
            }
        }
        var s = chars.ToString();
        if (s.Length == 8 && char.IsAsciiLetterUpper(s[0]) && AllDigits(s.AsSpan(1)))
        {
            return s; // passport
        }
        if (!AllDigits(s))
        {
            return null;
        }
        return s.Length switch
        {
            12 when int.Parse(s.AsSpan(0, 3), System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 96 => s, // CCCD
            9 => s, // CMND
            10 when organisation => s,
            13 when organisation => s[..10] + "-" + s[10..],
            _ => null,
        };
    }

    /// <summary>
    /// An organisation's tax code in its stored form ("0101234567", a branch "0101234567-001"), or null when the text is
    /// not 10 digits or 13 digits (spaces, dots and one dash ignored), as <see cref="Legal.LegalSources.TaxAdministrationLaw2019TaxCode"/> defines.
    /// </summary>
    public static string? NormalizeTaxCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 20)
        {
            return null;
        }
        var digits = new System.Text.StringBuilder(13);
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-'))
            {
                return null;
            }
        }
        var d = digits.ToString();
        return d.Length switch
        {
            10 => d,
            13 => d[..10] + "-" + d[10..],
            _ => null,
        };
    }

    /// <summary>
    /// Whether a valid, normalised phone or ID number is too easy to guess to prove who asks: its significant digits
    /// (a phone's last 7, every digit of an ID) are one digit repeated ("0900000000"), two digits alternating
    /// ("0909090909"), or a straight run up or down ("0901234567", "C7654321"). Such numbers are valid contact details;
    /// they only cannot be the look-up's secret.
    /// </summary>
    public static bool IsGuessable(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var digits = string.Concat(normalized.Where(char.IsAsciiDigit));
        var significant = normalized.StartsWith('0') && normalized.Length is 10 or 11 && !normalized.Contains('-', StringComparison.Ordinal)
            && NormalizePhone(normalized) is not null
            ? digits[^7..]
            : digits;
        if (significant.Length < 6)
        {
            return true;
        }
        var alternating = true;
        for (var i = 2; i < significant.Length; i++)
        {
            alternating &= significant[i] == significant[i - 2];
        }
        if (alternating)
        {
            return true; // also one digit repeated
        }
        bool Run(int step)
        {
            for (var i = 1; i < significant.Length; i++)
            {
                if ((significant[i - 1] - '0' + step + 10) % 10 != significant[i] - '0')
                {
                    return false;
                }
            }
            return true;
        }
        return Run(1) || Run(-1);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return s.Length > 0;
    }
}
