using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>
/// Historical dossiers from a previous system as CSV or Excel, one row per dossier, imported all-or-nothing through the
/// same <see cref="DossierImport"/> as <c>POST /api/dossiers/import</c>.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class ImportModel(DossierImport importer) : PageModel
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>A legacy register is at most tens of thousands of dossiers; a hostile workbook stays small.</summary>
    public static readonly SpreadsheetLimits Limits = new(MaxRows: 20_000, MaxColumns: 50, MaxUncompressedBytes: 64L * 1024 * 1024);

    public static readonly IReadOnlyList<string> Columns =
    [
        "procedureCode", "channel", "applicantKind", "applicantName", "idNumber", "phone", "email", "address",
        "receivedAt", "dueAt", "resolvedAt", "returnedAt", "withdrawnAt", "refusedAt", "pauses",
    ];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public DossierImport.ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Errors = ["Vui lòng chọn tệp CSV hoặc Excel (.xlsx)."];
            return Page();
        }
        if (file.Length > MaxBytes)
        {
            Errors = ["Tệp quá lớn (tối đa 20 MB)."];
            return Page();
        }
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            Errors = ["Chỉ nhận tệp .csv hoặc .xlsx."];
            return Page();
        }
        List<DossierImport.ImportRecord> records;
        try
        {
            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            stream.Position = 0;
            var read = Spreadsheets.Read(stream, extension == ".csv" ? ExcelType.CSV : ExcelType.XLSX, useHeaderRow: true, Limits);
            if (read.Error is not null)
            {
                Errors = [read.Error];
                return Page();
            }
            records = read.Rows.Select(ToRecord).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException or IOException or ArgumentException)
        {
            Errors = ["Không đọc được tệp: tệp phải là CSV (UTF-8) hoặc Excel với dòng tiêu đề gồm các cột " + string.Join(", ", Columns) + "."];
            return Page();
        }
        if (records.Count == 0)
        {
            Errors = ["Tệp không có dòng dữ liệu nào."];
            return Page();
        }
        var (result, errors) = await importer.ImportAsync(records, User, ct);
        if (errors.Count > 0)
        {
            Errors = errors.Select(e => $"{RowLabel(e.Key)}: {e.Message}").ToList();
            return Page();
        }
        Result = result;
        return Page();
    }

    /// <summary>"[2].receivedAt" → "Dòng 4, cột receivedAt" (row 1 is the header).</summary>
    private static string RowLabel(string key)
    {
        if (key.StartsWith('[') && key.IndexOf(']', StringComparison.Ordinal) is var close and > 0
            && int.TryParse(key[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            var column = key[(close + 1)..].TrimStart('.');
            return column.Length == 0 ? $"Dòng {index + 2}" : $"Dòng {index + 2}, cột {column}";
        }
        return key;
    }

    private static DossierImport.ImportRecord ToRecord(IDictionary<string, object?> row)
    {
        string? Cell(string name)
        {
            var key = row.Keys.FirstOrDefault(k => string.Equals(k?.Trim(), name, StringComparison.OrdinalIgnoreCase));
            return key is null ? null : Text(row[key]);
        }
        var pauses = Cell("pauses") is { Length: > 0 } p
            ? p.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(x => x.Split('|', StringSplitOptions.TrimEntries))
                .Select(x => new DossierImport.PauseRecord(x.ElementAtOrDefault(0), x.ElementAtOrDefault(1), x.ElementAtOrDefault(2)))
                .ToList()
            : null;
        return new DossierImport.ImportRecord(
            Cell("procedureCode"), Cell("channel"),
            new DossierApi.ApplicantDto(Cell("applicantKind"), Cell("applicantName"), Cell("idNumber"), Cell("phone"), Cell("email"), Cell("address")),
            Cell("receivedAt"), Cell("dueAt"), Cell("resolvedAt"), Cell("returnedAt"), Cell("withdrawnAt"), Cell("refusedAt"), pauses);
    }

    /// <summary>Excel date cells carry no offset: they are Vietnam local time, written with +07:00.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() is { Length: > 0 } s ? s.Trim() : null,
    };
}
