using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MotCua.Core.Reports;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Biểu số 06/VPCP/KSTT as an Excel workbook in the form's layout: agency and period on top, the three-level merged
/// header with the form's column numbers, one row per group, the totals row, and the finish rule as a note. Numbers are
/// real numbers (not text) so the focal officer can sum and reuse them.
/// </summary>
public static class ReportExcel
{
    /// <summary>Column headers (level 3) in order; the first two are STT and the group name.</summary>
    public const int Columns = 19;

    public static byte[] Build(ReportBundle bundle, DateTimeOffset printedAt)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var report = bundle.Report;
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var merges = new MergeCells();
            uint r = 0;

            Row(data, ++r, (1, bundle.AgencyName, Bold));
            Merge(merges, 1, r, Columns, r);
            Row(data, ++r, (1, "Biểu số 06/VPCP/KSTT", Bold));
            Merge(merges, 1, r, Columns, r);
            Row(data, ++r, (1, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", Title));
            Merge(merges, 1, r, Columns, r);
            Row(data, ++r, (1, "Kỳ báo cáo: " + report.Period.Label + " (" + report.Period.RangeLabel + ")", Center));
            Merge(merges, 1, r, Columns, r);
            if (report.Period.ProvisionalText is { } provisional)
            {
                // A period that has not ended: its figures are counted up to the moment of export.
                Row(data, ++r, (1, "(" + provisional + ")", Center));
                Merge(merges, 1, r, Columns, r);
            }
            Row(data, ++r, (1, "Đơn vị tính: Số hồ sơ TTHC", Center));
            Merge(merges, 1, r, Columns, r);

            // Header: three levels, merged like the form.
            var h1 = ++r;
            var h2 = ++r;
            var h3 = ++r;
            Row(data, h1,
                (1, "STT", Header), (2, ReportRequest.GroupTitle(report.GroupBy), Header), (3, "Số hồ sơ nhận giải quyết", Header),
                (8, "Kết quả giải quyết: số hồ sơ đã giải quyết", Header), (12, "Số hồ sơ đang giải quyết", Header),
                (15, "Kết thúc không có kết quả (ghi chú)", Header), (18, "Đối chiếu", Header), (19, "Không được tiếp nhận", Header));
            Row(data, h2,
                (3, "Tổng số", Header), (4, "Trong đó", Header), (8, "Tổng số", Header), (9, "Trước hạn", Header), (10, "Đúng hạn", Header),
                (11, "Quá hạn", Header), (12, "Tổng số", Header), (13, "Trong hạn", Header), (14, "Quá hạn", Header),
                (15, "Rút hồ sơ", Header), (16, "Từ chối giải quyết", Header), (17, "Dừng xử lý", Header));
            Row(data, h3,
                (4, "Trực tuyến", Header), (5, "Trực tiếp", Header), (6, "Dịch vụ bưu chính", Header), (7, "Từ kỳ trước", Header));
            foreach (var c in new[] { 1, 2, 18, 19 })
            {
                Merge(merges, c, h1, c, h3);
            }
            Merge(merges, 3, h1, 7, h1);
            Merge(merges, 8, h1, 11, h1);
            Merge(merges, 12, h1, 14, h1);
            Merge(merges, 15, h1, 17, h1);
            Merge(merges, 3, h2, 3, h3);
            Merge(merges, 4, h2, 7, h2);
            foreach (var c in Enumerable.Range(8, 10))
            {
                Merge(merges, c, h2, c, h3);
            }
            // Fill the merged ranges' hidden cells with the header style so borders print.
            foreach (var hr in new[] { h1, h2, h3 })
            {
                var row = data.Elements<Row>().Single(x => x.RowIndex! == hr);
                for (var c = 1; c <= Columns; c++)
                {
                    if (!row.Elements<Cell>().Any(x => string.Equals(x.CellReference, Ref(c, hr), StringComparison.Ordinal)))
                    {
                        Insert(row, new Cell { CellReference = Ref(c, hr), StyleIndex = Header });
                    }
                }
            }
            var numbers = ++r;
            Row(data, numbers, [.. Enumerable.Range(1, Columns).Select(c => (c, "(" + c.ToString(CultureInfo.InvariantCulture) + ")", Header))]);

            var stt = 0;
            foreach (var row in report.Rows)
            {
                Values(data, ++r, (++stt).ToString(CultureInfo.InvariantCulture), row, Body, BodyNumber);
            }
            Values(data, ++r, "", report.Total, Header, BoldNumber);
            r++;
            var notes = ++r;
            Row(data, notes, (1, "Ghi chú: " + report.FinishRuleText, Wrap));
            Merge(merges, 1, r, Columns, r);
            Row(data, ++r, (1, "Đối chiếu: (3) = (4) + (5) + (6) + (7) = (8) + (12) + (15) + (16) + (17); (8) = (9) + (10) + (11); (12) = (13) + (14). Hồ sơ không được tiếp nhận (19) chưa được tiếp nhận nên không tính vào (3).", Wrap));
            Merge(merges, 1, r, Columns, r);
            Row(data, ++r, (1, "Lập ngày " + printedAt.ToVnDate() + " từ dữ liệu hệ thống một cửa.", Wrap));
            Merge(merges, 1, r, Columns, r);

            // Merged cells never grow to fit wrapped text, so the header rows and the notes get their height here.
            foreach (var (row, height) in new[] { (h1, 33d), (h2, 33d), (h3, 33d), (notes, 33d), (notes + 1, 33d) })
            {
                var x = data.Elements<Row>().Single(e => e.RowIndex! == row);
                x.Height = height;
                x.CustomHeight = true;
            }

            var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns(
                new Column { Min = 1, Max = 1, Width = 6, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 48, CustomWidth = true },
                new Column { Min = 3, Max = (uint)Columns, Width = 11, CustomWidth = true });
            // The form prints on landscape A4, one page wide, with its header repeated on every page.
            ws.Worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                columns, data, merges,
                new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            var sheets = wb.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Biểu 06" });
            wb.Workbook.Append(new DefinedNames(new DefinedName("'Biểu 06'!$" + h1.ToString(CultureInfo.InvariantCulture) + ":$" + numbers.ToString(CultureInfo.InvariantCulture))
            {
                Name = "_xlnm.Print_Titles", LocalSheetId = 0,
            }));
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void Values(SheetData data, uint r, string stt, DossierReportRow row, uint text, uint number)
    {
        var cells = new List<Cell>
        {
            Text(1, r, stt, text),
            Text(2, r, row.Name, text),
        };
        int[] values =
        [
            row.Total, row.ReceivedOnline, row.ReceivedDirect, row.ReceivedPostal, row.CarriedOver, row.Resolved, row.ResolvedEarly, row.ResolvedOnTime,
            row.ResolvedLate, row.Pending, row.PendingWithinTime, row.PendingOverdue, row.Withdrawn, row.Refused, row.Stopped,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            cells.Add(Number(3 + i, r, values[i], number));
        }
        cells.Add(Text(18, r, row.Reconciles ? "Khớp" : "Lệch", text));
        cells.Add(Number(19, r, row.RefusedAtDesk, number));
        // A spreadsheet opened elsewhere may not grow a row to its wrapped text, so a long name gets its lines' height.
        var lines = Math.Max(1, (row.Name.Length + NameLineLength - 1) / NameLineLength);
        data.Append(lines == 1 ? new Row(cells) { RowIndex = r } : new Row(cells) { RowIndex = r, Height = 15.0 * lines, CustomHeight = true });
    }

    /// <summary>About how many characters of the group's name fit on one line of its 48-wide column in 11 pt Times.</summary>
    private const int NameLineLength = 55;

    private static void Row(SheetData data, uint r, params (int Column, string Text, uint Style)[] cells) =>
        data.Append(new Row(cells.Select(c => Text(c.Column, r, c.Text, c.Style))) { RowIndex = r });

    private static void Insert(Row row, Cell cell)
    {
        var column = ColumnOf(cell.CellReference!.Value!);
        var after = row.Elements<Cell>().LastOrDefault(c => ColumnOf(c.CellReference!.Value!) < column);
        if (after is null)
        {
            row.PrependChild(cell);
        }
        else
        {
            after.InsertAfterSelf(cell);
        }
    }

    private static int ColumnOf(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
        {
            n = (n * 26) + (ch - 'A' + 1);
        }
        return n;
    }

    private static Cell Text(int column, uint row, string text, uint style) => new()
    {
        CellReference = Ref(column, row),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text)),
        StyleIndex = style,
    };

    private static Cell Number(int column, uint row, int value, uint style) => new()
    {
        CellReference = Ref(column, row),
        DataType = CellValues.Number,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
        StyleIndex = style,
    };

    private static void Merge(MergeCells merges, int c1, uint r1, int c2, uint r2) =>
        merges.Append(new MergeCell { Reference = Ref(c1, r1) + ":" + Ref(c2, r2) });

    public static string Ref(int column, uint row)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    // Style indexes of the stylesheet below.
    private const uint Body = 1;
    private const uint Bold = 2;
    private const uint Title = 3;
    private const uint Center = 4;
    private const uint Header = 5;
    private const uint BodyNumber = 6;
    private const uint BoldNumber = 7;
    private const uint Wrap = 8;

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Times New Roman" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(), thin);
        static CellFormat Format(uint font, uint border, HorizontalAlignmentValues h, bool wrap = false) => new(
            new Alignment { Horizontal = h, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            FontId = font, BorderId = border, FillId = 0, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true,
        };
        var formats = new CellFormats(
            new CellFormat(),
            Format(0, 1, HorizontalAlignmentValues.Left, wrap: true),      // Body
            Format(1, 0, HorizontalAlignmentValues.Center),                 // Bold (top lines; total row overrides below)
            Format(2, 0, HorizontalAlignmentValues.Center, wrap: true),     // Title
            Format(0, 0, HorizontalAlignmentValues.Center),                 // Center
            Format(1, 1, HorizontalAlignmentValues.Center, wrap: true),     // Header
            Format(0, 1, HorizontalAlignmentValues.Right),                  // BodyNumber
            Format(1, 1, HorizontalAlignmentValues.Right),                  // BoldNumber
            Format(0, 0, HorizontalAlignmentValues.Left, wrap: true));      // Wrap
        return new Stylesheet(fonts, fills, borders, formats);
    }
}
