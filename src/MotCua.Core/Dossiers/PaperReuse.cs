using MotCua.Core.Feedback;

namespace MotCua.Core.Dossiers;

/// <summary>Why a document held for a person cannot be offered again in a new submission.</summary>
public enum ReuseRefusal
{
    /// <summary>The dossier it came with was withdrawn, or never submitted: nothing was handed over to reuse.</summary>
    DossierWithdrawn,

    /// <summary>A later file replaced it for the same paper (a supplement or a new scan).</summary>
    Replaced,

    /// <summary>The result was not yet signed and issued.</summary>
    NotIssued,

    /// <summary>The result was revoked, or replaced by a correction.</summary>
    Withdrawn,

    /// <summary>The document's recorded validity ended before today.</summary>
    Expired,

    /// <summary>The document's recorded validity has not begun.</summary>
    NotYetValid,
}

/// <summary>Where a result document stands, as the reuse rule reads it.</summary>
public enum HeldResultState
{
    Draft,
    InForce,
    Revoked,
    Corrected,
}

/// <summary>
/// Reuse instead of re-upload (Circular 11/2025 CN05, CN28–29): which papers and results already held for a person may be
/// offered again, and how a held document is matched to a paper the procedure asks for. Dates are local (Vietnam) days.
/// </summary>
public static class PaperReuse
{
    /// <summary>A paper's file from an earlier dossier: reusable unless its dossier was withdrawn or never submitted, a later file replaced it, or its recorded validity is over.</summary>
    public static ReuseRefusal? PaperRefusal(DossierStatus dossierStatus, bool replacedByLaterFile, DateOnly? validFrom, DateOnly? validTo, DateOnly today)
    {
        if (dossierStatus is DossierStatus.Draft or DossierStatus.Withdrawn)
        {
            return ReuseRefusal.DossierWithdrawn;
        }
        if (replacedByLaterFile)
        {
            return ReuseRefusal.Replaced;
        }
        return ValidityRefusal(validFrom, validTo, today);
    }

    /// <summary>A result document: reusable once signed and in force, not revoked or corrected, within its recorded validity.</summary>
    public static ReuseRefusal? ResultRefusal(HeldResultState state, bool isSigned, DateOnly? validFrom, DateOnly? validTo, DateOnly today) => state switch
    {
        HeldResultState.Revoked or HeldResultState.Corrected => ReuseRefusal.Withdrawn,
        HeldResultState.Draft => ReuseRefusal.NotIssued,
        HeldResultState.InForce => isSigned ? ValidityRefusal(validFrom, validTo, today) : ReuseRefusal.NotIssued,
    };

    /// <summary>A document the national data store holds: only its recorded validity can rule it out.</summary>
    public static ReuseRefusal? ValidityRefusal(DateOnly? validFrom, DateOnly? validTo, DateOnly today) =>
        validTo is { } to && to < today ? ReuseRefusal.Expired
        : validFrom is { } from && from > today ? ReuseRefusal.NotYetValid
        : null;

    /// <summary>A paper's name as matching reads it: lower case, without diacritics or punctuation, spaces collapsed.</summary>
    public static string NormaliseName(string? name)
    {
        var folded = PersonalDataDetector.Fold(name ?? "");
        var chars = folded.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Whether a held document answers a paper the procedure asks for: the same name once normalised, or one name
    /// containing the other as whole words (a result "Giấy phép ..." answers "Bản sao giấy phép ...").
    /// </summary>
    public static bool Matches(string? paperName, string? documentName)
    {
        var paper = NormaliseName(paperName);
        var document = NormaliseName(documentName);
        if (paper.Length == 0 || document.Length == 0)
        {
            return false;
        }
        return paper == document || (" " + paper + " ").Contains(" " + document + " ", StringComparison.Ordinal)
            || (" " + document + " ").Contains(" " + paper + " ", StringComparison.Ordinal);
    }

    /// <summary>The citizen's words for a refusal, shown when a chosen document can no longer be used.</summary>
    public static string Text(ReuseRefusal refusal) => refusal switch
    {
        ReuseRefusal.DossierWithdrawn => "Hồ sơ chứa giấy tờ này đã được rút hoặc chưa nộp.",
        ReuseRefusal.Replaced => "Giấy tờ này đã được thay bằng tệp nộp sau.",
        ReuseRefusal.NotIssued => "Kết quả này chưa được ký số và ban hành.",
        ReuseRefusal.Withdrawn => "Kết quả này đã bị thu hồi hoặc đã được đính chính bằng văn bản khác.",
        ReuseRefusal.Expired => "Giấy tờ này đã hết thời hạn hiệu lực.",
        ReuseRefusal.NotYetValid => "Giấy tờ này chưa có hiệu lực.",
    };
}
