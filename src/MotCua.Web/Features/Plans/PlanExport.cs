using System.Globalization;
using MiniExcelLibs;
using MotCua.Core.Plans;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Plans;

/// <summary>The plan as the Word document people sign (header, purposes, the appendix table) and as an Excel tracking sheet.</summary>
public static class PlanExport
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(ControlPlan plan, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"ke-hoach-kiem-soat-tthc-{plan.Year}-{plan.Id}.{extension}");

    public static byte[] Docx(ControlPlan plan, IReadOnlyList<TaskView> tasks, Agency agency)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(agency);
        var doc = new OfficeDocx { Landscape = true };
        doc.Heading(agency.ParentBody, agency.Name, "Số: " + (plan.Number ?? "      /KH-" + agency.Code), PlaceAndDate(agency, plan.IssuedOn))
            .Paragraph("KẾ HOẠCH", bold: true, center: true, size: 28)
            .Paragraph(plan.Title, bold: true, center: true);
        if (plan.LegalBasis is not null)
        {
            doc.Paragraph(plan.LegalBasis);
        }
        doc.Paragraph("I. MỤC ĐÍCH, YÊU CẦU", bold: true);
        doc.Paragraph("1. Mục đích", bold: true).Paragraph(plan.Purposes ?? "");
        doc.Paragraph("2. Yêu cầu", bold: true).Paragraph(plan.Requirements ?? "");
        if (plan.Targets.Count > 0)
        {
            doc.Paragraph("Chỉ tiêu", bold: true);
            foreach (var t in plan.Targets.OrderBy(t => t.Id))
            {
                doc.Paragraph($"- {t.Description}: {PlansModule.ComparisonName(t.Comparison)} {t.Value.ToVnNumber(t.Value == decimal.Truncate(t.Value) ? 0 : 2)}{t.Unit}.");
            }
        }
        doc.Closing(Recipients(agency), Signer(agency, plan.Signer));
        doc.Paragraph($"PHỤ LỤC HOẠT ĐỘNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM {plan.Year.ToString(CultureInfo.InvariantCulture)}", bold: true, center: true)
            .Paragraph($"(Ban hành kèm theo Kế hoạch số {plan.Number ?? "…"}{(plan.IssuedOn is { } d ? " ngày " + d.ToVnDate() : "")})", italic: true, center: true);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in tasks.GroupBy(t => (t.Task.GroupOrder, t.Task.GroupNumber, t.Task.GroupTitle)))
        {
            rows.Add(["§" + group.Key.GroupNumber, group.Key.GroupTitle]);
            rows.AddRange(group.Select(v => (IReadOnlyList<string>)[v.Task.Number, v.Task.Content, v.Task.Product, v.Task.LeadUnitsText, v.Task.CoordinatingUnitsText, v.Task.TimeFrameText]));
        }
        doc.Table(PlanAppendix.Columns, rows, [700, 4300, 3600, 2100, 2300, 1500]);
        return doc.ToBytes();
    }

    /// <summary>"Đắk Lắk, ngày 05 tháng 01 năm 2026" once issued; a draft leaves the date for the day it is signed.</summary>
    public static string PlaceAndDate(Agency agency, DateOnly? issuedOn) =>
        (agency.PlaceName ?? "……") + ", " + (issuedOn is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}")
            : "ngày      tháng      năm      ");

    /// <summary>Who a plan goes to: the body above for its information, the agency's leaders and units, the archive.</summary>
    public static IReadOnlyList<string> Recipients(Agency agency)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(agency.ParentBody))
        {
            lines.Add(Decree30.AsWritten(agency.ParentBody) + " (b/c);");
        }
        lines.Add("Lãnh đạo " + agency.Name + ";");
        lines.Add("Các phòng, đơn vị thuộc " + agency.Name + ";");
        lines.Add("Lưu: VT, " + agency.Code + ".");
        return lines;
    }

    /// <summary>The head signs, or the deputy "KT." when the agency's letters are signed so; the plan's signer names the person.</summary>
    public static Signatory Signer(Agency agency, string? name) =>
        agency.DeputySignsLetters && !string.IsNullOrWhiteSpace(agency.DeputyTitle)
            ? new Signatory(agency.HeadTitleOrDefault, SigningAuthority.Deputy, agency.DeputyTitle, name ?? agency.DeputyName)
            : new Signatory(agency.HeadTitleOrDefault, SigningAuthority.Head, null, name ?? agency.HeadName);

    public static byte[] Xlsx(ControlPlan plan, IReadOnlyList<TaskView> tasks, DateOnly today)
    {
        var taskRows = tasks.Select(v => new Dictionary<string, object?>
        {
            ["Nhóm"] = v.Task.GroupNumber,
            ["Tên nhóm"] = v.Task.GroupTitle,
            ["STT"] = v.Task.Number,
            ["Nội dung công việc"] = v.Task.Content,
            ["Sản phẩm"] = v.Task.Product,
            ["Đơn vị chủ trì"] = v.Task.LeadUnitsText,
            ["Đơn vị phối hợp"] = v.Task.CoordinatingUnitsText,
            ["Thời gian thực hiện"] = v.Task.TimeFrameText,
            ["Hạn tiếp theo"] = v.NextDue?.Due.ToVnDate(),
            ["Trạng thái"] = PlansModule.StatusName(v.Task.Status),
            ["Tiến độ (%)"] = v.Task.ProgressPercent,
            ["Quá hạn"] = v.IsOverdue ? "Có: " + string.Join(", ", v.OverduePeriods.Select(p => p.Label)) : "Không",
        }).ToList();
        var targetRows = plan.Targets.OrderBy(t => t.Id).Select(t => new Dictionary<string, object?>
        {
            ["Mã chỉ số"] = t.IndicatorCode,
            ["Chỉ tiêu"] = t.Description,
            ["So sánh"] = PlansModule.ComparisonName(t.Comparison),
            ["Giá trị"] = t.Value,
            ["Đơn vị"] = t.Unit,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Phụ lục"] = taskRows,
            ["Chỉ tiêu"] = targetRows.Count > 0 ? targetRows : [new Dictionary<string, object?> { ["Mã chỉ số"] = null, ["Chỉ tiêu"] = null }],
            ["Thông tin"] = new List<Dictionary<string, object?>>
            {
                new() { ["Mục"] = "Kế hoạch", ["Nội dung"] = plan.Title },
                new() { ["Mục"] = "Năm", ["Nội dung"] = plan.Year },
                new() { ["Mục"] = "Số", ["Nội dung"] = plan.Number ?? "" },
                new() { ["Mục"] = "Số liệu tính đến ngày", ["Nội dung"] = today.ToVnDate() },
            },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: Spreadsheets.Readable);
        return stream.ToArray();
    }
}
