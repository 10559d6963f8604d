using System.Globalization;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue;

/// <summary>
/// The one-line-per-item text form of papers, fees and legal bases ("a | b | c") of the Excel import and export (one
/// cell per list) and of the JSON import; the officer edits the same items as rows on the page.
/// </summary>
public static class CatalogueLines
{
    public const string PaperFormat = "Tên giấy tờ | Bản chính / Bản sao chứng thực / Bản sao | số lượng | mẫu đơn, tờ khai | Bắt buộc / Nếu có / trường hợp phải nộp | ghi chú";
    public const string FeeFormat = "Tên khoản phí, lệ phí | số tiền (đồng) | căn cứ thu | Phí / Lệ phí | đối tượng nộp, trường hợp";
    public const string LegalFormat = "Số, ký hiệu | trích yếu | ngày ban hành dd/MM/yyyy | cơ quan ban hành";

    /// <summary>A paper as entered; <paramref name="Condition"/> set means required only in that case.</summary>
    public sealed record PaperLine(string Name, PaperForm Form, int Quantity, string? Template, bool Required = true, string? Condition = null,
        string? Note = null, int? TemplateFileId = null, string? AlternativeGroup = null);

    public sealed record FeeLine(string Name, decimal Amount, string? Note, FeeKind? Kind = null, string? AppliesTo = null);

    public sealed record LegalLine(string Number, string? Title, DateOnly? IssuedOn, string? Issuer);

    private static IEnumerable<(int Line, string[] Parts)> Split(string? text) =>
        (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select((l, i) => (Line: i + 1, Text: l.Trim()))
            .Where(x => x.Text.Length > 0)
            .Select(x => (x.Line, x.Text.Split('|').Select(p => TextSearch.Nfc(p)).ToArray()));

    public static List<PaperLine> ParsePapers(string? text, List<string> errors)
    {
        var result = new List<PaperLine>();
        foreach (var (line, p) in Split(text))
        {
            if (p[0].Length == 0)
            {
                errors.Add($"Thành phần hồ sơ, dòng {line}: thiếu tên giấy tờ.");
                continue;
            }
            var form = PaperForm.Original;
            if (p.Length > 1 && p[1].Length > 0 && ParseForm(p[1]) is not { } f)
            {
                errors.Add($"Thành phần hồ sơ, dòng {line}: hình thức \"{p[1]}\" không hợp lệ (Bản chính, Bản sao chứng thực, Bản sao).");
                continue;
            }
            else if (p.Length > 1 && p[1].Length > 0)
            {
                form = ParseForm(p[1])!.Value;
            }
            var quantity = 1;
            if (p.Length > 2 && p[2].Length > 0 && (!int.TryParse(p[2], NumberStyles.None, CultureInfo.InvariantCulture, out quantity) || quantity is < 1 or > 100))
            {
                errors.Add($"Thành phần hồ sơ, dòng {line}: số lượng \"{p[2]}\" phải là số nguyên từ 1 đến 100.");
                continue;
            }
            var (required, condition) = ParseRequirement(p.Length > 4 ? p[4] : "");
            result.Add(new PaperLine(p[0], form, quantity, p.Length > 3 && p[3].Length > 0 ? p[3] : null, required, condition,
                p.Length > 5 && p[5].Length > 0 ? p[5] : null));
        }
        return result;
    }

    /// <summary>"" or "Bắt buộc" → required; "Nếu có" → optional; any other text is the case in which the paper is required.</summary>
    public static (bool Required, string? Condition) ParseRequirement(string text) => TextSearch.Normalize(text) switch
    {
        "" or "bat buoc" or "required" => (true, null),
        "neu co" or "ifany" or "khong bat buoc" => (false, null),
        _ => (false, text.Trim()),
    };

    public static string RequirementText(bool required, string? condition) =>
        condition ?? (required ? "Bắt buộc" : "Nếu có");

    public static FeeKind? ParseKind(string text) => TextSearch.Normalize(text) switch
    {
        "phi" or "fee" => FeeKind.Fee,
        "le phi" or "charge" => FeeKind.Charge,
        _ => null,
    };

    public static PaperForm? ParseForm(string text)
    {
        var t = TextSearch.Normalize(text);
        return t switch
        {
            "ban chinh" => PaperForm.Original,
            "ban sao chung thuc" => PaperForm.CertifiedCopy,
            "ban sao" => PaperForm.Copy,
            "ban chinh hoac ban sao chung thuc" => PaperForm.OriginalOrCertifiedCopy,
            _ => Enum.TryParse<PaperForm>(text, ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : null,
        };
    }

    public static List<FeeLine> ParseFees(string? text, List<string> errors)
    {
        var result = new List<FeeLine>();
        foreach (var (line, p) in Split(text))
        {
            if (p[0].Length == 0)
            {
                errors.Add($"Phí, lệ phí, dòng {line}: thiếu tên khoản phí.");
                continue;
            }
            if (p.Length < 2 || ParseAmount(p[1]) is not { } amount)
            {
                errors.Add($"Phí, lệ phí, dòng {line}: số tiền phải là số đồng không âm, ví dụ 1.000.000.");
                continue;
            }
            FeeKind? kind = null;
            if (p.Length > 3 && p[3].Length > 0 && (kind = ParseKind(p[3])) is null)
            {
                errors.Add($"Phí, lệ phí, dòng {line}: loại \"{p[3]}\" phải là Phí hoặc Lệ phí.");
                continue;
            }
            result.Add(new FeeLine(p[0], amount, p.Length > 2 && p[2].Length > 0 ? p[2] : null, kind, p.Length > 4 && p[4].Length > 0 ? p[4] : null));
        }
        return result;
    }

    /// <summary>"1.000.000", "1000000", "1 000 000" or "1,000,000" đồng → 1000000; null when not a whole non-negative amount.</summary>
    public static decimal? ParseAmount(string text)
    {
        var digits = text.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).Replace("đồng", "", StringComparison.Ordinal).Replace("đ", "", StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 1_000_000_000_000m ? v : null;
    }

    public static List<LegalLine> ParseLegal(string? text, List<string> errors)
    {
        var result = new List<LegalLine>();
        foreach (var (line, p) in Split(text))
        {
            if (p[0].Length == 0)
            {
                errors.Add($"Căn cứ pháp lý, dòng {line}: thiếu số, ký hiệu văn bản.");
                continue;
            }
            DateOnly? issued = null;
            if (p.Length > 2 && p[2].Length > 0)
            {
                if (!DateOnly.TryParseExact(p[2], ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    errors.Add($"Căn cứ pháp lý, dòng {line}: ngày ban hành \"{p[2]}\" phải có dạng dd/MM/yyyy.");
                    continue;
                }
                issued = d;
            }
            result.Add(new LegalLine(p[0], p.Length > 1 && p[1].Length > 0 ? p[1] : null, issued, p.Length > 3 && p[3].Length > 0 ? p[3] : null));
        }
        return result;
    }

    public static string FormatPapers(IEnumerable<ProcedurePaper> papers) => string.Join('\n', papers.OrderBy(p => p.Seq)
        .Select(p => Join(p.Name, CatalogueText.Name(p.Form), p.Quantity.ToString(CultureInfo.InvariantCulture), p.Template,
            p.Required && p.Condition is null ? null : RequirementText(p.Required, p.Condition), p.Note)));

    public static string FormatFees(IEnumerable<ProcedureFee> fees) => string.Join('\n', fees.OrderBy(f => f.Seq)
        .Select(f => Join(f.Name, f.Amount.ToString("N0", VietnamTime.Culture), f.Note, f.Kind is { } k ? CatalogueText.Name(k) : null, f.AppliesTo)));

    public static string FormatLegal(IEnumerable<LegalBasis> bases) => string.Join('\n', bases.OrderBy(b => b.Seq)
        .Select(b => Join(b.Number, b.Title, b.IssuedOn?.ToVnDate(), b.Issuer)));

    private static string Join(params string?[] parts)
    {
        var list = parts.Select(p => p ?? "").ToList();
        while (list.Count > 1 && list[^1].Length == 0)
        {
            list.RemoveAt(list.Count - 1);
        }
        return string.Join(" | ", list);
    }
}
