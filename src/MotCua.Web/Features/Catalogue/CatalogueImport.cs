using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Catalogue;

/// <summary>One bad cell of an import: the row as the person sees it (Excel row, or record number in JSON) and its column.</summary>
public sealed record ImportError(int Row, string Column, string Message)
{
    public override string ToString() => $"Dòng {Row.ToString(CultureInfo.InvariantCulture)}, cột \"{Column}\": {Message}";
}

/// <summary>One procedure row read from a file, before validation; JSON and Excel both land here so they validate alike.</summary>
public sealed class RawRow
{
    public int Row { get; init; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Field { get; set; }
    public string? TimeValue { get; set; }
    public string? TimeUnit { get; set; }
    public string? TimeNote { get; set; }
    /// <summary>Null = fees not confirmed; "0" = free; an amount; or fee lines.</summary>
    public string? Fees { get; set; }
    public string? Papers { get; set; }
    public string? LegalBases { get; set; }
    public string? Level { get; set; }
    public string? ImplementingAgency { get; set; }
    public string? OnlineLevel { get; set; }
    public string? LegacyOnlineLevel { get; set; }
    public string? PostalReceipt { get; set; }
    public string? PostalReturn { get; set; }
    public string? AtOneStop { get; set; }
    public string? Applicants { get; set; }
    public string? Result { get; set; }
    public string? Conditions { get; set; }
    public string? HowToSubmit { get; set; }
}

/// <summary>A validated row ready to import.</summary>
public sealed record ImportRow(int Row, string? Code, ProcedureContent Content);

/// <summary>
/// Import and export of an agency's catalogue, as JSON (the shape of procedures-dost.json, extended) or Excel (one
/// row per procedure, Vietnamese headers). All or nothing: every row is validated first, any bad row means nothing
/// is imported and every bad row is reported.
/// </summary>
public static partial class CatalogueImport
{
    // Excel headers; also the column names in error messages for both formats.
    public const string ColCode = "Mã thủ tục";
    public const string ColName = "Tên thủ tục";
    public const string ColField = "Lĩnh vực";
    public const string ColTime = "Thời hạn giải quyết";
    public const string ColUnit = "Đơn vị thời hạn";
    public const string ColTimeNote = "Ghi chú thời hạn";
    public const string ColFees = "Phí, lệ phí";
    public const string ColPapers = "Thành phần hồ sơ";
    public const string ColLegal = "Căn cứ pháp lý";
    public const string ColLevel = "Cấp thực hiện";
    public const string ColAgency = "Cơ quan thực hiện";
    public const string ColOnline = "Mức độ trực tuyến";
    public const string ColLegacy = "Mức độ DVC cũ (2/3/4)";
    public const string ColPostalReceipt = "Tiếp nhận qua bưu chính công ích";
    public const string ColPostalReturn = "Trả kết quả qua bưu chính công ích";
    public const string ColOneStop = "Tại Bộ phận Một cửa";
    public const string ColApplicants = "Đối tượng thực hiện";
    public const string ColResult = "Kết quả";
    public const string ColConditions = "Yêu cầu, điều kiện";
    public const string ColHow = "Cách thức thực hiện";

    public static readonly string[] Columns =
        [ColCode, ColName, ColField, ColTime, ColUnit, ColTimeNote, ColFees, ColPapers, ColLegal, ColLevel, ColAgency, ColOnline, ColLegacy,
         ColPostalReceipt, ColPostalReturn, ColOneStop, ColApplicants, ColResult, ColConditions, ColHow];

    public const int MaxRows = 5000;

    // ------------------------------------------------------------------ reading

    /// <summary>Reads the JSON shape of procedures-dost.json: an object with "procedures" (or a bare array).</summary>
    public static (List<RawRow> Rows, List<ImportError> Errors) ReadJson(Stream stream)
    {
        var rows = new List<RawRow>();
        var errors = new List<ImportError>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            errors.Add(new ImportError(0, "Tệp", $"Tệp JSON không đúng cú pháp (dòng {(ex.LineNumber + 1)?.ToString(CultureInfo.InvariantCulture) ?? "?"})."));
            return (rows, errors);
        }
        using (doc)
        {
            var root = doc.RootElement;
            var list = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("procedures", out var p) && p.ValueKind == JsonValueKind.Array ? p
                : default;
            if (list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new ImportError(0, "Tệp", "Tệp JSON phải có mảng \"procedures\"."));
                return (rows, errors);
            }
            int n = 0;
            foreach (var e in list.EnumerateArray())
            {
                n++;
                if (e.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ImportError(n, "Tệp", "Mỗi thủ tục phải là một đối tượng JSON."));
                    continue;
                }
                var row = new RawRow
                {
                    Row = n,
                    Code = Str(e, "code"),
                    Name = Str(e, "name"),
                    Field = Str(e, "field"),
                    TimeNote = Str(e, "processingTimeNote"),
                    Level = Str(e, "level"),
                    ImplementingAgency = Str(e, "implementingAgency"),
                    OnlineLevel = Str(e, "onlineLevel"),
                    LegacyOnlineLevel = Str(e, "legacyOnlineLevel"),
                    PostalReceipt = Str(e, "postalReceipt"),
                    PostalReturn = Str(e, "postalReturn"),
                    AtOneStop = Str(e, "atOneStop"),
                    Result = Str(e, "result"),
                    Conditions = Str(e, "conditions"),
                    HowToSubmit = Str(e, "howToSubmit"),
                };
                if (e.TryGetProperty("processingTime", out var t) && t.ValueKind == JsonValueKind.Object)
                {
                    row.TimeValue = Str(t, "value");
                    row.TimeUnit = Str(t, "unit");
                }
                else if (t.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
                {
                    row.TimeValue = t.ToString();
                    row.TimeUnit = "?";
                }
                if (e.TryGetProperty("fees", out var fees) && fees.ValueKind == JsonValueKind.Array)
                {
                    row.Fees = fees.GetArrayLength() == 0 ? "0" : Lines(fees, "name", "amount", "note", "kind", "appliesTo");
                }
                else
                {
                    row.Fees = Str(e, "fee");
                }
                if (e.TryGetProperty("papers", out var papers) && papers.ValueKind == JsonValueKind.Array)
                {
                    row.Papers = string.Join('\n', papers.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(x => string.Join(" | ",
                        Str(x, "name") ?? "", Str(x, "form") ?? "", Str(x, "quantity") ?? "", Str(x, "template") ?? "",
                        Str(x, "condition") ?? (Str(x, "required") == "false" ? "Nếu có" : ""), Str(x, "note") ?? "").TrimEnd(' ', '|')));
                }
                if (e.TryGetProperty("legalBases", out var legal) && legal.ValueKind == JsonValueKind.Array)
                {
                    row.LegalBases = Lines(legal, "number", "title", "issuedOn", "issuer");
                }
                if (e.TryGetProperty("applicantTypes", out var app) && app.ValueKind == JsonValueKind.Array)
                {
                    row.Applicants = string.Join(", ", app.EnumerateArray().Select(a => a.ToString()));
                }
                rows.Add(row);
            }
        }
        return (rows, errors);

        static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => v.GetString(),
                // Numbers in invariant form without trailing zeros: "1000000.0" must not read as vi-VN "10.000.000".
                JsonValueKind.Number when v.TryGetDecimal(out var d) => Plain(d).ToString(CultureInfo.InvariantCulture),
                _ => v.GetRawText(),
            } : null;

        static string Lines(JsonElement array, params string[] names) => string.Join('\n', array.EnumerateArray()
            .Where(x => x.ValueKind == JsonValueKind.Object)
            .Select(x => string.Join(" | ", names.Select(n => Str(x, n) ?? "")).TrimEnd(' ', '|')));
    }

    /// <summary>A province's catalogue is hundreds of procedures; the bounds leave room for thousands and keep a hostile workbook small.</summary>
    public static readonly SpreadsheetLimits ExcelLimits = new(MaxRows: 5_000, MaxColumns: 60, MaxUncompressedBytes: 40L * 1024 * 1024);

    /// <summary>Reads the first sheet; headers are the Vietnamese column names (<see cref="Columns"/>); data starts on row 2.</summary>
    public static (List<RawRow> Rows, List<ImportError> Errors) ReadExcel(Stream stream)
    {
        var rows = new List<RawRow>();
        var errors = new List<ImportError>();
        IReadOnlyList<IDictionary<string, object?>> data;
        try
        {
            var read = Spreadsheets.Read(stream, ExcelType.XLSX, useHeaderRow: true, ExcelLimits);
            if (read.Error is not null)
            {
                errors.Add(new ImportError(0, "Tệp", read.Error));
                return (rows, errors);
            }
            data = read.Rows;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            errors.Add(new ImportError(0, "Tệp", "Không đọc được tệp Excel (.xlsx)."));
            return (rows, errors);
        }
        var headers = (data.Count > 0 ? data[0] : null)?.Keys.Select(k => TextSearch.Nfc(k)).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var required in new[] { ColName, ColField })
        {
            if (data.Count > 0 && !headers.Contains(required))
            {
                errors.Add(new ImportError(1, required, "Thiếu cột bắt buộc trong dòng tiêu đề."));
            }
        }
        if (errors.Count > 0)
        {
            return (rows, errors);
        }
        for (int i = 0; i < data.Count; i++)
        {
            var d = data[i].ToDictionary(kv => TextSearch.Nfc(kv.Key), kv => Cell(kv.Value), StringComparer.Ordinal);
            if (d.Values.All(v => v is null))
            {
                continue;
            }
            string? Get(string col) => d.GetValueOrDefault(col);
            rows.Add(new RawRow
            {
                Row = i + 2,
                Code = Get(ColCode),
                Name = Get(ColName),
                Field = Get(ColField),
                TimeValue = Get(ColTime),
                TimeUnit = Get(ColUnit),
                TimeNote = Get(ColTimeNote),
                Fees = Get(ColFees),
                Papers = Get(ColPapers),
                LegalBases = Get(ColLegal),
                Level = Get(ColLevel),
                ImplementingAgency = Get(ColAgency),
                OnlineLevel = Get(ColOnline),
                LegacyOnlineLevel = Get(ColLegacy),
                PostalReceipt = Get(ColPostalReceipt),
                PostalReturn = Get(ColPostalReturn),
                AtOneStop = Get(ColOneStop),
                Applicants = Get(ColApplicants),
                Result = Get(ColResult),
                Conditions = Get(ColConditions),
                HowToSubmit = Get(ColHow),
            });
        }
        return (rows, errors);

        static string? Cell(object? value) => value switch
        {
            null => null,
            string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
            double dbl => ((decimal)dbl).ToString(CultureInfo.InvariantCulture),
            bool b => b ? "Có" : "Không",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    // ------------------------------------------------------------------ validation

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-_]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>Validates every row; returns the rows ready to import and every error (never stops at the first).</summary>
    public static (List<ImportRow> Rows, List<ImportError> Errors) Validate(IReadOnlyList<RawRow> raw, IReadOnlySet<string> existingCodes)
    {
        var rows = new List<ImportRow>();
        var errors = new List<ImportError>();
        if (raw.Count == 0)
        {
            errors.Add(new ImportError(0, "Tệp", "Tệp không có thủ tục nào."));
        }
        if (raw.Count > MaxRows)
        {
            errors.Add(new ImportError(0, "Tệp", $"Tệp có {raw.Count.ToVnNumber()} dòng, vượt quá {MaxRows.ToVnNumber()} dòng cho một lần nhập."));
            return (rows, errors);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in raw)
        {
            var rowErrors = new List<ImportError>();
            void Bad(string col, string msg) => rowErrors.Add(new ImportError(r.Row, col, msg));

            string? code = null;
            if (!string.IsNullOrWhiteSpace(r.Code))
            {
                code = CatalogueQueries.NormalizeCode(r.Code);
                if (!CodePattern().IsMatch(code))
                {
                    Bad(ColCode, $"Mã \"{r.Code}\" không hợp lệ (ví dụ 1.004567; chỉ gồm chữ, số, dấu chấm, gạch ngang; 3–64 ký tự).");
                }
                else if (existingCodes.Contains(code))
                {
                    Bad(ColCode, $"Thủ tục mã {code} đã có trong danh mục; sửa đổi thủ tục đã có phải qua quyết định công bố.");
                }
                else if (seen.TryGetValue(code, out var first))
                {
                    Bad(ColCode, $"Mã {code} trùng với dòng {first.ToString(CultureInfo.InvariantCulture)}.");
                }
                else
                {
                    seen[code] = r.Row;
                }
            }
            var name = TextSearch.Nfc(r.Name);
            if (name.Length == 0) { Bad(ColName, "Thiếu tên thủ tục."); }
            else if (name.Length > 1000) { Bad(ColName, "Tên thủ tục tối đa 1.000 ký tự."); }
            var field = TextSearch.Nfc(r.Field);
            if (field.Length == 0) { Bad(ColField, "Thiếu lĩnh vực."); }
            else if (field.Length > 300) { Bad(ColField, "Tên lĩnh vực tối đa 300 ký tự."); }

            ProcessingTime? time = null;
            if (!string.IsNullOrWhiteSpace(r.TimeValue))
            {
                var unit = ParseUnit(r.TimeUnit);
                if (!decimal.TryParse(r.TimeValue.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 1000)
                {
                    Bad(ColTime, $"Thời hạn \"{r.TimeValue}\" phải là số dương (tối đa 1.000).");
                }
                else if (unit is null)
                {
                    Bad(ColUnit, $"Đơn vị thời hạn \"{r.TimeUnit}\" không hợp lệ (ngày làm việc, ngày, giờ làm việc).");
                }
                else if (unit == TimeUnit.CalendarDays && value != decimal.Truncate(value))
                {
                    Bad(ColTime, "Thời hạn tính theo ngày (lịch) phải là số nguyên.");
                }
                else
                {
                    time = new ProcessingTime(value, unit.Value);
                }
            }
            else if (!string.IsNullOrWhiteSpace(r.TimeUnit) && ParseUnit(r.TimeUnit) is null)
            {
                Bad(ColUnit, $"Đơn vị thời hạn \"{r.TimeUnit}\" không hợp lệ (ngày làm việc, ngày, giờ làm việc).");
            }

            bool feesConfirmed = false;
            List<CatalogueLines.FeeLine> fees = [];
            if (!string.IsNullOrWhiteSpace(r.Fees))
            {
                feesConfirmed = true;
                var folded = TextSearch.Normalize(r.Fees);
                if (folded is "0" or "khong" or "khong thu phi" or "mien phi")
                {
                    // free of charge: confirmed, no fee rows
                }
                else if (CatalogueLines.ParseAmount(r.Fees) is { } amount)
                {
                    // A bare amount does not say whether it is a fee or a charge, so neither is claimed.
                    fees.Add(new CatalogueLines.FeeLine("Phí, lệ phí", amount, null));
                }
                else
                {
                    var lineErrors = new List<string>();
                    fees = CatalogueLines.ParseFees(r.Fees, lineErrors);
                    lineErrors.ForEach(e => Bad(ColFees, e));
                }
            }
            var paperErrors = new List<string>();
            var papers = CatalogueLines.ParsePapers(r.Papers, paperErrors);
            paperErrors.ForEach(e => Bad(ColPapers, e));
            var legalErrors = new List<string>();
            var legal = CatalogueLines.ParseLegal(r.LegalBases, legalErrors);
            legalErrors.ForEach(e => Bad(ColLegal, e));

            var level = ImplementationLevel.Province;
            if (!string.IsNullOrWhiteSpace(r.Level))
            {
                if (ParseLevel(r.Level) is { } l) { level = l; }
                else { Bad(ColLevel, $"Cấp thực hiện \"{r.Level}\" không hợp lệ (Cấp trung ương, Cấp tỉnh, Cấp huyện, Cấp xã)."); }
            }
            var online = OnlineServiceLevel.None;
            if (!string.IsNullOrWhiteSpace(r.OnlineLevel))
            {
                if (ParseOnline(r.OnlineLevel) is { } o) { online = o; }
                else { Bad(ColOnline, $"Mức độ trực tuyến \"{r.OnlineLevel}\" không hợp lệ (Toàn trình, Một phần, Không)."); }
            }
            int? legacy = null;
            if (!string.IsNullOrWhiteSpace(r.LegacyOnlineLevel))
            {
                if (int.TryParse(r.LegacyOnlineLevel.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var lv) && lv is >= 1 and <= 4) { legacy = lv; }
                else { Bad(ColLegacy, "Mức độ cũ phải là 1, 2, 3 hoặc 4."); }
            }
            bool Flag(string? text, string col, bool fallback)
            {
                if (string.IsNullOrWhiteSpace(text)) { return fallback; }
                switch (TextSearch.Normalize(text))
                {
                    case "co" or "x" or "true" or "1": return true;
                    case "khong" or "false" or "0": return false;
                    default: Bad(col, $"Giá trị \"{text}\" phải là Có hoặc Không."); return fallback;
                }
            }
            var postalReceipt = Flag(r.PostalReceipt, ColPostalReceipt, false);
            var postalReturn = Flag(r.PostalReturn, ColPostalReturn, false);
            var atOneStop = Flag(r.AtOneStop, ColOneStop, true);
            var applicants = ApplicantTypes.None;
            foreach (var part in (r.Applicants ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ParseApplicant(part) is { } a) { applicants |= a; }
                else { Bad(ColApplicants, $"Đối tượng \"{part}\" không hợp lệ (Công dân, Doanh nghiệp, Tổ chức)."); }
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }
            rows.Add(new ImportRow(r.Row, code, new ProcedureContent
            {
                Name = name,
                FieldName = field,
                Level = level,
                ImplementingAgency = r.ImplementingAgency,
                ProcessingTime = time,
                ProcessingTimeNote = r.TimeNote,
                FeesConfirmed = feesConfirmed,
                Fees = fees,
                Papers = papers,
                LegalBases = legal,
                ApplicantTypes = applicants,
                HowToSubmit = r.HowToSubmit,
                Result = r.Result,
                Conditions = r.Conditions,
                OnlineLevel = online,
                LegacyOnlineLevel = legacy,
                PostalReceipt = postalReceipt,
                PostalReturn = postalReturn,
                AtOneStop = atOneStop,
            }));
        }
        return (rows, errors);
    }

    public static TimeUnit? ParseUnit(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) { return TimeUnit.WorkingDays; }
        return TextSearch.Normalize(text) switch
        {
            "workingdays" or "ngay lam viec" => TimeUnit.WorkingDays,
            "days" or "calendardays" or "ngay" or "ngay lich" => TimeUnit.CalendarDays,
            "hours" or "workinghours" or "gio" or "gio lam viec" => TimeUnit.WorkingHours,
            _ => null,
        };
    }

    public static ImplementationLevel? ParseLevel(string text) => TextSearch.Normalize(text) switch
    {
        "central" or "cap trung uong" or "trung uong" => ImplementationLevel.Central,
        "province" or "cap tinh" or "tinh" => ImplementationLevel.Province,
        "district" or "cap huyen" or "huyen" => ImplementationLevel.District,
        "commune" or "cap xa" or "xa" => ImplementationLevel.Commune,
        _ => null,
    };

    public static OnlineServiceLevel? ParseOnline(string text) => TextSearch.Normalize(text) switch
    {
        "full" or "toan trinh" => OnlineServiceLevel.Full,
        "partial" or "mot phan" => OnlineServiceLevel.Partial,
        "none" or "khong" => OnlineServiceLevel.None,
        _ => null,
    };

    public static ApplicantTypes? ParseApplicant(string text) => TextSearch.Normalize(text) switch
    {
        "citizen" or "cong dan" or "cong dan viet nam" or "ca nhan" => ApplicantTypes.Citizen,
        "enterprise" or "doanh nghiep" => ApplicantTypes.Enterprise,
        "organisation" or "organization" or "to chuc" => ApplicantTypes.Organisation,
        _ => null,
    };

    // ------------------------------------------------------------------ applying

    /// <summary>
    /// Validates and, only if every row is valid, imports all rows in one transaction as published versions in force
    /// from <paramref name="effectiveFrom"/>. Progress is reported row by row to <paramref name="progress"/>.
    /// </summary>
    public static async Task<(int Imported, List<ImportError> Errors)> ImportAsync(
        AppDbContext db, TimeProvider time, ClaimsPrincipal? user, int agencyId, List<RawRow> raw, DateOnly effectiveFrom, string source,
        ImportProgress.Job? progress, CancellationToken ct)
    {
        var existing = (await db.Procedures.Where(p => p.AgencyId == agencyId).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var (rows, errors) = Validate(raw, existing);
        if (errors.Count > 0)
        {
            progress?.Fail(errors.Count);
            return (0, errors);
        }
        var agencyCode = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Code).SingleAsync(ct);
        progress?.Begin(rows.Count);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            int local = 0;
            var imported = new List<int>(rows.Count);
            foreach (var row in rows)
            {
                var code = row.Code;
                if (code is null)
                {
                    // The source gave no national code: number local codes per agency, skipping any already taken.
                    do
                    {
                        local++;
                        code = $"{agencyCode}-DP{local.ToString("000", CultureInfo.InvariantCulture)}";
                    }
                    while (existing.Contains(code));
                    existing.Add(code);
                }
                var procedure = await CatalogueService.CreateAsync(db, time, agencyId, code, row.Code is null, row.Content, ct);
                var version = procedure.Versions[0];
                version.State = VersionState.Published;
                version.EffectiveFrom = effectiveFrom;
                version.SourceNote = source;
                await db.SaveChangesAsync(ct);
                imported.Add(version.Id);
                progress?.Advance();
            }
            await CatalogueSearchIndex.WriteAsync(db, imported, ct);
            AuditLog.Append(db, time, user, "catalogue.import", "Catalogue", agencyCode,
                $"Nhập {rows.Count.ToVnNumber()} thủ tục hành chính ({source}), hiệu lực từ {effectiveFrom.ToVnDate()}.",
                new { Count = rows.Count, Source = source });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        progress?.Complete();
        return (rows.Count, errors);
    }

    // ------------------------------------------------------------------ exporting

    /// <summary>The rows of the versions in force on <paramref name="day"/>, as the export and the published lists show them.</summary>
    public static Task<List<ProcedureVersion>> InForceListAsync(AppDbContext db, int agencyId, DateOnly day, CancellationToken ct) =>
        CatalogueQueries.InForceOn(db, agencyId, day).AsNoTracking()
            .Include(v => v.Procedure).Include(v => v.Field)
            .Include(v => v.Papers).Include(v => v.Fees).Include(v => v.LegalBases)
            .AsSplitQuery()
            .OrderBy(v => v.Field!.SortOrder).ThenBy(v => v.Procedure!.Code)
            .ToListAsync(ct);

    public static Dictionary<string, object?> ExcelRow(ProcedureVersion v) => new(StringComparer.Ordinal)
    {
        [ColCode] = v.Procedure!.Code,
        [ColName] = v.Name,
        [ColField] = v.Field?.Name,
        [ColTime] = v.ProcessingTimeValue is { } t ? CatalogueText.Invariant(t) : null,
        [ColUnit] = v.ProcessingTimeUnit is { } u ? CatalogueText.Name(u) : null,
        [ColTimeNote] = v.ProcessingTimeNote,
        [ColFees] = !v.FeesConfirmed ? null : v.Fees.Count == 0 ? "0" : CatalogueLines.FormatFees(v.Fees),
        [ColPapers] = CatalogueLines.FormatPapers(v.Papers),
        [ColLegal] = CatalogueLines.FormatLegal(v.LegalBases),
        [ColLevel] = CatalogueText.Name(v.Level),
        [ColAgency] = v.ImplementingAgency,
        [ColOnline] = CatalogueText.Name(v.OnlineLevel),
        [ColLegacy] = v.LegacyOnlineLevel?.ToString(CultureInfo.InvariantCulture),
        [ColPostalReceipt] = v.PostalReceipt ? "Có" : "Không",
        [ColPostalReturn] = v.PostalReturn ? "Có" : "Không",
        [ColOneStop] = v.AtOneStop ? "Có" : "Không",
        [ColApplicants] = v.ApplicantTypes == ApplicantTypes.None ? null : CatalogueText.ApplicantNames(v.ApplicantTypes),
        [ColResult] = v.Result,
        [ColConditions] = v.Conditions,
        [ColHow] = v.HowToSubmit,
    };

    public static byte[] ToExcel(IEnumerable<Dictionary<string, object?>> rows, string sheet)
    {
        using var ms = new MemoryStream();
        var list = rows.ToList();
        MiniExcel.SaveAs(ms, list.Count > 0 ? list : [Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal)], sheetName: sheet, configuration: Spreadsheets.Readable);
        return ms.ToArray();
    }

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The JSON export: the import shape, so an export re-imports into another agency unchanged.</summary>
    public static byte[] ToJson(IEnumerable<ProcedureVersion> versions, string description) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            description,
            procedures = versions.Select(v => new
            {
                code = v.Procedure!.IsLocalCode ? null : v.Procedure.Code,
                name = v.Name,
                field = v.Field?.Name,
                processingTime = v.ProcessingTime is { } t ? new { value = Plain(t.Value), unit = UnitName(t.Unit) } : null,
                processingTimeNote = v.ProcessingTimeNote,
                fees = v.FeesConfirmed ? v.Fees.OrderBy(f => f.Seq).Select(f => new { name = f.Name, kind = f.Kind?.ToString(), amount = Plain(f.Amount), appliesTo = f.AppliesTo, note = f.Note }).ToList() : null,
                papers = v.Papers.OrderBy(p => p.Seq).Select(p => new
                {
                    name = p.Name,
                    form = p.Form.ToString(),
                    quantity = p.Quantity,
                    required = p.Required,
                    condition = p.Condition,
                    note = p.Note,
                    template = p.Template,
                }).ToList(),
                legalBases = v.LegalBases.OrderBy(b => b.Seq).Select(b => new { number = b.Number, title = b.Title, issuedOn = b.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), issuer = b.Issuer }).ToList(),
                level = v.Level.ToString(),
                implementingAgency = v.ImplementingAgency,
                onlineLevel = v.OnlineLevel.ToString(),
                legacyOnlineLevel = v.LegacyOnlineLevel,
                postalReceipt = v.PostalReceipt,
                postalReturn = v.PostalReturn,
                atOneStop = v.AtOneStop,
                applicantTypes = Enum.GetValues<ApplicantTypes>().Where(a => a != ApplicantTypes.None && v.ApplicantTypes.HasFlag(a)).Select(a => a.ToString()).ToList(),
                result = v.Result,
                conditions = v.Conditions,
                howToSubmit = v.HowToSubmit,
            }),
        }, ExportJson);

    /// <summary>The value without trailing zeros (SQLite returns decimals with the scale they were stored with).</summary>
    public static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>The unit names of procedures-dost.json.</summary>
    public static string UnitName(TimeUnit unit) => unit switch
    {
        TimeUnit.WorkingDays => "WorkingDays",
        TimeUnit.CalendarDays => "Days",
        TimeUnit.WorkingHours => "Hours",
    };
}

/// <summary>
/// Progress of running imports, in memory, keyed by a job id the browser chose: the import runs inside its request
/// (one transaction) while the page polls this registry. Finished jobs are dropped after a while.
/// </summary>
public sealed class ImportProgress(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public Job Start(Guid id, int agencyId)
    {
        foreach (var old in _jobs.Where(j => time.GetUtcNow() - j.Value.StartedAt > TimeSpan.FromHours(1)).Select(j => j.Key).ToList())
        {
            _jobs.TryRemove(old, out _);
        }
        return _jobs[id] = new Job(agencyId, time.GetUtcNow());
    }

    public Job? Get(Guid id, int agencyId) => _jobs.TryGetValue(id, out var j) && j.AgencyId == agencyId ? j : null;

    public sealed class Job(int agencyId, DateTimeOffset startedAt)
    {
        private int _processed;
        private int _total;
        private volatile string _phase = "validating";
        private int _errors;

        public int AgencyId { get; } = agencyId;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public int Processed => Volatile.Read(ref _processed);
        public int Total => Volatile.Read(ref _total);
        public int Errors => Volatile.Read(ref _errors);

        /// <summary>validating → importing → done | failed.</summary>
        public string Phase => _phase;

        public void Begin(int total)
        {
            Volatile.Write(ref _total, total);
            _phase = "importing";
        }

        public void Advance() => Interlocked.Increment(ref _processed);

        public void Complete() => _phase = "done";

        public void Fail(int errors)
        {
            Volatile.Write(ref _errors, errors);
            _phase = "failed";
        }
    }
}
