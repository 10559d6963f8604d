using MotCua.Core.Evaluation;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Scoring;

/// <summary>
/// /cham-diem-mot-cua: the agency's and each unit's one-stop scoring (nine indicators of evaluation.md) for a period,
/// scored 2/1/0 from the system's data and, separately, from citizens' ballots, with the grading bands.
/// </summary>
public sealed class ScoringModel(ReportingDb reporting, TimeProvider time) : PeriodPageModel(reporting, time)
{
    public IReadOnlyList<(string Key, string Name, UnitEvaluation Evaluation)> Evaluations { get; private set; } = [];

    /// <summary>The agency's indicators computed from its dossiers in the period.</summary>
    public DataIndicatorResult? Data { get; private set; }

    /// <summary>The citizens' answers in the period, per questionnaire version.</summary>
    public IReadOnlyList<PublicResults.SatisfactionDto> Satisfaction { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct))
        {
            return;
        }
        // A period that has not ended is scored up to now, so a dossier due later in it is not yet late.
        var period = Period;
        // Always the whole agency: the scoring compares units with each other.
        var inputs = await IndexQueries.LoadAsync(Reporting, AgencyId, period, null, ct);
        var pakn = await IndexQueries.PaknByUnitAsync(Reporting, AgencyId, period, ct);
        var agencyName = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Reporting.Context.Agencies.Where(a => a.Id == AgencyId).Select(a => a.Name), ct);
        Data = DataIndicators.Compute(inputs.Facts, period);
        Satisfaction = PublicResults.ToDto(SatisfactionResults.Compute(await PublicResults.BallotsAsync(Reporting.Context, AgencyId, period, ct), period));
        var results = OneStopEvaluation.Compute(inputs.Facts, inputs.Procedures, inputs.Ballots, pakn, period);
        Evaluations = results
            .Select(e => (e.Key, e.Key == OneStopEvaluation.AgencyKey ? agencyName : Units.GetValueOrDefault(e.Key, e.Key), e))
            .OrderBy(x => x.Key != OneStopEvaluation.AgencyKey)
            .ThenBy(x => x.Key == DossierProjection.NoUnitKey)
            .ThenBy(x => x.Item2, StringComparer.Ordinal)
            .ToList();
    }

    public static string Score(decimal? score) => score is { } s ? s.ToString("0.##", VietnamTime.Culture) : "—";

    public static string GradeBadge(GradeBand? grade) => grade?.Name switch
    {
        "Xuất sắc" or "Tốt" => "green",
        "Khá" or "Trung bình" => "amber",
        null => "",
        _ => "red",
    };
}
