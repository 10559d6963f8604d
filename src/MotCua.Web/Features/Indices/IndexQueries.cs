using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Evaluation;
using MotCua.Core.Feedback;
using MotCua.Core.Indices;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;

namespace MotCua.Web.Features.Indices;

/// <summary>Everything the 766 index, the scoring and the targets read for one scope and period.</summary>
public sealed record IndexInputs(
    IReadOnlyList<DossierFact> Facts,
    IReadOnlyList<ProcedureFact> Procedures,
    IReadOnlyList<CitizenEvaluation> Ballots,
    IReadOnlyDictionary<string, decimal> ManualPoints)
{
    public Index766Input Input => new(Facts, Procedures, Ballots, ManualPoints);
}

/// <summary>Loads the inputs of the Core rules (index, scoring, targets) through <see cref="ReportingDb"/>.</summary>
public static class IndexQueries
{
    /// <summary>Unit key (as facts carry it) → name, for the agency's units and the "no unit yet" bucket.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> UnitNamesAsync(ReportingDb reporting, int agencyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        var units = await reporting.Context.Units.AsNoTracking().Where(u => u.AgencyId == agencyId)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var names = units.ToDictionary(u => u.Id.ToString(CultureInfo.InvariantCulture), u => u.Name, StringComparer.Ordinal);
        names[DossierProjection.NoUnitKey] = DossierProjection.NoUnitName;
        return names;
    }

    /// <summary>The keys of the agency's units merged into another by <paramref name="day"/>: closed for any period from that day on.</summary>
    public static async Task<IReadOnlySet<string>> ClosedUnitKeysAsync(ReportingDb reporting, int agencyId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        var ids = await reporting.Context.Units.AsNoTracking().Where(u => u.AgencyId == agencyId && u.SucceededById != null && u.SucceededFrom <= day)
            .Select(u => u.Id).ToListAsync(ct);
        return ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The inputs for the agency (<paramref name="unitId"/> null) or one unit, for <paramref name="period"/>.</summary>
    public static async Task<IndexInputs> LoadAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        var facts = await DossierFacts.LoadAsync(reporting, agencyId, period, unitId, ct);
        IReadOnlyList<ProcedureFact> procedures = await ProceduresAsync(reporting, agencyId, period, ct);
        if (unitId is { } u)
        {
            var key = u.ToString(CultureInfo.InvariantCulture);
            procedures = procedures.Where(p => string.Equals(p.UnitKey, key, StringComparison.Ordinal)).ToList();
        }
        var ballots = await BallotsAsync(reporting, agencyId, period, unitId, ct);
        var manual = await ManualPointsAsync(reporting.Context, agencyId, unitId, period, ct);
        return new IndexInputs(facts, procedures, ballots, manual);
    }

    /// <summary>The agency's procedures in force on the period's last day (the reports' projection).</summary>
    public static Task<IReadOnlyList<ProcedureFact>> ProceduresAsync(ReportingDb reporting, int agencyId, ReportPeriod period, CancellationToken ct) =>
        DossierFacts.ProceduresAsync(reporting, agencyId, period, ct);

    /// <summary>Citizens' ballots evaluated in the period, as Core evaluations (indicator number → points).</summary>
    public static async Task<IReadOnlyList<CitizenEvaluation>> BallotsAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        DateTimeOffset s = period.StartInstant, e = period.CutoffInstant;
        // Ballots follow the dossiers they rate: those of agencies and units merged into the scope count under it, as the facts do.
        var agencies = await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(reporting.Context, agencyId, period.Start, period.End, ct);
        var successors = await Organisation.Merging.UnitLineage.SuccessorsOnAsync(reporting.Context, period.End, ct);
        var query = reporting.Context.DossierEvaluations.AsNoTracking()
            .Where(b => agencies.Contains(b.AgencyId) && b.EvaluatedAt >= s && b.EvaluatedAt < e);
        if (unitId is { } u)
        {
            var units = await Organisation.Merging.UnitLineage.UnitIdsForReportAsync(reporting.Context, u, period.End, ct);
            query = query.Where(b => b.UnitId != null && units.Contains(b.UnitId.Value));
        }
        var rows = await query.Select(b => new { b.DossierId, b.UnitId, b.EvaluatedAt, b.Answers, b.QuestionnaireVersion }).ToListAsync(ct);
        return rows.Select(b => new CitizenEvaluation(
                b.DossierId.ToString(CultureInfo.InvariantCulture),
                AnsweringUnitKey(successors, b.UnitId),
                b.EvaluatedAt,
                b.Answers.Split(',').Select((text, i) => (Number: i + 1, Score: Points(b.QuestionnaireVersion, i, int.Parse(text, CultureInfo.InvariantCulture))))
                    .ToDictionary(x => x.Number, x => x.Score))
        { Version = b.QuestionnaireVersion })
            .ToList();
    }

    // The key a row of a merged unit counts under: its successor's on the period's last day, else its own.
    private static string AnsweringUnitKey(IReadOnlyDictionary<string, (string Key, string Name)> successors, int? unit) =>
        unit?.ToString(CultureInfo.InvariantCulture) is { } key
            ? successors.TryGetValue(key, out var successor) ? successor.Key : key
            : DossierProjection.NoUnitKey;

    // A stored answer is a value of its question's choices; the rules read the points it gives (a version-0 value is its points).
    private static int Points(int version, int question, int value) =>
        CitizenQuestionnaires.Version(version) is { } q && question < q.Questions.Count && q.Questions[question].Choice(value) is { } c ? c.Points : -1;

    /// <summary>Points the scope counts for the period, by indicator code: its own entries, else those carried from its predecessors.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> ManualPointsAsync(AppDbContext db, int agencyId, int? unitId, ReportPeriod period, CancellationToken ct) =>
        (await ManualPointsWithCarryAsync(db, agencyId, unitId, period, ct)).Points;

    /// <summary>
    /// The scope's manual points for the period and which of them come from an agency or unit merged into it by the
    /// period's end (<see cref="ManualPointsCarry"/>); periods ending before a merge read the scope's own entries only.
    /// </summary>
    public static async Task<ManualPointsResolution> ManualPointsWithCarryAsync(AppDbContext db, int agencyId, int? unitId, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var scope = unitId ?? 0;
        var key = period.Key;
        var agencies = await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(db, agencyId, period.Start, period.End, ct);
        IReadOnlyList<int> scopes = unitId is { } u ? await Organisation.Merging.UnitLineage.UnitIdsForReportAsync(db, u, period.End, ct) : [0];
        var rows = await db.IndexManualScores.AsNoTracking()
            .Where(m => agencies.Contains(m.AgencyId) && scopes.Contains(m.ScopeUnitId) && m.PeriodKey == key)
            .Select(m => new { m.AgencyId, m.ScopeUnitId, m.IndicatorCode, m.Points }).ToListAsync(ct);
        var own = rows.Where(r => r.AgencyId == agencyId && r.ScopeUnitId == scope).ToDictionary(r => r.IndicatorCode, r => r.Points, StringComparer.Ordinal);
        var carried = rows.Where(r => r.AgencyId != agencyId || r.ScopeUnitId != scope).ToList();
        if (carried.Count == 0)
        {
            return ManualPointsCarry.Resolve(own, []);
        }
        // A point entered for another unit is named by that unit; one for the same scope under a merged agency, by that agency.
        var unitIds = carried.Where(r => r.ScopeUnitId != scope).Select(r => r.ScopeUnitId).Distinct().ToList();
        var agencyIds = carried.Where(r => r.ScopeUnitId == scope).Select(r => r.AgencyId).Distinct().ToList();
        var unitNames = await db.Units.AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var agencyNames = await db.Agencies.AsNoTracking().Where(x => agencyIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var lineage = agencies.ToList();
        var entries = carried.OrderBy(r => lineage.IndexOf(r.AgencyId)).ThenBy(r => r.ScopeUnitId)
            .Select(r => new ManualPointEntry(r.IndicatorCode, r.Points, r.ScopeUnitId == scope ? agencyNames[r.AgencyId] : unitNames[r.ScopeUnitId]))
            .ToList();
        return ManualPointsCarry.Resolve(own, entries);
    }

    /// <summary>
    /// PAKN per unit for the one-stop scoring (indicator 8): received in the period (duplicates are the same matter, so
    /// they are left out); handled on time = closed by the period's cut-off no later than its due instant; prolonged = still
    /// open at the cut-off after its due instant. A running period is cut off at now (ADR-017), so a PAKN due later this
    /// period is not yet prolonged.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, PaknCounts>> PaknByUnitAsync(ReportingDb reporting, int agencyId, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        DateTimeOffset s = period.StartInstant, e = period.CutoffInstant;
        // PAKN follow the dossiers: those of agencies and units merged into the scope by the period's end count under the successor, each item once.
        var agencies = await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(reporting.Context, agencyId, period.Start, period.End, ct);
        var successors = await Organisation.Merging.UnitLineage.SuccessorsOnAsync(reporting.Context, period.End, ct);
        var rows = await reporting.Context.FeedbackItems.AsNoTracking().ReceivedBy(agencies)
            .Where(f => f.ReceivedAt >= s && f.ReceivedAt < e && f.Status != FeedbackStatus.Duplicate)
            .Select(f => new { f.AssignedUnitId, f.HandedOverOn, f.UnitBeforeHandover, f.DueAt, f.ClosedAt })
            .ToListAsync(ct);
        // A PAKN a merge moved counts, in a period ending before the merge, under the unit that held it then.
        return rows.GroupBy(r => AnsweringUnitKey(successors, FeedbackHandover.UnitOn(r.AssignedUnitId, r.HandedOverOn, r.UnitBeforeHandover, period.End)),
                StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var handled = g.Where(r => r.ClosedAt is { } c && c < e).ToList();
                return new PaknCounts(
                    g.Count(),
                    handled.Count,
                    handled.Count(r => r.ClosedAt <= r.DueAt),
                    g.Count(r => (r.ClosedAt is null || r.ClosedAt >= e) && r.DueAt < e));
            }, StringComparer.Ordinal);
    }
}
