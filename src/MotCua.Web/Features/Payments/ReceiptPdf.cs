using System.Globalization;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;

namespace MotCua.Web.Features.Payments;

/// <summary>The electronic receipt (biên lai điện tử) as a one-page PDF, from what was fixed when it was issued.</summary>
public static class ReceiptPdf
{
    public static OfficialDocument Document(PaymentReceipt r, OnlinePayment p)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(p);
        var vn = VietnamTime.Culture;
        var issued = r.IssuedAt.ToVietnam();
        var lines = PaymentDesk.Lines(r);
        var rows = lines.Select((l, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), l.Name, l.Amount.ToString("N0", vn)]).ToList();
        rows.Add(["", "Tổng cộng", r.Amount.ToString("N0", vn)]);
        var body = new List<DocumentBlock>
        {
            new Paragraph(r.AgencyName, Label: "Đơn vị thu: "),
            new Paragraph(r.PayerName, Label: "Họ tên người nộp: "),
        };
        if (!string.IsNullOrWhiteSpace(r.PayerAddress))
        {
            body.Add(new Paragraph(r.PayerAddress, Label: "Địa chỉ: "));
        }
        body.Add(new Paragraph(r.DossierCode + " – " + r.ProcedureName, Label: "Hồ sơ: "));
        body.Add(new Table(["STT", "Nội dung thu", "Số tiền (đồng)"], rows, [0.6, 5, 1.8]));
        body.Add(new Paragraph(r.AmountInWords + ".", Label: "Số tiền bằng chữ: "));
        body.Add(new Paragraph("Chuyển khoản qua cổng thanh toán trực tuyến, mã giao dịch " + p.Reference
            + (p.GatewayTransactionNo is { } no ? ", số giao dịch của cổng " + no : "") + ".", Label: "Hình thức thanh toán: "));
        return new OfficialDocument
        {
            ParentBody = r.ParentBody?.ToUpper(vn),
            Issuer = r.AgencyName.ToUpper(vn),
            Number = "Ký hiệu: " + r.Series + " · Số: " + r.NumberText,
            PlaceAndDate = "Ngày " + issued.Day.ToString(CultureInfo.InvariantCulture) + " tháng " + issued.Month.ToString(CultureInfo.InvariantCulture)
                + " năm " + issued.Year.ToString(CultureInfo.InvariantCulture),
            Title = "BIÊN LAI THU PHÍ, LỆ PHÍ",
            Subtitle = "(Biên lai điện tử)",
            Body = body,
            Signatures = [new Signature("ĐƠN VỊ THU", null, "Biên lai điện tử do hệ thống lập khi cổng thanh toán xác nhận giao dịch")],
            Notes = p.Status == MotCua.Core.Payments.OnlinePaymentStatus.Refunded && p.RefundedAt is { } refunded
                ? ["Khoản thu đã được hoàn trả ngày " + refunded.ToVnDate() + "."]
                : [],
            OnePage = true,
        };
    }
}
