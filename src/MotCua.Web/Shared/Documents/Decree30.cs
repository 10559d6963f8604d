using MotCua.Core.Legal;

namespace MotCua.Web.Shared.Documents;

/// <summary>How the signer signs for the issuing body, as Decree 30/2020 (Appendix I) writes it above the position.</summary>
public enum SigningAuthority
{
    /// <summary>The head signs in their own right: only the position ("GIÁM ĐỐC").</summary>
    Head,

    /// <summary>"KT." (ký thay): a deputy signs for the head.</summary>
    Deputy,

    /// <summary>"TL." (thừa lệnh): the head of a unit signs by order of the head.</summary>
    ByOrder,

    /// <summary>"TUQ." (thừa ủy quyền): a person authorised in writing signs for the head.</summary>
    Authorised,

    /// <summary>"Q." (quyền): an acting head signs in the head's position.</summary>
    Acting,
}

/// <summary>
/// Who signs a document for its issuing body: the head's position (what the authority prefix refers to), how the signer
/// signs, the signer's own position, and the signer's name (null leaves the line to be written by hand).
/// </summary>
public sealed record Signatory(string HeadTitle, SigningAuthority Authority, string? SignerTitle, string? Name);

/// <summary>
/// The layout rules of Decree 30/2020 on clerical work that every official document MotCua prints shares: the signature
/// block with its authority prefix, the body's name under its parent, and the number line.
/// </summary>
public static class Decree30
{
    public static LegalSource Source => LegalSources.Decree30of2020;

    /// <summary>The prefix line above the signer's position ("KT. GIÁM ĐỐC"), or null when the head signs or an acting head does.</summary>
    public static string? AuthorityLine(Signatory s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var head = Upper(s.HeadTitle);
        return s.Authority switch
        {
            SigningAuthority.Head or SigningAuthority.Acting => null,
            SigningAuthority.Deputy => "KT. " + head,
            SigningAuthority.ByOrder => "TL. " + head,
            SigningAuthority.Authorised => "TUQ. " + head,
        };
    }

    /// <summary>The position line: the head's for the head, "Q. GIÁM ĐỐC" for an acting head, else the signer's own.</summary>
    public static string PositionLine(Signatory s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Authority switch
        {
            SigningAuthority.Head => Upper(s.HeadTitle),
            SigningAuthority.Acting => "Q. " + Upper(s.HeadTitle),
            SigningAuthority.Deputy => Upper(s.SignerTitle is { Length: > 0 } t ? t : "Phó " + s.HeadTitle),
            SigningAuthority.ByOrder or SigningAuthority.Authorised => Upper(s.SignerTitle is { Length: > 0 } t ? t : "……………"),
        };
    }

    /// <summary>The signature block of <paramref name="s"/>: authority prefix, position, space for the signature, name.</summary>
    public static Signature Block(Signatory s, string? note = null) =>
        new(PositionLine(s), s.Name, note ?? "(Ký, ghi rõ họ tên và đóng dấu)", AuthorityLine(s));

    /// <summary>
    /// How a signer with <paramref name="position"/> signs for a head with <paramref name="headTitle"/>: the head itself,
    /// an acting head ("Q."/"Quyền"), a deputy ("Phó …", KT.), else a unit's head by order of the head (TL.).
    /// </summary>
    public static SigningAuthority AuthorityOf(string? position, string headTitle)
    {
        var p = Fold(position);
        var head = Fold(headTitle);
        if (p.Length == 0 || p == head || p.StartsWith(head + " ", StringComparison.Ordinal))
        {
            return SigningAuthority.Head;
        }
        if (p.StartsWith("q. ", StringComparison.Ordinal) || p.StartsWith("quyền ", StringComparison.Ordinal))
        {
            return SigningAuthority.Acting;
        }
        return p.StartsWith("phó ", StringComparison.Ordinal) ? SigningAuthority.Deputy : SigningAuthority.ByOrder;
    }

    private static string Fold(string? s) => (s ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC).ToLower(VietnamTime.Culture);

    private static string Upper(string s) => s.Trim().ToUpper(VietnamTime.Culture);

    /// <summary>
    /// A heading's capitals as the name is written in running text: "UBND TỈNH ĐẮK LẮK" → "UBND tỉnh Đắk Lắk",
    /// "ỦY BAN NHÂN DÂN XÃ EA KAR" → "Ủy ban nhân dân xã Ea Kar"; a name not all in capitals is kept.
    /// </summary>
    public static string AsWritten(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var name = string.Join(' ', heading.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!string.Equals(name, name.ToUpper(VietnamTime.Culture), StringComparison.Ordinal))
        {
            return name;
        }
        var culture = VietnamTime.Culture;
        string Title(string w) => w.Length == 0 ? w : char.ToUpper(w[0], culture) + w[1..].ToLower(culture);
        var words = name.Split(' ').ToList();
        var output = new List<string>();
        var i = 0;
        if (words.Count > 0 && words[0] == "UBND")
        {
            output.Add("UBND");
            i = 1;
        }
        else if (words.Count >= 4 && string.Join(' ', words.Take(4)) == "ỦY BAN NHÂN DÂN")
        {
            output.Add("Ủy ban nhân dân");
            i = 4;
        }
        // The kind of administrative unit is a common noun; the proper name after it keeps its capitals.
        string[][] kinds = [["THÀNH", "PHỐ"], ["TỈNH"], ["XÃ"], ["PHƯỜNG"], ["ĐẶC", "KHU"]];
        foreach (var kind in kinds)
        {
            if (words.Count >= i + kind.Length && words.Skip(i).Take(kind.Length).SequenceEqual(kind, StringComparer.Ordinal))
            {
                output.AddRange(kind.Select(k => k.ToLower(culture)));
                i += kind.Length;
                break;
            }
        }
        output.AddRange(words.Skip(i).Select(Title));
        return string.Join(' ', output);
    }
}
