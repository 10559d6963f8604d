using System.Globalization;
using MotCua.Core.Dossiers;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>
/// Who issues a form: the governing body, the agency, its one-stop desk, the place name printed before the date, the
/// agency's code used in the symbol of the letters it numbers ("Số: …/SKHCN"), and who signs the agency's letters.
/// </summary>
public sealed record FormIssuer(string? ParentBody, string AgencyName, string DeskName, string Place, string? AgencyCode = null, Signatory? LetterSigner = null)
{
    /// <summary>The signer of the agency's letters: the configured one, else the head by position with the name left blank.</summary>
    public Signatory Signer => LetterSigner ?? new Signatory("Thủ trưởng cơ quan", SigningAuthority.Head, null, null);
}

/// <param name="TaxCode">An organisation's tax code, printed under its name; null for a person.</param>
/// <param name="Representative">The person who submitted for an organisation; null for a person.</param>
public sealed record FormApplicant(string Name, string? Address, string? Phone, string? Email, string? IdNumber = null, string? TaxCode = null,
    string? Representative = null);

/// <summary>A paper of the dossier as the slip lists it: "Bản chính" / "Bản sao" / "Bản sao chứng thực" and how many.</summary>
public sealed record FormPaper(string Name, string Kind, int Quantity);

public sealed record ReceiptSlipInput(
    string DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName,
    IReadOnlyList<FormPaper> Papers, int Sets, DateTimeOffset ReceivedAt, DateTimeOffset AppointmentAt,
    string ResultDelivery, string OfficerName, int? BookVolume, int? BookSeq, string LookupUrl, string? Fee = null)
{
    /// <summary>
    /// The agency that decides the dossier when <see cref="Issuer"/> is a service centre that received it regardless of
    /// boundary: the centre issues the receipt (Decree 118/2025) and the slip names the deciding agency beside it.
    /// </summary>
    public string? DecidingAgency { get; init; }
}

/// <summary>One item of a supplement request: the paper, what is missing or wrong in it, and the legal basis for asking.</summary>
/// <param name="Code">The item's code in the dossier (e.g. BS1-01), which the applicant's answer names; null for lines not recorded as items.</param>
public sealed record SupplementLine(string Paper, string Problem, string? LegalBasis, string? Code = null);

public sealed record SupplementRequestInput(
    string DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName, DateTimeOffset ReceivedAt,
    DateTimeOffset IssuedAt, IReadOnlyList<SupplementLine> Items, string Reason, string OfficerName, string LookupUrl);

public sealed record RefusalInput(
    string? DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName, DateTimeOffset ReceivedAt,
    DateTimeOffset IssuedAt, string Reason, string OfficerName, string? LookupUrl);

/// <summary>
/// The apology with a new appointment. <paramref name="Ground"/> says whether the delay has happened or is forecast;
/// the letter is the agency's, signed by its head or "KT." by a deputy (<see cref="FormIssuer.Signer"/>).
/// </summary>
public sealed record ApologyInput(
    string DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName, DateTimeOffset ReceivedAt,
    DateTimeOffset OriginalAppointment, DateTimeOffset NewAppointment, DateTimeOffset IssuedAt, string Reason,
    DelayGround Ground, string LookupUrl);

/// <summary>
/// The hand-over of the result to the citizen: who received it (the applicant or the person authorised), their
/// identity paper, when, how, what was handed over, and the officer who handed it over. Null times and names are
/// left as dotted lines to fill in by hand when the slip is printed before the hand-over.
/// </summary>
public sealed record ResultHandOverInput(
    string DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName, DateTimeOffset ReceivedAt,
    DateTimeOffset? AppointmentAt, DateTimeOffset? ReturnedAt, string? Delivery, IReadOnlyList<FormPaper> Results,
    string? OfficerName, DateTimeOffset IssuedAt, string LookupUrl);

/// <summary>A file the citizen uploaded, as the confirmation lists it (the paper it is for, when known).</summary>
/// <summary>One line of what an online submission holds: a file with the paper it is, or a paper named without a file (<paramref name="Size"/> null).</summary>
public sealed record SubmittedFile(string? Paper, string FileName, long? Size);

/// <summary>The citizen's copy of an online submission: what was submitted, when, and by when the desk checks it.</summary>
public sealed record OnlineSubmissionInput(
    string DossierCode, FormIssuer Issuer, FormApplicant Applicant, string ProcedureName, DateTimeOffset SubmittedAt,
    DateTimeOffset CheckDueAt, IReadOnlyList<SubmittedFile> Files, DateTimeOffset IssuedAt, string LookupUrl);

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
                .. (i.DecidingAgency is { } deciding
                    ? (DocumentBlock[])[
                        new Paragraph($"{i.Issuer.DeskName} – {i.Issuer.AgencyName} (tiếp nhận không phụ thuộc địa giới hành chính)", Label: "Nơi tiếp nhận:"),
                        new Paragraph(deciding, Label: "Cơ quan giải quyết:")]
                    : [new Paragraph($"{i.Issuer.DeskName} – {i.Issuer.AgencyName}", Label: "Bộ phận tiếp nhận và trả kết quả:")]),
                new Paragraph(i.Applicant.Name, Label: "Tiếp nhận hồ sơ của:"),
                .. (i.Applicant.TaxCode is { } taxCode ? (DocumentBlock[])[new Paragraph(taxCode, Label: "Mã số thuế:")] : []),
                .. (i.Applicant.Representative is { } representative ? (DocumentBlock[])[new Paragraph(representative, Label: "Người đại diện nộp hồ sơ:")] : []),
                new Paragraph(i.Applicant.Address ?? "", Label: "Địa chỉ:"),
                new Paragraph(Contact(i.Applicant), Label: "Số điện thoại / Thư điện tử:"),
                new Paragraph(i.ProcedureName, Label: "Nội dung yêu cầu giải quyết:"),
                new Paragraph("1. Thành phần hồ sơ nộp gồm:", Bold: true),
                // A table of headers alone reads as a printing fault: say that no paper was recorded.
                rows.Count == 0
                    ? new Paragraph("Không có giấy tờ nào được ghi nhận khi tiếp nhận.", Italic: true)
                    : new Table(["STT", "Tên giấy tờ", "Hình thức", "Số lượng"], rows, [0.6, 6, 2, 1.2]),
                new Paragraph(i.Sets.ToString(CultureInfo.InvariantCulture) + " bộ", Label: "2. Số lượng hồ sơ:"),
                new Paragraph(Moment(i.ReceivedAt), Label: "3. Thời gian nhận hồ sơ:"),
                new Paragraph(Moment(i.AppointmentAt), Label: "4. Thời gian trả kết quả giải quyết hồ sơ:"),
                new Paragraph(i.ResultDelivery, Label: "5. Đăng ký nhận kết quả tại:"),
                .. (i.Fee is null ? (DocumentBlock[])[] : [new Paragraph(i.Fee, Label: "Phí, lệ phí:")]),
                new Paragraph($"Vào Sổ theo dõi hồ sơ, Quyển số: {i.BookVolume?.ToString(CultureInfo.InvariantCulture) ?? "…"}, Số thứ tự: {i.BookSeq?.ToString(CultureInfo.InvariantCulture) ?? "…"}", Italic: true),
            ],
            Signatures = [new Signature("NGƯỜI NỘP HỒ SƠ", i.Applicant.Representative ?? i.Applicant.Name), new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", i.OfficerName)],
            QrUrl = i.LookupUrl,
            QrCaption = "Quét mã QR hoặc truy cập địa chỉ dưới đây, nhập mã hồ sơ và số điện thoại để tra cứu tình trạng giải quyết hồ sơ.",
            Notes = [regime.Basis(form.Kind) + "."],
            OnePage = true,
        };
    }

    public static OfficialDocument SupplementRequest(SupplementRequestInput i)
    {
        var (form, regime) = FormOf(OfficialFormKind.SupplementRequest, i.ReceivedAt);
        // The item code, when recorded, is what the applicant's answer and the officer's review refer to.
        var coded = i.Items.Any(x => x.Code is not null);
        var items = i.Items.Select((x, n) => (IReadOnlyList<string>)[coded ? x.Code ?? "" : (n + 1).ToString(CultureInfo.InvariantCulture), x.Paper, x.Problem, x.LegalBasis ?? ""]).ToList();
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
                new Table([coded ? "Mã" : "STT", "Thành phần hồ sơ", "Nội dung cần bổ sung, hoàn thiện", "Căn cứ pháp lý"], items, coded ? [1.0, 3.0, 3.4, 2.6] : [0.6, 3.2, 3.6, 2.6]),
                new Paragraph(i.Reason, Label: "Lý do:"),
                new Paragraph("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông (Bà)/Tổ chức liên hệ với " + i.Issuer.DeskName + " để được hướng dẫn."),
                new Paragraph("Xin trân trọng cảm ơn./.", Italic: true),
            ],
            Signatures = [new Signature("NGƯỜI HƯỚNG DẪN", i.OfficerName)],
            QrUrl = i.LookupUrl,
            Notes = [regime.Basis(form.Kind) + "."],
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
            Notes = [regime.Basis(form.Kind) + "."],
        };
    }

    public static OfficialDocument Apology(ApologyInput i)
    {
        var (form, regime) = FormOf(OfficialFormKind.ApologyAndReschedule, i.ReceivedAt);
        var agency = i.Issuer.AgencyName;
        var (situation, consequence) = i.Ground switch
        {
            DelayGround.Overdue => ($"Tuy nhiên đến nay đã quá thời hạn trả kết quả nêu trên mà {agency} chưa trả kết quả giải quyết hồ sơ của Ông (Bà)/Tổ chức.",
                "Sự chậm trễ này đã gây phiền hà cho Ông (Bà)/Tổ chức."),
            DelayGround.Forecast => ($"Tuy nhiên, {agency} dự kiến không trả kết quả giải quyết hồ sơ của Ông (Bà)/Tổ chức đúng thời hạn nêu trên.",
                "Việc trả kết quả không đúng hẹn sẽ gây phiền hà cho Ông (Bà)/Tổ chức."),
        };
        return new OfficialDocument
        {
            ParentBody = Upper(i.Issuer.ParentBody),
            Issuer = Upper(agency),
            Number = LetterNumber(i.Issuer),
            PlaceAndDate = PlaceAndDate(i.Issuer.Place, i.IssuedAt),
            FormNumber = Caption(regime, form),
            Title = form.PrintedTitle,
            Body =
            [
                new Paragraph("Kính gửi: " + i.Applicant.Name, Center: true),
                new Paragraph($"{agency} tiếp nhận giải quyết hồ sơ của Ông (Bà)/Tổ chức: {i.Applicant.Name}, mã hồ sơ: {i.DossierCode}, nội dung yêu cầu giải quyết: {i.ProcedureName}, thời gian hẹn trả kết quả: {Moment(i.OriginalAppointment)}."),
                new Paragraph(situation),
                new Paragraph(i.Reason, Label: "Lý do:"),
                new Paragraph($"{consequence} {agency} trân trọng xin lỗi Ông (Bà)/Tổ chức và xin hẹn lại thời gian trả kết quả vào: {Moment(i.NewAppointment)}."),
                new Paragraph("Xin trân trọng cảm ơn./.", Italic: true),
            ],
            Recipients = ["Như trên;", $"{i.Issuer.DeskName} (để trả kết quả);", "Lưu: VT, hồ sơ."],
            Signatures = [Decree30.Block(i.Issuer.Signer)],
            QrUrl = i.LookupUrl,
            Notes = ["Thời hạn trả kết quả ban đầu vẫn được dùng để đánh giá việc giải quyết đúng hạn.", regime.Basis(form.Kind) + "."],
        };
    }

    /// <summary>Phiếu bàn giao kết quả: the citizen (or the person authorised) signs for the result at the hand-over.</summary>
    public static OfficialDocument ResultHandOver(ResultHandOverInput i)
    {
        var rows = i.Results.Select((p, n) => (IReadOnlyList<string>)[(n + 1).ToString(CultureInfo.InvariantCulture), p.Name, p.Kind, p.Quantity.ToString(CultureInfo.InvariantCulture)]).ToList();
        const string Blank = "……………………………………";
        return new OfficialDocument
        {
            ParentBody = Upper(i.Issuer.AgencyName),
            Issuer = Upper(i.Issuer.DeskName),
            Number = "Mã hồ sơ: " + i.DossierCode,
            PlaceAndDate = PlaceAndDate(i.Issuer.Place, i.ReturnedAt ?? i.IssuedAt),
            Title = "PHIẾU BÀN GIAO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            Body =
            [
                new Paragraph($"{i.Issuer.DeskName} – {i.Issuer.AgencyName}", Label: "Bên giao:"),
                new Paragraph(i.OfficerName ?? Blank, Label: "Người trả kết quả:"),
                new Paragraph(i.Applicant.Name, Label: "Bên nhận (người yêu cầu giải quyết):"),
                new Paragraph("Ông (Bà) " + Blank + " (người nộp hồ sơ hoặc người được ủy quyền), số định danh cá nhân/CCCD: "
                    + (i.Applicant.IdNumber ?? Blank), Label: "Người trực tiếp nhận kết quả:"),
                new Paragraph(i.ProcedureName, Label: "Thủ tục hành chính:"),
                new Paragraph(Moment(i.ReceivedAt), Label: "Thời gian tiếp nhận hồ sơ:"),
                new Paragraph(i.AppointmentAt is { } due ? Moment(due) : Blank, Label: "Thời gian hẹn trả kết quả:"),
                new Paragraph(i.ReturnedAt is { } at ? Moment(at) : "…… giờ …… phút, ngày …… tháng …… năm ……", Label: "Thời gian trả kết quả:"),
                new Paragraph(i.Delivery ?? "Tại Bộ phận Một cửa", Label: "Hình thức trả kết quả:"),
                new Paragraph("Kết quả bàn giao gồm:", Bold: true),
                new Table(["STT", "Tên kết quả, giấy tờ", "Hình thức", "Số lượng"], rows, [0.6, 6, 2, 1.2]),
                new Paragraph("Bên nhận đã kiểm tra, nhận đủ kết quả nêu trên./.", Italic: true),
            ],
            Signatures = [new Signature("NGƯỜI NHẬN KẾT QUẢ", null), new Signature("NGƯỜI TRẢ KẾT QUẢ", i.OfficerName)],
            QrUrl = i.LookupUrl,
            QrCaption = "Quét mã QR để tra cứu hồ sơ và kiểm tra kết quả điện tử.",
            OnePage = true,
        };
    }

    /// <summary>Giấy xác nhận nộp hồ sơ trực tuyến: the citizen's copy of what the system received and when it will be checked.</summary>
    public static OfficialDocument OnlineSubmission(OnlineSubmissionInput i)
    {
        var rows = i.Files.Select((f, n) => (IReadOnlyList<string>)[(n + 1).ToString(CultureInfo.InvariantCulture), f.Paper ?? "Tệp đính kèm khác", f.FileName,
            f.Size is { } size ? Size(size) : "–"]).ToList();
        return new OfficialDocument
        {
            ParentBody = Upper(i.Issuer.AgencyName),
            Issuer = Upper(i.Issuer.DeskName),
            Number = "Mã hồ sơ: " + i.DossierCode,
            PlaceAndDate = PlaceAndDate(i.Issuer.Place, i.IssuedAt),
            Title = "GIẤY XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN",
            Body =
            [
                new Paragraph(i.DossierCode, Label: "Mã hồ sơ:"),
                new Paragraph(i.Applicant.Name, Label: "Người nộp hồ sơ:"),
                new Paragraph(i.ProcedureName, Label: "Thủ tục hành chính:"),
                new Paragraph(i.Issuer.AgencyName, Label: "Cơ quan tiếp nhận:"),
                new Paragraph(Moment(i.SubmittedAt), Label: "Thời gian hệ thống nhận hồ sơ:"),
                new Paragraph("Thành phần hồ sơ đã nộp:", Bold: true),
                new Table(["STT", "Thành phần hồ sơ", "Tệp", "Dung lượng"], rows, [0.6, 4.4, 3.6, 1.4]),
                new Paragraph(Moment(i.CheckDueAt), Label: "Thời hạn kiểm tra hồ sơ dự kiến:"),
                new Paragraph("Đây là xác nhận hệ thống đã nhận hồ sơ, chưa phải giấy tiếp nhận hồ sơ và hẹn trả kết quả. Bộ phận Một cửa kiểm tra "
                    + "hồ sơ trong 08 giờ làm việc: nếu hồ sơ đầy đủ, hợp lệ, Ông (Bà)/Tổ chức nhận Giấy tiếp nhận hồ sơ và hẹn trả kết quả; nếu chưa, "
                    + "nhận yêu cầu bổ sung, hoàn thiện hồ sơ một lần.", Italic: true),
            ],
            QrUrl = i.LookupUrl,
            QrCaption = "Quét mã QR hoặc truy cập địa chỉ dưới đây, nhập mã hồ sơ và số điện thoại để theo dõi hồ sơ.",
            OnePage = true,
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
            Notes = [regime.Basis(form.Kind) + "."],
        };
    }

    /// <summary>"09 giờ 00 phút, ngày 10 tháng 3 năm 2025" (Vietnam time), as the forms print instants.</summary>
    public static string Moment(DateTimeOffset at)
    {
        var t = at.ToVietnam();
        return string.Create(CultureInfo.InvariantCulture, $"{t.Hour:00} giờ {t.Minute:00} phút, ngày {t.Day:00} tháng {t.Month:00} năm {t.Year}");
    }

    /// <summary>"Đắk Lắk, ngày 10 tháng 3 năm 2025".</summary>
    public static string PlaceAndDate(string place, DateTimeOffset at) => place + ", " + DateLine(at);

    /// <summary>
    /// "ngày 05 tháng 02 năm 2026", "ngày 14 tháng 12 năm 2026": Decree 30/2020 writes a leading zero for days below 10
    /// and for months 1 and 2 only.
    /// </summary>
    public static string DateLine(DateTimeOffset at)
    {
        var t = at.ToVietnam();
        var month = t.Month <= 2 ? t.Month.ToString("00", CultureInfo.InvariantCulture) : t.Month.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"ngày {t.Day:00} tháng {month} năm {t.Year}");
    }

    private static (OfficialForm Form, LegalRegime Regime) FormOf(OfficialFormKind kind, DateTimeOffset receivedAt)
    {
        var regime = LegalRegime.At(receivedAt);
        return (regime.Form(kind), regime);
    }

    private static string? Caption(LegalRegime regime, OfficialForm form) => form.Number is null ? null : regime.Caption(form.Kind);

    /// <summary>"Số: ……/SKHCN": the number is given when the letter is registered (văn thư); the symbol is the agency's.</summary>
    private static string LetterNumber(FormIssuer issuer) =>
        "Số: ……/" + (string.IsNullOrWhiteSpace(issuer.AgencyCode) ? "……" : issuer.AgencyCode);

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", VietnamTime.Culture) + " MB"
        : Math.Max(1, (bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB";

    private static string Contact(FormApplicant a) =>
        string.Join(" / ", new[] { a.Phone, a.Email }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } s ? s : "…";

    private static string Upper(string? s) => (s ?? "").ToUpper(VietnamTime.Culture);
}
