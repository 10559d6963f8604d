using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using MotCua.Core.Feedback;
using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Tests.Shared;

/// <summary>Exported lists open with columns wide enough for their content, not Excel's default 8.43 characters.</summary>
public sealed class SpreadsheetsTests
{
    [Fact]
    public void An_exported_register_sizes_its_columns_to_their_content_within_bounds()
    {
        var received = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(7));
        var line = new FeedbackLine(1, "PAKN-2611-0001", "Đề nghị hướng dẫn thủ tục cấp giấy chứng nhận đủ điều kiện hoạt động dịch vụ đánh giá sự phù hợp",
            FeedbackContentType.ConductOfOfficials, "direct", null, FeedbackStatus.Received, received, received.AddDays(10));
        var xlsx = FeedbackExport.Excel([(line, null)], new Dictionary<int, string>());

        using var zip = new ZipArchive(new MemoryStream(xlsx));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var s = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Open();
        var widths = XDocument.Load(s).Descendants(ns + "col")
            .ToDictionary(c => int.Parse((string)c.Attribute("min")!, CultureInfo.InvariantCulture), c => double.Parse((string)c.Attribute("width")!, CultureInfo.InvariantCulture));
        Assert.InRange(widths[2], 14, 60);  // the code, 14 characters
        Assert.InRange(widths[3], 55, 62);   // the title, longer than the bound of 60 (MiniExcel adds its padding)
        Assert.InRange(widths[1], 6, 10);    // STT
    }
}
