namespace MotCua.Web.Shared.Documents;

/// <summary>
/// An official form (biểu mẫu) in the layout of Vietnamese administrative documents (Decree 30/2020 style): the
/// issuing body top left, the national motto top right, place and date, title, body, signatures. One model feeds both
/// the HTML print view and the PDF, so the two never disagree.
/// </summary>
public sealed record OfficialDocument
{
    /// <summary>Governing body above the issuer, e.g. "UBND TỈNH ĐẮK LẮK"; may be empty.</summary>
    public string? ParentBody { get; init; }

    /// <summary>Issuer, e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ" or "BỘ PHẬN MỘT CỬA".</summary>
    public required string Issuer { get; init; }

    /// <summary>"Số: 123/PTN" line under the issuer; optional.</summary>
    public string? Number { get; init; }

    /// <summary>"Đắk Lắk, ngày 10 tháng 3 năm 2025".</summary>
    public required string PlaceAndDate { get; init; }

    /// <summary>Form number as the circular gives it, e.g. "Mẫu số 01"; shown top right above the motto.</summary>
    public string? FormNumber { get; init; }

    public required string Title { get; init; }

    public string? Subtitle { get; init; }

    public IReadOnlyList<DocumentBlock> Body { get; init; } = [];

    public IReadOnlyList<Signature> Signatures { get; init; } = [];

    /// <summary>Absolute URL encoded as a QR code (the public look-up page); printed with its caption.</summary>
    public string? QrUrl { get; init; }

    public string? QrCaption { get; init; }

    /// <summary>Small print at the bottom (legal notes, hotline).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>"Nơi nhận:" (Decree 30/2020): printed bottom left, beside the signature block.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>A form handed over as one sheet: the PDF tightens its layout until it fits one page.</summary>
    public bool OnePage { get; init; }

    /// <summary>Pages wider than tall (registers).</summary>
    public bool Landscape { get; init; }
}

public abstract record DocumentBlock;

/// <summary>A paragraph; <see cref="Label"/> is printed bold before the text ("Mã hồ sơ: ").</summary>
public sealed record Paragraph(string Text, string? Label = null, bool Bold = false, bool Italic = false, bool Center = false) : DocumentBlock;

/// <summary>A table with a header row; widths are relative.</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths) : DocumentBlock;

/// <summary>
/// A signature column: the authority prefix when the signer signs for someone ("KT. GIÁM ĐỐC"), the position, an
/// optional note, the signer's name (blank space for the signature above it). <see cref="Decree30.Block"/> makes one.
/// </summary>
public sealed record Signature(string Title, string? Name, string? Note = null, string? Authority = null);
