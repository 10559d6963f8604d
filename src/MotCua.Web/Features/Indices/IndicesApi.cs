using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Indices;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Indices;

/// <summary>GET /api/indices/766: the Decision 766 index for the caller's agency (or one of its units) over a date range.</summary>
public static class IndicesApi
{
    /// <summary>Lost items listed per indicator; the total is always given, so a client knows when the list is cut.</summary>
    public const int MaxLostItems = 100;

    /// <summary>Longest range the API computes in one call (a year: the index is defined per month, quarter or year).</summary>
    public const int MaxRangeDays = 366;

    public sealed record ScopeDto(string Kind, int? UnitId, string Name);

    /// <summary>The period; <c>AsOf</c> is the instant a period that has not ended is counted up to (null once it has ended).</summary>
    public sealed record PeriodDto(string Key, string Label, DateOnly From, DateOnly To, bool Provisional, DateTimeOffset? AsOf);

    public sealed record LostItemsDto(string Kind, int Total, IReadOnlyList<string> Items);

    public sealed record IndicatorDto(string Code, string Name, string Formula, decimal MaxPoints, decimal? EarnedPoints, string Status,
        int? Numerator, int? Denominator, LostItemsDto LostItems);

    public sealed record GroupDto(string Code, string Name, decimal EarnedPoints, decimal MaxPoints, IReadOnlyList<IndicatorDto> Indicators);

    public sealed record IndexDto(ScopeDto Scope, PeriodDto Period, decimal EarnedPoints, decimal MaxPoints, decimal ComputedMaxPoints, IReadOnlyList<GroupDto> Groups);

    public static IEndpointRouteBuilder MapIndicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indices").WithTags("Chỉ số 766").RequireAuthorization(Policies.Officer);
        api.MapGet("/766", GetAsync).WithSummary("Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) của cơ quan hoặc một đơn vị trong khoảng thời gian");
        return app;
    }

    internal static async Task<Results<Ok<IndexDto>, ValidationProblem>> GetAsync(
        string? from, string? to, int? unit, ClaimsPrincipal user, ReportingDb reporting, TimeProvider time, CancellationToken ct)
    {
        var agencyId = user.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var start = ParseDate(from, "from", "Ngày bắt đầu (from)", errors);
        var end = ParseDate(to, "to", "Ngày kết thúc (to)", errors);
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                errors["to"] = ["Ngày kết thúc (to) không được trước ngày bắt đầu (from)."];
            }
            else if (e.DayNumber - s.DayNumber + 1 > MaxRangeDays)
            {
                errors["to"] = [$"Khoảng thời gian tối đa {MaxRangeDays.ToString(CultureInfo.InvariantCulture)} ngày."];
            }
        }
        if (unit is { } u && !await reporting.Context.Units.AnyAsync(x => x.Id == u && x.AgencyId == agencyId, ct))
        {
            errors["unit"] = ["Không có đơn vị này trong cơ quan."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ.");
        }

        var period = ReportPeriod.Custom(start!.Value, end!.Value).AsOf(time.GetUtcNow());
        var view = await Index766View.ComputeAsync(reporting, agencyId, period, unit, ct);
        var groups = new List<GroupDto>();
        foreach (var g in view.Result.Groups)
        {
            var indicators = new List<IndicatorDto>();
            foreach (var i in g.Indicators)
            {
                var items = await view.LabelAsync(reporting, i, 0, MaxLostItems, ct);
                indicators.Add(new IndicatorDto(i.Definition.Code, i.Definition.Name, i.Definition.Formula, i.Definition.MaxPoints, i.EarnedPoints,
                    Index766View.StatusCode(i.Status), i.Numerator, i.Denominator,
                    new LostItemsDto(Index766View.KindCode(i.LostItemKind), i.LostCount,
                        // Dossiers by code (what officers search by), procedures by their key.
                        items.Select(x => x.Href is null ? x.Id : x.Label).ToList())));
            }
            groups.Add(new GroupDto(g.Group.Number.ToString(CultureInfo.InvariantCulture), g.Group.Name, g.EarnedPoints, g.Group.MaxPoints, indicators));
        }
        return TypedResults.Ok(new IndexDto(
            new ScopeDto(unit is null ? "agency" : "unit", unit, view.ScopeName),
            new PeriodDto(period.Key, period.Label, period.Start, period.End, period.IsProvisional, period.AsOfInstant),
            view.Result.EarnedPoints, view.Result.MaxPoints, view.Result.ComputedMaxPoints, groups));
    }

    private static DateOnly? ParseDate(string? text, string key, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[key] = [$"Thiếu {label}, dạng yyyy-MM-dd (ví dụ 2025-01-01)."];
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[key] = [$"{label} \"{text}\" không đúng dạng yyyy-MM-dd."];
            return null;
        }
        if (date.Year is < 2000 or > 2100)
        {
            errors[key] = [$"{label} phải trong khoảng năm 2000–2100."];
            return null;
        }
        return date;
    }
}
