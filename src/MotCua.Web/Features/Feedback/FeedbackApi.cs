using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>Public PAKN API: submit (→ acknowledgement code) and the list of published answers without personal data.</summary>
public static class FeedbackApi
{
    public sealed record FeedbackRequest(string? SenderName, string? SenderAddress, string? SenderPhone, string? SenderEmail, string? Title, string? Content,
        string? ContentType, string? RelatedProcedureCode, string? RelatedRegulation);

    public sealed record AcknowledgementDto(string Code, DateTimeOffset DueAt);

    /// <summary>A published PAKN as the public sees it: no sender name, address, phone or e-mail; content redacted.</summary>
    public sealed record PublishedDto(string Code, string Title, string Content, string ContentType, string? RelatedProcedureCode, string? RelatedRegulation,
        DateTimeOffset ReceivedAt, string Answer, DateTimeOffset PublishedAt);

    public static IServiceCollection AddFeedback(this IServiceCollection services) => services.AddScoped<FeedbackDesk>();

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/feedback").WithTags("Phản ánh, kiến nghị").AllowAnonymous();
        api.MapPost("/", SubmitAsync).WithSummary("Gửi phản ánh, kiến nghị về quy định hành chính; trả về mã tiếp nhận")
            .RequireRateLimiting(Security.PublicFormPolicy).DisableAntiforgery();
        api.MapGet("/", ListAsync).WithSummary("Danh sách phản ánh, kiến nghị đã trả lời công khai (answered=true)")
            .RequireRateLimiting(Security.LookupPolicy);
        app.MapFeedbackOfficeApi();
        return app;
    }

    internal static async Task<Results<Created<AcknowledgementDto>, ValidationProblem>> SubmitAsync(
        FeedbackRequest? request, string? agency, FeedbackDesk desk, CancellationToken ct)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Thiếu nội dung phản ánh, kiến nghị."] }, title: "Dữ liệu không hợp lệ.");
        }
        var (item, errors) = await desk.SubmitAsync(new FeedbackInput(request.SenderName, request.SenderAddress, request.SenderPhone, request.SenderEmail,
            request.Title, request.Content, request.ContentType, request.RelatedProcedureCode, request.RelatedRegulation), agency, ct);
        return item is null
            ? TypedResults.ValidationProblem(errors, title: "Phản ánh, kiến nghị chưa hợp lệ.")
            : TypedResults.Created("/api/public/feedback?answered=true", new AcknowledgementDto(item.Code, item.DueAt));
    }

    internal static async Task<Results<Ok<List<PublishedDto>>, ValidationProblem>> ListAsync(bool? answered, string? agency, AppDbContext db, CancellationToken ct)
    {
        if (answered != true)
        {
            // Unanswered PAKN are internal: only published answers are public.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answered"] = ["Chỉ công khai các phản ánh, kiến nghị đã trả lời: dùng answered=true."] }, title: "Tham số không hợp lệ.");
        }
        return TypedResults.Ok(await PublishedAsync(db, agency, ct));
    }

    public static async Task<List<PublishedDto>> PublishedAsync(AppDbContext db, string? agencyCode, CancellationToken ct)
    {
        var agency = await CatalogueQueries.PublicAgencyAsync(db, agencyCode, ct);
        if (agency is null)
        {
            return [];
        }
        var rows = await db.FeedbackItems.AsNoTracking()
            .Where(f => f.AgencyId == agency.Id && f.Status == FeedbackStatus.Published)
            .OrderByDescending(f => f.PublishedAt).Take(200).ToListAsync(ct);
        return rows.Select(f => new PublishedDto(f.Code, FeedbackRules.RedactPersonalData(f.Title), FeedbackRules.RedactPersonalData(f.Content),
            FeedbackRules.Name(f.ContentType), f.RelatedProcedureCode, f.RelatedRegulation, f.ReceivedAt, f.AnswerText ?? "", f.PublishedAt!.Value)).ToList();
    }
}
