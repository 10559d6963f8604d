using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;
using MotCua.Web.Shared.Caching;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The dossier feature's services and officer API (bearer token or cookie; every query scoped to the caller's agency).</summary>
public static class DossierApi
{
    /// <summary>The API's own spelling, for the idempotency key's stored answer and request hash.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { ApiJson.EnumConverter } };

    public static IServiceCollection AddDossiers(this IServiceCollection services) =>
        services.AddScoped<DossierReferences>().AddScoped<DossierStore>().AddScoped<ReceiveDossier>().AddScoped<ActOnDossier>()
            .AddScoped<SupplementOnline>().AddScoped<UpdateFees>().AddScoped<AddFiles>().AddScoped<RecordExplanation>().AddScoped<DossierImport>().AddSingleton<DossierFileStore>()
            .AddDossierSubscriber<Forms.SupplementItemsRecorder>().AddDossierSubscriber<Supplement.SupplementRequestRecorder>().AddDossierSubscriber<DossierSearch>().AddHostedService<DossierSearchBackfillService>()
            .AddScoped<ReceiptPreview>().AddScoped<CorrectReceipt>().AddScoped<DeadlineRecompute>()
            .AddScoped<Boundary.BoundaryReceipts>()
            .AddScoped<Boundary.ResultHandBacks>()
            .WatchReferenceData(DossierReferences.CachedFrom);

    // ---------------------------------------------------------------- shapes

    /// <summary><c>masked</c>: ID number, phone, e-mail and address are masked because the caller does not handle this dossier.</summary>
    public sealed record ApplicantDto(string? Kind, string? Name, string? IdNumber, string? Phone, string? Email, string? Address, bool Masked = false);

    public sealed record PaperDto(string? Name, bool Present, string? Form = null, int? Quantity = null);

    /// <summary>The applicant as a receipt names them; <c>kind</c> defaults to individual.</summary>
    public sealed record ApplicantRequest([property: OneOf("Loại người nộp", Optional = true)] ApplicantKind? Kind, string? Name, string? IdNumber, string? Phone, string? Email, string? Address);

    /// <summary>A paper handed in; <c>form</c> defaults to original, <c>quantity</c> to 1.</summary>
    public sealed record PaperRequest(string? Name, bool Present, [property: OneOf("Hình thức giấy tờ", Optional = true)] PaperCopyKind? Form = null, int? Quantity = null);

    /// <summary>
    /// Receipt. <c>outcome</c>: receive (default; submit for an online dossier) | requestSupplement | refuse | submit (online dossier for the desk check).
    /// <c>transferToUnitId</c> (with receive only): transfer to that processing unit in the same action ("tiếp nhận và chuyển xử lý").
    /// </summary>
    public sealed record CreateDossierRequest(string? ProcedureCode, [property: OneOf("Kênh nộp")] DossierChannel? Channel, ApplicantRequest? Applicant,
        [property: System.ComponentModel.Description(PapersDescription)] IReadOnlyList<PaperRequest>? Papers, [property: OneOf("Kết quả kiểm tra", Optional = true)] ReceiptOutcome? Outcome = null, string? Note = null,
        [property: OneOf("Tình trạng thanh toán", Optional = true)] PaymentStatus? Payment = null, int? TransferToUnitId = null);

    /// <summary>What the receipt's checklist must say, as the desk's checklist page enforces it.</summary>
    public const string PapersDescription =
        "Danh sách thành phần hồ sơ theo danh mục của thủ tục: mỗi thành phần bắt buộc phải có một dòng (present: true nếu đã nhận, "
        + "false nếu chưa); thiếu dòng của một thành phần bắt buộc trả 422 nêu tên thành phần. Với outcome receive mọi thành phần bắt buộc "
        + "phải present: true (nếu không, chọn requestSupplement hoặc refuse). Thành phần \"nếu có\" và thành phần chỉ bắt buộc trong một "
        + "trường hợp (condition) không bắt buộc ghi. Tên so khớp không phân biệt hoa thường, khoảng trắng và dạng Unicode.";

    /// <summary>The receipt's headers: <c>Idempotency-Key</c> makes a resend safe (the first answer is replayed).</summary>
    public sealed record ReceiptHeaders(
        [FromHeader(Name = "Idempotency-Key")]
        [property: JsonPropertyName("Idempotency-Key"), MaxLength(200, ErrorMessage = "Khóa Idempotency-Key dài tối đa 200 ký tự.")]
        string? IdempotencyKey);

    public sealed record ReceiptDto(string Code, DateTimeOffset? DueAt, string Status);

    public sealed record NationalStatusDto(int Code, string Name);

    public sealed record EventDto(DateTimeOffset At, string? Action, string? From, string To, int FromStep, int ToStep, int? UnitId, string? Actor, string? Assignee, string? Note);

    public sealed record FormDto(string Kind, string Number, string Title, DateTimeOffset IssuedAt);

    public sealed record DossierDto(
        string Code, string Status, string StatusName, NationalStatusDto? NationalStatus, string Channel,
        string ProcedureCode, string ProcedureName, int ProcedureVersionId, ApplicantDto Applicant,
        DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt, DateTimeOffset? DueAt, DateTimeOffset? RescheduledDueAt,
        int CurrentStep, int? CurrentUnitId, string? Assignee, DateTimeOffset? CompletedAt, DateTimeOffset? ReturnedAt, string? ReturnMethod,
        DateTimeOffset? ClosedAt, string? Timeliness, long FeeAmount, string PaymentStatus, bool ComponentsDigitised, bool ResultDigitised, bool Imported,
        long RowVersion, IReadOnlyList<PaperDto> Papers, IReadOnlyList<EventDto> Events, IReadOnlyList<FormDto> Forms, IReadOnlyList<string> AvailableActions);

    /// <summary>
    /// <c>action</c> is a camelCase <see cref="DossierAction"/>; other fields as the action needs. <c>unitId</c> with
    /// <c>receive</c> (the desk check) transfers the dossier to that unit in the same action.
    /// </summary>
    public sealed record ActionRequest([property: OneOf("Thao tác")] DossierAction? Action, string? Note, long? RowVersion, string? Assignee = null, int? UnitId = null,
        int? TargetStep = null, DateTimeOffset? NewAppointment = null, [property: OneOf("Hình thức trả kết quả", Optional = true)] ResultDelivery? Delivery = null, string? Partner = null,
        IReadOnlyList<SupplementItem>? SupplementItems = null, string? LeaderUserId = null,
        [property: OneOf("Loại yêu cầu bổ sung", Optional = true)] SupplementAct? SupplementAct = null, string? RepeatReason = null);

    public sealed record DossierSummaryDto(string Code, string Status, string StatusName, string ProcedureCode, string ApplicantName,
        DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, int? CurrentUnitId, string? Assignee, string? Standing);

    public static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    public static ReceiptDto ReceiptResponse(Dossier d) => new(d.Code, d.DueAt, Camel(d.Status.ToString()));

    // ---------------------------------------------------------------- endpoints

    public static IEndpointRouteBuilder MapDossierApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("Hồ sơ").RequireAuthorization(Policies.Officer)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        // Receipt is the desk's work, as the page /mot-cua/tiep-nhan (docs/authorization.md: an API twin is at least as strict as its page).
        api.MapPost("/", CreateAsync).WithSummary("Tiếp nhận hồ sơ (header Idempotency-Key để gửi lại an toàn)").WithDescription("papers: " + PapersDescription).DisableAntiforgery()
            .RequireAuthorization(p => p.RequireRole(Roles.OneStopOfficer)).WithValidation();
        api.MapGet("/", ListAsync).WithSummary("Danh sách hồ sơ của cơ quan (lọc theo status, unit, dueBefore)");
        api.MapGet("/{code}", GetAsync).WithSummary("Chi tiết một hồ sơ");
        api.MapPost("/{code}/actions", ActAsync).WithSummary("Thực hiện một thao tác xử lý hồ sơ (kèm rowVersion)").DisableAntiforgery().WithValidation();
        api.MapGet("/{code}/forms/{form}", FormPdfAsync).WithSummary("Biểu mẫu của hồ sơ dạng PDF (tiep-nhan, bo-sung, tu-choi, xin-loi, kiem-soat)");
        // Historical dossiers count in the official reports: administrators only, as the page /ho-so/nhap.
        api.MapPost("/import", ImportAsync).WithSummary("Nhập hồ sơ lịch sử từ hệ thống cũ (toàn bộ hoặc không gì cả)").DisableAntiforgery()
            .RequireAuthorization(Policies.Admin);
        app.MapReceiptApi();
        app.MapDossierFilesApi();
        Boundary.ResultHandBackApi.MapResultHandBackApi(app);
        return app;
    }

    internal static async Task<Results<Created<ReceiptDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CreateAsync(
        CreateDossierRequest? request, [AsParameters] ReceiptHeaders headers, ClaimsPrincipal user, ReceiveDossier receipt, CancellationToken ct)
    {
        // WithValidation has answered a missing body, channel or an over-long key; the JSON converter, any unknown name.
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(headers);
        var channel = request.Channel!.Value;
        var a = request.Applicant ?? new ApplicantRequest(null, null, null, null, null, null);
        var papers = (request.Papers ?? []).Select(p => new PaperInput(p.Name, p.Present, p.Form ?? PaperCopyKind.Original, p.Quantity ?? 1)).ToList();
        var input = new ReceiptInput(request.ProcedureCode, channel, new ApplicantInput(a.Kind ?? ApplicantKind.Individual, a.Name, a.IdNumber, a.Phone, a.Email, a.Address),
            papers, request.Outcome ?? (channel == DossierChannel.Online ? ReceiptOutcome.Submit : ReceiptOutcome.Receive), request.Note,
            request.Payment ?? PaymentStatus.Unpaid, TransferToUnitId: request.TransferToUnitId);
        var key = string.IsNullOrWhiteSpace(headers.IdempotencyKey) ? null : headers.IdempotencyKey.Trim();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Json))));
        var result = await receipt.ReceiveAsync(input, user, key, hash, ct);
        if (!result.Succeeded)
        {
            return result.Kind switch
            {
                OutcomeKind.Invalid => TypedResults.ValidationProblem(result.Errors ?? [], detail: result.Detail, title: result.Title),
                OutcomeKind.Forbidden => ApiProblems.Forbidden(result.Title ?? "", result.Detail),
                OutcomeKind.NotFound => ApiProblems.NotFound(result.Title ?? "", result.Detail),
                OutcomeKind.Conflict => ApiProblems.Conflict(result.Title ?? "", result.Detail),
                OutcomeKind.Unprocessable or OutcomeKind.Ok => ApiProblems.Unprocessable(result.Title ?? "", result.Detail),
            };
        }
        var body = result.ReplayJson is { } replay ? JsonSerializer.Deserialize<ReceiptDto>(replay, Json)! : ReceiptResponse(result.Dossier!);
        return TypedResults.Created("/api/dossiers/" + Uri.EscapeDataString(body.Code), body);
    }

    internal static async Task<Results<Ok<DossierDto>, NotFoundProblem>> GetAsync(string code, ClaimsPrincipal user, AppDbContext db, ActOnDossier act, TimeProvider time, CancellationToken ct)
    {
        if (await LoadDtoAsync(db, act, time, user, code, "api", ct) is not { } dto)
        {
            return NotFound(code);
        }
        // Personal-data law: the read of the applicant's data is logged, one small insert (sealed later, off this path).
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(dto);
    }

    /// <summary>
    /// The full dossier as the API shows it to an officer of its agency, the applicant's contact as this officer may see
    /// it (<see cref="PersonalDataReads.Open"/>: the read's audit entry is added, the caller saves it) and the actions this
    /// caller could perform (<see cref="ActOnDossier.AvailableActionsAsync"/>); null when not found there.
    /// </summary>
    public static async Task<DossierDto?> LoadDtoAsync(AppDbContext db, ActOnDossier act, TimeProvider time, ClaimsPrincipal user, string code, string view, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var key = code.Trim();
        // One statement (a dossier has a handful of papers and events, so the joined rows stay few): the transition's
        // answer re-reads the dossier, and a split query would cost three round trips.
        var d = await db.Set<Dossier>().AsNoTracking().Include(x => x.Papers).Include(x => x.Events)
            .AsSingleQuery().SingleOrDefaultAsync(x => x.AgencyId == agencyId && x.Code == key, ct);
        if (d is null)
        {
            // A predecessor's dossier under its old code: readable by the successor, with no action offered.
            var predecessors = (await AgencyLineage.AgencyIdsInViewAsync(db, agencyId, ct)).Skip(1).ToList();
            d = predecessors.Count == 0 ? null : await db.Set<Dossier>().AsNoTracking().Include(x => x.Papers).Include(x => x.Events)
                .AsSingleQuery().Where(x => predecessors.Contains(x.AgencyId) && x.Code == key).OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
        }
        if (d is null)
        {
            return null;
        }
        var forms = await db.Set<DossierForm>().AsNoTracking().Where(f => f.DossierId == d.Id).OrderBy(f => f.Id).ToListAsync(ct);
        var contact = PersonalDataReads.Open(db, time, user, d, view);
        return ToDto(d, contact, forms, await act.AvailableActionsAsync(user, d, ct));
    }

    /// <summary>The DTO of a dossier with the applicant's contact as <paramref name="contact"/> gives it (opened for the caller).</summary>
    /// <paramref name="papers"/> and <paramref name="events"/> stand in for the dossier's own collections when it was loaded without them.
    public static DossierDto ToDto(Dossier d, ContactDetails contact, IReadOnlyList<DossierForm> forms, IReadOnlyList<DossierAction> available,
        IEnumerable<DossierPaper>? papers = null, IEnumerable<DossierEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        var regime = LegalRegime.Of(d.Regime);
        var national = NationalStatus.From(d.Status);
        return new DossierDto(
            d.Code, Camel(d.Status.ToString()), DossierText.Name(d.Status), national is null ? null : new NationalStatusDto(national.Code, national.Name),
            Camel(d.Channel.ToString()), d.ProcedureCode, d.ProcedureName, d.ProcedureVersionId,
            new ApplicantDto(Camel(d.ApplicantKind.ToString()), d.ApplicantName, contact.IdNumber, contact.Phone, contact.Email, contact.Address, contact.Masked),
            d.SubmittedAt, d.ReceivedAt, d.AppointmentAt, d.DueAt, d.RescheduledDueAt, d.CurrentStep, d.CurrentUnitId, d.Assignee, d.CompletedAt,
            d.ReturnedAt, d.ReturnMethod is { } m ? Camel(m.ToString()) : null, d.ClosedAt,
            d.ToState().Timeliness is { } t ? Camel(t.ToString()) : null,
            d.FeeAmount, Camel(d.PaymentStatus.ToString()), d.ComponentsDigitised, d.ResultDigitised, d.Imported, d.Version,
            (papers ?? d.Papers).OrderBy(p => p.Seq).Select(p => new PaperDto(p.Name, p.Present, Camel(p.Form.ToString()), p.Quantity)).ToList(),
            (events ?? d.Events).OrderBy(e => e.Id).Select(e => new EventDto(e.At, e.Action is { } a ? Camel(a.ToString()) : null, e.FromStatus is { } f ? Camel(f.ToString()) : null,
                Camel(e.ToStatus.ToString()), e.FromStep, e.ToStep, e.ToUnitId, e.ActorName, e.Assignee, e.Note)).ToList(),
            forms.Select(f => new FormDto(Camel(f.Kind.ToString()), f.Number, regime.Form(f.Kind).Title, f.IssuedAt)).ToList(),
            available.Select(x => Camel(x.ToString())).ToList());
    }

    internal static async Task<Results<Ok<DossierDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> ActAsync(
        string code, ActionRequest? request, ClaimsPrincipal user, ActOnDossier act, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        // WithValidation has answered a missing body or action; the JSON converter, an unknown action or delivery.
        ArgumentNullException.ThrowIfNull(request);
        var input = new ActionInput(request.Note, request.Assignee, request.UnitId, request.TargetStep, request.NewAppointment, request.Delivery, request.Partner,
            SupplementItems: request.SupplementItems, LeaderUserId: request.LeaderUserId, SupplementAct: request.SupplementAct, RepeatReason: request.RepeatReason);
        ContactDetails? contact = null;
        // Personal-data law: the answer shows the applicant's contact, so its read is logged in the action's own save.
        var result = await act.ApplyAsync(code, request.Action!.Value, input, request.RowVersion, user, ct,
            alongside: d => contact = PersonalDataReads.Open(db, time, user, d, "api-action"));
        return result.Kind switch
        {
            OutcomeKind.Ok => TypedResults.Ok(await ActionAnswerAsync(db, act, user, result.Dossier!, contact!, ct)),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(result.Errors ?? [], detail: result.Detail, title: result.Title),
            OutcomeKind.NotFound => ApiProblems.NotFound(result.Title ?? "", result.Detail),
            OutcomeKind.Forbidden => ApiProblems.Forbidden(result.Title ?? "", result.Detail),
            OutcomeKind.Conflict => ApiProblems.Conflict(result.Title ?? "", result.Detail),
            OutcomeKind.Unprocessable => ApiProblems.Unprocessable(result.Title ?? "", result.Detail),
        };
    }

    /// <summary>
    /// The dossier after a successful action, from the saved entity itself: only its papers, history and forms are read,
    /// since the change path does not load them, in one statement (a dossier has a handful of each, so their product
    /// costs less than a second round trip).
    /// </summary>
    private static async Task<DossierDto> ActionAnswerAsync(AppDbContext db, ActOnDossier act, ClaimsPrincipal user, Dossier dossier, ContactDetails contact, CancellationToken ct)
    {
        var rows = await AnswerQuery.For(db)(db, dossier.Id, ct);
        return ToDto(dossier, contact, rows.Forms, await act.AvailableActionsAsync(user, dossier, ct), rows.Papers, rows.Events);
    }

    private sealed record AnswerRows(List<DossierPaper> Papers, List<DossierEvent> Events, List<DossierForm> Forms);

    // Compiled once: a query built per call makes EF walk and evaluate its expression again on every action.
    private static readonly CompiledPerModel<Func<AppDbContext, long, CancellationToken, Task<AnswerRows>>> AnswerQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken ct) => db.Set<Dossier>().AsNoTracking().Where(d => d.Id == id)
            .Select(d => new AnswerRows(d.Papers, d.Events, db.Set<DossierForm>().Where(f => f.DossierId == d.Id).OrderBy(f => f.Id).ToList()))
            .AsSingleQuery().Single()));

    /// <summary>The DossierAction named by <paramref name="text"/> (its API name, any case); numbers and unknown names are refused.</summary>
    public static bool TryParseAction(string text, out DossierAction action)
    {
        var known = ApiEnums.TryParse<DossierAction>(text, out var parsed) && parsed is not null;
        action = parsed ?? default;
        return known;
    }

    internal static async Task<Results<Ok<List<DossierSummaryDto>>, ValidationProblem>> ListAsync(
        string? status, int? unit, DateTimeOffset? dueBefore, ClaimsPrincipal user, AppDbContext db, CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        if (!ApiEnums.TryParse<DossierStatus>(status, out var wanted))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [ApiEnums.Invalid<DossierStatus>("Trạng thái")] }, title: "Tham số không hợp lệ.");
        }
        var agencyId = user.AgencyId();
        var agencyIds = await AgencyLineage.AgencyIdsInViewAsync(db, agencyId, ct);
        var query = db.Set<Dossier>().AsNoTracking().Where(d => agencyIds.Contains(d.AgencyId));
        if (wanted is { } s)
        {
            query = query.Where(d => d.Status == s);
        }
        if (unit is { } u)
        {
            query = query.Where(d => d.CurrentUnitId == u);
        }
        if (dueBefore is { } before)
        {
            query = query.Where(d => d.DueAt != null && d.DueAt < before);
        }
        var rows = await query.OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(1000).ToListAsync(ct);
        var calculator = await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(rows.Select(d => new DossierSummaryDto(d.Code, Camel(d.Status.ToString()), DossierText.Name(d.Status), d.ProcedureCode, d.ApplicantName,
            d.ReceivedAt, d.DueAt, d.CurrentUnitId, d.Assignee,
            DossierQueue.Standing(d.ToState(), now, calculator) is { } st ? Camel(st.Status.ToString()) : null)).ToList());
    }

    internal static async Task<Results<Ok<DossierImport.ImportResult>, ValidationProblem>> ImportAsync(
        List<DossierImport.ImportRecord>? records, ClaimsPrincipal user, DossierImport import, CancellationToken ct)
    {
        if (records is null || records.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Danh sách hồ sơ cần nhập đang trống."] }, title: "Dữ liệu không hợp lệ.");
        }
        var (result, errors) = await import.ImportAsync(records, user, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                title: "Dữ liệu nhập không hợp lệ; không hồ sơ nào được nhập.");
        }
        return TypedResults.Ok(result!);
    }

    internal static async Task<Results<FileContentHttpResult, NotFoundProblem>> FormPdfAsync(
        string code, string form, HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var slug = form.EndsWith(".pdf", StringComparison.Ordinal) ? form[..^4] : form;
        // A receiving centre gets, as on its pages, the receipt it issued and the control slip of its own part.
        var centreForm = slug is "tiep-nhan" or "kiem-soat";
        var d = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code.Trim()
            && (x.AgencyId == agencyId || (x.ReceivingAgencyId == agencyId && centreForm)), ct);
        var doc = d is null || !DossierDocuments.Slugs.TryGetValue(slug, out var kind)
            ? null
            // Personal-data law: the PDF carries the contact as this officer may see it (full for the desk printing it for
            // the citizen, masked for a leader), and the read is logged.
            : d.AgencyId != agencyId && kind == OfficialFormKind.ProcessControl
                ? await Boundary.CentreControlSlip.BuildAsync(db, d, agencyId, DossierDocuments.LookupUrl(request, d.Code), PersonalDataReads.Open(db, time, user, d, "form-pdf:" + slug), time, ct)
                : await DossierDocuments.BuildAsync(db, d, kind, DossierDocuments.LookupUrl(request, d.Code), PersonalDataReads.Open(db, time, user, d, "form-pdf:" + slug), time, ct);
        if (doc is null)
        {
            return ApiProblems.NotFound("Không tìm thấy biểu mẫu.", "Hồ sơ không có biểu mẫu này.");
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.File(MotCua.Web.Shared.Documents.PdfRenderer.Render(doc), "application/pdf", d!.Code + "-" + slug + ".pdf");
    }

    private static NotFoundProblem NotFound(string code) => ApiProblems.NotFound("Không tìm thấy hồ sơ.", $"Không có hồ sơ mã \"{code}\" của cơ quan.");
}
