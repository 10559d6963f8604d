using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace MotCua.Web.Shared.Documents;

/// <summary>
/// Renders an <see cref="OfficialDocument"/> to PDF with PDFsharp. Fonts are embedded DejaVu Serif (full Vietnamese
/// coverage) resolved from the assembly, so the output does not depend on the server's installed fonts.
/// </summary>
public static class PdfRenderer
{
    private const string Family = "DejaVu Serif";
    private const double Margin = 56; // ~2 cm
    private static readonly Lock FontGate = new();

    public static byte[] Render(OfficialDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        EnsureFonts();
        if (!doc.OnePage)
        {
            return Render(doc, 1).Bytes;
        }
        // A one-page form is laid out tighter step by step until it fits, down to a size that stays legible.
        var last = Render(doc, OnePageScales[0]);
        foreach (var scale in OnePageScales.Skip(1))
        {
            if (last.Pages == 1)
            {
                break;
            }
            last = Render(doc, scale);
        }
        return last.Bytes;
    }

    private static readonly double[] OnePageScales = [1, 0.93, 0.86, 0.8, 0.74];

    /// <summary>How many pages a rendered document has (tests and the one-page fit).</summary>
    public static int PageCount(OfficialDocument doc) => Render(doc, 1).Pages;

    private static (byte[] Bytes, int Pages) Render(OfficialDocument doc, double scale)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = doc.Title;
        pdf.Info.Creator = "MotCua";
        var writer = new Writer(pdf, doc.Landscape, scale);
        writer.Header(doc);
        foreach (var block in doc.Body)
        {
            switch (block)
            {
                case Paragraph p:
                    writer.Paragraph(p);
                    break;
                case Table t:
                    writer.Table(t);
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }
        writer.Signatures(doc.Signatures, doc.Recipients);
        if (doc.QrUrl is not null)
        {
            writer.QrCode(doc.QrUrl, doc.QrCaption);
        }
        foreach (var note in doc.Notes)
        {
            writer.Note(note);
        }
        writer.Dispose();
        var pages = pdf.PageCount;
        using var stream = new MemoryStream();
        pdf.Save(stream);
        return (stream.ToArray(), pages);
    }

    /// <summary>Installs the embedded fonts; a feature that draws on an existing PDF calls it first.</summary>
    public static void EnsureFonts()
    {
        lock (FontGate)
        {
            // PDFsharp 6.5 is used under its AGPL licence, which MotCua (AGPL-3.0) satisfies; see docs/decisions/ADR-003.
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new((bold, italic) switch
            {
                (true, true) => "DejaVuSerif-BoldItalic",
                (true, false) => "DejaVuSerif-Bold",
                (false, true) => "DejaVuSerif-Italic",
                (false, false) => "DejaVuSerif",
            });

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(PdfRenderer).Assembly.GetManifestResourceStream("MotCua.Fonts." + faceName + ".ttf");
            if (stream is null)
            {
                return null;
            }
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    /// <summary>A top-to-bottom flow with page breaks.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly PdfDocument _pdf;
        private readonly bool _landscape;
        private PdfPage _page = null!;
        private XGraphics _gfx = null!;
        private double _y;

        private readonly double _scale;
        private readonly XFont _regular;
        private readonly XFont _bold;
        private readonly XFont _italic;
        private readonly XFont _small;
        private readonly XFont _smallBold;
        private readonly XFont _smallItalic;
        private readonly XFont _title;
        private readonly XFont _headRegular;
        private readonly XFont _headBold;

        // PDFsharp's subsetter drops the components of composite glyphs, and DejaVu builds the dot-below
        // letters (ạ ệ ị ọ ộ ụ ự…) as composites: embedding the whole font keeps every Vietnamese letter.
        private static XFont Font(double size, XFontStyleEx style) =>
            new(Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile));

        public Writer(PdfDocument pdf, bool landscape, double scale)
        {
            _pdf = pdf;
            _landscape = landscape;
            _scale = scale;
            _regular = Font(S(11.5), XFontStyleEx.Regular);
            _bold = Font(S(11.5), XFontStyleEx.Bold);
            _italic = Font(S(11.5), XFontStyleEx.Italic);
            _small = Font(S(9.5), XFontStyleEx.Regular);
            _smallBold = Font(S(9.5), XFontStyleEx.Bold);
            _smallItalic = Font(S(9.5), XFontStyleEx.Italic);
            _title = Font(S(14), XFontStyleEx.Bold);
            _headRegular = Font(S(10.5), XFontStyleEx.Regular);
            _headBold = Font(S(10.5), XFontStyleEx.Bold);
            NewPage();
        }

        /// <summary>A length at the current scale (the one-page fit shrinks type and spacing together).</summary>
        private double S(double points) => points * _scale;

        private double Width => _page.Width.Point - 2 * Margin;

        private double Bottom => _page.Height.Point - Margin;

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = _pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _page.Orientation = _landscape ? PdfSharp.PageOrientation.Landscape : PdfSharp.PageOrientation.Portrait;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private void Need(double height)
        {
            if (_y + height > Bottom)
            {
                NewPage();
            }
        }

        public void Header(OfficialDocument doc)
        {
            // The motto line is longer than the issuer: give it the wider column, as official documents do.
            var half = Width * 0.42;
            var rightWidth = Width - half;
            var left = Margin;
            var right = Margin + half;
            var top = _y;
            if (doc.FormNumber is not null)
            {
                DrawCentered(doc.FormNumber, _smallItalic, right, rightWidth, ref top);
            }
            var yLeft = top;
            var yRight = top;
            if (!string.IsNullOrWhiteSpace(doc.ParentBody))
            {
                DrawCentered(doc.ParentBody, _headRegular, left, half, ref yLeft);
            }
            DrawCentered(doc.Issuer, _headBold, left, half, ref yLeft);
            Rule(left + half / 2 - S(40), left + half / 2 + S(40), yLeft + 1);
            yLeft += S(6);
            if (doc.Number is not null)
            {
                DrawCentered(doc.Number, _headRegular, left, half, ref yLeft);
            }
            DrawCentered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _headBold, right, rightWidth, ref yRight);
            DrawCentered("Độc lập - Tự do - Hạnh phúc", _bold, right, rightWidth, ref yRight);
            Rule(right + rightWidth / 2 - S(75), right + rightWidth / 2 + S(75), yRight + 1);
            yRight += S(8);
            DrawCentered(doc.PlaceAndDate, _italic, right, rightWidth, ref yRight);
            _y = Math.Max(yLeft, yRight) + S(18);
            foreach (var line in Wrap(doc.Title, _title, Width))
            {
                Need(S(20));
                _gfx.DrawString(line, _title, XBrushes.Black, new XRect(Margin, _y, Width, S(20)), XStringFormats.TopCenter);
                _y += S(19);
            }
            if (doc.Subtitle is not null)
            {
                foreach (var line in Wrap(doc.Subtitle, _italic, Width))
                {
                    _gfx.DrawString(line, _italic, XBrushes.Black, new XRect(Margin, _y, Width, S(16)), XStringFormats.TopCenter);
                    _y += S(16);
                }
            }
            _y += S(10);
        }

        public void Paragraph(Paragraph p)
        {
            var font = p.Bold ? _bold : p.Italic ? _italic : _regular;
            var text = p.Label is null ? p.Text : p.Label + " " + p.Text;
            var first = true;
            var line16 = S(16);
            foreach (var line in Wrap(text, font, Width))
            {
                Need(line16);
                if (first && p.Label is not null && line.StartsWith(p.Label, StringComparison.Ordinal))
                {
                    // Bold label, then the value in the paragraph's font on the same line.
                    _gfx.DrawString(p.Label, _bold, XBrushes.Black, new XPoint(Margin, _y + S(12)));
                    var w = _gfx.MeasureString(p.Label + " ", _bold).Width;
                    _gfx.DrawString(line[p.Label.Length..].TrimStart(), font, XBrushes.Black, new XPoint(Margin + w, _y + S(12)));
                }
                else if (p.Center)
                {
                    _gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, line16), XStringFormats.TopCenter);
                }
                else
                {
                    _gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + S(12)));
                }
                first = false;
                _y += line16;
            }
            _y += S(3);
        }

        public void Table(Table t)
        {
            var total = t.Widths.Sum();
            var widths = t.Widths.Select(w => w / total * Width).ToArray();
            DrawRow(t.Headers, widths, _bold, header: true);
            foreach (var row in t.Rows)
            {
                DrawRow(row, widths, _small, header: false);
            }
            _y += S(8);
        }

        private void DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font, bool header)
        {
            var cellFont = header ? _smallBold : font;
            var wrapped = cells.Select((c, i) => Wrap(c ?? "", cellFont, widths[i] - 6)).ToList();
            var lineHeight = S(12);
            var height = Math.Max(1, wrapped.Max(w => w.Count)) * lineHeight + S(6);
            Need(height);
            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                if (header)
                {
                    _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(238, 242, 246)), x, _y, widths[i], height);
                }
                _gfx.DrawRectangle(new XPen(XColors.Black, 0.5), x, _y, widths[i], height);
                var ly = _y + S(3);
                foreach (var line in i < wrapped.Count ? wrapped[i] : [])
                {
                    _gfx.DrawString(line, cellFont, XBrushes.Black, new XPoint(x + 3, ly + S(9.5)));
                    ly += lineHeight;
                }
                x += widths[i];
            }
            _y += height;
        }

        /// <summary>
        /// The signature columns side by side; with recipients, the Decree 30/2020 closing: "Nơi nhận:" bottom left and
        /// the signature block on the right.
        /// </summary>
        public void Signatures(IReadOnlyList<Signature> signatures, IReadOnlyList<string> recipients)
        {
            if (signatures.Count == 0 && recipients.Count == 0)
            {
                return;
            }
            _y += S(10);
            Need(S(110));
            var top = _y;
            var bottom = _y;
            var x0 = Margin;
            var width = Width;
            if (recipients.Count > 0)
            {
                var leftWidth = Width * 0.45;
                var y = top;
                _gfx.DrawString("Nơi nhận:", _smallBold, XBrushes.Black, new XPoint(Margin, y + S(10)));
                y += S(13);
                foreach (var r in recipients)
                {
                    foreach (var line in Wrap("- " + r, _small, leftWidth))
                    {
                        _gfx.DrawString(line, _small, XBrushes.Black, new XPoint(Margin, y + S(10)));
                        y += S(12);
                    }
                }
                bottom = y;
                x0 = Margin + leftWidth;
                width = Width - leftWidth;
            }
            var col = signatures.Count == 0 ? width : width / signatures.Count;
            for (var i = 0; i < signatures.Count; i++)
            {
                var s = signatures[i];
                var y = top;
                var x = x0 + i * col;
                if (s.Authority is not null)
                {
                    DrawCentered(s.Authority, _bold, x, col, ref y);
                }
                DrawCentered(s.Title, _bold, x, col, ref y);
                DrawCentered(s.Note ?? "(Ký, ghi rõ họ tên)", _smallItalic, x, col, ref y);
                y += S(52);
                if (s.Name is not null)
                {
                    DrawCentered(s.Name, _bold, x, col, ref y);
                }
                bottom = Math.Max(bottom, y);
            }
            _y = bottom + S(10);
        }

        public void QrCode(string url, string? caption)
        {
            var size = S(86);
            Need(size + S(14));
            // Drawn as vector squares: sharp at any zoom and no image codec needed.
            var modules = Qr.Modules(url);
            var cell = size / modules.Count;
            for (var r = 0; r < modules.Count; r++)
            {
                for (var c = 0; c < modules.Count; c++)
                {
                    if (modules[r][c])
                    {
                        _gfx.DrawRectangle(XBrushes.Black, Margin + c * cell, _y + r * cell, cell + 0.05, cell + 0.05);
                    }
                }
            }
            var textX = Margin + size + 10;
            var y = _y + S(20);
            foreach (var line in Wrap(caption ?? "Quét mã để tra cứu tình trạng hồ sơ", _small, Width - size - 10))
            {
                _gfx.DrawString(line, _small, XBrushes.Black, new XPoint(textX, y));
                y += S(12);
            }
            _gfx.DrawString(url, _small, XBrushes.DarkBlue, new XPoint(textX, y + 2));
            _y += size + S(12);
        }

        public void Note(string text)
        {
            foreach (var line in Wrap(text, _smallItalic, Width))
            {
                Need(S(13));
                _gfx.DrawString(line, _smallItalic, XBrushes.Black, new XPoint(Margin, _y + S(10)));
                _y += S(12);
            }
        }

        private void DrawCentered(string text, XFont font, double x, double width, ref double y)
        {
            foreach (var line in Wrap(text, font, width))
            {
                _gfx.DrawString(line, font, XBrushes.Black, new XRect(x, y, width, font.Size + 4), XStringFormats.TopCenter);
                y += font.Size + 4;
            }
        }

        private void Rule(double x1, double x2, double y) => _gfx.DrawLine(new XPen(XColors.Black, 0.6), x1, y, x2, y);

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var current = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = current.Length == 0 ? word : current + " " + word;
                    if (_gfx.MeasureString(candidate, font).Width <= width || current.Length == 0)
                    {
                        current = candidate;
                    }
                    else
                    {
                        lines.Add(current);
                        current = word;
                    }
                }
                lines.Add(current);
            }
            return lines;
        }

        public void Dispose() => _gfx.Dispose();
    }
}
