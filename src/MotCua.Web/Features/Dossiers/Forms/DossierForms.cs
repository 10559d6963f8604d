using System.Globalization;
using MotCua.Core.Dossiers;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>Who issues a form: the governing body, the agency, its one-stop desk, and the place name printed before the date.</summary>
public sealed record FormIssuer(string? ParentBody, string AgencyName, string DeskName, string Place);

public sealed record FormApplicant(string Name, string? Address, string? Phone, string? Email, string? IdNumber = null);

/// <summary>A paper of the dossier as the slip lists it: "Bản chính" / "Bản sao" / "Bản sao chứng thực" and how many.</summary>
public sealed record FormPaper(string Name, string Kind, int Quantity);

public sealed record ReceiptSlipInput(
    string DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName,
    IReadOnlyList<FormPaper> Papers, int Sets, DateTimeOffset ReceivedAt, DateTimeOffset AppointmentAt,
    string ResultDelivery, string OfficerName, int? BookVolume, int? BookSeq, string LookupUrl, string? Fee = null);

public sealed record SupplementRequestInput(
    string DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName, DateTimeOffset ReceivedAt,
    DateTimeOffset IssuedAt, IReadOnlyList<string> ItemsToSupplement, string Reason, string OfficerName, string LookupUrl);

public sealed record RefusalInput(
    string? DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName, DateTimeOffset ReceivedAt,
    DateTimeOffset IssuedAt, string Reason, string OfficerName, string? LookupUrl);

public sealed record ApologyInput(
    string DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName, DateTimeOffset ReceivedAt,
    DateTimeOffset OriginalAppointment, DateTimeOffset NewAppointment, DateTimeOffset IssuedAt, string Reason,
    string SignerTitle, string? SignerName, string LookupUrl);

/// <summary>One hand-over on the control slip: from whom to whom, when, and the step's result (trước hạn / đúng hạn / quá hạn).</summary>
public sealed record HandOver(string FromUnit, string? FromPerson, string ToUnit, string? ToPerson, DateTimeOffset At, string? Result, string? Note);

public sealed record ControlSlipInput(
    string DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName, DateTimeOffset ReceivedAt,
    DateTimeOffset AppointmentAt, string ProcessingAgency, string? CoordinatingAgency, IReadOnlyList<HandOver> HandOvers,
    DateTimeOffset IssuedAt, string LookupUrl);

/// <summary>
/// Builds the official forms of the one-stop mechanism as <see cref="OfficialDocument"/>s, in the wording and
/// numbering of the regime in force when the dossier was received (Circular 01/2018/TT-VPCP before 1/7/2025,
/// Circular 03/2025/TT-VPCP from then on). Rendered by <c>_OfficialDocument</c> (print view) and <see cref="PdfRenderer"/>.
/// </summary>
public static class DossierForms
{
    public static OfficialDocument ReceiptSlip(ReceiptSlipInput i)
    {
        var (form, regime) = FormOf(OfficialFormKind.ReceiptAndAppointment, i.ReceivedAt);
        var rows = i.Papers.Select((p, n) => (IReadOnlyList<string>)[(n + 1).ToString(CultureInfo.InvariantCulture), p.Name, p.Kind, p.Quantity.ToString(CultureInfo.InvariantCulture)]).ToList();
        return new OfficialDocument
        {
            ParentBody = Upper(i.Issuer.AgencyName),
            Issuer = Upper(i.Issuer.DeskName),
            Number = "Mã hồ sơ: " + i.DossierCode,
            PlaceAndDate = PlaceAndDate(i.Issuer.Place, i.ReceivedAt),
            FormNumber = Caption(regime, form),
            Title = form.PrintedTitle,
            Body =
            [
                new Paragraph($"{i.Issuer.DeskName} – {i.Issuer.AgencyName}", Label: "Bộ phận tiếp nhận và trả kết quả:"),
                new Paragraph(i.Applicant.Name, Label: "Tiếp nhận hồ sơ của:"),
                new Paragraph(i.Applicant.Address ?? "", Label: "Địa chỉ:"),
                new Paragraph(Contact(i.Applicant), Label: "Số điện thoại / Thư điện tử:"),
                new Paragraph(i.ProcedureName, Label: "Nội dung yêu cầu giải quyết:"),
                new Paragraph("1. Thành phần hồ sơ nộp gồm:", Bold: true),
                new Table(["STT", "Tên giấy tờ", "Hình thức", "Số lượng"], rows, [0.6, 6, 2, 1.2]),
                new Paragraph(i.Sets.ToString(CultureInfo.InvariantCulture) + " bộ", Label: "2. Số lượng hồ sơ:"),
                new Paragraph(Moment(i.ReceivedAt), Label: "3. Thời gian nhận hồ sơ:"),
                new Paragraph(Moment(i.AppointmentAt), Label: "4. Thời gian trả kết quả giải quyết hồ sơ:"),
                new Paragraph(i.ResultDelivery, Label: "5. Đăng ký nhận kết quả tại:"),
                .. (i.Fee is null ? (DocumentBlock[])[] : [new Paragraph(i.Fee, Label: "Phí, lệ phí:")]),
                new Paragraph($"Vào Sổ theo dõi hồ sơ, Quyển số: {i.BookVolume?.ToString(CultureInfo.InvariantCulture) ?? "…"}, Số thứ tự: {i.BookSeq?.ToString(CultureInfo.InvariantCulture) ?? "…"}", Italic: true),
            ],
            Signatures = [new Signature("NGƯỜI NỘP HỒ SƠ", i.Applicant.Name), new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", i.OfficerName)],
            QrUrl = i.LookupUrl,
            QrCaption = "Quét mã QR hoặc truy cập địa chỉ dưới đây, nhập mã hồ sơ và số điện thoại để tra cứu tình trạng giải quyết hồ sơ.",
            Notes = [$"Áp dụng theo {regime.Decree}."],
        };
    }

    public static OfficialDocument SupplementRequest(SupplementRequestInput i)
    {
        var (form, regime) = FormOf(OfficialFormKind.SupplementRequest, i.ReceivedAt);
        var items = i.ItemsToSupplement.Select((x, n) => (IReadOnlyList<string>)[(n + 1).ToString(CultureInfo.InvariantCulture), x]).ToList();
        return new OfficialDocument
        {
            ParentBody = Upper(i.Issuer.AgencyName),
            Issuer = Upper(i.Issuer.DeskName),
            Number = "Mã hồ sơ: " + i.DossierCode,
            PlaceAndDate = PlaceAndDate(i.Issuer.Place, i.IssuedAt),
            FormNumber = Caption(regime, form),
            Title = form.PrintedTitle,
            Body =
            [
                new Paragraph($"Hồ sơ đề nghị giải quyết thủ tục: {i.ProcedureName}."),
                new Paragraph($"{i.Issuer.DeskName} đã tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: {i.Applicant.Name}, địa chỉ: {i.Applicant.Address ?? "…"}, số điện thoại / thư điện tử: {Contact(i.Applicant)}, vào lúc {Moment(i.ReceivedAt)}."),
                new Paragraph("Sau khi kiểm tra, hồ sơ chưa đầy đủ, chưa hợp lệ. Đề nghị Ông (Bà)/Tổ chức bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"),
                new Table(["STT", "Nội dung yêu cầu bổ sung, hoàn thiện"], items, [0.6, 9]),
                new Paragraph(i.Reason, Label: "Lý do:"),
                new Paragraph("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông (Bà)/Tổ chức liên hệ với " + i.Issuer.DeskName + " để được hướng dẫn."),
                new Paragraph("Xin trân trọng cảm ơn./.", Italic: true),
            ],
            Signatures = [new Signature("NGƯỜI HƯỚNG DẪN", i.OfficerName)],
            QrUrl = i.LookupUrl,
            Notes = [$"Áp dụng theo {regime.Decree}."],
        };
    }

    public static OfficialDocument Refusal(RefusalInput i)
    {
        var (form, regime) = FormOf(OfficialFormKind.Refusal, i.ReceivedAt);
        return new OfficialDocument
        {
            ParentBody = Upper(i.Issuer.AgencyName),
            Issuer = Upper(i.Issuer.DeskName),
            Number = i.DossierCode is null ? null : "Mã hồ sơ: " + i.DossierCode,
            PlaceAndDate = PlaceAndDate(i.Issuer.Place, i.IssuedAt),
            FormNumber = Caption(regime, form),
            Title = form.PrintedTitle,
            Body =
            [
                new Paragraph($"{i.Issuer.DeskName} – {i.Issuer.AgencyName} tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: {i.Applicant.Name}, địa chỉ: {i.Applicant.Address ?? "…"}, số điện thoại / thư điện tử: {Contact(i.Applicant)}, vào lúc {Moment(i.ReceivedAt)}."),
                new Paragraph(i.ProcedureName, Label: "Nội dung yêu cầu giải quyết:"),
                new Paragraph("Qua xem xét, cơ quan, đơn vị từ chối tiếp nhận, giải quyết hồ sơ này với lý do như sau:"),
                new Paragraph(i.Reason, Bold: true),
                new Paragraph("Xin thông báo để Ông (Bà)/Tổ chức được biết và thực hiện./.", Italic: true),
            ],
            Signatures = [new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", i.OfficerName)],
            QrUrl = i.LookupUrl,
            Notes = [$"Áp dụng theo {regime.Decree}."],
        };
    }

    public static OfficialDocument Apology(ApologyInput i)
    {
        var (form, regime) = FormOf(OfficialFormKind.ApologyAndReschedule, i.ReceivedAt);
        return new OfficialDocument
        {
            ParentBody = Upper(i.Issuer.ParentBody),
            Issuer = Upper(i.Issuer.AgencyName),
            Number = "Mã hồ sơ: " + i.DossierCode,
            PlaceAndDate = PlaceAndDate(i.Issuer.Place, i.IssuedAt),
            FormNumber = Caption(regime, form),
            Title = form.PrintedTitle,
            Body =
            [
                new Paragraph($"{i.Issuer.AgencyName} tiếp nhận giải quyết hồ sơ của Ông (Bà)/Tổ chức: {i.Applicant.Name}, mã hồ sơ: {i.DossierCode}, nội dung yêu cầu giải quyết: {i.ProcedureName}, thời gian hẹn trả kết quả: {Moment(i.OriginalAppointment)}."),
                new Paragraph($"Tuy nhiên đến nay, {i.Issuer.AgencyName} chưa trả kết quả giải quyết hồ sơ của Ông (Bà)/Tổ chức."),
                new Paragraph(i.Reason, Label: "Lý do:"),
                new Paragraph($"Sự chậm trễ này đã gây phiền hà cho Ông (Bà)/Tổ chức. {i.Issuer.AgencyName} trân trọng xin lỗi Ông (Bà)/Tổ chức và xin hẹn lại thời gian trả kết quả vào: {Moment(i.NewAppointment)}."),
                new Paragraph("Xin trân trọng cảm ơn./.", Italic: true),
            ],
            Signatures = [new Signature(Upper(i.SignerTitle), i.SignerName, "(Ký, ghi rõ họ tên và đóng dấu)")],
            QrUrl = i.LookupUrl,
            Notes = ["Thời hạn trả kết quả ban đầu vẫn được dùng để đánh giá việc giải quyết đúng hạn.", $"Áp dụng theo {regime.Decree}."],
        };
    }

    public static OfficialDocument ControlSlip(ControlSlipInput i)
    {
        var (form, regime) = FormOf(OfficialFormKind.ProcessControl, i.ReceivedAt);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var h in i.HandOvers)
        {
            rows.Add([
                $"1. Giao: {h.FromUnit}\n2. Nhận: {h.ToUnit}",
                $"{Moment(h.At)}\nNgười giao: {h.FromPerson ?? "…"}\nNgười nhận: {h.ToPerson ?? "…"}",
                h.Result ?? "",
                h.Note ?? "",
            ]);
        }
        return new OfficialDocument
        {
            ParentBody = Upper(i.Issuer.AgencyName),
            Issuer = Upper(i.Issuer.DeskName),
            Number = "Mã hồ sơ: " + i.DossierCode,
            PlaceAndDate = PlaceAndDate(i.Issuer.Place, i.IssuedAt),
            FormNumber = Caption(regime, form),
            Title = form.PrintedTitle,
            Subtitle = $"(Kèm theo hồ sơ của: {i.Applicant.Name})",
            Body =
            [
                new Paragraph(i.ProcedureName, Label: "Nội dung yêu cầu giải quyết:"),
                new Paragraph(Moment(i.ReceivedAt), Label: "Thời gian nhận hồ sơ:"),
                new Paragraph(Moment(i.AppointmentAt), Label: "Thời gian hẹn trả kết quả:"),
                new Paragraph(i.ProcessingAgency, Label: "Cơ quan giải quyết hồ sơ:"),
                new Paragraph(i.CoordinatingAgency ?? "Không", Label: "Cơ quan phối hợp giải quyết:"),
                new Table(["TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn / đúng hạn / quá hạn)", "GHI CHÚ"], rows, [3.2, 3.6, 2.2, 1.8]),
            ],
            QrUrl = i.LookupUrl,
            Notes = [$"Áp dụng theo {regime.Decree}."],
        };
    }

    /// <summary>"09 giờ 00 phút, ngày 10 tháng 3 năm 2025" (Vietnam time), as the forms print instants.</summary>
    public static string Moment(DateTimeOffset at)
    {
        var t = at.ToVietnam();
        return string.Create(CultureInfo.InvariantCulture, $"{t.Hour:00} giờ {t.Minute:00} phút, ngày {t.Day:00} tháng {t.Month:00} năm {t.Year}");
    }

    /// <summary>"Tuy Hòa, ngày 10 tháng 3 năm 2025".</summary>
    public static string PlaceAndDate(string place, DateTimeOffset at)
    {
        var t = at.ToVietnam();
        return string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {t.Day:00} tháng {t.Month:00} năm {t.Year}");
    }

    private static (OfficialForm Form, LegalRegime Regime) FormOf(OfficialFormKind kind, DateTimeOffset receivedAt)
    {
        var regime = LegalRegime.At(receivedAt);
        return (regime.Form(kind), regime);
    }

    private static string? Caption(LegalRegime regime, OfficialForm form) => form.Number is null ? null : regime.Caption(form.Kind);

    private static string Contact(FormApplicant a) =>
        string.Join(" / ", new[] { a.Phone, a.Email }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } s ? s : "…";

    private static string Upper(string? s) => (s ?? "").ToUpper(VietnamTime.Culture);
}
