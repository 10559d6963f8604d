using MotCua.Core.Dossiers;
using MotCua.Core.Evaluation;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;

namespace MotCua.Core.Indices;

/// <summary>What a drill-down lists: dossier ids or procedure keys.</summary>
public enum LostItemKind
{
    Dossier,
    Procedure,
    Ballot,
}

/// <summary>How an indicator came out.</summary>
public enum IndicatorStatus
{
    /// <summary>Computed from data (or a constant).</summary>
    Scored,

    /// <summary>Nothing to measure in the period (zero denominator): not scored and left out of <see cref="Index766Result.ComputedMaxPoints"/>.</summary>
    NoData,

    /// <summary>A manual row nobody has entered yet.</summary>
    NotEntered,
}

/// <summary>
/// One indicator's outcome. <see cref="LostItems"/> lists exactly the items that cost points (empty when
/// <see cref="EarnedPoints"/> equals the maximum): dossier ids, procedure keys, or for ballots the dossier ids evaluated
/// below full marks.
/// </summary>
public sealed record Index766IndicatorResult(
    Index766Indicator Definition,
    IndicatorStatus Status,
    int? Numerator,
    int? Denominator,
    decimal? EarnedPoints,
    LostItemKind LostItemKind,
    IReadOnlyList<string> LostItems)
{
    /// <summary>The ratio 0–1, when measured.</summary>
    public decimal? Ratio => Denominator is > 0 ? (decimal)Numerator!.Value / Denominator.Value : null;

    /// <summary>Points lost (0 when not scored).</summary>
    public decimal LostPoints => EarnedPoints is { } e ? Definition.MaxPoints - e : 0;

    /// <summary>
    /// How many items cost points (0 when none did). Equals <see cref="LostItems"/>' count when the items were listed;
    /// a result computed from counts (<see cref="Index766.FromCounts"/>) has the number and lists the items on demand.
    /// </summary>
    public int LostCount { get; init; } = LostItems.Count;
}

/// <summary>
/// What one measure counted for one scope and period: the ratio's two terms and the items that fail it (their number
/// always; the items themselves when the caller has them in memory, or null when they are listed on demand).
/// </summary>
public sealed record MeasureCount(int Numerator, int Denominator, LostItemKind Kind, int Failing, IReadOnlyList<string>? FailingItems = null);

/// <summary>A group's outcome.</summary>
public sealed record Index766GroupResult(Index766Group Group, IReadOnlyList<Index766IndicatorResult> Indicators)
{
    /// <summary>Points earned over the scored indicators.</summary>
    public decimal EarnedPoints => Indicators.Sum(i => i.EarnedPoints ?? 0);

    /// <summary>Maximum of the indicators that were scored.</summary>
    public decimal ComputedMaxPoints => Indicators.Where(i => i.EarnedPoints is not null).Sum(i => i.Definition.MaxPoints);
}

/// <summary>The index for one scope (the agency or a unit) and one period.</summary>
public sealed record Index766Result(string ScopeKey, ReportPeriod Period, IReadOnlyList<Index766GroupResult> Groups)
{
    /// <summary>Total earned.</summary>
    public decimal EarnedPoints => Groups.Sum(g => g.EarnedPoints);

    /// <summary>Total maximum of the table (100 with the seeded table).</summary>
    public decimal MaxPoints => Groups.Sum(g => g.Indicators.Sum(i => i.Definition.MaxPoints));

    /// <summary>Maximum of the scored indicators; compare <see cref="EarnedPoints"/> with it when some rows have no data.</summary>
    public decimal ComputedMaxPoints => Groups.Sum(g => g.ComputedMaxPoints);

    /// <summary>
    /// Whether the period had anything of its own to measure: a dossier or a ballot counted by some indicator. The
    /// catalogue's measures count in every period, so a period without dossiers or ballots has no score ("no data"),
    /// rather than the points its procedures alone would give.
    /// </summary>
    public bool HasData => Groups.SelectMany(g => g.Indicators).Any(i => i.LostItemKind != LostItemKind.Procedure && i.Denominator is > 0);

    /// <summary>An indicator by code.</summary>
    public Index766IndicatorResult? Indicator(string code) =>
        Groups.SelectMany(g => g.Indicators).FirstOrDefault(i => string.Equals(i.Definition.Code, code, StringComparison.Ordinal));
}

/// <summary>Everything the index reads.</summary>
/// <param name="ManualPoints">Points entered by hand for Manual rows, by indicator code (per scope is the web's concern).</param>
public sealed record Index766Input(
    IReadOnlyCollection<DossierFact> Facts,
    IReadOnlyCollection<ProcedureFact> Procedures,
    IReadOnlyCollection<CitizenEvaluation> Evaluations,
    IReadOnlyDictionary<string, decimal>? ManualPoints = null);

/// <summary>A point of the monthly trend; without <see cref="HasData"/> the month has no score (see <see cref="Index766Result.HasData"/>).</summary>
public sealed record Index766TrendPoint(ReportPeriod Period, decimal EarnedPoints, decimal ComputedMaxPoints, bool HasData = true)
{
    /// <summary>The points earned, or null for a month with no data.</summary>
    public decimal? Score => HasData ? EarnedPoints : null;

    /// <summary>The points computable, or null for a month with no data.</summary>
    public decimal? ScoreMax => HasData ? ComputedMaxPoints : null;
}

/// <summary>The Decision 766/QĐ-TTg index computed live from dossier facts over a rule table (<see cref="Index766Definitions"/>).</summary>
public static class Index766
{
    /// <summary>Scope key of the agency-wide result.</summary>
    public const string AgencyScope = "agency";

    /// <summary>
    /// How the index counts one dossier of a period, given its Biểu 06 standing: received in the period, not late
    /// (indicator 2.1) and synced (indicator 1.2, received and acknowledged by the portal by the cut-off).
    /// </summary>
    public static IndexStanding Standing(DossierFact fact, PeriodStanding standing)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new IndexStanding(true, standing.IsReceived, !IsLate(standing), standing.IsReceived && fact.SyncedToNationalPortal);
    }

    /// <summary>Late for indicator 2.1: resolved late in the period or overdue at its cut-off.</summary>
    public static bool IsLate(PeriodStanding standing) => standing.Closing is PeriodClosing.ResolvedLate or PeriodClosing.PendingOverdue;

    /// <summary>The index over all of <paramref name="input"/> (the agency).</summary>
    public static Index766Result Compute(Index766Input input, ReportPeriod period, ReportOptions? options = null, IEnumerable<Index766Indicator>? table = null) =>
        ComputeScope(AgencyScope, input, period, options ?? ReportOptions.Default, table ?? Index766Definitions.Default);

    /// <summary>The agency first, then each unit found in the facts and procedures (key order), each over its own dossiers, procedures and ballots.</summary>
    public static IReadOnlyList<Index766Result> ComputeByUnit(Index766Input input, ReportPeriod period, ReportOptions? options = null, IEnumerable<Index766Indicator>? table = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= ReportOptions.Default;
        List<Index766Indicator> rows = (table ?? Index766Definitions.Default).ToList();
        var result = new List<Index766Result> { ComputeScope(AgencyScope, input, period, options, rows) };
        IEnumerable<string> units = input.Facts.Select(f => f.UnitKey).Concat(input.Procedures.Select(p => p.UnitKey))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (string unit in units)
        {
            var scoped = new Index766Input(
                input.Facts.Where(f => string.Equals(f.UnitKey, unit, StringComparison.Ordinal)).ToList(),
                input.Procedures.Where(p => string.Equals(p.UnitKey, unit, StringComparison.Ordinal)).ToList(),
                input.Evaluations.Where(e => string.Equals(e.UnitKey, unit, StringComparison.Ordinal)).ToList(),
                null);
            result.Add(ComputeScope(unit, scoped, period, options, rows));
        }

        return result;
    }

    /// <summary>The agency's total for each month in <paramref name="months"/> (see <see cref="ReportPeriod.Months"/>).</summary>
    public static IReadOnlyList<Index766TrendPoint> Trend(Index766Input input, IEnumerable<ReportPeriod> months, ReportOptions? options = null, IEnumerable<Index766Indicator>? table = null)
    {
        ArgumentNullException.ThrowIfNull(months);
        List<Index766Indicator> rows = (table ?? Index766Definitions.Default).ToList();
        return months.Select(m =>
        {
            Index766Result r = Compute(input, m, options, rows);
            return new Index766TrendPoint(m, r.EarnedPoints, r.ComputedMaxPoints, r.HasData);
        }).ToList();
    }

    /// <summary>
    /// Every measure over <paramref name="input"/> with its failing items: the in-memory reference that the database's
    /// aggregate (the web's SQL path) must reproduce count for count.
    /// </summary>
    public static IReadOnlyDictionary<Index766Measure, MeasureCount> Measure(Index766Input input, ReportPeriod period, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        var data = new Measured(input, period, options ?? ReportOptions.Default);
        return Enum.GetValues<Index766Measure>().Where(m => m != Index766Measure.None).ToDictionary(m => m, data.Measure);
    }

    /// <summary>
    /// The index of one scope from measures counted elsewhere (a database aggregate). A measure missing from
    /// <paramref name="counts"/> scores as no data. Lost items are those the counts carry (none when they are listed on
    /// demand); <see cref="Index766IndicatorResult.LostCount"/> is always set.
    /// </summary>
    public static Index766Result FromCounts(string scope, ReportPeriod period, IReadOnlyDictionary<Index766Measure, MeasureCount> counts,
        IReadOnlyDictionary<string, decimal>? manualPoints = null, IEnumerable<Index766Indicator>? table = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Score(scope, period, m => counts.TryGetValue(m, out MeasureCount? c) ? c : new MeasureCount(0, 0, KindOf(m), 0, []),
            manualPoints, table ?? Index766Definitions.Default);
    }

    /// <summary>What a measure's failing items are.</summary>
    public static LostItemKind KindOf(Index766Measure measure) => measure switch
    {
        Index766Measure.ProceduresDisclosedOnTime or Index766Measure.ProceduresOnline or Index766Measure.OnlineProceduresWithDossiers
            or Index766Measure.FeeProceduresPaidOnline => LostItemKind.Procedure,
        Index766Measure.CitizenSatisfaction => LostItemKind.Ballot,
        Index766Measure.None or Index766Measure.DossiersSyncedToNationalPortal or Index766Measure.DossiersNotLate or Index766Measure.DossiersOnline
            or Index766Measure.FeeDossiersPaidOnline or Index766Measure.ResolvedWithElectronicResult or Index766Measure.DossiersDigitised
            or Index766Measure.DossiersReusingDigitisedData => LostItemKind.Dossier,
    };

    private static Index766Result ComputeScope(string scope, Index766Input input, ReportPeriod period, ReportOptions options, IEnumerable<Index766Indicator> table)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        var data = new Measured(input, period, options);
        return Score(scope, period, data.Measure, input.ManualPoints, table);
    }

    private static Index766Result Score(string scope, ReportPeriod period, Func<Index766Measure, MeasureCount> measure,
        IReadOnlyDictionary<string, decimal>? manualPoints, IEnumerable<Index766Indicator> table)
    {
        IReadOnlyList<Index766Indicator> rows = Index766Definitions.InForce(table, period.End);
        var groups = new List<Index766GroupResult>();
        foreach (Index766Group group in Index766Definitions.Groups)
        {
            var indicators = rows.Where(r => r.Group == group.Number)
                .Select(r => Score(r, measure, manualPoints))
                .ToList();
            groups.Add(new Index766GroupResult(group, indicators));
        }

        // Rows of groups outside the six (a corrected table may add one) are kept rather than silently dropped.
        foreach (IGrouping<int, Index766Indicator> extra in rows.Where(r => Index766Definitions.Groups.All(g => g.Number != r.Group)).GroupBy(r => r.Group))
        {
            groups.Add(new Index766GroupResult(
                new Index766Group(extra.Key, $"Nhóm {extra.Key}", extra.Sum(r => r.MaxPoints), SourceConfidence.Unconfirmed),
                extra.Select(r => Score(r, measure, manualPoints)).ToList()));
        }

        return new Index766Result(scope, period, groups);
    }

    private static Index766IndicatorResult Score(Index766Indicator row, Func<Index766Measure, MeasureCount> measure, IReadOnlyDictionary<string, decimal>? manual)
    {
        switch (row.Scoring.Kind)
        {
            case ScoringKind.Constant:
                return new Index766IndicatorResult(row, IndicatorStatus.Scored, null, null, row.MaxPoints, LostItemKind.Dossier, []);
            case ScoringKind.Manual:
                return manual is not null && manual.TryGetValue(row.Code, out decimal entered)
                    ? new Index766IndicatorResult(row, IndicatorStatus.Scored, null, null, Math.Clamp(entered, 0, row.MaxPoints), LostItemKind.Dossier, [])
                    : new Index766IndicatorResult(row, IndicatorStatus.NotEntered, null, null, null, LostItemKind.Dossier, []);
            case ScoringKind.Linear:
            case ScoringKind.Threshold:
                break;
            default:
                throw new InvalidOperationException($"Unknown scoring {row.Scoring.Kind}.");
        }

        MeasureCount counted = measure(row.Measure);
        (int numerator, int denominator, LostItemKind kind) = (counted.Numerator, counted.Denominator, counted.Kind);
        if (denominator == 0)
        {
            return new Index766IndicatorResult(row, IndicatorStatus.NoData, numerator, denominator, null, kind, []) { LostCount = 0 };
        }

        decimal ratio = (decimal)numerator / denominator;
        decimal earned = row.Scoring.Kind == ScoringKind.Linear
            ? Math.Round(row.MaxPoints * ratio, 2, MidpointRounding.AwayFromZero)
            : ratio >= row.Scoring.Threshold ? row.MaxPoints : Math.Min(row.Scoring.PartialPoints, row.MaxPoints);
        bool lost = earned < row.MaxPoints;
        return new Index766IndicatorResult(row, IndicatorStatus.Scored, numerator, denominator, earned, kind, lost ? counted.FailingItems ?? [] : [])
        {
            LostCount = lost ? counted.Failing : 0,
        };
    }

    /// <summary>The sets every measure draws on, computed once per scope and period.</summary>
    private sealed class Measured
    {
        private readonly List<(DossierFact Fact, PeriodStanding Standing)> _standings;
        private readonly List<DossierFact> _received;
        private readonly List<DossierFact> _resolved;
        private readonly List<ProcedureFact> _procedures;
        private readonly List<CitizenEvaluation> _ballots;

        public Measured(Index766Input input, ReportPeriod period, ReportOptions options)
        {
            _standings = input.Facts
                .Select(f => (Fact: f, Standing: DossierReport.Classify(f, period, options)))
                .Where(x => x.Standing is not null)
                .Select(x => (x.Fact, x.Standing!.Value))
                .ToList();
            _received = _standings.Where(x => x.Standing.IsReceived).Select(x => x.Fact).ToList();
            _resolved = _standings.Where(x => x.Standing.IsResolved).Select(x => x.Fact).ToList();
            _procedures = input.Procedures.ToList();
            _ballots = input.Evaluations.Where(e => period.Contains(e.EvaluatedAt)).ToList();
        }

        public MeasureCount Measure(Index766Measure measure)
        {
            switch (measure)
            {
                case Index766Measure.ProceduresDisclosedOnTime:
                    return Procedures(_procedures, p => p.DisclosedOnTime);
                case Index766Measure.DossiersSyncedToNationalPortal:
                    return Dossiers(_received, f => f.SyncedToNationalPortal);
                case Index766Measure.DossiersNotLate:
                    {
                        var late = _standings.Where(x => IsLate(x.Standing))
                            .Select(x => x.Fact.Id).ToList();
                        return new MeasureCount(_standings.Count - late.Count, _standings.Count, LostItemKind.Dossier, late.Count, late);
                    }

                case Index766Measure.ProceduresOnline:
                    return Procedures(_procedures, p => p.OnlineLevel != OnlineServiceLevel.None);
                case Index766Measure.OnlineProceduresWithDossiers:
                    {
                        var withDossiers = _received.Select(f => f.ProcedureKey).ToHashSet(StringComparer.Ordinal);
                        return Procedures(_procedures.Where(p => p.OnlineLevel != OnlineServiceLevel.None), p => withDossiers.Contains(p.Key));
                    }

                case Index766Measure.DossiersOnline:
                    return Dossiers(_received, f => f.Channel.CountsAsOnline());
                case Index766Measure.FeeProceduresPaidOnline:
                    {
                        var paid = _received.Where(f => f.PaidOnline).Select(f => f.ProcedureKey).ToHashSet(StringComparer.Ordinal);
                        return Procedures(_procedures.Where(p => p.ChargesFee), p => paid.Contains(p.Key));
                    }

                case Index766Measure.FeeDossiersPaidOnline:
                    return Dossiers(_received.Where(f => f.FeeCharged), f => f.PaidOnline);
                case Index766Measure.CitizenSatisfaction:
                    {
                        var valid = _ballots.Where(b => b.IsComplete).ToList();
                        var below = valid.Where(b => b.Total < b.MaxTotal).Select(b => b.DossierId).ToList();
                        return new MeasureCount(valid.Sum(b => b.Total), valid.Sum(b => b.MaxTotal), LostItemKind.Ballot, below.Count, below);
                    }

                case Index766Measure.ResolvedWithElectronicResult:
                    return Dossiers(_resolved, f => f.ElectronicResult);
                case Index766Measure.DossiersDigitised:
                    return Dossiers(_received, f => f.ComponentsDigitised || f.ResultDigitised);
                case Index766Measure.DossiersReusingDigitisedData:
                    return Dossiers(_received, f => f.ReusedDigitisedData);
                case Index766Measure.None:
                    return new MeasureCount(0, 0, LostItemKind.Dossier, 0, []);
                default:
                    throw new InvalidOperationException($"Unknown measure {measure}.");
            }
        }

        private static MeasureCount Dossiers(IEnumerable<DossierFact> set, Func<DossierFact, bool> passes)
        {
            var list = set.ToList();
            var failing = list.Where(f => !passes(f)).Select(f => f.Id).ToList();
            return new MeasureCount(list.Count - failing.Count, list.Count, LostItemKind.Dossier, failing.Count, failing);
        }

        private static MeasureCount Procedures(IEnumerable<ProcedureFact> set, Func<ProcedureFact, bool> passes)
        {
            var list = set.ToList();
            var failing = list.Where(p => !passes(p)).Select(p => p.Key).ToList();
            return new MeasureCount(list.Count - failing.Count, list.Count, LostItemKind.Procedure, failing.Count, failing);
        }
    }
}
