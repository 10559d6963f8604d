using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// The API twins of the desks' hand-back steps (<see cref="ResultHandBacks"/>), as strict as their pages: desk officers
/// only; the deciding agency's desk records the sending, the centre's desk the arrival and then the return.
/// </summary>
public static class ResultHandBackApi
{
    /// <summary>When the step happened (default: now) and a note (who carried it, the post's tracking number…).</summary>
    public sealed record HandBackRequest(DateTimeOffset? At, [property: MaxLength(500, ErrorMessage = "Ghi chú dài tối đa 500 ký tự.")] string? Note);

    /// <summary>Why the applicant collects the result at the deciding agency instead of the centre (required).</summary>
    public sealed record CollectAtAgencyRequest(
        [property: Required(ErrorMessage = "Vui lòng nhập lý do người nộp đổi nơi nhận kết quả.")]
        [property: MaxLength(500, ErrorMessage = "Lý do dài tối đa 500 ký tự.")] string? Reason);

    public sealed record HandBackDto(string Code, string Step);

    public static IEndpointRouteBuilder MapResultHandBackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers/{code}/result-handback").WithTags("Hồ sơ")
            .RequireAuthorization(Policies.Officer).RequireAuthorization(p => p.RequireRole(Roles.OneStopOfficer))
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/sent", SentAsync).WithSummary("Cơ quan giải quyết ghi nhận đã chuyển kết quả về nơi tiếp nhận hồ sơ").DisableAntiforgery().WithValidation();
        api.MapPost("/received", ReceivedAsync).WithSummary("Nơi tiếp nhận ghi nhận đã nhận kết quả (người nộp được thông báo đến nhận)").DisableAntiforgery().WithValidation();
        api.MapPost("/collect-at-agency", CollectAtAgencyAsync).WithSummary("Cơ quan giải quyết ghi nhận người nộp đổi nơi nhận kết quả về Bộ phận Một cửa của mình").DisableAntiforgery().WithValidation();
        api.MapPost("/returned", ReturnedAsync).WithSummary("Nơi tiếp nhận trả kết quả cho người nộp").DisableAntiforgery().WithValidation();
        return app;
    }

    internal static async Task<Results<Ok<HandBackDto>, NotFoundProblem, ConflictProblem, UnprocessableProblem>> SentAsync(
        string code, HandBackRequest? request, ClaimsPrincipal user, ResultHandBacks results, CancellationToken ct) =>
        Answer(code, "sent", await results.SendAsync(code, request?.At, request?.Note, user, ct));

    internal static async Task<Results<Ok<HandBackDto>, NotFoundProblem, ConflictProblem, UnprocessableProblem>> ReceivedAsync(
        string code, HandBackRequest? request, ClaimsPrincipal user, ResultHandBacks results, CancellationToken ct) =>
        Answer(code, "received", await results.ReceiveAsync(code, request?.At, request?.Note, user, ct));

    internal static async Task<Results<Ok<HandBackDto>, NotFoundProblem, ConflictProblem, UnprocessableProblem>> ReturnedAsync(
        string code, HandBackRequest? request, ClaimsPrincipal user, ResultHandBacks results, CancellationToken ct) =>
        Answer(code, "returned", await results.ReturnAsync(code, request?.Note, user, ct));

    internal static async Task<Results<Ok<HandBackDto>, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CollectAtAgencyAsync(
        string code, CollectAtAgencyRequest request, ClaimsPrincipal user, ResultHandBacks results, CancellationToken ct) =>
        Answer(code, "collect-at-agency", await results.CollectAtAgencyAsync(code, request.Reason, user, ct));

    private static Results<Ok<HandBackDto>, NotFoundProblem, ConflictProblem, UnprocessableProblem> Answer(string code, string step, string? problem) => problem switch
    {
        null => TypedResults.Ok(new HandBackDto(code, step)),
        ResultHandBacks.NotTheDecider or ResultHandBacks.NotTheCentre => ApiProblems.NotFound("Không tìm thấy hồ sơ.", problem),
        ResultHandBacks.Raced => ApiProblems.Conflict("Hồ sơ vừa thay đổi.", problem),
        _ => ApiProblems.Unprocessable("Không thực hiện được.", problem),
    };
}
