using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.Feedback;

/// <summary>Public PAKN API: submit (→ acknowledgement code) and the list of published answers without personal data.</summary>
public static class FeedbackApi
{
    /// <param name="Consent">
    /// The sender's consent to the processing of the personal data sent (the personal-data law), as on the public form: a client
    /// shows <see cref="Shared.Privacy.ConsentNotice.Text"/> and sends <c>true</c> only when the sender agreed.
    /// </param>
    public sealed record FeedbackRequest(string? SenderName, string? SenderAddress, string? SenderPhone, string? SenderEmail, string? Title, string? Content,
        string? ContentType, string? RelatedProcedureCode, string? RelatedRegulation,
        [property: MustBeTrue(ErrorMessage = Shared.Privacy.ConsentNotice.Missing)] bool? Consent = null);

    public sealed record AcknowledgementDto(string Code, DateTimeOffset DueAt);

    /// <summary>
    /// A published PAKN as the public sees it: no sender name, address, phone or e-mail; every text as redacted at the review.
    /// <see cref="AnsweredBy"/> is the agency that answered it: the one asked for, or an agency since merged into it.
    /// </summary>
    public sealed record PublishedDto(string Code, string Title, string Content, string ContentType, string? RelatedProcedureCode, string? RelatedRegulation,
        DateTimeOffset ReceivedAt, string Answer, DateTimeOffset PublishedAt, AnsweringAgencyDto AnsweredBy);

    public sealed record AnsweringAgencyDto(string Code, string Name);

    /// <summary>
    /// Where a PAKN stands, for its sender: <see cref="Agency"/> handles it now; <see cref="ReceivedBy"/> received it when a
    /// merge handed it over, with the hand-over lines (agencies and units only, no officer's name). <see cref="AgencyCode"/> is
    /// the code (co-quan) of the agency handling it, for links to that agency's public pages.
    /// </summary>
    public sealed record TrackingDto(string Code, string Title, DateTimeOffset ReceivedAt, string Status, string Agency, string? ReceivedBy,
        IReadOnlyList<string> Handovers, string? Transferred, bool Answered, string AgencyCode);

    public static IServiceCollection AddFeedback(this IServiceCollection services) =>
        services.AddScoped<FeedbackDesk>().AddScoped<FeedbackTransferNotice>().AddHostedService<FeedbackSearchBackfillService>();

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/feedback").WithTags("Phản ánh, kiến nghị").AllowAnonymous();
        api.MapPost("/", SubmitAsync).WithSummary("Gửi phản ánh, kiến nghị về quy định hành chính; trả về mã tiếp nhận")
            .WithDescription("Bắt buộc \"consent\": true — người gửi đã đồng ý cho cơ quan xử lý dữ liệu cá nhân để trả lời phản ánh, kiến nghị "
                + "(Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15); thiếu đồng ý thì không lưu gì và trả lỗi 400 tại trường \"consent\".")
            .RequireRateLimiting(Security.PublicFormPolicy).DisableAntiforgery().WithValidation("Phản ánh, kiến nghị chưa hợp lệ.");
        api.MapGet("/", ListAsync).WithSummary("Danh sách phản ánh, kiến nghị đã trả lời công khai (answered=true)")
            .RequireRateLimiting(Security.LookupPolicy);
        api.MapGet("/{code}", TrackAsync)
            .WithSummary("Tra cứu phản ánh, kiến nghị theo mã tiếp nhận; số điện thoại hoặc thư điện tử đã gửi kèm trong tiêu đề X-Lookup-Factor")
            .WithDescription("Trả lời tình trạng, cơ quan đang giải quyết và, khi phản ánh, kiến nghị được chuyển giao do hợp nhất, cơ quan đã tiếp nhận cùng nội dung chuyển giao.")
            .RequireRateLimiting(Security.LookupPolicy);
        app.MapFeedbackOfficeApi();
        return app;
    }

    internal static async Task<Results<Created<AcknowledgementDto>, ValidationProblem>> SubmitAsync(
        FeedbackRequest? request, string? agency, FeedbackDesk desk, CancellationToken ct)
    {
        // WithValidation has refused a missing body and a missing consent: nothing is stored without it, as on the form.
        ArgumentNullException.ThrowIfNull(request);
        var (item, errors) = await desk.SubmitAsync(new FeedbackInput(request.SenderName, request.SenderAddress, request.SenderPhone, request.SenderEmail,
            request.Title, request.Content, request.ContentType, request.RelatedProcedureCode, request.RelatedRegulation), agency, ct);
        return item is null
            ? TypedResults.ValidationProblem(errors, title: "Phản ánh, kiến nghị chưa hợp lệ.")
            : TypedResults.Created("/api/public/feedback?answered=true", new AcknowledgementDto(item.Code, item.DueAt));
    }

    internal static async Task<Results<Ok<TrackingDto>, ValidationProblem, NotFound<ProblemDetails>, TooManyRequestsProblem>> TrackAsync(
        string code, [FromHeader(Name = PublicLookup.FactorHeader)] string? factor, HttpContext http, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        // The answer is the sender's own PAKN: no cache on the way may keep it.
        http.Response.Headers.CacheControl = "no-store";
        if (http.Request.Query.Count > 0)
        {
            return TypedResults.ValidationProblem(
                http.Request.Query.Keys.ToDictionary(k => k, _ => new[] { FactorInAddress }, StringComparer.Ordinal),
                title: "Không gửi thông tin xác thực trong địa chỉ.", detail: FactorInAddress);
        }
        if (string.IsNullOrWhiteSpace(factor))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [PublicLookup.FactorHeader] = [NeedFactor] }, title: "Thiếu thông tin xác thực.");
        }
        var found = await FeedbackTracking.FindAsync(db, time, code, factor, ct);
        if (found.LockedUntil is { } until)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.TooManyRequests("Tạm khóa tra cứu phản ánh, kiến nghị này.", TrackModel.LockedMessage(until));
        }
        return found.View is { } v
            ? TypedResults.Ok(new TrackingDto(v.Code, v.Title, v.ReceivedAt, v.Status, v.Agency, v.ReceivedBy, v.Handovers, v.Transferred, v.Answered, v.AgencyCode))
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Không tìm thấy phản ánh, kiến nghị.", Detail = TrackModel.NotFoundMessage });
    }

    public const string NeedFactor = "Vui lòng gửi số điện thoại hoặc thư điện tử đã gửi kèm phản ánh, kiến nghị trong tiêu đề " + PublicLookup.FactorHeader + ".";

    public const string FactorInAddress = "Số điện thoại hoặc thư điện tử không được gửi trong địa chỉ (URL) vì địa chỉ được ghi lại ở máy chủ và máy trung gian; hãy gửi trong tiêu đề "
        + PublicLookup.FactorHeader + ".";

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
        // Answered PAKN stay with the agency that answered them; a merged-away agency's answers are published on its successor's list.
        var agencies = await AgencyLineage.AgencyIdsInViewAsync(db, agency.Id, ct);
        var rows = await db.FeedbackItems.AsNoTracking()
            .Where(f => agencies.Contains(f.AgencyId) && f.Status == FeedbackStatus.Published && f.PublicContent != null)
            .OrderByDescending(f => f.PublishedAt).Take(200).ToListAsync(ct);
        var answering = await db.Agencies.AsNoTracking().Where(a => agencies.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new AnsweringAgencyDto(a.Code, a.Name), ct);
        // Only the texts an officer reviewed and redacted at publication, never the originals.
        return rows.Select(f => new PublishedDto(f.Code, f.PublicTitle ?? "", f.PublicContent ?? "", FeedbackRules.Name(f.ContentType), f.RelatedProcedureCode,
            f.PublicRegulation, f.ReceivedAt, f.PublicAnswer ?? "", f.PublishedAt!.Value, answering[f.AgencyId])).ToList();
    }
}
