namespace MotCua.Core.Legal;

/// <summary>How sure we are that a rule matches its legal text; the tags of the domain notes.</summary>
public enum SourceCertainty
{
    /// <summary>[C] Read in the legal text or a verbatim official quotation.</summary>
    Confirmed,

    /// <summary>[P] Several independent secondary sources or provincial practice: implemented and kept configurable.</summary>
    Practice,

    /// <summary>[U] Not confirmed: configurable, and the page applying it says so.</summary>
    Unconfirmed,
}

/// <summary>A legal text a rule rests on, with the days it is in force; <see cref="Citation"/> is what pages print after "Căn cứ".</summary>
/// <param name="Key">Stable key, e.g. "ND118/2025"; used in settings and stored records, never renamed.</param>
/// <param name="Citation">Vietnamese citation as printed, e.g. "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ".</param>
/// <param name="Subject">What the text is about, in Vietnamese.</param>
/// <param name="InForceFrom">First day in force, or null when not needed by any rule.</param>
/// <param name="InForceUntil">Last day in force, or null while still in force.</param>
/// <param name="Certainty">How the text or its quotation was checked.</param>
public sealed record LegalSource(
    string Key,
    string Citation,
    string Subject,
    DateOnly? InForceFrom,
    DateOnly? InForceUntil,
    SourceCertainty Certainty)
{
    /// <summary>Whether the text applies on <paramref name="day"/>.</summary>
    public bool InForceOn(DateOnly day) =>
        (InForceFrom is not { } from || day >= from) && (InForceUntil is not { } until || day <= until);

    /// <summary>The line pages show where the rule applies ("Căn cứ …"), flagged when unconfirmed.</summary>
    public string Basis => Certainty == SourceCertainty.Unconfirmed
        ? $"Căn cứ {Citation} (chưa xác nhận nguồn)"
        : $"Căn cứ {Citation}";
}
