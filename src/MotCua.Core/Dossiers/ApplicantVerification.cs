using System.Text;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The second factor of a look-up by dossier code: personal data is shown only to someone who also gives the
/// applicant's phone number or ID number. Rate limiting and logging are the web's job.
/// </summary>
public static class ApplicantVerification
{
    /// <summary>
    /// Whether <paramref name="provided"/> is the applicant's phone (compared as digits, +84/84 read as a leading 0) or
    /// ID number (spaces ignored, letters case-insensitive). Blank input never matches, nor does a blank stored value.
    /// </summary>
    public static bool Matches(string? provided, string? phone, string? idNumber)
    {
        if (string.IsNullOrWhiteSpace(provided))
        {
            return false;
        }

        string id = IdNumber(provided);
        if (id.Length > 0 && string.Equals(id, IdNumber(idNumber), StringComparison.Ordinal))
        {
            return true;
        }

        string digits = Phone(provided);
        return digits.Length >= 9 && string.Equals(digits, Phone(phone), StringComparison.Ordinal);
    }

    /// <summary>A phone number as national digits: "+84 905 123 456" and "0905.123.456" both give "0905123456".</summary>
    public static string Phone(string? phone)
    {
        if (phone is null)
        {
            return "";
        }

        var digits = new StringBuilder(phone.Length);
        foreach (char c in phone)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        string d = digits.ToString();
        bool international = phone.TrimStart().StartsWith('+') || (d.StartsWith("84", StringComparison.Ordinal) && d.Length == 11);
        return international && d.StartsWith("84", StringComparison.Ordinal) ? "0" + d[2..] : d;
    }

    private static string IdNumber(string? id) =>
        id is null ? "" : string.Concat(id.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
