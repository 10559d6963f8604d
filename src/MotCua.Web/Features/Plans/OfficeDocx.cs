using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Decree30Docx = MotCua.Web.Shared.Documents.Decree30Docx;
using Signatory = MotCua.Web.Shared.Documents.Signatory;
using SigningAuthority = MotCua.Web.Shared.Documents.SigningAuthority;

namespace MotCua.Web.Features.Plans;

/// <summary>
/// A small builder for official-style Word documents (Times New Roman 13, A4, tables with borders) used by the plan and
/// simplification-plan exports. Keeps OpenXml's verbosity in one place.
/// </summary>
public sealed class OfficeDocx
{
    private readonly Body _body = new();

    public bool Landscape { get; init; }

    /// <summary>The Decree 30/2020 heading: parent and issuing body with the number, the national motto with place and date.</summary>
    public OfficeDocx Heading(string? parentBody, string issuer, string? number, string placeAndDate)
    {
        _body.Append(Decree30Docx.Heading(parentBody, issuer, number, placeAndDate));
        return this;
    }

    /// <summary>The Decree 30/2020 closing: "Nơi nhận" on the left, the signature block with its authority prefix on the right.</summary>
    public OfficeDocx Closing(IReadOnlyList<string> recipients, Signatory signer)
    {
        _body.Append(Decree30Docx.Closing(recipients, signer));
        return this;
    }

    public OfficeDocx Paragraph(string text, bool bold = false, bool center = false, bool italic = false, int size = 26)
    {
        var lines = text.Split('\n');
        var run = new Run(Props(size, bold, italic));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        _body.Append(new Paragraph(
            new ParagraphProperties(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both }, new SpacingBetweenLines { After = "120" }),
            run));
        return this;
    }

    /// <summary>A table; a row whose first cell starts with "§" is a full-width bold group row (the marker is dropped).</summary>
    public OfficeDocx Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int> widthsTwips)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid([.. widthsTwips.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        table.Append(Row(headers, widthsTwips, bold: true, header: true));
        foreach (var row in rows)
        {
            if (row.Count > 0 && row[0].StartsWith('§'))
            {
                var cells = new List<string> { row[0][1..], string.Join(" ", row.Skip(1)) };
                var merged = new TableRow();
                merged.Append(Cell(cells[0], widthsTwips[0], true));
                var span = Cell(cells[1], widthsTwips.Skip(1).Sum(), true);
                span.TableCellProperties!.Append(new GridSpan { Val = widthsTwips.Count - 1 });
                merged.Append(span);
                table.Append(merged);
            }
            else
            {
                table.Append(Row(row, widthsTwips, bold: false, header: false));
            }
        }
        _body.Append(table);
        _body.Append(new Paragraph());
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = (Body)_body.CloneNode(true);
            body.Append(new SectionProperties(
                Landscape
                    ? new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1418, Right = 1134, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static RunProperties Props(int size, bool bold, bool italic)
    {
        var props = new RunProperties(Font());
        if (bold)
        {
            props.Append(new Bold());
        }
        if (italic)
        {
            props.Append(new Italic());
        }
        props.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return props;
    }

    private static RunFonts Font() => new() { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" };

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<int> widths, bool bold, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        for (var i = 0; i < widths.Count; i++)
        {
            row.Append(Cell(i < cells.Count ? cells[i] : "", widths[i], bold));
        }
        return row;
    }

    private static TableCell Cell(string text, int width, bool bold)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        foreach (var line in text.Split('\n'))
        {
            cell.Append(new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { After = "0" }),
                new Run(Props(24, bold, false), new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
        }
        return cell;
    }
}
