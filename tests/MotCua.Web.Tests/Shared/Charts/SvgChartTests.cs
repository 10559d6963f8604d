using System.Xml.Linq;
using MotCua.Web.Shared.Charts;

namespace MotCua.Web.Tests.Shared.Charts;

public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(Microsoft.AspNetCore.Html.IHtmlContent chart)
    {
        using var writer = new StringWriter();
        chart.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return XElement.Parse(writer.ToString());
    }

    [Fact]
    public void Bars_draw_one_rect_per_value_and_skip_gaps()
    {
        var svg = Parse(SvgChart.Bars("Hồ sơ theo tháng", ["T1", "T2", "T3"],
        [
            new ChartSeries("Tiếp nhận", [10, 20, null], SvgChart.Blue),
            new ChartSeries("Giải quyết", [8, 0, 5], SvgChart.Green),
        ]));

        // Five values drawn as bars, plus the two legend swatches.
        var bars = svg.Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        Assert.Equal(5, bars.Count);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Hồ sơ theo tháng", svg.Element(Svg + "title")!.Value);
        Assert.Contains("T3 không có số liệu", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        // The tallest bar (20) reaches the axis top (20) exactly.
        var tallest = bars.Max(r => double.Parse((string)r.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(196, tallest);
    }

    [Fact]
    public void Labels_are_escaped_not_interpreted()
    {
        var svg = Parse(SvgChart.HorizontalBars("Quá hạn theo đơn vị", [("<script>alert(1)</script>", 3m), ("Phòng \"A\" & B", 1m)], SvgChart.Red));
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Empty(svg.Descendants("script"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Phòng \"A\" & B");
    }

    [Fact]
    public void Lines_break_at_missing_values()
    {
        var svg = Parse(SvgChart.Lines("Tỷ lệ đúng hạn", ["T1", "T2", "T3", "T4"],
            [new ChartSeries("Đúng hạn", [90, null, 80, 100], SvgChart.Green)], fixedMax: 100, unit: "%"));
        var path = (string)svg.Descendants(Svg + "path").Single().Attribute("d")!;
        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Equal(3, svg.Descendants(Svg + "circle").Count());
    }

    [Fact]
    public void Series_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SvgChart.Bars("x", ["a", "b"], [new ChartSeries("s", [1], SvgChart.Blue)]));
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(7, 10)]
    [InlineData(20, 20)]
    [InlineData(21, 40)]
    [InlineData(87, 100)]
    [InlineData(1234, 2000)]
    [InlineData(0.6, 1)]
    public void Axis_top_is_a_round_number_at_or_above_the_maximum(decimal max, decimal expected) =>
        Assert.Equal(expected, SvgChart.NiceMax(max));
}
