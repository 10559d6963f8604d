using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The due date a receipt made now would get, with the calendar's day-by-day explanation.</summary>
public sealed record DeadlinePreview(string ProcedureCode, string ProcedureName, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string ProcessingTime,
    bool TimeVerified, IReadOnlyList<ExplanationLine> Explanation);

/// <summary>
/// The desk's deadline preview: computed exactly as the receipt computes the due date (the same basis, calculator and
/// terms), so what the officer tells the applicant is what the receipt prints.
/// </summary>
public sealed class ReceiptPreview(TimeProvider time, DossierReferences references)
{
    /// <summary>The preview for a receipt now, or the reason the procedure cannot be received here.</summary>
    public Task<(DeadlinePreview? Preview, string? Problem)> PreviewAsync(ClaimsPrincipal user, string procedureCode, CancellationToken ct) =>
        PreviewAsync(user, procedureCode, null, ct);

    /// <summary>As above, for a procedure of <paramref name="forAgencyId"/> when a service centre receives for it.</summary>
    public async Task<(DeadlinePreview? Preview, string? Problem)> PreviewAsync(ClaimsPrincipal user, string procedureCode, int? forAgencyId, CancellationToken ct)
    {
        var agencyId = forAgencyId ?? user.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        var now = time.GetUtcNow();
        var basis = await references.ReceiptBasisAsync(agencyId, procedureCode, now, ct);
        if (basis.Eligibility.Version is not { } version || basis.Effective is not { } effective)
        {
            return (null, basis.Eligibility.Message ?? "Không tìm thấy thủ tục hành chính đang có hiệu lực với mã này.");
        }
        var calculator = await references.CalculatorAsync(await references.AgencyAsync(agencyId, ct), ct);
        var options = new DossierTerms(effective.Time, Math.Max(1, basis.Plan.Count)).Options([]);
        return (new DeadlinePreview(version.Procedure!.Code, version.Name, now, calculator.ComputeDue(now, effective.Time, options),
            CatalogueText.Time(effective.Time), effective.Verified, calculator.Explain(now, effective.Time, options)), null);
    }

    public sealed record PreviewDto(string ProcedureCode, string ProcedureName, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string DueText,
        string ProcessingTime, bool TimeVerified, IReadOnlyList<CalendarModule.ExplanationDto> Explanation);

    internal static async Task<Results<Ok<PreviewDto>, NotFoundProblem>> GetAsync(string code, ClaimsPrincipal user, ReceiptPreview preview, CancellationToken ct)
    {
        var (p, problem) = await preview.PreviewAsync(user, code, ct);
        return p is null
            ? ApiProblems.NotFound("Không xem được hạn giải quyết.", problem)
            : TypedResults.Ok(new PreviewDto(p.ProcedureCode, p.ProcedureName, p.ReceivedAt, p.DueAt, DueText(p.DueAt), p.ProcessingTime, p.TimeVerified,
                p.Explanation.Select(CalendarModule.ToDto).ToList()));
    }

    /// <summary>"16:30 thứ Sáu, 04/09/2026" in Vietnam time.</summary>
    public static string DueText(DateTimeOffset due)
    {
        var local = due.ToOffset(VietnamTime.Offset);
        return local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " " + Weekday(local.DayOfWeek) + ", "
            + local.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Weekday(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        DayOfWeek.Sunday => "Chủ nhật",
    };
}

/// <summary>The desk's small endpoints next to the receipt page.</summary>
public static class ReceiptApi
{
    public static IEndpointRouteBuilder MapReceiptApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalogue/procedures/{code}/deadline-preview", ReceiptPreview.GetAsync).WithTags("Hồ sơ")
            .WithSummary("Hạn giải quyết nếu tiếp nhận hồ sơ của thủ tục ngay bây giờ, kèm giải thích từng ngày")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(MotCuaClaims.AgencyId).RequireRole(Roles.OneStopOfficer));
        return app;
    }
}
