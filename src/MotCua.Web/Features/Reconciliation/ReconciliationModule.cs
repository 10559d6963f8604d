using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Reconciliation;

/// <summary>
/// GET /api/reconciliation: the per-dossier ledger of the caller's agency over a date range (read by every officer, as
/// the reports are); POST …/{code}/resend and …/{code}/explain for the control focal officer and administrators.
/// </summary>
public static class ReconciliationModule
{
    public const int MaxPageSize = 500;

    public static IServiceCollection AddReconciliation(this IServiceCollection services) => services;

    public sealed record PeriodDto(string Key, string Label, DateOnly From, DateOnly To, bool Provisional, DateTimeOffset? AsOf, DateOnly? CalendarFrom, DateOnly? CalendarTo);

    public sealed record DifferenceDto(string Reason, string Text, string Action);

    public sealed record NoteDto(string Reason, string Text, string WrittenBy, DateTimeOffset WrittenAt);

    public sealed record LineDto(
        string Code, string Status, int? NationalStatusCode, DateTimeOffset ReceivedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ReturnedAt,
        int? PortalStatusCode, DateTimeOffset? PortalAcknowledgedAt, int PortalPending, int PortalFailed, string? PortalError,
        string? ReportOpening, string? ReportClosing, bool IndexCounted, bool IndexReceived, bool IndexNotLate, bool IndexSynced,
        bool InAgreement, IReadOnlyList<DifferenceDto> Differences, NoteDto? Note);

    public sealed record LedgerDto(PeriodDto Period, LedgerTotals Totals, int RefusedAtDesk, IReadOnlyDictionary<string, int> DifferencesByReason,
        int Page, int PageSize, int Matching, IReadOnlyList<LineDto> Lines);

    public sealed record ExplainRequest(string? Period, string? From, string? To, string? Reason, string? Text);

    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reconciliation").RequireAuthorization(Policies.Officer).WithTags("Đối soát số liệu");
        api.MapGet("/", GetAsync).WithSummary("Sổ đối soát từng hồ sơ giữa MotCua, Cổng DVCQG, Biểu 06 và chỉ số 766 trong một kỳ");
        api.MapPost("/{code}/resend", ResendAsync).WithSummary("Gửi lại trạng thái hiện tại của hồ sơ lên Cổng DVCQG");
        api.MapPost("/{code}/explain", ExplainAsync).WithSummary("Ghi giải trình chênh lệch số liệu của một hồ sơ trong kỳ");
        return app;
    }

    internal static async Task<Results<Ok<LedgerDto>, ValidationProblem>> GetAsync(
        string? period, string? from, string? to, int? unit, string? reason, bool? all, int? page, int? pageSize,
        ClaimsPrincipal user, ReportingDb reporting, TimeProvider time, CancellationToken ct)
    {
        var agencyId = user.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        var (parsed, errors) = ReportRequest.Parse(period, from, to, null, null, null);
        LedgerReason? filter = null;
        if (!string.IsNullOrWhiteSpace(reason))
        {
            filter = DossierLedger.ParseReason(reason.Trim());
            if (filter is null)
            {
                errors["reason"] = ["Lý do không hợp lệ; dùng một trong: " + string.Join(", ", Enum.GetValues<LedgerReason>().Select(DossierLedger.ReasonCode)) + "."];
            }
        }
        if (page is < 1)
        {
            errors["page"] = ["Trang (page) bắt đầu từ 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Số dòng mỗi trang (pageSize) từ 1 đến {MaxPageSize.ToString(CultureInfo.InvariantCulture)}."];
        }
        if (unit is { } u && !await reporting.Context.Units.AnyAsync(x => x.Id == u && x.AgencyId == agencyId, ct))
        {
            errors["unit"] = ["Không có đơn vị này trong cơ quan."];
        }
        if (parsed is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số đối soát không hợp lệ.");
        }
        var p = parsed.AsOf(time.GetUtcNow()).Period;
        var size = pageSize ?? 100;
        var number = page ?? 1;
        PeriodDto PeriodOf(ReportPeriod? calendar) => new(p.Key, p.Label, p.Start, p.End, p.IsProvisional, p.AsOfInstant, calendar?.Start, calendar?.End);
        static Dictionary<string, int> ByReason(IReadOnlyDictionary<LedgerReason, int> counts) =>
            counts.ToDictionary(x => DossierLedger.ReasonCode(x.Key), x => x.Value, StringComparer.Ordinal);
        if (all == true)
        {
            // Every line, agreeing ones included: the whole period reconciled by Core.
            var ledger = await Ledger.LoadAsync(reporting, agencyId, p, unit, ct);
            var matching = ledger.Lines.Where(l => filter is null || l.Differences.Any(d => d.Reason == filter)).ToList();
            return TypedResults.Ok(new LedgerDto(PeriodOf(ledger.CalendarPeriod), ledger.Totals, ledger.RefusedAtDesk, ByReason(ledger.ByReason),
                number, size, matching.Count, matching.Skip((int)Math.Min(int.MaxValue, ((long)number - 1) * size)).Take(size).Select(l => Line(l, ledger.NoteFor(l))).ToList()));
        }
        var differing = await LedgerSql.PageAsync(reporting, agencyId, p, unit, filter, (int)Math.Min(int.MaxValue, ((long)number - 1) * size), size, ct);
        return TypedResults.Ok(new LedgerDto(PeriodOf(differing.CalendarPeriod), differing.Totals, differing.RefusedAtDesk, ByReason(differing.ByReason),
            number, size, differing.Matching, differing.Lines.Select(l => Line(l, differing.NoteFor(l))).ToList()));
    }

    internal static LineDto Line(LedgerLine l, LedgerNoteView? note)
    {
        ArgumentNullException.ThrowIfNull(l);
        var f = l.Input.Fact;
        var portal = l.Input.Portal;
        return new LineDto(f.Code, l.Input.Status.ToString(), l.ExpectedNationalStatus?.Code, f.ReceivedAt, f.CompletedAt, f.ReturnedAt,
            portal.AcknowledgedCode, portal.AcknowledgedAt, portal.Pending, portal.Failed, portal.LastError,
            l.Report?.Opening.ToString(), l.Report?.Closing.ToString(), l.Index.Counted, l.Index.Received, l.Index.NotLate, l.Index.Synced,
            l.InAgreement, l.Differences.Select(d => new DifferenceDto(DossierLedger.ReasonCode(d.Reason), d.Text, DossierLedger.ActionCode(d.Action))).ToList(),
            note is null ? null : new NoteDto(note.Reason, note.Text, note.WrittenBy, note.WrittenAt));
    }

    public sealed record ResendDto(string Code, Guid MessageId);

    internal static async Task<Results<Ok<ResendDto>, ProblemHttpResult, ForbidHttpResult>> ResendAsync(
        string code, ClaimsPrincipal user, AppDbContext db, TimeProvider time, IOptions<NotificationOptions> options, INationalResultPapers resultPapers, CancellationToken ct)
    {
        if (!LedgerActions.MayAct(user))
        {
            return TypedResults.Forbid();
        }
        var agencyId = user.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        var (outcome, error, id) = await LedgerActions.ResendAsync(db, time, options.Value.NationalPortal, resultPapers, user, agencyId, code, ct);
        return outcome switch
        {
            LedgerActionOutcome.Done => TypedResults.Ok(new ResendDto(code, id!.Value)),
            LedgerActionOutcome.NotFound => Problem(StatusCodes.Status404NotFound, error),
            LedgerActionOutcome.Invalid or LedgerActionOutcome.Conflict => Problem(StatusCodes.Status409Conflict, error),
        };
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> ExplainAsync(
        string code, ExplainRequest? body, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!LedgerActions.MayAct(user))
        {
            return TypedResults.Forbid();
        }
        var agencyId = user.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Thiếu nội dung yêu cầu (JSON)."] }, title: "Yêu cầu không hợp lệ.");
        }
        var (parsed, errors) = ReportRequest.Parse(body.Period, body.From, body.To, null, null, null);
        if (parsed is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Kỳ đối soát không hợp lệ.");
        }
        var (outcome, error) = await LedgerActions.ExplainAsync(db, time, user, agencyId, code, parsed.Period, body.Reason, body.Text, ct);
        return outcome switch
        {
            LedgerActionOutcome.Done => TypedResults.NoContent(),
            LedgerActionOutcome.NotFound => Problem(StatusCodes.Status404NotFound, error),
            LedgerActionOutcome.Invalid or LedgerActionOutcome.Conflict =>
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [error ?? ""] }, title: "Giải trình không hợp lệ."),
        };
    }

    private static ProblemHttpResult Problem(int status, string? detail) =>
        TypedResults.Problem(detail, statusCode: status, title: status == StatusCodes.Status404NotFound ? "Không tìm thấy." : "Không thực hiện được.");
}
