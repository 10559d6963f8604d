using System.Globalization;
using MotCua.Core.Legal;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;

namespace MotCua.Web.Features.Privacy;

/// <summary>What the register finds about a data subject for one access request.</summary>
/// <param name="RequestCode">The request's code.</param>
/// <param name="RequestKind">The request's kind in words.</param>
/// <param name="ReceivedAt">When the request was received.</param>
/// <param name="GeneratedAt">When this copy was made.</param>
/// <param name="Controller">The agency that holds the data (bên kiểm soát dữ liệu).</param>
/// <param name="ParentBody">The agency's governing body, for the document's heading.</param>
/// <param name="Place">The agency's place name, for the date line.</param>
/// <param name="Basis">The law the copy is given under.</param>
/// <param name="Records">Each dossier or PAKN with its registered personal fields.</param>
/// <param name="Purposes">The register's purposes with the basis in force today.</param>
public sealed record SubjectData(string RequestCode, string RequestKind, DateTimeOffset ReceivedAt, DateTimeOffset GeneratedAt, string Controller,
    string? ParentBody, string? Place, string Basis, IReadOnlyList<SubjectRecord> Records, IReadOnlyList<SubjectPurpose> Purposes);

/// <summary>One dossier or PAKN and its personal fields by label (empty fields included, so the person sees what is not held).</summary>
public sealed record SubjectRecord(string Kind, string Code, IReadOnlyDictionary<string, string?> Fields);

/// <summary>One purpose of the register and the basis it rests on.</summary>
public sealed record SubjectPurpose(string Name, string Purpose, string Basis);

/// <summary>
/// The access copy as a document in the agency's letter layout (heading, date, title, tables): a person can read it on a
/// phone and keep it, where the JSON copy serves machines.
/// </summary>
public static class SubjectDataPdf
{
    public static OfficialDocument Document(SubjectData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var body = new List<DocumentBlock>
        {
            new Paragraph(data.Controller, Label: "Bên kiểm soát, xử lý dữ liệu:"),
            new Paragraph($"{data.RequestCode} – {data.RequestKind}, nhận lúc {data.ReceivedAt.ToVnDateTime()}", Label: "Theo yêu cầu:"),
            new Paragraph(data.GeneratedAt.ToVnDateTime(), Label: "Thời điểm lập bản sao:"),
            new Paragraph("1. Dữ liệu cá nhân đang lưu giữ", Bold: true),
        };
        if (data.Records.Count == 0)
        {
            body.Add(new Paragraph("Không có hồ sơ hoặc phản ánh, kiến nghị nào chứa dữ liệu cá nhân của người yêu cầu.", Italic: true));
        }
        foreach (var (record, n) in data.Records.Select((r, i) => (r, i + 1)))
        {
            body.Add(new Paragraph($"1.{n.ToString(CultureInfo.InvariantCulture)}. {record.Kind} mã {record.Code}", Bold: true));
            body.Add(new Table(["Thông tin", "Giá trị đang lưu"],
                [.. record.Fields.Select(f => (IReadOnlyList<string>)[f.Key, string.IsNullOrWhiteSpace(f.Value) ? "(không lưu)" : f.Value!])],
                [3.5, 6.5]));
        }
        body.Add(new Paragraph("2. Mục đích xử lý và căn cứ pháp lý", Bold: true));
        body.Add(new Table(["Nhóm dữ liệu", "Mục đích", "Căn cứ hiện hành"],
            [.. data.Purposes.Select(p => (IReadOnlyList<string>)[p.Name, p.Purpose, p.Basis])],
            [2.6, 4, 3.4]));
        return new OfficialDocument
        {
            ParentBody = data.ParentBody is { Length: > 0 } parent ? parent.ToUpper(CultureInfo.GetCultureInfo("vi-VN")) : null,
            Issuer = data.Controller.ToUpper(CultureInfo.GetCultureInfo("vi-VN")),
            Number = "Mã yêu cầu: " + data.RequestCode,
            PlaceAndDate = DossierForms.PlaceAndDate(data.Place ?? "……", data.GeneratedAt),
            Title = "BẢN SAO DỮ LIỆU CÁ NHÂN",
            Subtitle = "cung cấp cho chủ thể dữ liệu",
            Body = body,
            Notes =
            [
                data.Basis + " (quyền được biết, truy cập dữ liệu cá nhân).",
                "Bản sao này chứa dữ liệu cá nhân của người yêu cầu; người nhận có trách nhiệm bảo mật khi lưu giữ, chia sẻ.",
            ],
        };
    }
}
