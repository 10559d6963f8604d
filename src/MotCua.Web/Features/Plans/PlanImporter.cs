using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Core.Plans;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Plans;

/// <summary>The plan header typed on the import form (or given by the demo seeding).</summary>
public sealed record PlanHeader(int Year, string Title, string? Number, DateOnly? IssuedOn, string? Signer, string? LegalBasis, string? Purposes, string? Requirements);

public sealed record PlanImportResult(ControlPlan? Plan, IReadOnlyList<AppendixError> Errors)
{
    public bool Success => Plan is not null;
}

/// <summary>
/// Reads an appendix table from CSV (UTF-8, comma or semicolon) or Excel (.xlsx, first sheet) and builds the plan. It only
/// adds entities to the context: the caller saves once (one SaveChanges), so either the whole plan is stored or nothing is.
/// </summary>
public static class PlanImporter
{
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".xlsx"];

    /// <summary>An appendix holds tens of tasks; these bounds leave room for hundreds and keep a hostile workbook small.</summary>
    public static readonly SpreadsheetLimits Limits = new(MaxRows: 2_000, MaxColumns: 50, MaxUncompressedBytes: 20L * 1024 * 1024);

    public static async Task<PlanImportResult> ImportAsync(AppDbContext db, int agencyId, PlanHeader header, string fileName, Stream content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        IReadOnlyList<IReadOnlyList<string?>> rows;
        try
        {
            var read = await ReadRowsAsync(fileName, content, cancellationToken);
            if (read.Error is not null)
            {
                return new(null, [new AppendixError(0, read.Error)]);
            }
            rows = read.Rows;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            return new(null, [new AppendixError(0, $"Không đọc được tệp «{fileName}»: tệp phải là CSV (UTF-8) hoặc Excel .xlsx đúng mẫu.")]);
        }

        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).ToListAsync(cancellationToken);
        var parsed = PlanAppendix.Parse(rows, header.Year, [.. units.Select(u => u.Name)]);
        if (!parsed.Success)
        {
            return new(null, parsed.Errors);
        }

        var plan = new ControlPlan
        {
            AgencyId = agencyId,
            Year = header.Year,
            Title = Nfc(header.Title)!,
            Number = Nfc(header.Number),
            IssuedOn = header.IssuedOn,
            Signer = Nfc(header.Signer),
            LegalBasis = Nfc(header.LegalBasis),
            Purposes = Nfc(header.Purposes),
            Requirements = Nfc(header.Requirements),
            SourceFileName = Path.GetFileName(fileName),
            CreatedAt = now,
        };
        var unitId = units.ToDictionary(u => u.Name, u => u.Id, StringComparer.Ordinal);
        var order = 0;
        for (var g = 0; g < parsed.Groups.Count; g++)
        {
            var group = parsed.Groups[g];
            foreach (var row in group.Tasks)
            {
                var task = new PlanTask
                {
                    AgencyId = agencyId,
                    GroupNumber = group.Number,
                    GroupTitle = group.Title,
                    GroupOrder = g + 1,
                    Number = row.Number,
                    SortOrder = ++order,
                    Content = row.Content,
                    Product = row.Product,
                    LeadUnitsText = row.LeadUnitsText,
                    CoordinatingUnitsText = row.CoordinatingUnitsText,
                    TimeFrameText = row.TimeFrame.Text,
                    Status = PlanTaskStatus.NotStarted,
                };
                task.Units.AddRange(row.LeadUnits.Select(n => new PlanTaskUnit { UnitId = unitId[n], Role = PlanTaskUnitRole.Lead }));
                task.Units.AddRange(row.CoordinatingUnits.Where(n => !row.LeadUnits.Contains(n, StringComparer.Ordinal))
                    .Select(n => new PlanTaskUnit { UnitId = unitId[n], Role = PlanTaskUnitRole.Coordinating }));
                plan.Tasks.Add(task);
                foreach (var target in row.Targets)
                {
                    plan.Targets.Add(new PlanTarget { Task = task, IndicatorCode = target.IndicatorCode, Description = target.Description, Comparison = target.Comparison, Value = target.Value, Unit = target.Unit });
                }
            }
        }
        db.ControlPlans.Add(plan);
        return new(plan, []);
    }

    public static async Task<(IReadOnlyList<IReadOnlyList<string?>> Rows, string? Error)> ReadRowsAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        // Both readers need a seekable stream; uploads are small (the form caps them), so buffer in memory.
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return ext switch
        {
            ".csv" => Capped(Csv.Read(Encoding.UTF8.GetString(buffer.ToArray()))),
            ".xlsx" => ReadXlsx(buffer),
            _ => throw new InvalidDataException("Unsupported extension."),
        };
    }

    private static (IReadOnlyList<IReadOnlyList<string?>>, string?) Capped(List<IReadOnlyList<string?>> rows) =>
        rows.Count > Limits.MaxRows ? ([], Spreadsheets.TooManyRows(Limits))
        : rows.Any(r => r.Count > Limits.MaxColumns) ? ([], Spreadsheets.TooManyColumns(Limits))
        : (rows, null);

    private static (IReadOnlyList<IReadOnlyList<string?>>, string?) ReadXlsx(Stream stream)
    {
        var read = Spreadsheets.Read(stream, ExcelType.XLSX, useHeaderRow: false, Limits);
        if (read.Error is not null)
        {
            return ([], read.Error);
        }
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var row in read.Rows)
        {
            rows.Add([.. row.Values.Select(v => v switch
            {
                null => null,
                DateTime d => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => v.ToString(),
            })]);
        }
        return (rows, null);
    }

    private static string? Nfc(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Normalize(NormalizationForm.FormC);
}

/// <summary>RFC 4180 CSV: quoted fields with doubled quotes and line breaks; the delimiter (comma or semicolon, as Excel writes in vi-VN) is taken from the first line.</summary>
public static class Csv
{
    public static List<IReadOnlyList<string?>> Read(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<IReadOnlyList<string?>>();
        var row = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted)
        {
            throw new FormatException("Unterminated quoted field.");
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>One CSV line, quoting fields that need it.</summary>
    public static string Line(IEnumerable<string?> fields) =>
        string.Join(',', fields.Select(f => f is null ? "" : f.AsSpan().IndexOfAny(",;\"\r\n") >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f));
}
