using System.Globalization;
using System.Security.Claims;
using System.Text;
using MotCua.Core.Review;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Plans;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Review;

public static class ReviewModule
{
    public static bool CanManage(ClaimsPrincipal user) => PlanAccess.CanManage(user);

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Normalize(NormalizationForm.FormC);

    public static string BasisName(ReviewBasis basis) => basis switch
    {
        ReviewBasis.Direction => "Theo chỉ đạo của Chính phủ, Thủ tướng Chính phủ",
        ReviewBasis.OwnChoice => "Do cơ quan lựa chọn",
        ReviewBasis.Pakn => "Từ phản ánh, kiến nghị",
    };

    public static CostSaving? Saving(ReviewItem item) =>
        item.CostBefore is { } before ? ComplianceCost.Saving(before, item.CostAfter ?? 0m) : null;

    /// <summary>Phương án đơn giản hóa as the provinces' decisions lay it out (1.1 / 1.2 / 1.3), one section per procedure.</summary>
    public static byte[] SimplificationPlanDocx(ReviewRound round, string agencyName)
    {
        var doc = new OfficeDocx();
        doc.Paragraph(agencyName.ToUpper(VietnamTime.Culture), bold: true, center: true)
            .Paragraph("PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH", bold: true, center: true, size: 28)
            .Paragraph(round.Title, bold: true, center: true)
            .Paragraph($"(Kèm theo Tờ trình đề nghị phê duyệt phương án đơn giản hóa{(round.PlanDecision is null ? "" : "; thực hiện " + round.PlanDecision)})", italic: true, center: true);
        var n = 0;
        foreach (var item in round.Items.OrderBy(i => i.IsInternal).ThenBy(i => i.Id))
        {
            n++;
            var kind = item.IsInternal ? "TTHC nội bộ" : "TTHC";
            doc.Paragraph($"{n.ToString(CultureInfo.InvariantCulture)}. {kind}: {item.ProcedureName}{(item.ProcedureCode is null ? "" : $" (mã {item.ProcedureCode})")}", bold: true);
            doc.Paragraph("1.1. Nội dung đơn giản hóa", bold: true)
                .Paragraph(item.Abolish ? "Bãi bỏ thủ tục hành chính." + (item.SimplificationContent is null ? "" : "\n" + item.SimplificationContent) : item.SimplificationContent ?? "(chưa có nội dung)");
            if (item.SimplificationReason is not null)
            {
                doc.Paragraph("Lý do: " + item.SimplificationReason);
            }
            doc.Paragraph("1.2. Kiến nghị thực thi", bold: true).Paragraph(item.ImplementationProposal ?? "(chưa có kiến nghị)");
            doc.Paragraph("1.3. Lợi ích phương án đơn giản hóa", bold: true);
            if (Saving(item) is { } s)
            {
                doc.Paragraph($"- Chi phí tuân thủ TTHC trước khi đơn giản hóa: {s.CostBefore.ToVnMoney()}/năm.\n"
                    + $"- Chi phí tuân thủ TTHC sau khi đơn giản hóa: {s.CostAfter.ToVnMoney()}/năm.\n"
                    + $"- Chi phí tiết kiệm: {s.Saving.ToVnMoney()}/năm.\n"
                    + $"- Tỷ lệ cắt giảm chi phí: {s.ReductionPercent.ToVnNumber(2)}%.");
            }
            else
            {
                doc.Paragraph("(chưa tính chi phí tuân thủ)");
            }
        }
        if (n == 0)
        {
            doc.Paragraph("Đợt rà soát chưa có thủ tục nào.", italic: true);
        }
        return doc.ToBytes();
    }
}
