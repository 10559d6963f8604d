using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Evaluation;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Public results of an agency for a report period (Decree 09/2019 periods, cut-off on the 15th as the periodic
/// reports use): dossiers received, resolved and on time, and the citizens' satisfaction per question. The page
/// (/thong-ke) and the API build the same answer here.
/// </summary>
public static class PublicResults
{
    public const string QuarterKind = "quy";
    public const string HalfKind = "6thang";
    public const string YearKind = "nam";

    /// <summary>The period kinds a visitor can choose, as the picker lists them.</summary>
    public static IReadOnlyList<(string Value, string Name)> Kinds { get; } = [(QuarterKind, "Quý"), (HalfKind, "6 tháng"), (YearKind, "Năm")];

    /// <summary>The period; <c>AsOf</c> is the instant a period that has not ended is counted up to (null once it has ended).</summary>
    public sealed record PeriodDto(string Key, string Kind, int Year, int Number, string Label, DateOnly From, DateOnly To, bool Provisional, DateTimeOffset? AsOf);

    /// <summary>The dossier figures; the pending ones are judged at the period's cut-off (its end, or <c>AsOf</c>).</summary>
    public sealed record CountsDto(int Received, int ReceivedOnline, int Resolved, int ResolvedOnTime, decimal? OnTimePercent, decimal? OnlinePercent,
        int PendingWithinTime, int PendingOverdue);

    public sealed record LevelDto(int Value, string Label, int Count, decimal Percent);

    public sealed record QuestionDto(string Key, string Text, int Answers, decimal? FavourablePercent, IReadOnlyList<LevelDto> Levels);

    /// <summary>One questionnaire's results; a period spanning a change of questionnaire has one per version.</summary>
    public sealed record SatisfactionDto(int Version, int Ballots, string Basis, IReadOnlyList<QuestionDto> Questions);

    public sealed record FieldDto(string Name, int Received, int Resolved, int ResolvedOnTime, decimal? OnTimePercent);

    public sealed record AgencyDto(string Code, string Name);

    public sealed record ResultsDto(AgencyDto Agency, PeriodDto Period, CountsDto Counts, IReadOnlyList<SatisfactionDto> Satisfaction, IReadOnlyList<FieldDto> ByField);

    /// <summary>
    /// Reads the picker (kind, year, number); missing parts give the quarter containing today. Errors are Vietnamese
    /// sentences naming the bad part.
    /// </summary>
    public static (ReportPeriod? Period, string? Error) ParsePeriod(string? kind, int? year, int? number, DateOnly today)
    {
        kind = string.IsNullOrWhiteSpace(kind) ? QuarterKind : kind.Trim();
        if (!Kinds.Any(k => string.Equals(k.Value, kind, StringComparison.Ordinal)))
        {
            return (null, "Loại kỳ không hợp lệ: chọn quý, 6 tháng hoặc năm.");
        }
        var current = Containing(kind, today);
        var y = year ?? current.Year;
        if (y is < 2000 or > 2100)
        {
            return (null, "Năm phải từ 2000 đến 2100.");
        }
        var n = kind == YearKind ? 0 : number ?? (y == current.Year ? current.Index : 1);
        return kind switch
        {
            QuarterKind when n is < 1 or > 4 => (null, "Quý phải từ 1 đến 4."),
            HalfKind when n is < 1 or > 2 => (null, "Kỳ 6 tháng phải là 1 (đầu năm) hoặc 2 (cuối năm)."),
            _ => (Period(kind, y, n), null),
        };
    }

    /// <summary>The period of <paramref name="kind"/> containing <paramref name="today"/> (from 15/12 that is next year's first).</summary>
    public static ReportPeriod Containing(string kind, DateOnly today)
    {
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            foreach (var n in kind == YearKind ? [0] : Enumerable.Range(1, kind == QuarterKind ? 4 : 2))
            {
                var period = Period(kind, year, n);
                if (period.Contains(today))
                {
                    return period;
                }
            }
        }
        return Period(kind, today.Year, kind == YearKind ? 0 : 1);
    }

    /// <summary>The picker's kind of a period.</summary>
    public static string KindOf(ReportPeriod period) => period.Kind switch
    {
        ReportPeriodKind.Quarter => QuarterKind,
        ReportPeriodKind.HalfYear => HalfKind,
        _ => YearKind,
    };

    private static ReportPeriod Period(string kind, int year, int number) => kind switch
    {
        QuarterKind => ReportPeriod.Quarter(year, number),
        HalfKind => ReportPeriod.HalfYear(year, number),
        _ => ReportPeriod.FullYear(year),
    };

    /// <summary>The standing agencies a visitor can choose, in the order the catalogue lists them.</summary>
    public static Task<List<AgencyDto>> AgenciesAsync(AppDbContext db, CancellationToken ct) =>
        db.Agencies.AsNoTracking().Where(a => a.SucceededById == null).OrderBy(a => a.Id)
            .Select(a => new AgencyDto(a.Code, a.Name)).ToListAsync(ct);

    /// <summary>Ballots evaluated in the period, up to its cut-off, for the agency and the agencies merged into it by the period's end.</summary>
    public static async Task<IReadOnlyList<StoredBallot>> BallotsAsync(AppDbContext db, int agencyId, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var ids = await AgencyLineage.AgencyIdsForReportAsync(db, agencyId, period.Start, period.End, ct);
        DateTimeOffset s = period.StartInstant, e = period.CutoffInstant;
        var rows = await db.DossierEvaluations.AsNoTracking()
            .Where(b => ids.Contains(b.AgencyId) && b.EvaluatedAt >= s && b.EvaluatedAt < e)
            .Select(b => new { b.QuestionnaireVersion, b.EvaluatedAt, b.Answers }).ToListAsync(ct);
        return rows.Select(b => new StoredBallot(b.QuestionnaireVersion, b.EvaluatedAt,
            b.Answers.Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList())).ToList();
    }

    /// <summary>The results as pages and the API show them.</summary>
    public static IReadOnlyList<SatisfactionDto> ToDto(IEnumerable<QuestionnaireResult> results) =>
        results.Select(r => new SatisfactionDto(r.Questionnaire.Version, r.Ballots, r.Questionnaire.BasisText,
            r.Questions.Select(q => new QuestionDto(q.Question.Key, q.Question.Text, q.Answers, q.FavourablePercent,
                q.Levels.Select(l => new LevelDto(l.Choice.Value, l.Choice.Label, l.Count, l.Percent)).ToList())).ToList())).ToList();

    /// <summary>
    /// The whole answer for <paramref name="agency"/> and <paramref name="period"/> as reported (<see cref="ReportPeriod.AsOf"/>):
    /// a period that has not ended is counted up to its as-of instant, which the answer carries.
    /// </summary>
    public static async Task<ResultsDto> BuildAsync(ReportingDb reporting, Agency agency, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(period);
        var facts = await DossierFacts.LoadAsync(reporting, agency.Id, period, null, ct);
        var all = DataIndicators.Compute(facts, period);
        var byField = facts.GroupBy(f => f.FieldName, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Result: DataIndicators.Compute(g, period)))
            .Where(x => x.Result.Received + x.Result.Resolved > 0)
            .OrderByDescending(x => x.Result.Received).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new FieldDto(x.Name, x.Result.Received, x.Result.Resolved, x.Result.ResolvedOnTime, x.Result.OnTimePercent))
            .ToList();
        var ballots = await BallotsAsync(reporting.Context, agency.Id, period, ct);
        return new ResultsDto(
            new AgencyDto(agency.Code, agency.Name),
            new PeriodDto(period.Key, KindOf(period), period.Year, period.Index, period.Label, period.Start, period.End, period.IsProvisional, period.AsOfInstant),
            new CountsDto(all.Received, all.ReceivedOnline, all.Resolved, all.ResolvedOnTime, all.OnTimePercent, all.OnlinePercent,
                all.PendingWithinTime, all.PendingOverdue),
            ToDto(SatisfactionResults.Compute(ballots, period)),
            byField);
    }

    public static IEndpointRouteBuilder MapPublicResultsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public").WithTags("Công dân").AllowAnonymous();
        api.MapGet("/statistics", GetAsync)
            .WithSummary("Kết quả giải quyết hồ sơ và mức độ hài lòng theo kỳ báo cáo (ky = quy, 6thang, nam; nam; so) của một cơ quan (co-quan)")
            .RequireRateLimiting(Security.LookupPolicy);
        api.MapGet("/evaluation/questions", (TimeProvider time) => TypedResults.Ok(QuestionsDto(CitizenEvaluations.Current(time))))
            .WithSummary("Bộ câu hỏi đánh giá mức độ hài lòng đang áp dụng: gửi câu trả lời theo thứ tự câu hỏi, mỗi câu một giá trị trong danh sách")
            .RequireRateLimiting(Security.LookupPolicy);
        return app;
    }

    public sealed record ChoiceDto(int Value, string Label);

    public sealed record QuestionnaireQuestionDto(string Key, string Text, IReadOnlyList<ChoiceDto> Choices);

    public sealed record QuestionnaireDto(int Version, DateOnly? ValidFrom, string Basis, IReadOnlyList<QuestionnaireQuestionDto> Questions);

    internal static QuestionnaireDto QuestionsDto(CitizenQuestionnaire q) =>
        new(q.Version, q.ValidFrom, q.BasisText, q.Questions.Select(x => new QuestionnaireQuestionDto(x.Key, x.Text,
            x.Choices.Select(c => new ChoiceDto(c.Value, c.Label)).ToList())).ToList());

    internal static async Task<Results<Ok<ResultsDto>, ValidationProblem, NotFound<ProblemDetails>>> GetAsync(
        [FromQuery(Name = "co-quan")] string? agencyCode, [FromQuery(Name = "ky")] string? kind, [FromQuery(Name = "nam")] string? year,
        [FromQuery(Name = "so")] string? number, ReportingDb reporting, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var y = ParseNumber(year, "nam", "Năm", errors);
        var n = ParseNumber(number, "so", "Số kỳ", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số kỳ báo cáo không hợp lệ.");
        }
        var (chosen, error) = ParsePeriod(kind, y, n, time.Today());
        if (chosen is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ky"] = [error!] }, title: "Tham số kỳ báo cáo không hợp lệ.", detail: error);
        }
        var agency = await CatalogueQueries.PublicAgencyAsync(reporting.Context, agencyCode, ct);
        if (agency is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Không tìm thấy cơ quan.", Detail = "Không có cơ quan với mã đã nhập." });
        }
        return TypedResults.Ok(await BuildAsync(reporting, agency, chosen.AsOf(time.GetUtcNow()), ct));
    }

    private static int? ParseNumber(string? text, string key, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors[key] = [$"{label} phải là số."];
        return null;
    }
}
