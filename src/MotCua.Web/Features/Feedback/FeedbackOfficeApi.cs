using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

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

    /// <param name="Masked">True when the caller does not handle the PAKN: contact masked, attachments left out (<see cref="AttachmentCount"/> only).</param>
    /// <param name="Redaction">While the answer waits to be published: the texts as they would be published and what was found to hide.</param>
    /// <param name="Public">Once published after review: the texts the public sees.</param>
    public sealed record DetailDto(string Code, string Status, string StatusName, string? Standing, DateTimeOffset ReceivedAt, DateTimeOffset DueAt,
        string SenderName, string SenderAddress, string? SenderPhone, string? SenderEmail, bool Masked, string Title, string Content, string ContentType,
        string? RelatedProcedureCode, string? RelatedRegulation, int? AssignedUnitId, string? TransferredTo, string? DuplicateOfCode,
        string? Answer, string? DraftedBy, string? ApprovedBy, DateTimeOffset? PublishedAt, long RowVersion, int AttachmentCount,
        IReadOnlyList<AttachmentDto> Attachments, RedactionDto? Redaction, PublicTextsDto? Public)
    {
        /// <summary>The transfer deadline while it runs or once met or missed; null for an item handled within competence.</summary>
        public TransferDto? Transfer { get; init; }

        /// <summary>The agency that received it, when a merge handed it to the caller's agency; null otherwise.</summary>
        public AgencyDto? ReceivedAgency { get; init; }

        /// <summary>The hand-over lines of the merges that passed it to this agency or unit, oldest first.</summary>
        public IReadOnlyList<string> Handovers { get; init; } = [];
    }

    public sealed record AgencyDto(string Code, string Name);

    /// <param name="DueAt">Last instant to transfer a PAKN outside competence (05 working days from receipt).</param>
    /// <param name="Standing">While untransferred: withinTime, dueSoon or overdue; null once transferred.</param>
    /// <param name="Timeliness">Once transferred: onTime or late.</param>
    /// <param name="Basis">The legal basis of the deadline ("Căn cứ …").</param>
    public sealed record TransferDto(DateTimeOffset DueAt, string? Standing, string? Remaining, DateTimeOffset? TransferredAt, string? TransferredTo,
        string? TransferredToEmail, string? Reason, string? Timeliness, string Basis);

    public sealed record FindingDto(string Text, string Kind, string KindName);

    public sealed record RedactionDto(string Title, string Content, string Answer, string? RelatedRegulation, IReadOnlyList<FindingDto> Findings);

    public sealed record PublicTextsDto(string Title, string Content, string Answer, string? RelatedRegulation, string? ReviewedBy, DateTimeOffset? ReviewedAt);

    /// <param name="Reviewed">For <c>publish</c>: required true, the caller reviewed <see cref="DetailDto.Redaction"/> first.</param>
    /// <param name="Restore">For <c>publish</c>: findings that are not personal data, published as written.</param>
    /// <param name="Redact">For <c>publish</c>: more texts to hide wherever they occur.</param>
    /// <param name="TransferredTo">For <c>transfer</c> (required) and <c>classifyOutOfScope</c>: the competent body.</param>
    /// <param name="TransferredToEmail">For <c>transfer</c>: the competent body's e-mail; the PAKN is sent to it.</param>
    /// <param name="Reason">For <c>classifyOutOfScope</c> and <c>transfer</c>: why the PAKN is outside the agency's competence.</param>
    public sealed record ActionRequest([property: OneOf("Thao tác")] FeedbackAction? Action, int? UnitId, string? TransferredTo, string? DuplicateOfCode, string? Answer, long? RowVersion,
        bool? Reviewed = null, string[]? Restore = null, string[]? Redact = null, string? TransferredToEmail = null, string? Reason = null);

    public static RouteGroupBuilder MapFeedbackOfficeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/feedback").WithTags("Phản ánh, kiến nghị (cán bộ)").RequireAuthorization(Policies.Officer);
        api.MapGet("/", ListAsync).WithSummary("Sổ phản ánh, kiến nghị của cơ quan; lọc theo trạng thái (status) và quá hạn (overdue=true)");
        api.MapGet("/{code}", GetAsync).WithSummary("Một phản ánh, kiến nghị: thông tin liên hệ và tệp đính kèm đầy đủ cho cán bộ được giao xử lý, che với cán bộ khác (masked); "
            + "cơ quan tiếp nhận (receivedAgency) và nội dung chuyển giao (handovers) khi được chuyển giao do hợp nhất");
        api.MapPost("/{code}/actions", ActAsync)
            .WithSummary("Phân loại (classifyInScope/classifyOutOfScope/classifyDuplicate), chuyển cơ quan có thẩm quyền (transfer), dự thảo trả lời (draftAnswer), duyệt (approve), công khai (publish)")
            .WithDescription("\"publish\" cần \"reviewed\": true sau khi xem \"redaction\" của phản ánh, kiến nghị; \"restore\" giữ nguyên các cụm không phải dữ liệu cá nhân, "
                + "\"redact\" ẩn thêm các cụm khác. Chỉ văn bản đã ẩn được công khai.")
            .WithValidation();
        return api;
    }

    internal static async Task<Results<Ok<List<ListItemDto>>, ValidationProblem>> ListAsync(string? status, bool? overdue, HttpContext http,
        AppDbContext db, CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        var agencyId = http.User.AgencyId();
        var query = db.FeedbackItems.AsNoTracking().Where(f => f.AgencyId == agencyId);
        if (!ApiEnums.TryParse<FeedbackStatus>(status, out var wanted))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [ApiEnums.Invalid<FeedbackStatus>("Trạng thái")] },
                title: "Tham số không hợp lệ.");
        }
        if (wanted is { } s)
        {
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
        var dto = await DetailAsync(db, calendars, time, http.User, agencyId, code, ct);
        if (dto is null)
        {
            return NotFound(code);
        }
        // Personal-data law: the sender's contact is in the answer, so the read is logged as on the detail page.
        Shared.Privacy.PersonalDataReads.RecordFeedback(db, time, http.User, dto.Code, "feedback-api", dto.Masked);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(dto);
    }

    internal static async Task<Results<Ok<DetailDto>, ValidationProblem, NotFound<ProblemDetails>, ForbiddenProblem, ConflictProblem>> ActAsync(string code, ActionRequest? request,
        HttpContext http, AppDbContext db, FeedbackDesk desk, CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        // WithValidation has answered a missing body or action; the JSON converter, an unknown action.
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Action!.Value;
        var agencyId = http.User.AgencyId();
        var key = (code ?? "").Trim().ToUpperInvariant();
        var id = await db.FeedbackItems.Where(f => f.AgencyId == agencyId && f.Code == key).Select(f => (long?)f.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            return NotFound(code);
        }
        var restore = RedactionReview.Clean(request.Restore);
        var redact = RedactionReview.Clean(request.Redact);
        if (restore is null || redact is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [restore is null ? "restore" : "redact"] = [$"Tối đa {RedactionReview.MaxTerms} cụm từ, mỗi cụm tối đa {RedactionReview.MaxTermLength} ký tự."],
            }, title: "Dữ liệu không hợp lệ.");
        }
        var outcome = await desk.ApplyAsync(id.Value, action, new FeedbackActionInput(request.UnitId, request.TransferredTo, request.DuplicateOfCode,
            request.Answer, request.RowVersion, new RedactionReview(request.Reviewed == true, restore, redact), request.TransferredToEmail, request.Reason), http.User, ct);
        switch (outcome.Kind)
        {
            case FeedbackOutcomeKind.Ok:
                db.ChangeTracker.Clear();
                var detail = (await DetailAsync(db, calendars, time, http.User, agencyId, key, ct))!;
                Shared.Privacy.PersonalDataReads.RecordFeedback(db, time, http.User, detail.Code, "feedback-api", detail.Masked);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(detail);
            case FeedbackOutcomeKind.NotFound:
                return NotFound(code);
            case FeedbackOutcomeKind.Invalid:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [outcome.Error == FeedbackDesk.ReasonMessage ? "reason" : Field(action)] = [outcome.Error!] }, title: "Dữ liệu không hợp lệ.");
            case FeedbackOutcomeKind.Forbidden:
                return ApiProblems.Forbidden("Không có quyền thực hiện thao tác.", outcome.Error);
            case FeedbackOutcomeKind.Conflict:
                return ApiProblems.Conflict("Không thực hiện được thao tác.", outcome.Error);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private static string Field(FeedbackAction action) => action switch
    {
        FeedbackAction.ClassifyInScope => "unitId",
        FeedbackAction.ClassifyOutOfScope or FeedbackAction.Transfer => "transferredTo",
        FeedbackAction.ClassifyDuplicate => "duplicateOfCode",
        FeedbackAction.DraftAnswer => "answer",
        FeedbackAction.Approve => "action",
        FeedbackAction.Publish => "reviewed",
    };

    private static NotFound<ProblemDetails> NotFound(string? code) => TypedResults.NotFound(new ProblemDetails
    {
        Status = 404, Title = "Không tìm thấy phản ánh, kiến nghị.", Detail = $"Cơ quan không có phản ánh, kiến nghị mã \"{code}\".",
    });

    private static string? StandingName(PendingTimeliness? standing) => standing is { } s ? DossierApi.Camel(s.ToString()) : null;

    private static async Task<DetailDto?> DetailAsync(AppDbContext db, CalendarProvider calendars, TimeProvider time, System.Security.Claims.ClaimsPrincipal user,
        int? agencyId, string? code, CancellationToken ct)
    {
        var key = (code ?? "").Trim().ToUpperInvariant();
        var f = await db.FeedbackItems.AsNoTracking().Include(x => x.DuplicateOf).Include(x => x.Attachments)
            .SingleOrDefaultAsync(x => x.AgencyId == agencyId && x.Code == key, ct);
        if (f is null)
        {
            return null;
        }
        var calculator = await calendars.CalculatorAsync(db, agencyId, ct);
        var standing = FeedbackDesk.Standing(f, time.GetUtcNow(), calculator);
        var transfer = FeedbackDesk.TransferView(f, time.GetUtcNow(), calculator);
        var contact = FeedbackPrivacy.Contact(user, f);
        RedactionDto? redaction = null;
        if (FeedbackRedaction.AwaitsReview(f))
        {
            var texts = FeedbackRedaction.Preview(f, RedactionReview.None);
            redaction = new RedactionDto(texts[0].Redacted, texts[1].Redacted, texts[2].Redacted, f.RelatedRegulation is null ? null : texts[3].Redacted,
                FeedbackRedaction.Findings(f).Select(x => new FindingDto(x.Text, DossierApi.Camel(x.Kind.ToString()), PersonalDataDetector.Name(x.Kind))).ToList());
        }
        var receivedAgency = f.ReceivedAgencyId is { } received && received != f.AgencyId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == received).Select(a => new AgencyDto(a.Code, a.Name)).SingleAsync(ct)
            : null;
        var published = f.PublicContent is null ? null
            : new PublicTextsDto(f.PublicTitle ?? "", f.PublicContent, f.PublicAnswer ?? "", f.PublicRegulation, f.RedactionReviewedBy, f.RedactionReviewedAt);
        return new DetailDto(f.Code, DossierApi.Camel(f.Status.ToString()), FeedbackRules.Name(f.Status), StandingName(standing), f.ReceivedAt, f.DueAt,
            contact.Name, contact.Address, contact.Phone, contact.Email, contact.Masked, f.Title, f.Content, DossierApi.Camel(f.ContentType.ToString()),
            f.RelatedProcedureCode, f.RelatedRegulation, f.AssignedUnitId, f.TransferredTo, f.DuplicateOf?.Code, f.AnswerText, f.DraftedBy, f.ApprovedBy,
            f.PublishedAt, f.Version, f.Attachments.Count,
            contact.Masked ? [] : f.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256)).ToList(),
            redaction, published)
        {
            Transfer = transfer is null ? null : new TransferDto(transfer.DueAt, StandingName(transfer.Standing), transfer.Remaining?.ToString(), f.TransferredAt,
                f.TransferredTo, f.TransferredToEmail, f.TransferReason, transfer.Timeliness is { } t ? DossierApi.Camel(t.ToString()) : null, transfer.Basis),
            ReceivedAgency = receivedAgency,
            Handovers = FeedbackHandover.Notes(f),
        };
    }
}
