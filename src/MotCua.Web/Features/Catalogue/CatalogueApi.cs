using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue;

/// <summary>The catalogue feature: services, the public and officer API.</summary>
public static class CatalogueApi
{
    /// <summary>Who manages the catalogue: administrators and the TTHC control focal officer.</summary>
    public const string ManagerRoles = Roles.Admin + "," + Roles.ControlFocalOfficer;

    public static IServiceCollection AddCatalogue(this IServiceCollection services) => services.AddSingleton<ImportProgress>();

    public sealed record ProcedureSummary(
        string Code, string Name, string Field, decimal? ProcessingDays, decimal? ProcessingTimeValue, string? ProcessingTimeUnit,
        string OnlineLevel, bool Postal, bool PostalReceipt, bool PostalReturn, bool AtOneStop, string Url);

    public sealed record TimeDto(decimal? Value, string? Unit, bool Verified, string Text, string? Note);

    public sealed record FeeDto(
        string Name,
        decimal Amount,
        [property: Description("Căn cứ thu (văn bản quy định mức thu).")] string? Note,
        [property: Description("Fee (phí) hoặc Charge (lệ phí); null khi nguồn chưa xác định.")] string? Kind = null,
        [property: Description("Đối tượng nộp hoặc trường hợp áp dụng mức thu; null khi áp dụng cho mọi trường hợp.")] string? AppliesTo = null);

    public sealed record FeesDto(bool Confirmed, string Text, IReadOnlyList<FeeDto> Items);

    [Description("Mẫu đơn, tờ khai tải về được của một thành phần hồ sơ.")]
    public sealed record TemplateFileDto(
        [property: Description("Tên tệp khi tải về.")] string FileName,
        [property: Description("Kiểu nội dung xác định từ nội dung tệp: application/pdf, application/msword, Word DOCX, application/vnd.ms-excel hoặc Excel XLSX.")] string ContentType,
        [property: Description("Dung lượng (byte).")] long Size,
        [property: Description("Đường dẫn tải công khai, ví dụ /thu-tuc/1.001770/mau/12.")] string Url);

    public sealed record PaperDto(
        string Name,
        string Form,
        int Quantity,
        [property: Description("Tên mẫu đơn, tờ khai theo văn bản, ví dụ \"Mẫu 01 Phụ lục I Thông tư 03/2014/TT-BKHCN\".")] string? Template,
        [property: Description("Required (bắt buộc), IfAny (nếu có) hoặc Conditional (bắt buộc trong trường hợp Condition).")] string Requirement = "Required",
        [property: Description("Trường hợp phải nộp khi Requirement là Conditional.")] string? Condition = null,
        string? Note = null,
        [property: Description("Tệp mẫu đơn, tờ khai; null khi thủ tục không có tệp mẫu cho giấy tờ này.")] TemplateFileDto? TemplateFile = null);

    public sealed record LegalBasisDto(string Number, string? Title, DateOnly? IssuedOn, string? Issuer);

    public sealed record DecisionDto(string Number, DateOnly SignedOn, string Issuer, string? IssuerName);

    public sealed record VersionDto(int Number, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, DecisionDto? Decision, string? Source);

    public sealed record ProcedureDetail(
        string Code, string Name, string Field, string Level, string? ImplementingAgency, decimal? ProcessingDays, TimeDto ProcessingTime,
        FeesDto Fees, IReadOnlyList<PaperDto> Papers, IReadOnlyList<string> ApplicantTypes, string? Result, string? Conditions,
        string? HowToSubmit, IReadOnlyList<LegalBasisDto> LegalBases, string OnlineLevel, int? LegacyOnlineLevel, bool Postal,
        bool PostalReceipt, bool PostalReturn, bool AtOneStop, VersionDto Version);

    public sealed record ImportStatusDto(string Phase, int Processed, int Total, int Errors);

    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        // Public: the catalogue is published information (visitors see the first agency's, or ?agency=CODE).
        var pub = app.MapGroup("/api/procedures").WithTags("Thủ tục hành chính").AllowAnonymous().CacheOutput(PublicCache.CataloguePolicy);
        pub.MapGet("/", ListAsync).WithSummary("Danh mục thủ tục hành chính đang có hiệu lực");
        pub.MapGet("/{code}", GetAsync).WithSummary("Toàn bộ thông tin một thủ tục đang có hiệu lực");

        var officer = app.MapGroup("/api/catalogue").WithTags("Thủ tục hành chính")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(MotCuaClaims.AgencyId).RequireRole(Roles.Admin, Roles.ControlFocalOfficer));
        officer.MapGet("/import/{jobId:guid}", ImportStatus).WithSummary("Tiến độ một lần nhập danh mục");
        officer.MapGet("/export", ExportAsync).WithSummary("Xuất danh mục (format=json hoặc xlsx)");
        app.MapProcedureTemplates();
        return app;
    }

    private static async Task<int?> AgencyOfAsync(ClaimsPrincipal user, AppDbContext db, string? agency, CancellationToken ct) =>
        user.AgencyId() is { } mine && string.IsNullOrWhiteSpace(agency) ? mine : (await CatalogueQueries.PublicAgencyAsync(db, agency, ct))?.Id;

    internal static async Task<Results<Ok<List<ProcedureSummary>>, ValidationProblem, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> ListAsync(
        ClaimsPrincipal user, AppDbContext db, TimeProvider time, string? q, string? field, string? onlineLevel, string? agency, CancellationToken ct)
    {
        var agencyId = await AgencyOfAsync(user, db, agency, ct);
        if (agencyId is null)
        {
            return TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Không tìm thấy cơ quan.", Detail = $"Không có cơ quan mã \"{agency}\"." });
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        OnlineServiceLevel? level = null;
        if (!string.IsNullOrWhiteSpace(onlineLevel))
        {
            level = CatalogueImport.ParseOnline(onlineLevel);
            if (level is null)
            {
                errors["onlineLevel"] = ["Mức độ trực tuyến phải là Full (toàn trình), Partial (một phần) hoặc None."];
            }
        }
        int? fieldId = null;
        if (!string.IsNullOrWhiteSpace(field))
        {
            fieldId = await FieldIdAsync(db, agencyId.Value, field, ct);
            if (fieldId is null)
            {
                errors["field"] = [$"Không có lĩnh vực \"{field}\"."];
            }
        }
        var terms = CatalogueSearchTerms.Parse(q);
        if (terms.IsEmpty && !string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["Từ khóa tìm kiếm phải có ít nhất một chữ hoặc chữ số."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số tra cứu không hợp lệ.");
        }
        var versions = await CatalogueQueries.SearchAsync(db, CatalogueQueries.InForceOn(db, agencyId.Value, time.Today()), terms, fieldId, level, CatalogueSearchIndex.MaxResults, allWithoutWords: true, ct);
        return TypedResults.Ok(versions.Select(Summary).ToList());
    }

    /// <summary>A field given as its id or its name (diacritics-insensitive).</summary>
    public static async Task<int?> FieldIdAsync(AppDbContext db, int agencyId, string field, CancellationToken ct)
    {
        var fields = await db.CatalogueFields.AsNoTracking().Where(f => f.AgencyId == agencyId).ToListAsync(ct);
        if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return fields.Any(f => f.Id == id) ? id : null;
        }
        var folded = TextSearch.Normalize(field);
        return fields.FirstOrDefault(f => string.Equals(TextSearch.Normalize(f.Name), folded, StringComparison.Ordinal))?.Id;
    }

    internal static async Task<Results<Ok<ProcedureDetail>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(
        string code, ClaimsPrincipal user, AppDbContext db, TimeProvider time, string? agency, CancellationToken ct)
    {
        var agencyId = await AgencyOfAsync(user, db, agency, ct);
        var version = agencyId is null ? null : await CatalogueQueries.VersionInForceAsync(db, agencyId.Value, code, time.GetUtcNow(), ct);
        if (version is null)
        {
            return TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 404,
                Title = "Không tìm thấy thủ tục.",
                Detail = $"Không có thủ tục mã \"{code}\" đang có hiệu lực trong danh mục.",
            });
        }
        return TypedResults.Ok(Detail(version));
    }

    /// <summary>Days for lists: working or calendar days as stated, hours as eighths of a working day; null while unverified.</summary>
    public static decimal? ProcessingDays(ProcessingTime? time) => time switch
    {
        null => null,
        { Unit: TimeUnit.WorkingHours } t => t.Value / 8,
        { } t => t.Value,
    };

    public static ProcedureSummary Summary(ProcedureVersion v) => new(
        v.Procedure!.Code, v.Name, v.Field?.Name ?? "", ProcessingDays(v.ProcessingTime), v.ProcessingTimeValue,
        v.ProcessingTimeUnit is { } u ? CatalogueImport.UnitName(u) : null, v.OnlineLevel.ToString(), v.PostalEligible,
        v.PostalReceipt, v.PostalReturn, v.AtOneStop, "/thu-tuc/" + Uri.EscapeDataString(v.Procedure.Code));

    public static ProcedureDetail Detail(ProcedureVersion v) => new(
        v.Procedure!.Code, v.Name, v.Field?.Name ?? "", v.Level.ToString(), v.ImplementingAgency, ProcessingDays(v.ProcessingTime),
        new TimeDto(v.ProcessingTimeValue, v.ProcessingTimeUnit is { } u ? CatalogueImport.UnitName(u) : null, v.ProcessingTime is not null, CatalogueText.Time(v.ProcessingTime), v.ProcessingTimeNote),
        new FeesDto(v.FeesConfirmed, CatalogueText.Fees(v), v.Fees.OrderBy(f => f.Seq).Select(f => new FeeDto(f.Name, f.Amount, f.Note, f.Kind?.ToString(), f.AppliesTo)).ToList()),
        v.Papers.OrderBy(p => p.Seq).Select(p => new PaperDto(p.Name, p.Form.ToString(), p.Quantity, p.Template, p.Requirement.ToString(), p.Condition, p.Note,
            p.TemplateFile is { } file ? new TemplateFileDto(ProcedureTemplates.DownloadName(file), file.ContentType, file.Size, ProcedureTemplates.PublicUrl(v.Procedure.Code, p.Id)) : null)).ToList(),
        Enum.GetValues<ApplicantTypes>().Where(a => a != ApplicantTypes.None && v.ApplicantTypes.HasFlag(a)).Select(a => a.ToString()).ToList(),
        v.Result, v.Conditions, v.HowToSubmit,
        v.LegalBases.OrderBy(b => b.Seq).Select(b => new LegalBasisDto(b.Number, b.Title, b.IssuedOn, b.Issuer)).ToList(),
        v.OnlineLevel.ToString(), v.LegacyOnlineLevel, v.PostalEligible, v.PostalReceipt, v.PostalReturn, v.AtOneStop,
        new VersionDto(v.Number, v.EffectiveFrom, v.EffectiveTo,
            v.PublicationDecision is { } d ? new DecisionDto(d.Number, d.SignedOn, d.Issuer.ToString(), d.IssuerName) : null, v.SourceNote));

    internal static Results<Ok<ImportStatusDto>, NotFound> ImportStatus(Guid jobId, ClaimsPrincipal user, ImportProgress progress) =>
        progress.Get(jobId, user.AgencyId() ?? 0) is { } job
            ? TypedResults.Ok(new ImportStatusDto(job.Phase, job.Processed, job.Total, job.Errors))
            : TypedResults.NotFound();

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        ClaimsPrincipal user, AppDbContext db, TimeProvider time, string? format, CancellationToken ct)
    {
        var agencyId = user.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        var fmt = (format ?? "json").Trim().ToLowerInvariant();
        if (fmt is not ("json" or "xlsx"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["format"] = ["Định dạng xuất phải là json hoặc xlsx."] }, title: "Tham số không hợp lệ.");
        }
        var today = time.Today();
        var versions = await CatalogueImport.InForceListAsync(db, agencyId, today, ct);
        var agencyCode = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Code).SingleAsync(ct);
        var stamp = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return fmt == "json"
            ? TypedResults.File(CatalogueImport.ToJson(versions, $"Danh mục thủ tục hành chính {agencyCode} có hiệu lực ngày {today.ToVnDate()}"),
                "application/json", $"danh-muc-tthc-{agencyCode}-{stamp}.json")
            : TypedResults.File(CatalogueImport.ToExcel(versions.Select(CatalogueImport.ExcelRow), "Danh mục TTHC"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"danh-muc-tthc-{agencyCode}-{stamp}.xlsx");
    }
}
