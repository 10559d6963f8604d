using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Tra cứu hồ sơ: by dossier code plus a second factor (the applicant's phone or ID number). A wrong or missing factor
/// and an unknown code give the same answer, so the look-up never confirms that a code exists.
/// </summary>
public static class PublicLookup
{
    public const string NeedFactor = "Vui lòng nhập mã hồ sơ và số điện thoại hoặc số giấy tờ tùy thân của người nộp hồ sơ.";
    public const string NoMatch = "Không tìm thấy hồ sơ khớp với mã hồ sơ và số điện thoại hoặc số giấy tờ đã nhập.";

    public sealed record StepDto(DateTimeOffset At, string Name, string Status);

    /// <summary>What the applicant sees: their own name as given, the procedure, status, appointment and steps; never officers' names.</summary>
    public sealed record LookupDto(string Code, string ApplicantName, string ProcedureCode, string ProcedureName, string Status, string StatusName,
        int? NationalStatusCode, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt, DateTimeOffset? ReturnedAt,
        IReadOnlyList<StepDto> Steps, bool CanEvaluate, bool Evaluated, string? ReceivingAgencyName)
    {
        /// <summary>The deciding agency (cơ quan giải quyết), named beside the receiving centre (nơi tiếp nhận) when another agency's desk received it.</summary>
        public string? AgencyName { get; init; }

        /// <summary>The receiving centre where the applicant collects the result, when they chose it over the deciding agency.</summary>
        public string? ResultCentreName { get; init; }
    }

    /// <summary>A ballot: <see cref="Answers"/> holds one value per question of the questionnaire in force, in its order (GET /api/public/evaluation/questions).</summary>
    public sealed record EvaluationRequest([property: System.ComponentModel.DataAnnotations.Required(ErrorMessage = NeedFactor)] string? Phone,
        IReadOnlyList<int?>? Answers, string? Comment);

    /// <summary>The stored ballot's points out of its questionnaire's maximum, and the questionnaire's version.</summary>
    public sealed record EvaluationDto(string Code, int Total, int MaxTotal, int QuestionnaireVersion);

    /// <summary>
    /// A look-up's outcome: the value when the factor matched; <see cref="LockedUntil"/> when the code is locked after too
    /// many wrong factors (then the factor was not even compared); neither when nothing matched.
    /// </summary>
    public sealed record Verified<T>(T? Value, DateTimeOffset? LockedUntil = null) where T : class;

    /// <summary>The dossier when <paramref name="factor"/> matches its applicant (tracked for the page's actions unless <paramref name="tracked"/> is false).</summary>
    public static Task<Verified<Dossier>> FindAsync(AppDbContext db, TimeProvider time, string? code, string? factor, CancellationToken ct,
        bool tracked = true) =>
        GuardedAsync(db, time, code, factor, async (key, upper) =>
        {
            // Codes carry the agency prefix, so they are unique across agencies in practice; drafts are not public.
            var rows = await (tracked ? db.Dossiers : db.Dossiers.AsNoTracking()).Where(d => (d.Code == key || d.Code == upper) && d.Status != DossierStatus.Draft)
                .OrderBy(d => d.Id).Take(5)
                .Select(d => new { Dossier = d, LockedUntil = db.Set<LookupThrottle>().Where(t => t.Code == upper).Max(t => (long?)t.LockedUntil) })
                .ToListAsync(ct);
            return (rows.Select(r => r.Dossier).ToList(), rows.Count > 0 ? rows[0].LockedUntil : null);
        }, d => ApplicantVerification.Matches(factor, d.ApplicantPhone, d.ApplicantIdNumber), ct);

    /// <summary>
    /// The dossier of <paramref name="code"/> when its applicant is the person whose ID number VNeID verified; null
    /// otherwise. No factor is guessed here, so nothing counts against the code.
    /// </summary>
    public static async Task<Dossier?> FindOwnAsync(AppDbContext db, string? code, string idNumber, CancellationToken ct, bool tracked = true)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            return null;
        }
        var key = code.Trim();
        var upper = LookupThrottles.Key(code);
        return await (tracked ? db.Dossiers : db.Dossiers.AsNoTracking())
            .Where(d => (d.Code == key || d.Code == upper) && d.Status != DossierStatus.Draft
                && d.ApplicantIdNumber == idNumber && d.ApplicantKind != ApplicantKind.Organisation)
            .OrderBy(d => d.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The look-up's answer in ONE statement (dossier, its steps, whether it was evaluated and the code's lock) when the
    /// factor is right and the code has no wrong factors counted (docs/performance.md).
    /// </summary>
    public static async Task<Verified<LookupDto>> LookupAsync(AppDbContext db, TimeProvider time, string? code, string? factor, CancellationToken ct)
    {
        var found = await GuardedAsync(db, time, code, factor, async (key, upper) =>
        {
            var candidates = new List<Candidate>(1);
            await foreach (var c in LookupQuery.For(db)(db, key, upper).WithCancellation(ct))
            {
                candidates.Add(c);
            }
            return (candidates, candidates.Count > 0 ? candidates[0].LockedUntil : null);
        }, c => ApplicantVerification.Matches(factor, c.Phone, c.IdNumber), ct);
        return new(found.Value is { } match ? ToDto(match) : null, found.LockedUntil);
    }

    /// <summary>
    /// Every factor check goes through here: a locked code answers "locked" before the factor is compared; a miss (wrong
    /// factor or unknown code alike) counts against the code (<see cref="LookupThrottles"/>); a hit clears the count.
    /// <paramref name="read"/> returns the code's candidates and, read in the same statement, the LockedUntil of its
    /// throttle row (null when there is no row, or no candidate to carry it): the common case, a right factor for a code
    /// nobody guessed at, then costs one statement. An unknown and a locked code cost the same statements as a known one.
    /// </summary>
    private static async Task<Verified<T>> GuardedAsync<T>(AppDbContext db, TimeProvider time, string? code, string? factor,
        Func<string, string, Task<(List<T> Candidates, long? LockedUntil)>> read, Func<T, bool> matches, CancellationToken ct) where T : class
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(factor) || code.Length > 64 || factor.Length > 64)
        {
            return new(null);
        }
        var upper = LookupThrottles.Key(code);
        if (ApplicantNumbers.NormalizePhone(factor) is null && ApplicantNumbers.NormalizeIdNumber(factor, organisation: true) is null)
        {
            // No phone or ID number at all: it can match no dossier (stored values count only when valid), so it is no guess.
            return new(null, await LookupThrottles.LockedUntilAsync(db, time, upper, ct));
        }
        var (candidates, lockedUntil) = await read(code.Trim(), upper);
        if (lockedUntil > time.GetUtcNow().UtcTicks)
        {
            // The factor is not compared. The count leaves a locked code as it is, and runs for the same statements an
            // unknown code's lock costs, so neither the answer nor the work done tells a known code from an unknown one.
            return new(null, await LookupThrottles.FailedAsync(db, time, upper, ct));
        }
        var found = candidates.FirstOrDefault(matches);
        if (found is null)
        {
            return new(null, await LookupThrottles.FailedAsync(db, time, upper, ct));
        }
        if (lockedUntil is not null)
        {
            await LookupThrottles.ClearAsync(db, upper, ct);
        }
        return new(found);
    }

    /// <summary>The columns the look-up's answer and its second factor need (12 of the dossier's 70, 3 per step).</summary>
    private sealed record Candidate(string Code, string ApplicantName, string? Phone, string? IdNumber, string ProcedureCode, string ProcedureName,
        DossierStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? RescheduledDueAt, DateTimeOffset? AppointmentAt,
        DateTimeOffset? ReturnedAt, List<CandidateStep> Steps, bool Evaluated, long? LockedUntil, string? AgencyName, string? ReceivingAgencyName,
        string? ResultCentreName = null);

    private sealed record CandidateStep(DateTimeOffset At, DossierAction? Action, DossierStatus ToStatus);

    /// <summary>
    /// Compiled once, because a query built per call makes EF re-walk the expression on every look-up to find its
    /// parameters and cached plan (docs/performance.md). It reads only what the answer shows, not whole dossiers and
    /// events. Sets are named by db.Set&lt;T&gt;(): an expression tree cannot hold the features' extension properties.
    /// </summary>
    private static readonly CompiledPerModel<Func<AppDbContext, string, string, IAsyncEnumerable<Candidate>>> LookupQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string key, string upper) => db.Set<Dossier>().AsNoTracking()
            .Where(d => (d.Code == key || d.Code == upper) && d.Status != DossierStatus.Draft)
            .OrderBy(d => d.Id)
            .Take(5)
            .Select(d => new Candidate(d.Code, d.ApplicantName, d.ApplicantPhone, d.ApplicantIdNumber, d.ProcedureCode, d.ProcedureName, d.Status,
                d.SubmittedAt, d.ReceivedAt, d.RescheduledDueAt, d.AppointmentAt, d.ReturnedAt,
                d.Events.OrderBy(e => e.Id).Select(e => new CandidateStep(e.At, e.Action, e.ToStatus)).ToList(),
                db.Set<DossierEvaluation>().Any(e => e.DossierId == d.Id),
                db.Set<LookupThrottle>().Where(t => t.Code == upper).Max(t => (long?)t.LockedUntil),
                db.Set<Agency>().Where(a => a.Id == d.AgencyId).Select(a => a.Name).FirstOrDefault(),
                db.Set<Agency>().Where(a => a.Id == d.ReceivingAgencyId && a.Id != d.AgencyId).Select(a => a.Name).FirstOrDefault(),
                db.Set<Agency>().Where(a => a.Id == d.ReturnAtCentreId && (d.ReturnChoice == null || d.ReturnChoice == ResultDelivery.AtDesk))
                    .Select(a => a.Name).FirstOrDefault()))));

    /// <summary>The answer for a dossier the page has opened, from the facts it read once for all its sections.</summary>
    public static LookupDto ToDto(Dossier d, LookupFacts facts) =>
        ToDto(new Candidate(d.Code, d.ApplicantName, d.ApplicantPhone, d.ApplicantIdNumber, d.ProcedureCode, d.ProcedureName, d.Status,
            d.SubmittedAt, d.ReceivedAt, d.RescheduledDueAt, d.AppointmentAt, d.ReturnedAt,
            facts.Events.Select(e => new CandidateStep(e.At, e.Action, e.ToStatus)).ToList(), facts.Evaluated, null,
            facts.AgencyName, facts.ReceivingAgencyName, facts.CollectPlace?.Name));

    /// <summary>The one place the applicant's answer is built (API look-up and the look-up page).</summary>
    private static LookupDto ToDto(Candidate c) =>
        new(c.Code, c.ApplicantName, c.ProcedureCode, c.ProcedureName, DossierApi.Camel(c.Status.ToString()), DossierText.Name(c.Status),
            NationalStatus.From(c.Status)?.Code, c.SubmittedAt, c.ReceivedAt, c.RescheduledDueAt ?? c.AppointmentAt, c.ReturnedAt,
            c.Steps.Select(e => new StepDto(e.At, e.Action is { } a ? DossierText.Name(a) : "Ghi nhận hồ sơ", DossierText.Name(e.ToStatus))).ToList(),
            c.Status == DossierStatus.Returned && !c.Evaluated, c.Evaluated, c.ReceivingAgencyName)
        { AgencyName = c.AgencyName, ResultCentreName = c.ResultCentreName };

    public static IServiceCollection AddCitizens(this IServiceCollection services) => services.AddScoped<OnlineDrafts>();

    public static IEndpointRouteBuilder MapCitizensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/dossiers").WithTags("Công dân").AllowAnonymous();
        api.MapGet("/{code}", GetAsync).WithSummary("Tra cứu hồ sơ theo mã; số điện thoại (hoặc số giấy tờ) của người nộp gửi trong tiêu đề X-Lookup-Factor")
            .RequireRateLimiting(Security.LookupPolicy);
        api.MapPost("/{code}/evaluation", EvaluateAsync).WithSummary("Đánh giá mức độ hài lòng đối với hồ sơ đã trả kết quả (một lần)")
            .RequireRateLimiting(Security.PublicFormPolicy).DisableAntiforgery().WithValidation("Thiếu thông tin xác thực.");
        api.MapGet("/{code}/forecast", LookupInsightsApi.ForecastAsync)
            .WithSummary("Dự kiến thời điểm hoàn thành từng bước, có kết quả và việc người nộp cần làm; thông tin xác thực trong tiêu đề X-Lookup-Factor")
            .RequireRateLimiting(Security.LookupPolicy);
        api.MapGet("/{code}/readers", LookupInsightsApi.ReadersAsync)
            .WithSummary("Ai đã xem hồ sơ và thông tin cá nhân của người nộp (vai trò, đơn vị, thời điểm, mục đích); thông tin xác thực trong tiêu đề X-Lookup-Factor")
            .RequireRateLimiting(Security.LookupPolicy);
        app.MapPublicResultsApi();
        return app;
    }

    /// <summary>The header that carries the second factor (never the address, which proxies and servers log).</summary>
    public const string FactorHeader = "X-Lookup-Factor";

    internal static async Task<Results<Ok<LookupDto>, ValidationProblem, NotFound<ProblemDetails>, TooManyRequestsProblem>> GetAsync(
        string code, [FromHeader(Name = FactorHeader)] string? factor, HttpContext http, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        // The answer holds personal data: no cache on the way may keep it.
        http.Response.Headers.CacheControl = "no-store";
        if (http.Request.Query.Count > 0)
        {
            return TypedResults.ValidationProblem(
                http.Request.Query.Keys.ToDictionary(k => k, _ => new[] { FactorInAddress }, StringComparer.Ordinal),
                title: "Không gửi thông tin xác thực trong địa chỉ.", detail: FactorInAddress);
        }
        if (string.IsNullOrWhiteSpace(factor))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FactorHeader] = [NeedFactor] }, title: "Thiếu thông tin xác thực.");
        }
        var result = await LookupAsync(db, time, code, factor, ct);
        return result switch
        {
            { LockedUntil: { } until } => Locked(http, until, time),
            { Value: { } dto } => TypedResults.Ok(dto),
            _ => TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Không tìm thấy hồ sơ.", Detail = NoMatch }),
        };
    }

    public const string FactorInAddress = "Số điện thoại hoặc số giấy tờ không được gửi trong địa chỉ (URL) vì địa chỉ được ghi lại ở máy chủ và máy trung gian; hãy gửi trong tiêu đề " + FactorHeader + ".";

    /// <summary>429 with the instant to come back: the same answer whatever factor was given.</summary>
    internal static TooManyRequestsProblem Locked(HttpContext http, DateTimeOffset until, TimeProvider time)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblems.TooManyRequests("Tạm khóa tra cứu hồ sơ này.", LookupThrottles.LockedMessage(until));
    }

    internal static async Task<Results<Created<EvaluationDto>, ValidationProblem, NotFound<ProblemDetails>, TooManyRequestsProblem, UnprocessableProblem, ConflictProblem>> EvaluateAsync(
        string code, EvaluationRequest? request, HttpContext http, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        // WithValidation has answered a missing body or phone already.
        ArgumentNullException.ThrowIfNull(request);
        var found = await FindAsync(db, time, code, request.Phone, ct);
        if (found.LockedUntil is { } until)
        {
            return Locked(http, until, time);
        }
        if (found.Value is not { } d)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Không tìm thấy hồ sơ.", Detail = NoMatch });
        }
        var questionnaire = CitizenEvaluations.Current(time);
        var (outcome, errors) = await CitizenEvaluations.SaveAsync(db, time, questionnaire, d, request.Answers, request.Comment, ct);
        return outcome switch
        {
            EvaluationOutcome.Saved => TypedResults.Created("/api/public/dossiers/" + Uri.EscapeDataString(d.Code),
                new EvaluationDto(d.Code, questionnaire.Points(request.Answers!.Select(a => a!.Value).ToList()), questionnaire.MaxPoints, questionnaire.Version)),
            EvaluationOutcome.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answers"] = errors.ToArray() }, title: "Phiếu đánh giá không hợp lệ."),
            EvaluationOutcome.NotReturned => ApiProblems.Unprocessable("Chưa thể đánh giá.", errors[0]),
            EvaluationOutcome.AlreadyEvaluated => ApiProblems.Conflict("Hồ sơ đã được đánh giá.", errors[0]),
        };
    }
}
