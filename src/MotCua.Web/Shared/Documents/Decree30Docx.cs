using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace MotCua.Web.Shared.Documents;

/// <summary>
/// The Decree 30/2020 heading and closing in OpenXML, for Word documents (the narrative report, plan exports): the
/// two-column heading (parent and issuing body with the number on the left, the national motto with place and date on
/// the right) and the closing ("Nơi nhận" on the left, the signature block with its authority prefix on the right).
/// </summary>
public static class Decree30Docx
{
    /// <summary>Shown where the signer's name is not known yet; highlighted so the person replaces it.</summary>
    public const string SignerPlaceholder = "[Họ và tên người ký]";

    /// <summary>The heading table; <paramref name="number"/> is the "Số: …/BC-SKHCN" line.</summary>
    public static WTable Heading(string? parentBody, string issuer, string? number, string placeAndDate)
    {
        var left = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(parentBody))
        {
            left.Add(Line(parentBody.ToUpper(VietnamTime.Culture), center: true, size: 26));
        }
        left.Add(Line(issuer.ToUpper(VietnamTime.Culture), center: true, bold: true, size: 26));
        left.Add(Rule(indent: 1100));
        if (number is not null)
        {
            left.Add(Line(number, center: true, size: 26));
        }
        OpenXmlElement[] right =
        [
            Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", center: true, bold: true, size: 26),
            Line("Độc lập - Tự do - Hạnh phúc", center: true, bold: true, size: 28),
            Rule(indent: 1000),
            Line(placeAndDate, center: true, italic: true, size: 28),
        ];
        return TwoColumns(left, right, 42);
    }

    /// <summary>The closing table: recipients bottom left, the signature block of <paramref name="signer"/> bottom right.</summary>
    public static WTable Closing(IReadOnlyList<string> recipients, Signatory signer)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var left = new List<OpenXmlElement> { Line("Nơi nhận:", bold: true, italic: true, size: 24) };
        left.AddRange(recipients.Select(r => Line("- " + r, size: 22)));
        var right = new List<OpenXmlElement>();
        if (Decree30.AuthorityLine(signer) is { } authority)
        {
            right.Add(Line(authority, center: true, bold: true, size: 28));
        }
        right.Add(Line(Decree30.PositionLine(signer), center: true, bold: true, size: 28));
        right.Add(Line("(Ký, ghi rõ họ tên và đóng dấu)", center: true, italic: true, size: 24));
        for (var n = 0; n < 3; n++)
        {
            right.Add(Line("", size: 28));
        }
        right.Add(signer.Name is { Length: > 0 } name
            ? Line(name, center: true, bold: true, size: 28)
            : Line(SignerPlaceholder, center: true, bold: true, size: 28, highlight: true));
        return TwoColumns(left, right, 50);
    }

    /// <summary>A borderless two-column table, as Decree 30 sets the heading and the closing side by side.</summary>
    private static WTable TwoColumns(IEnumerable<OpenXmlElement> left, IEnumerable<OpenXmlElement> right, int leftPercent)
    {
        static TableBorders None() => new(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        static TableCell Cell(IEnumerable<OpenXmlElement> content, int percent)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = (percent * 50).ToString(CultureInfo.InvariantCulture) }));
            cell.Append(content);
            return cell;
        }
        return new WTable(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, None(), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = (9071 * leftPercent / 100).ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = (9071 * (100 - leftPercent) / 100).ToString(CultureInfo.InvariantCulture) }),
            new TableRow(Cell(left, leftPercent), Cell(right, 100 - leftPercent)));
    }

    /// <summary>One line in Times New Roman; size in half-points.</summary>
    public static WParagraph Line(string text, bool center = false, bool bold = false, bool italic = false, int size = 28, bool highlight = false)
    {
        var props = new ParagraphProperties(
            new SpacingBetweenLines { After = "0", Line = "260", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = center ? JustificationValues.Center : JustificationValues.Left });
        var rp = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" });
        if (bold)
        {
            rp.Append(new Bold());
        }
        if (italic)
        {
            rp.Append(new Italic());
        }
        rp.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (highlight)
        {
            rp.Append(new Highlight { Val = HighlightColorValues.Yellow });
        }
        return new WParagraph(props, new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>The short rule under the body's name and under the motto: an empty, tiny paragraph with a bottom border.</summary>
    private static WParagraph Rule(int indent) => new(
        new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
            new SpacingBetweenLines { After = "120", Line = "40", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture), Right = indent.ToString(CultureInfo.InvariantCulture) }),
        new Run(new RunProperties(new FontSize { Val = "4" }), new Text("")));
}
