using System.Diagnostics;
using MotCua.Web.Shared.Documents;

namespace MotCua.Web.Tests.Shared;

/// <summary>The PDF keeps Vietnamese text extractable (pdftotext) and its QR code decodes (zbarimg) to the URL.</summary>
public sealed class PdfRendererTests
{
    internal static OfficialDocument Sample(string url) => new()
    {
        ParentBody = "UBND TỈNH PHÚ YÊN",
        Issuer = "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        Number = "Số: 15/PTN",
        PlaceAndDate = "Tuy Hòa, ngày 10 tháng 3 năm 2025",
        FormNumber = "Mẫu số 01",
        Title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        Body =
        [
            new Paragraph("Nguyễn Văn Ánh", Label: "Tên người nộp:"),
            new Table(["STT", "Tên giấy tờ", "Bản chính"], [["1", "Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ", "1"]], [1, 8, 2]),
        ],
        Signatures = [new Signature("NGƯỜI NỘP HỒ SƠ", "Nguyễn Văn Ánh"), new Signature("NGƯỜI TIẾP NHẬN", "Nguyễn Thị Thu Hà")],
        QrUrl = url,
    };

    [Fact]
    public void Vietnamese_title_survives_text_extraction()
    {
        var pdf = PdfRenderer.Render(Sample("http://127.0.0.1:5080/tra-cuu/SKHCN-250310-0001"));
        if (Environment.GetEnvironmentVariable("MOTCUA_DUMP_DIR") is { Length: > 0 } dump)
        {
            File.WriteAllBytes(Path.Combine(dump, "sample-receipt.pdf"), pdf);
        }
        var text = Tools.PdfToText(pdf);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A subset font lost the dot-below letters (ạ ệ ị ọ…), which DejaVu builds from components, while pdftotext still
    /// read them: so check that each embedded font program is the whole font file (its /Length1 equals the TTF size).
    /// </summary>
    [Fact]
    public void Fonts_are_embedded_whole_so_dot_below_letters_render()
    {
        var pdf = PdfRenderer.Render(Sample("http://127.0.0.1/x"));
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        var lengths = System.Text.RegularExpressions.Regex.Matches(raw, @"/Length1 (\d+)").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var fontDir = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "MotCua.Web", "Shared", "Documents", "Fonts");
        var sizes = Directory.GetFiles(fontDir, "*.ttf").Select(f => new FileInfo(f).Length).ToHashSet();
        Assert.NotEmpty(lengths);
        Assert.All(lengths, l => Assert.Contains(l, sizes));
    }

    [Fact]
    public void Qr_code_decodes_to_the_look_up_url()
    {
        const string url = "http://127.0.0.1:5080/tra-cuu/SKHCN-250310-0001";
        var pdf = PdfRenderer.Render(Sample(url));
        Assert.Contains(url, Tools.DecodeQrCodes(pdf));
    }
}

/// <summary>poppler-utils and zbar-tools, installed by test.sh.</summary>
internal static class Tools
{
    public static string PdfToText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            return Run("pdftotext", $"-layout \"{file}\" -");
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static IReadOnlyList<string> DecodeQrCodes(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("motcua-qr");
        try
        {
            var file = Path.Combine(dir.FullName, "doc.pdf");
            File.WriteAllBytes(file, pdf);
            Run("pdftoppm", $"-r 150 -png \"{file}\" \"{Path.Combine(dir.FullName, "page")}\"");
            var results = new List<string>();
            foreach (var png in Directory.GetFiles(dir.FullName, "page*.png"))
            {
                var output = Run("zbarimg", $"--quiet --raw \"{png}\"", allowExit: [0, 4]);
                results.AddRange(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            return results;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Run(string tool, string args, int[]? allowExit = null)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException(tool + " did not start");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (!(allowExit ?? [0]).Contains(process.ExitCode))
        {
            throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {error}");
        }
        return output;
    }
}
