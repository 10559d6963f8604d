using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared.Api;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// The look-up's two extra answers for the applicant: the forecast and who read the dossier. Each opens the dossier
/// exactly as the look-up does (factor in the header, the code's lock counted), so neither tells more without the factor.
/// </summary>
internal static class LookupInsightsApi
{
    public static Task<Results<Ok<LookupForecasts.ForecastDto>, ValidationProblem, NotFound<ProblemDetails>, TooManyRequestsProblem>> ForecastAsync(
        string code, [FromHeader(Name = PublicLookup.FactorHeader)] string? factor, HttpContext http, AppDbContext db, TimeProvider time,
        CalendarProvider calendars, ReferenceCache cache, CancellationToken ct) =>
        AnswerAsync(code, factor, http, db, time, allowed: [], d => LookupForecasts.ForAsync(db, calendars, cache, time, d, ct), ct);

    public static Task<Results<Ok<LookupReaders.ReadersDto>, ValidationProblem, NotFound<ProblemDetails>, TooManyRequestsProblem>> ReadersAsync(
        string code, [FromHeader(Name = PublicLookup.FactorHeader)] string? factor, int? page, HttpContext http, AppDbContext db, TimeProvider time,
        CancellationToken ct) =>
        AnswerAsync(code, factor, http, db, time, allowed: ["page"], d => LookupReaders.PageAsync(db, d, page ?? 1, ct), ct);

    private static async Task<Results<Ok<T>, ValidationProblem, NotFound<ProblemDetails>, TooManyRequestsProblem>> AnswerAsync<T>(
        string code, string? factor, HttpContext http, AppDbContext db, TimeProvider time, string[] allowed, Func<Dossier, Task<T>> answer,
        CancellationToken ct)
    {
        // The answer holds personal data: no cache on the way may keep it.
        http.Response.Headers.CacheControl = "no-store";
        var stray = http.Request.Query.Keys.Where(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (stray.Count > 0)
        {
            return TypedResults.ValidationProblem(stray.ToDictionary(k => k, _ => new[] { PublicLookup.FactorInAddress }, StringComparer.Ordinal),
                title: "Không gửi thông tin xác thực trong địa chỉ.", detail: PublicLookup.FactorInAddress);
        }
        if (string.IsNullOrWhiteSpace(factor))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [PublicLookup.FactorHeader] = [PublicLookup.NeedFactor] },
                title: "Thiếu thông tin xác thực.");
        }
        var found = await PublicLookup.FindAsync(db, time, code, factor, ct);
        if (found.LockedUntil is { } until)
        {
            return PublicLookup.Locked(http, until, time);
        }
        if (found.Value is not { } dossier)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Không tìm thấy hồ sơ.", Detail = PublicLookup.NoMatch });
        }
        return TypedResults.Ok(await answer(dossier));
    }
}
