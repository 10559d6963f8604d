using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace MotCua.Web.Shared.Charts;

/// <summary>One named series of values, one per category (null = no figure, drawn as a gap).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, string Colour);

/// <summary>
/// Server-rendered SVG charts for the dashboards: no script and no vendored library, so they pass the CSP, print,
/// and read the same in every browser. Each chart carries a title and a description for screen readers, and the
/// page should show the figures as a table too (a chart is never the only place a number is).
/// </summary>
public static class SvgChart
{
    public const string Blue = "#0b4f8a";
    public const string Green = "#1e8449";
    public const string Red = "#c0392b";
    public const string Amber = "#b9770e";
    public const string Grey = "#8a97a6";

    private const int Width = 720;
    private const int Height = 280;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 36;
    private const int Bottom = 48;

    /// <summary>Grouped vertical bars: one group per category (e.g. month), one bar per series (received, resolved).</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string? unit = null)
    {
        Validate(categories, series);
        var max = NiceMax(series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max());
        var sb = Open(title, Describe(categories, series, unit));
        Axes(sb, max, unit);
        var plotWidth = Width - Left - Right;
        var groupWidth = categories.Count == 0 ? 0 : (double)plotWidth / categories.Count;
        var barWidth = series.Count == 0 ? 0 : groupWidth * 0.8 / series.Count;
        for (var c = 0; c < categories.Count; c++)
        {
            var groupX = Left + c * groupWidth + groupWidth * 0.1;
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Values[c] is not { } value)
                {
                    continue;
                }
                var h = max == 0 ? 0 : (double)(value / max) * PlotHeight;
                var x = groupX + s * barWidth;
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(Top + PlotHeight - h)}\" width=\"{F(Math.Max(barWidth - 2, 1))}\" height=\"{F(h)}\" fill=\"{Attr(series[s].Colour)}\">")
                  .Append("<title>").Append(Text($"{series[s].Name} — {categories[c]}: {Format(value, unit)}")).Append("</title></rect>");
            }
            CategoryLabel(sb, categories[c], Left + c * groupWidth + groupWidth / 2, categories.Count);
        }
        Legend(sb, series);
        return Close(sb);
    }

    /// <summary>Lines over categories (e.g. on-time rate or index points per month); null values break the line.</summary>
    public static IHtmlContent Lines(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, decimal? fixedMax = null, string? unit = null)
    {
        Validate(categories, series);
        var dataMax = series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var max = fixedMax ?? NiceMax(dataMax);
        var sb = Open(title, Describe(categories, series, unit));
        Axes(sb, max, unit);
        var plotWidth = Width - Left - Right;
        var step = categories.Count == 0 ? 0 : (double)plotWidth / categories.Count;
        foreach (var s in series)
        {
            var path = new StringBuilder();
            var pen = false;
            for (var c = 0; c < categories.Count; c++)
            {
                if (s.Values[c] is not { } value)
                {
                    pen = false;
                    continue;
                }
                var x = Left + c * step + step / 2;
                var y = Top + PlotHeight - (max == 0 ? 0 : (double)(Math.Min(value, max) / max) * PlotHeight);
                path.Append(pen ? " L" : " M").Append(F(x)).Append(' ').Append(F(y));
                pen = true;
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"3.5\" fill=\"{Attr(s.Colour)}\">")
                  .Append("<title>").Append(Text($"{s.Name} — {categories[c]}: {Format(value, unit)}")).Append("</title></circle>");
            }
            if (path.Length > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{Attr(s.Colour)}\" stroke-width=\"2\"/>");
            }
        }
        for (var c = 0; c < categories.Count; c++)
        {
            CategoryLabel(sb, categories[c], Left + c * step + step / 2, categories.Count);
        }
        Legend(sb, series);
        return Close(sb);
    }

    /// <summary>Horizontal bars, one per label, sorted as given (e.g. overdue dossiers by unit).</summary>
    public static IHtmlContent HorizontalBars(string title, IReadOnlyList<(string Label, decimal Value)> items, string colour, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        const int rowHeight = 26;
        const int labelWidth = 260;
        var height = Top + Math.Max(items.Count, 1) * rowHeight + 16;
        var max = NiceMax(items.Select(i => i.Value).DefaultIfEmpty(0).Max());
        var description = string.Join("; ", items.Select(i => $"{i.Label}: {Format(i.Value, unit)}"));
        var sb = Open(title, description, height);
        if (items.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Top + 18}\" fill=\"#5b6b7c\" font-size=\"13\">Không có số liệu.</text>");
        }
        var barSpace = Width - labelWidth - Right - 60;
        for (var i = 0; i < items.Count; i++)
        {
            var y = Top + i * rowHeight;
            var w = max == 0 ? 0 : (double)(items[i].Value / max) * barSpace;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d2733\">")
              .Append(Text(Shorten(items[i].Label, 40))).Append("</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{F(Math.Max(w, items[i].Value > 0 ? 2 : 0))}\" height=\"{rowHeight - 8}\" fill=\"{Attr(colour)}\">")
              .Append("<title>").Append(Text($"{items[i].Label}: {Format(items[i].Value, unit)}")).Append("</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(labelWidth + w + 6)}\" y=\"{y + 17}\" font-size=\"12\" fill=\"#1d2733\">")
              .Append(Text(Format(items[i].Value, unit))).Append("</text>");
        }
        return Close(sb);
    }

    private const int PlotHeight = Height - Top - Bottom;

    private static void Validate(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count)
            {
                throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values for {categories.Count} categories.", nameof(series));
            }
        }
    }

    private static StringBuilder Open(string title, string description, int height = Height)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Attr(title)}\">")
          .Append("<title>").Append(Text(title)).Append("</title>")
          .Append("<desc>").Append(Text(description)).Append("</desc>")
          .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"20\" font-size=\"14\" font-weight=\"600\" fill=\"#083b68\">").Append(Text(title)).Append("</text>");
        return sb;
    }

    private static HtmlString Close(StringBuilder sb) => new(sb.Append("</svg>").ToString());

    private static void Axes(StringBuilder sb, decimal max, string? unit)
    {
        for (var i = 0; i <= 4; i++)
        {
            var value = max * i / 4;
            var y = Top + PlotHeight - (double)i / 4 * PlotHeight;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#d8dee6\" stroke-width=\"1\"/>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#5b6b7c\">")
              .Append(Text(Format(value, unit))).Append("</text>");
        }
    }

    private static void CategoryLabel(StringBuilder sb, string label, double x, int count)
    {
        // Crowded axes (a year of months) keep every label but turn them, so none overlaps its neighbour.
        var rotate = count > 8 ? $" transform=\"rotate(-35 {F(x)} {Top + PlotHeight + 16})\"" : "";
        var anchor = count > 8 ? "end" : "middle";
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{Top + PlotHeight + 16}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"#1d2733\"{rotate}>")
          .Append(Text(Shorten(label, 18))).Append("</text>");
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<ChartSeries> series)
    {
        var x = Width - Right - 8.0;
        for (var s = series.Count - 1; s >= 0; s--)
        {
            var w = 22 + series[s].Name.Length * 6.5;
            x -= w;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{Attr(series[s].Colour)}\"/>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 16)}\" y=\"20\" font-size=\"12\" fill=\"#1d2733\">").Append(Text(series[s].Name)).Append("</text>");
        }
    }

    private static string Describe(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string? unit) =>
        string.Join("; ", series.Select(s => s.Name + ": " + string.Join(", ",
            categories.Select((c, i) => $"{c} {(s.Values[i] is { } v ? Format(v, unit) : "không có số liệu")}"))));

    /// <summary>The axis top: the next 1, 2 or 5 × 10ⁿ at or above the largest value, so grid lines fall on round numbers.</summary>
    internal static decimal NiceMax(decimal max)
    {
        if (max <= 0)
        {
            return 4;
        }
        var magnitude = 1m;
        while (magnitude * 10 <= max)
        {
            magnitude *= 10;
        }
        while (magnitude > max)
        {
            magnitude /= 10;
        }
        foreach (var factor in new[] { 1m, 2m, 4m, 5m, 10m })
        {
            if (magnitude * factor >= max)
            {
                return magnitude * factor;
            }
        }
        return magnitude * 10;
    }

    private static string Format(decimal value, string? unit) =>
        // "50%" but "4 hồ sơ", "25 điểm": a word unit needs its space.
        value.ToString(value == Math.Round(value) ? "#,0" : "#,0.##", VietnamTime.Culture)
        + (unit is null or "%" ? unit ?? "" : " " + unit);

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    // Vietnamese letters stay readable in the markup; only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Text(string s) => Encoder.Encode(s);

    private static string Attr(string s) => Encoder.Encode(s);
}
