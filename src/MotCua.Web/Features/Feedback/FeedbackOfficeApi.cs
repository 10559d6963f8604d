using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// The PAKN back office for officers (bearer token or cookie): the register with status/overdue filters, one PAKN with
/// its attachments' metadata, and the actions of the detail page through the same <see cref="FeedbackDesk"/> rules.
/// </summary>
public static class FeedbackOfficeApi
{
    public sealed record ListItemDto(string Code, string Title, string Status, string StatusName, string ContentType, DateTimeOffset ReceivedAt,
        DateTimeOffset DueAt, string? Standing, int? AssignedUnitId, int Attachments);

    public sealed record AttachmentDto(long Id, string FileName, string ContentType, long Size, string Sha256);

    public sealed record DetailDto(string Code, string Status, string StatusName, string? Standing, DateTimeOffset ReceivedAt, DateTimeOffset DueAt,
        string SenderName, string SenderAddress, string? SenderPhone, string? SenderEmail, string Title, string Content, string ContentType,
        string? RelatedProcedureCode, string? RelatedRegulation, int? AssignedUnitId, string? TransferredTo, string? DuplicateOfCode,
        string? Answer, string? DraftedBy, string? ApprovedBy, DateTimeOffset? PublishedAt, long RowVersion, IReadOnlyList<AttachmentDto> Attachments);

    public sealed record ActionRequest(string? Action, int? UnitId, string? TransferredTo, string? DuplicateOfCode, string? Answer, long? RowVersion);

    public static RouteGroupBuilder MapFeedbackOfficeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/feedback").WithTags("Phản ánh, kiến nghị (cán bộ)").RequireAuthorization(Policies.Officer);
        api.MapGet("/", ListAsync).WithSummary("Sổ phản ánh, kiến nghị của cơ quan; lọc theo trạng thái (status) và quá hạn (overdue=true)");
        api.MapGet("/{code}", GetAsync).WithSummary("Một phản ánh, kiến nghị (kể cả thông tin liên hệ và tệp đính kèm)");
        api.MapPost("/{code}/actions", ActAsync)
            .WithSummary("Phân loại (classifyInScope/classifyOutOfScope/classifyDuplicate), dự thảo trả lời (draftAnswer), duyệt (approve), công khai (publish)");
        return api;
    }

    internal static async Task<Results<Ok<List<ListItemDto>>, ValidationProblem>> ListAsync(string? status, bool? overdue, HttpContext http,
        AppDbContext db, CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        var agencyId = http.User.AgencyId();
        var query = db.FeedbackItems.AsNoTracking().Where(f => f.AgencyId == agencyId);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<FeedbackStatus>(status.Trim(), ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = ["Trạng thái không hợp lệ. Dùng một trong: " + string.Join(", ", Enum.GetNames<FeedbackStatus>().Select(DossierApi.Camel)) + "."],
                }, title: "Tham số không hợp lệ.");
            }
            query = query.Where(f => f.Status == s);
        }
        var rows = await query.OrderBy(f => f.DueAt).Take(500)
            .Select(f => new { Item = f, Attachments = f.Attachments.Count }).ToListAsync(ct);
        var calculator = await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        var list = rows.Select(r => (r.Item, r.Attachments, Standing: FeedbackDesk.Standing(r.Item, now, calculator)))
            .Where(r => overdue != true || r.Standing == PendingTimeliness.Overdue)
            .Select(r => new ListItemDto(r.Item.Code, r.Item.Title, DossierApi.Camel(r.Item.Status.ToString()), FeedbackRules.Name(r.Item.Status),
                DossierApi.Camel(r.Item.ContentType.ToString()), r.Item.ReceivedAt, r.Item.DueAt, StandingName(r.Standing), r.Item.AssignedUnitId, r.Attachments))
            .ToList();
        return TypedResults.Ok(list);
    }

    internal static async Task<Results<Ok<DetailDto>, NotFound<ProblemDetails>>> GetAsync(string code, HttpContext http, AppDbContext db,
        CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        var agencyId = http.User.AgencyId();
        var dto = await DetailAsync(db, calendars, time, agencyId, code, ct);
        if (dto is null)
        {
            return NotFound(code);
        }
        // Decree 13/2023: the sender's contact is in the answer, so the read is logged as on the detail page.
        Shared.Privacy.PersonalDataReads.RecordFeedback(db, time, http.User, dto.Code, "feedback-api");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(dto);
    }

    internal static async Task<Results<Ok<DetailDto>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> ActAsync(string code, ActionRequest? request,
        HttpContext http, AppDbContext db, FeedbackDesk desk, CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Action)
            || !Enum.TryParse<FeedbackAction>(request.Action.Trim(), ignoreCase: true, out var action) || !Enum.IsDefined(action))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["action"] = ["Thao tác không hợp lệ. Dùng một trong: " + string.Join(", ", Enum.GetNames<FeedbackAction>().Select(DossierApi.Camel)) + "."],
            }, title: "Dữ liệu không hợp lệ.");
        }
        var agencyId = http.User.AgencyId();
        var key = (code ?? "").Trim().ToUpperInvariant();
        var id = await db.FeedbackItems.Where(f => f.AgencyId == agencyId && f.Code == key).Select(f => (long?)f.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            return NotFound(code);
        }
        var outcome = await desk.ApplyAsync(id.Value, action, new FeedbackActionInput(request.UnitId, request.TransferredTo, request.DuplicateOfCode,
            request.Answer, request.RowVersion), http.User, ct);
        switch (outcome.Kind)
        {
            case FeedbackOutcomeKind.Ok:
                db.ChangeTracker.Clear();
                return TypedResults.Ok((await DetailAsync(db, calendars, time, agencyId, key, ct))!);
            case FeedbackOutcomeKind.NotFound:
                return NotFound(code);
            case FeedbackOutcomeKind.Invalid:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Field(action)] = [outcome.Error!] }, title: "Dữ liệu không hợp lệ.");
            case FeedbackOutcomeKind.Forbidden:
                return TypedResults.Problem(title: "Không có quyền thực hiện thao tác.", detail: outcome.Error, statusCode: StatusCodes.Status403Forbidden);
            case FeedbackOutcomeKind.Conflict:
                return TypedResults.Problem(title: "Không thực hiện được thao tác.", detail: outcome.Error, statusCode: StatusCodes.Status409Conflict);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private static string Field(FeedbackAction action) => action switch
    {
        FeedbackAction.ClassifyInScope => "unitId",
        FeedbackAction.ClassifyOutOfScope => "transferredTo",
        FeedbackAction.ClassifyDuplicate => "duplicateOfCode",
        FeedbackAction.DraftAnswer => "answer",
        FeedbackAction.Approve or FeedbackAction.Publish => "action",
    };

    private static NotFound<ProblemDetails> NotFound(string? code) => TypedResults.NotFound(new ProblemDetails
    {
        Status = 404, Title = "Không tìm thấy phản ánh, kiến nghị.", Detail = $"Cơ quan không có phản ánh, kiến nghị mã \"{code}\".",
    });

    private static string? StandingName(PendingTimeliness? standing) => standing is { } s ? DossierApi.Camel(s.ToString()) : null;

    private static async Task<DetailDto?> DetailAsync(AppDbContext db, CalendarProvider calendars, TimeProvider time, int? agencyId, string? code, CancellationToken ct)
    {
        var key = (code ?? "").Trim().ToUpperInvariant();
        var f = await db.FeedbackItems.AsNoTracking().Include(x => x.DuplicateOf).Include(x => x.Attachments)
            .SingleOrDefaultAsync(x => x.AgencyId == agencyId && x.Code == key, ct);
        if (f is null)
        {
            return null;
        }
        var standing = FeedbackDesk.Standing(f, time.GetUtcNow(), await calendars.CalculatorAsync(db, agencyId, ct));
        return new DetailDto(f.Code, DossierApi.Camel(f.Status.ToString()), FeedbackRules.Name(f.Status), StandingName(standing), f.ReceivedAt, f.DueAt,
            f.SenderName, f.SenderAddress, f.SenderPhone, f.SenderEmail, f.Title, f.Content, DossierApi.Camel(f.ContentType.ToString()),
            f.RelatedProcedureCode, f.RelatedRegulation, f.AssignedUnitId, f.TransferredTo, f.DuplicateOf?.Code, f.AnswerText, f.DraftedBy, f.ApprovedBy,
            f.PublishedAt, f.Version, f.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256)).ToList());
    }
}
