using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace MotCua.Web.Shared.Files;

/// <summary>How much of one uploaded spreadsheet an import may read.</summary>
/// <param name="MaxRows">Rows after the header (blank rows count: a sheet can declare a million of them in a few bytes).</param>
/// <param name="MaxColumns">Cells per row.</param>
/// <param name="MaxUncompressedBytes">The .xlsx archive's entries together, decompressed.</param>
/// <param name="MaxEntries">Entries in the archive.</param>
public sealed record SpreadsheetLimits(int MaxRows, int MaxColumns, long MaxUncompressedBytes, int MaxEntries = 500);

/// <summary>The rows read, or why the file was refused (Vietnamese, for the uploader).</summary>
public sealed record SpreadsheetRows(IReadOnlyList<IDictionary<string, object?>> Rows, string? Error);

/// <summary>
/// The one way an uploaded .xlsx or .csv is read for an import. An .xlsx is a zip archive: a few hundred KiB can
/// declare or hold gigabytes of XML, and the reader's memory grows with it.
/// So the archive's entries are checked before parsing: a declared size smaller than the compressed data is refused,
/// the declared sizes are summed, then the entries are decompressed into nothing with a running count (a declared size
/// can lie), and rows and cells are counted while reading.
/// </summary>
public static class Spreadsheets
{
    /// <summary>
    /// What every exported list (.xlsx) is written with: columns as wide as their content within bounds, since at the
    /// default width an officer opening a register saw codes, names and dates cut off and had to widen every column.
    /// MiniExcel measures widths only in its fast mode, which holds the sheet in memory: exports are bounded lists.
    /// </summary>
    public static OpenXmlConfiguration Readable { get; } = new() { FastMode = true, EnableAutoWidth = true, MinWidth = 6, MaxWidth = 60 };

    public static SpreadsheetRows Read(Stream seekable, ExcelType type, bool useHeaderRow, SpreadsheetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(seekable);
        ArgumentNullException.ThrowIfNull(limits);
        if (type == ExcelType.XLSX && CheckArchive(seekable, limits) is { } refused)
        {
            return new([], refused);
        }
        var rows = new List<IDictionary<string, object?>>();
        foreach (IDictionary<string, object?> row in seekable.Query(useHeaderRow: useHeaderRow, excelType: type))
        {
            if (row.Count > limits.MaxColumns)
            {
                return new([], TooManyColumns(limits));
            }
            if (rows.Count >= limits.MaxRows)
            {
                return new([], TooManyRows(limits));
            }
            rows.Add(row);
        }
        return new(rows, null);
    }

    public static string TooManyRows(SpreadsheetLimits limits) =>
        string.Create(Vi, $"Tệp có quá nhiều dòng (tối đa {limits?.MaxRows:N0} dòng dữ liệu). Vui lòng chia thành nhiều tệp.");

    public static string TooManyColumns(SpreadsheetLimits limits) =>
        string.Create(Vi, $"Tệp có quá nhiều cột (tối đa {limits?.MaxColumns:N0} cột).");

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Null when the archive may be parsed; otherwise the reason. Leaves the stream where it found it.</summary>
    public static string? CheckArchive(Stream seekable, SpreadsheetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(seekable);
        ArgumentNullException.ThrowIfNull(limits);
        var tooLarge = string.Create(Vi,
            $"Tệp Excel khi giải nén vượt quá {limits.MaxUncompressedBytes / (1024 * 1024):N0} MB; hệ thống không đọc tệp này. Vui lòng bỏ các trang tính, hình ảnh không cần thiết hoặc chia thành nhiều tệp.");
        var start = seekable.Position;
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                return "Tệp Excel có cấu trúc bất thường (quá nhiều thành phần); hệ thống không đọc tệp này.";
            }
            var declared = 0L;
            foreach (var entry in zip.Entries)
            {
                // Deflate never grows data by more than a few bytes per block: more compressed than uncompressed bytes
                // means the declared size is a lie.
                if (entry.CompressedLength > entry.Length + (entry.Length / 100) + 1024)
                {
                    return "Tệp Excel có cấu trúc bất thường (kích thước khai báo không khớp với dữ liệu); hệ thống không đọc tệp này.";
                }
                declared += entry.Length;
                if (declared > limits.MaxUncompressedBytes)
                {
                    return tooLarge;
                }
            }
            var buffer = new byte[81920];
            var total = 0L;
            foreach (var entry in zip.Entries)
            {
                using var content = entry.Open();
                var read = 0L;
                int n;
                while ((n = content.Read(buffer)) > 0)
                {
                    read += n;
                    total += n;
                    if (read > entry.Length || total > limits.MaxUncompressedBytes)
                    {
                        return tooLarge;
                    }
                }
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return "Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không phải tệp Excel.";
        }
        finally
        {
            seekable.Position = start;
        }
    }
}
