using System.Text;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The second factor of a look-up by dossier code: personal data is shown only to someone who also gives the
/// applicant's phone number or ID number. Rate limiting and logging are the web's job.
/// </summary>
public static class ApplicantVerification
{
    /// <summary>
    /// Whether <paramref name="provided"/> is the applicant's phone or ID number, each compared in its normalised form
    /// (<see cref="ApplicantNumbers"/>: "+84 905 123 456" is "0905123456", "c1234567" is "C1234567"). A stored value
    /// counts only when it is a valid number that cannot be guessed: a legacy "1" or "0900000000" never opens a dossier.
    /// Blank input never matches, nor does a blank stored value.
    /// </summary>
    public static bool Matches(string? provided, string? phone, string? idNumber)
    {
        if (string.IsNullOrWhiteSpace(provided))
        {
            return false;
        }
        return Same(ApplicantNumbers.NormalizePhone(provided), ApplicantNumbers.NormalizePhone(phone))
            || Same(ApplicantNumbers.NormalizeIdNumber(provided, organisation: true), ApplicantNumbers.NormalizeIdNumber(idNumber, organisation: true));
    }

    /// <summary>
    /// <see cref="Matches(string?, string?, string?)"/>, or <paramref name="provided"/> is the e-mail address given with the
    /// record, compared trimmed and without case: the second factor of a record whose sender may have left only an e-mail.
    /// </summary>
    public static bool Matches(string? provided, string? phone, string? idNumber, string? email) =>
        Matches(provided, phone, idNumber)
        || (!string.IsNullOrWhiteSpace(provided) && !string.IsNullOrWhiteSpace(email)
            && string.Equals(email.Trim(), provided.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool Same(string? provided, string? stored) =>
        provided is not null && stored is not null && !ApplicantNumbers.IsGuessable(stored) && string.Equals(provided, stored, StringComparison.Ordinal);

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
}
