using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.Privacy;

/// <summary>Public API for data subjects' requests: submit one, follow it by its code and the factor sent with it.</summary>
public static class PrivacyApi
{
    /// <param name="Kind">Access, Correction, Deletion, Restriction, Objection or WithdrawConsent.</param>
    /// <param name="RecordCode">The dossier code or PAKN code the person identifies with.</param>
    /// <param name="Factor">The phone or ID number given on that record.</param>
    /// <param name="Details">What the person asks (required for a correction).</param>
    public sealed record SubmitRequest(string? Kind, string? RecordCode, string? Factor, string? Details);

    public sealed record FollowRequest(string? Code, string? Factor);

    public sealed record RequestDto(string Code, string Kind, string RecordCode, DateTimeOffset ReceivedAt, DateTimeOffset AcknowledgeDueAt,
        DateTimeOffset DueAt, string Status, string? Answer, string LimitBasis);

    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/privacy-requests").WithTags("Dữ liệu cá nhân").AllowAnonymous().DisableAntiforgery();
        api.MapPost("/", SubmitAsync).WithSummary("Gửi yêu cầu của chủ thể dữ liệu (xem, chỉnh sửa, xóa, hạn chế, phản đối, rút lại đồng ý); trả về mã yêu cầu và thời hạn")
            .RequireRateLimiting(Security.PublicFormPolicy).WithValidation("Yêu cầu chưa hợp lệ.");
        api.MapPost("/follow", FollowAsync).WithSummary("Xem tình trạng và trả lời của một yêu cầu bằng mã yêu cầu và số điện thoại hoặc số giấy tờ đã gửi")
            .RequireRateLimiting(Security.LookupPolicy).WithValidation("Yêu cầu chưa hợp lệ.");
        return app;
    }

    internal static async Task<Results<Created<RequestDto>, ValidationProblem>> SubmitAsync(SubmitRequest? request, PrivacyDesk desk, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await desk.SubmitAsync(new DataSubjectRequestInput(request.Kind, request.RecordCode, request.Factor, request.Details), ct);
        return result.Value is { } r
            ? TypedResults.Created("/api/public/privacy-requests/follow", Dto(r))
            : TypedResults.ValidationProblem(result.Errors, title: "Yêu cầu chưa hợp lệ.");
    }

    internal static async Task<Results<Ok<RequestDto>, NotFoundProblem>> FollowAsync(FollowRequest? request, PrivacyDesk desk, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await desk.FollowAsync(request.Code, request.Factor, ct) is { } r
            ? TypedResults.Ok(Dto(r))
            : ApiProblems.NotFound(PrivacyDesk.NoRequest);
    }

    private static RequestDto Dto(DataSubjectRequest r) => new(r.Code, r.Kind.ToString(), r.RecordCode, r.ReceivedAt, r.AcknowledgeDueAt, r.DueAt,
        r.Status.ToString(), r.Answer, r.LimitBasis);
}
