using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MotCua.Core.Plans;

namespace MotCua.Web.Features.Plans;

/// <summary>
/// "Tải mẫu nhập": a workbook whose first sheet has exactly the columns <see cref="PlanAppendix"/> reads, a group row and
/// an example task, with drop-down lists of the agency's units and the usual time frames, and a sheet explaining each column.
/// </summary>
public static class PlanImportTemplate
{
    public const string SheetName = "Phụ lục";

    /// <summary>What each column of <see cref="PlanAppendix.Columns"/> holds, shown on the import page and in the workbook.</summary>
    public static readonly IReadOnlyList<(string Column, string Help)> ColumnHelp =
    [
        (PlanAppendix.Columns[0], "Dòng nhóm ghi số La Mã (I, II, …); dòng nhiệm vụ ghi số thứ tự trong nhóm (1, 2, …). Mỗi nhiệm vụ nằm dưới dòng nhóm của nó."),
        (PlanAppendix.Columns[1], "Dòng nhóm: tên nhóm nhiệm vụ. Dòng nhiệm vụ: nội dung công việc (bắt buộc)."),
        (PlanAppendix.Columns[2], "Sản phẩm dự kiến (báo cáo, công văn, quyết định…). Câu dạng «Tỷ lệ … tối thiểu là 90%» được ghi nhận là chỉ tiêu của kế hoạch."),
        (PlanAppendix.Columns[3], "Bắt buộc. Tên đơn vị đúng như danh sách đơn vị của cơ quan (chọn trong danh sách); nhiều đơn vị cách nhau bằng dấu chấm phẩy (;) hoặc xuống dòng."),
        (PlanAppendix.Columns[4], "Không bắt buộc. Ghi như cột Đơn vị chủ trì."),
        (PlanAppendix.Columns[5], "Bắt buộc. Ví dụ: Quý I/2026, Quý I–II/2026, Tháng 3/2026, 6 tháng đầu năm, 01/3/2026 – 30/6/2026, Trong năm, Thường xuyên, Hằng quý, Tháng, quý, năm."),
    ];

    /// <summary>Rows that keep drop-down lists: an appendix holds tens of tasks, the importer accepts up to its row limit.</summary>
    private const int ListRows = 500;

    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"mau-nhap-ke-hoach-kiem-soat-tthc-{year}.xlsx");

    public static byte[] Build(int year, IReadOnlyList<string> unitNames)
    {
        ArgumentNullException.ThrowIfNull(unitNames);
        var frames = PlanEditing.CommonTimeFrames(year);
        var firstUnit = unitNames.Count > 0 ? unitNames[0] : "";
        var y = year.ToString(CultureInfo.InvariantCulture);
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var strings = book.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(
                    new CellFormat(),
                    new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } },
                    new CellFormat { Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true }));
            var sheets = book.Workbook.AppendChild(new Sheets());

            List<IReadOnlyList<string>> appendix =
            [
                PlanAppendix.Columns,
                ["I", "Kiểm soát việc công bố, công khai thủ tục hành chính", "", "", "", ""],
                ["1", "Công khai TTHC trên Cơ sở dữ liệu quốc gia về TTHC và tại trụ sở", "TTHC được công khai đầy đủ, kịp thời", firstUnit, "", $"Quý I/{y}"],
            ];
            var unitList = $"'Danh mục'!$A$2:$A${Math.Max(2, unitNames.Count + 1).ToString(CultureInfo.InvariantCulture)}";
            var frameList = $"'Danh mục'!$B$2:$B${(frames.Count + 1).ToString(CultureInfo.InvariantCulture)}";
            var validations = new DataValidations(
                List("D2:E" + ListRows.ToString(CultureInfo.InvariantCulture), unitList, "Đơn vị", "Chọn đơn vị trong danh sách; nhiều đơn vị cách nhau bằng dấu chấm phẩy (;)."),
                List("F2:F" + ListRows.ToString(CultureInfo.InvariantCulture), frameList, "Thời gian thực hiện", "Chọn trong danh sách hoặc ghi theo ví dụ ở trang Hướng dẫn."));
            AddSheet(book, sheets, strings, 1, SheetName, appendix, [8, 60, 40, 32, 32, 20], validations);

            List<IReadOnlyList<string>> help = [["Cột", "Cách ghi"]];
            help.AddRange(ColumnHelp.Select(c => (IReadOnlyList<string>)[c.Column, c.Help]));
            help.Add(["", "Năm kế hoạch, tên, số ký hiệu, ngày ban hành và người ký được nhập trên trang «Nhập kế hoạch». Nếu có dòng lỗi, không dòng nào được nhập; mỗi lỗi ghi rõ dòng và cột."]);
            AddSheet(book, sheets, strings, 2, "Hướng dẫn", help, [24, 100], null);

            List<IReadOnlyList<string>> lists = [["Đơn vị", "Thời gian thực hiện"]];
            for (var i = 0; i < Math.Max(unitNames.Count, frames.Count); i++)
            {
                lists.Add([i < unitNames.Count ? unitNames[i] : "", i < frames.Count ? frames[i] : ""]);
            }
            AddSheet(book, sheets, strings, 3, "Danh mục", lists, [50, 24], null, hidden: true);
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static DataValidation List(string range, string source, string title, string prompt) => new()
    {
        Type = DataValidationValues.List,
        AllowBlank = true,
        // Several units in one cell, or a wording not in the list, stay allowed: the importer checks them and says why.
        ShowErrorMessage = false,
        ShowInputMessage = true,
        PromptTitle = title,
        Prompt = prompt,
        SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        Formula1 = new Formula1(source),
    };

    private static void AddSheet(WorkbookPart book, Sheets sheets, SharedStringTablePart strings, uint id, string name, List<IReadOnlyList<string>> rows, double[] widths, DataValidations? validations, bool hidden = false)
    {
        var part = book.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c].Length == 0)
                {
                    continue;
                }
                row.Append(new Cell
                {
                    CellReference = (char)('A' + c) + (r + 1).ToString(CultureInfo.InvariantCulture),
                    DataType = CellValues.SharedString,
                    CellValue = new CellValue(Share(strings, rows[r][c]).ToString(CultureInfo.InvariantCulture)),
                    StyleIndex = r == 0 ? 1u : 2u,
                });
            }
            data.Append(row);
        }
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        var sheet = new Worksheet(columns, data);
        if (validations is not null)
        {
            validations.Count = (uint)validations.ChildElements.Count;
            sheet.Append(validations);
        }
        part.Worksheet = sheet;
        sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id, Name = name, State = hidden ? SheetStateValues.Hidden : null });
    }

    private static int Share(SharedStringTablePart strings, string text)
    {
        var table = strings.SharedStringTable!;
        var index = 0;
        foreach (var item in table.Elements<SharedStringItem>())
        {
            if (string.Equals(item.InnerText, text, StringComparison.Ordinal))
            {
                return index;
            }
            index++;
        }
        table.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return index;
    }
}
