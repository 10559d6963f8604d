using System.Globalization;
using MiniExcelLibs;
using MotCua.Core.Plans;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Plans;

/// <summary>The plan as the Word document people sign (header, purposes, the appendix table) and as an Excel tracking sheet.</summary>
public static class PlanExport
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(ControlPlan plan, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"ke-hoach-kiem-soat-tthc-{plan.Year}-{plan.Id}.{extension}");

    public static byte[] Docx(ControlPlan plan, IReadOnlyList<TaskView> tasks)
    {
        var doc = new OfficeDocx { Landscape = true };
        doc.Paragraph("Số: " + (plan.Number ?? "      /KH"), center: false)
            .Paragraph("KẾ HOẠCH", bold: true, center: true, size: 28)
            .Paragraph(plan.Title, bold: true, center: true);
        if (plan.IssuedOn is { } issued)
        {
            doc.Paragraph("Ngày ban hành: " + issued.ToVnDate(), italic: true, center: true);
        }
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
        if (plan.Signer is not null)
        {
            doc.Paragraph(plan.Signer, bold: true, center: true);
        }
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
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
