using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MotCua.Core.Feedback;
using MotCua.Core.Reports;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Shared;
using Decree30 = MotCua.Web.Shared.Documents.Decree30;
using Decree30Docx = MotCua.Web.Shared.Documents.Decree30Docx;
using Signatory = MotCua.Web.Shared.Documents.Signatory;
using SigningAuthority = MotCua.Web.Shared.Documents.SigningAuthority;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Who issues the report, for its Decree 30/2020 heading and signature: the governing body, the agency, its code (the
/// symbol "Số: …/BC-SKHCN"), the place printed before the date, and who signs it for the agency.
/// </summary>
public sealed record ReportIssuer(string? ParentBody, string AgencyName, string AgencyCode, string Place, Signatory? Signer = null)
{
    /// <summary>The recipients written for this report, one a line, in place of those drawn from the agency; null or empty for those.</summary>
    public IReadOnlyList<string>? Recipients { get; init; }

    /// <summary>The signer: the given one, else the head of the agency by the usual title of its kind, name left to fill in.</summary>
    public Signatory SignedBy => Signer ?? new Signatory(HeadTitle, SigningAuthority.Head, null, null);

    /// <summary>The position that signs for the agency: a department's director, a people's committee's chair, else the head.</summary>
    public string HeadTitle => Signer?.HeadTitle.ToUpper(VietnamTime.Culture) ?? AgencyName.Trim() switch
    {
        var n when n.StartsWith("Sở ", StringComparison.OrdinalIgnoreCase) => "GIÁM ĐỐC",
        var n when n.StartsWith("Ủy ban nhân dân", StringComparison.OrdinalIgnoreCase) || n.StartsWith("UBND", StringComparison.Ordinal) => "CHỦ TỊCH",
        var n when n.StartsWith("Ban ", StringComparison.OrdinalIgnoreCase) => "TRƯỞNG BAN",
        _ => "THỦ TRƯỞNG CƠ QUAN",
    };
}

/// <summary>
/// The drafted narrative report (báo cáo kết quả kiểm soát TTHC) as DOCX, with the structure of the seed report
/// (Tiền Giang 2020, ND63 Art. 35(3)): each section's sentence is filled from data; what the system cannot know (the
/// assessment, the next tasks, proposals) is left as a highlighted placeholder for the focal officer to write.
/// </summary>
public static class ReportNarrative
{
    /// <summary>The text a person must replace; highlighted in the document.</summary>
    public const string Placeholder = "[Nội dung do cán bộ đầu mối bổ sung]";

    /// <summary>The name line the signer writes in; highlighted like the other placeholders.</summary>
    public const string SignerPlaceholder = Decree30Docx.SignerPlaceholder;

    public static byte[] Build(ReportBundle bundle, ReportIssuer issuer, DateTimeOffset printedAt)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(issuer);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Decree30Docx.Heading(issuer.ParentBody, issuer.AgencyName, NumberLine(issuer), PlaceAndDate(issuer, printedAt)));
            foreach (var p in Paragraphs(bundle, printedAt))
            {
                body.Append(p);
            }
            body.Append(Decree30Docx.Closing(Recipients(issuer), issuer.SignedBy));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The report's text, paragraph by paragraph (also what tests read back).</summary>
    public static IReadOnlyList<string> Lines(ReportBundle bundle, DateTimeOffset printedAt) =>
        [.. Content(bundle, printedAt).Select(c => c.Text)];

    /// <summary>"Số: …/BC-SKHCN": the number is given when the report is registered (văn thư).</summary>
    public static string NumberLine(ReportIssuer issuer) => "Số: …/BC-" + issuer.AgencyCode;

    /// <summary>"Đắk Lắk, ngày 06 tháng 12 năm 2026".</summary>
    public static string PlaceAndDate(ReportIssuer issuer, DateTimeOffset at) => DossierForms.PlaceAndDate(issuer.Place, at);

    /// <summary>
    /// The recipients ("Nơi nhận"): the lines written for this report when given; otherwise drawn from the agency: the body
    /// above it for its information ("UBND tỉnh Đắk Lắk (b/c)"), that body's office, which checks administrative procedures,
    /// the agency's leaders and the archive.
    /// </summary>
    public static IReadOnlyList<string> Recipients(ReportIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (issuer.Recipients?.Select(r => r.Trim().TrimEnd(';', '.')).Where(r => r.Length > 0).ToList() is { Count: > 0 } written)
        {
            return [.. written.Select((r, i) => r + (i == written.Count - 1 ? "." : ";"))];
        }
        var parent = string.IsNullOrWhiteSpace(issuer.ParentBody) ? null : AsWritten(issuer.ParentBody);
        var lines = new List<string>();
        if (parent is not null)
        {
            lines.Add(parent + " (b/c);");
        }
        if (parent is null || IsPeoplesCommittee(parent))
        {
            lines.Add(parent is null ? "Văn phòng UBND tỉnh (Phòng Kiểm soát TTHC);" : "Văn phòng " + parent + " (bộ phận kiểm soát TTHC);");
        }
        lines.Add("Lãnh đạo " + issuer.AgencyName + ";");
        lines.Add("Lưu: VT, " + issuer.AgencyCode + ".");
        return lines;
    }

    /// <summary>Splits the lines an officer typed into the form's list (one a line, empty lines dropped).</summary>
    public static IReadOnlyList<string>? ReadRecipients(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(20).Select(l => l.Length > 300 ? l[..300] : l)];

    private static bool IsPeoplesCommittee(string name) =>
        name.StartsWith("UBND ", StringComparison.Ordinal) || name.StartsWith("Ủy ban nhân dân", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A heading's capitals as the name is written in running text: "UBND TỈNH ĐẮK LẮK" → "UBND tỉnh Đắk Lắk",
    /// "ỦY BAN NHÂN DÂN XÃ EA KAR" → "Ủy ban nhân dân xã Ea Kar"; a name not all in capitals is kept.
    /// </summary>
    public static string AsWritten(string heading) => Decree30.AsWritten(heading);

    /// <summary>"Quý IV/2026" → "quý IV/2026": only the first letter is lowered, so Roman numerals stay capitals.</summary>
    public static string LowerFirst(string s) =>
        s.Length == 0 ? s : char.ToLower(s[0], VietnamTime.Culture) + s[1..];

    private static IEnumerable<Paragraph> Paragraphs(ReportBundle bundle, DateTimeOffset printedAt) =>
        Content(bundle, printedAt).Select(c => Para(c.Text, c.Kind));

    private enum Kind
    {
        Title,
        Center,
        Heading,
        Text,
    }

    private static IEnumerable<(string Text, Kind Kind)> Content(ReportBundle b, DateTimeOffset printedAt)
    {
        var r = b.Report.Total;
        var period = b.Report.Period;
        var ps = b.Procedures;
        string N(int n) => n.ToString("00", CultureInfo.InvariantCulture);
        string Pct(decimal? v) => v is { } x ? x.ToString("0.##", VietnamTime.Culture) + "%" : "0%";

        yield return ("BÁO CÁO", Kind.Title);
        yield return ("Kết quả công tác kiểm soát thủ tục hành chính " + LowerFirst(period.Label), Kind.Title);
        yield return ("(" + LowerFirst(period.RangeLabel) + ")", Kind.Center);
        if (period.ProvisionalText is { } provisional)
        {
            yield return ("(" + provisional + ")", Kind.Center);
        }
        yield return ("Thực hiện " + Placeholder + " về nhiệm vụ kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, "
            + b.AgencyName + " báo cáo kết quả kiểm soát thủ tục hành chính (TTHC) như sau:", Kind.Text);

        yield return ("I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT TTHC", Kind.Heading);
        yield return ("1. Về công bố, công khai TTHC: trong kỳ có " + N(b.PublicationDecisions) + " quyết định công bố danh mục TTHC được ký ban hành, với "
            + N(b.ProceduresInDecisions) + " TTHC được công bố mới, sửa đổi, bổ sung hoặc bãi bỏ; "
            + N(b.ProceduresPosted) + "/" + N(ps.Procedures) + " TTHC đang có hiệu lực được niêm yết công khai tại nơi tiếp nhận hồ sơ. " + Placeholder, Kind.Text);
        yield return ("2. Về tình hình, kết quả giải quyết TTHC:", Kind.Text);
        yield return ("– Tổng số hồ sơ yêu cầu giải quyết TTHC trong kỳ (bao gồm cả hồ sơ giải quyết theo chế độ một cửa, một cửa liên thông; theo dịch vụ công trực tuyến): "
            + N(r.Total) + " hồ sơ, trong đó: hồ sơ mới tiếp nhận: " + N(r.Received) + " hồ sơ (trực tuyến " + N(r.ReceivedOnline) + ", trực tiếp " + N(r.ReceivedDirect)
            + ", qua dịch vụ bưu chính công ích " + N(r.ReceivedPostal) + "); "
            + (r.CarriedOver == 0 ? "không có hồ sơ từ kỳ báo cáo trước chuyển qua." : "hồ sơ từ kỳ báo cáo trước chuyển qua: " + N(r.CarriedOver) + " hồ sơ."), Kind.Text);
        yield return ("– Kết quả giải quyết TTHC: số hồ sơ đã giải quyết là " + N(r.Resolved) + " hồ sơ, trong đó giải quyết trước hạn " + N(r.ResolvedEarly)
            + " hồ sơ, đúng hạn " + N(r.ResolvedOnTime) + " hồ sơ, "
            + (r.ResolvedLate == 0 ? "không có hồ sơ giải quyết quá hạn" : "quá hạn " + N(r.ResolvedLate) + " hồ sơ")
            + (r.OnTimeRate is null
                ? "; chưa có hồ sơ đã giải quyết để tính tỷ lệ giải quyết trước hạn và đúng hạn"
                : "; tỷ lệ giải quyết trước hạn và đúng hạn đạt " + Pct(r.OnTimeRate)) + ". Số hồ sơ đang giải quyết: " + N(r.Pending) + " hồ sơ (trong hạn "
            + N(r.PendingWithinTime) + ", quá hạn " + N(r.PendingOverdue) + ")."
            + (r.ClosedWithoutResult > 0 ? " Hồ sơ rút: " + N(r.Withdrawn) + ", từ chối giải quyết: " + N(r.Refused) + ", dừng xử lý: " + N(r.Stopped) + "." : ""), Kind.Text);
        yield return ("(" + b.Report.FinishRuleText + ")", Kind.Text);
        yield return ("– Tình hình triển khai dịch vụ công trực tuyến: " + ps.Online.ToString(CultureInfo.InvariantCulture) + "/" + ps.Procedures.ToString(CultureInfo.InvariantCulture)
            + " TTHC được cung cấp dịch vụ công trực tuyến (toàn trình hoặc một phần), đạt tỷ lệ " + Pct(ps.OnlinePercent) + "; trong đó "
            + ps.FullOnline.ToString(CultureInfo.InvariantCulture) + "/" + ps.Procedures.ToString(CultureInfo.InvariantCulture) + " TTHC cung cấp dịch vụ công trực tuyến toàn trình, đạt tỷ lệ "
            + Pct(ps.FullOnlinePercent) + (ps.OnlineDossierPercent is null
                ? ". Trong kỳ chưa tiếp nhận hồ sơ nào."
                : ". Hồ sơ nộp trực tuyến chiếm " + Pct(ps.OnlineDossierPercent) + " số hồ sơ tiếp nhận trong kỳ."), Kind.Text);
        yield return ("– Tình hình thực hiện cơ chế một cửa, một cửa liên thông: " + Placeholder, Kind.Text);
        yield return ("3. Về tiếp nhận và xử lý phản ánh, kiến nghị về TTHC: "
            + (b.Pakn.Received == 0 && b.Pakn.Handled == 0 ? "không có." : "tiếp nhận " + N(b.Pakn.Received) + " phản ánh, kiến nghị; đã xử lý " + N(b.Pakn.Handled)
                + " phản ánh, kiến nghị (đúng hạn " + N(b.Pakn.HandledOnTime) + ")."), Kind.Text);
        var t = b.PaknTransfers;
        if (t != PaknTransferCounts.None)
        {
            yield return ("Phản ánh, kiến nghị không thuộc thẩm quyền: tiếp nhận " + N(t.Received) + "; đã chuyển cơ quan có thẩm quyền "
                + N(t.TransferredOnTime + t.TransferredLate) + " (đúng hạn 05 ngày làm việc " + N(t.TransferredOnTime) + ", quá hạn " + N(t.TransferredLate)
                + "); chờ chuyển cuối kỳ " + N(t.Pending) + ".", Kind.Text);
        }
        yield return ("4. Về rà soát, đơn giản hóa TTHC: " + (b.ReviewRounds == 0 ? "trong kỳ không tổ chức đợt rà soát. " : "trong kỳ tổ chức " + N(b.ReviewRounds)
            + " đợt rà soát, đánh giá " + N(b.ReviewedProcedures) + " TTHC. ") + Placeholder, Kind.Text);
        yield return ("5. Về công tác truyền thông hỗ trợ hoạt động kiểm soát TTHC: " + (b.NewsPublished == 0 ? "trong kỳ chưa đăng tin bài. " : "đăng " + N(b.NewsPublished)
            + " tin bài về cải cách hành chính, kiểm soát TTHC trên cổng thông tin của cơ quan. ") + Placeholder, Kind.Text);
        yield return ("6. Về việc nghiên cứu, đề xuất sáng kiến cải cách TTHC: " + Placeholder, Kind.Text);
        yield return ("7. Về công tác kiểm tra thực hiện kiểm soát TTHC; khen thưởng, xử lý cán bộ, công chức vi phạm: " + Placeholder, Kind.Text);
        yield return ("8. Nội dung khác: tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích: " + ps.PostalService.ToString(CultureInfo.InvariantCulture)
            + " TTHC thực hiện; " + ps.NotPostalService.ToString(CultureInfo.InvariantCulture) + " TTHC không thực hiện.", Kind.Text);

        yield return ("II. ĐÁNH GIÁ CHUNG", Kind.Heading);
        yield return (Placeholder, Kind.Text);
        yield return ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TIẾP THEO", Kind.Heading);
        yield return (Placeholder, Kind.Text);
        yield return ("IV. ĐỀ XUẤT, KIẾN NGHỊ", Kind.Heading);
        yield return (Placeholder, Kind.Text);
        yield return ("Dự thảo lập ngày " + printedAt.ToVnDate() + " từ dữ liệu hệ thống một cửa; số liệu chi tiết tại Biểu số 06 kèm theo./.", Kind.Text);
    }

    private static Paragraph Para(string text, Kind kind)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { After = "120", Line = "300", LineRule = LineSpacingRuleValues.Auto });
        if (kind is Kind.Title or Kind.Center)
        {
            props.Append(new Justification { Val = JustificationValues.Center });
        }
        else
        {
            props.Append(new Justification { Val = JustificationValues.Both });
        }
        var p = new Paragraph(props);
        // Split at the placeholder so it can be highlighted where the officer must write.
        var parts = text.Split(Placeholder);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                p.Append(Run(parts[i], kind, highlight: false));
            }
            if (i < parts.Length - 1)
            {
                p.Append(Run(Placeholder, kind, highlight: true));
            }
        }
        return p;
    }

    private static Run Run(string text, Kind kind, bool highlight)
    {
        // Children in the schema's order (rFonts, b, sz, highlight) so Word opens the file without repair.
        var rp = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" });
        if (kind is Kind.Title or Kind.Heading)
        {
            rp.Append(new Bold());
        }
        rp.Append(new FontSize { Val = "28" });
        if (highlight)
        {
            rp.Append(new Highlight { Val = HighlightColorValues.Yellow });
        }
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
