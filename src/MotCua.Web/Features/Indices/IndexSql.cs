using System.Globalization;
using MotCua.Core.Evaluation;
using MotCua.Core.Indices;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Reports;

namespace MotCua.Web.Features.Indices;

/// <summary>The dossier counts one unit (or the agency, summed) contributes to the 766 index's counting indicators.</summary>
public sealed record IndexDossierCounts(
    int Standings, int Late, int Received, int Synced, int Online, int FeeCharged, int FeePaidOnline, int Resolved, int ResolvedElectronic, int Digitised, int Reused)
{
    public static IndexDossierCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public IndexDossierCounts Plus(IndexDossierCounts o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(Standings + o.Standings, Late + o.Late, Received + o.Received, Synced + o.Synced, Online + o.Online, FeeCharged + o.FeeCharged,
            FeePaidOnline + o.FeePaidOnline, Resolved + o.Resolved, ResolvedElectronic + o.ResolvedElectronic, Digitised + o.Digitised, Reused + o.Reused);
    }
}

/// <summary>A procedure with dossiers received in the period, per unit, and whether one of them was paid online.</summary>
public sealed record IndexProcedureUse(string UnitKey, string ProcedureKey, bool PaidOnline);

/// <summary>What the database aggregate returns for one agency (optionally one unit) and period.</summary>
public sealed record IndexCounts(IReadOnlyDictionary<string, IndexDossierCounts> ByUnit, IReadOnlyList<IndexProcedureUse> ProcedureUses)
{
    /// <summary>The counts of <paramref name="unitKey"/>, or of every unit when null.</summary>
    public IndexDossierCounts For(string? unitKey) => unitKey is null
        ? ByUnit.Values.Aggregate(IndexDossierCounts.Zero, (a, b) => a.Plus(b))
        : ByUnit.GetValueOrDefault(unitKey, IndexDossierCounts.Zero);

    /// <summary>
    /// Every measure of one scope, as <see cref="Index766.Measure"/> counts it over the same dossiers: dossier measures
    /// carry their failing number only (listed on demand by <see cref="IndexSql.LostDossierIdsAsync"/>); procedure and
    /// ballot measures, small, carry their items.
    /// </summary>
    public IReadOnlyDictionary<Index766Measure, MeasureCount> Measures(string? unitKey, IReadOnlyCollection<ProcedureFact> procedures,
        IReadOnlyCollection<CitizenEvaluation> ballots, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentNullException.ThrowIfNull(period);
        var c = For(unitKey);
        var uses = ProcedureUses.Where(u => unitKey is null || string.Equals(u.UnitKey, unitKey, StringComparison.Ordinal)).ToList();
        var withDossiers = uses.Select(u => u.ProcedureKey).ToHashSet(StringComparer.Ordinal);
        var paidOnline = uses.Where(u => u.PaidOnline).Select(u => u.ProcedureKey).ToHashSet(StringComparer.Ordinal);
        var scoped = procedures.Where(p => unitKey is null || string.Equals(p.UnitKey, unitKey, StringComparison.Ordinal)).ToList();

        static MeasureCount Dossiers(int passing, int of) => new(passing, of, LostItemKind.Dossier, of - passing);
        static MeasureCount Procedures(IEnumerable<ProcedureFact> set, Func<ProcedureFact, bool> passes)
        {
            var list = set.ToList();
            var failing = list.Where(p => !passes(p)).Select(p => p.Key).ToList();
            return new MeasureCount(list.Count - failing.Count, list.Count, LostItemKind.Procedure, failing.Count, failing);
        }

        var valid = ballots.Where(b => (unitKey is null || string.Equals(b.UnitKey, unitKey, StringComparison.Ordinal)) && period.Contains(b.EvaluatedAt) && b.IsComplete).ToList();
        // Each ballot against its own questionnaire's maximum, as the core reference counts it.
        var below = valid.Where(b => b.Total < b.MaxTotal).Select(b => b.DossierId).ToList();
        var online = scoped.Where(p => p.OnlineLevel != OnlineServiceLevel.None).ToList();
        return new Dictionary<Index766Measure, MeasureCount>
        {
            [Index766Measure.ProceduresDisclosedOnTime] = Procedures(scoped, p => p.DisclosedOnTime),
            [Index766Measure.DossiersSyncedToNationalPortal] = Dossiers(c.Synced, c.Received),
            [Index766Measure.DossiersNotLate] = Dossiers(c.Standings - c.Late, c.Standings),
            [Index766Measure.ProceduresOnline] = Procedures(scoped, p => p.OnlineLevel != OnlineServiceLevel.None),
            [Index766Measure.OnlineProceduresWithDossiers] = Procedures(online, p => withDossiers.Contains(p.Key)),
            [Index766Measure.DossiersOnline] = Dossiers(c.Online, c.Received),
            [Index766Measure.FeeProceduresPaidOnline] = Procedures(scoped.Where(p => p.ChargesFee), p => paidOnline.Contains(p.Key)),
            [Index766Measure.FeeDossiersPaidOnline] = Dossiers(c.FeePaidOnline, c.FeeCharged),
            [Index766Measure.CitizenSatisfaction] = new(valid.Sum(b => b.Total), valid.Sum(b => b.MaxTotal), LostItemKind.Ballot, below.Count, below),
            [Index766Measure.ResolvedWithElectronicResult] = Dossiers(c.ResolvedElectronic, c.Resolved),
            [Index766Measure.DossiersDigitised] = Dossiers(c.Digitised, c.Received),
            [Index766Measure.DossiersReusingDigitisedData] = Dossiers(c.Reused, c.Received),
        };
    }
}

/// <summary>
/// The 766 index's counting indicators (1.2, 2.1, 3.3, 4.2, 4.3, 5.x, 6.x) as ONE aggregate over the report roll-up
/// (<see cref="ReportRollup"/>, the same classification as <see cref="ReportQueries"/>, Core Reports/README) grouped by
/// unit and procedure; and the failing dossiers of one measure, paged,
/// for the drill-down (from the dossiers' report rows). Counts completion (the index's rule).
/// Must give exactly <see cref="Index766.Measure"/>'s numbers over <see cref="DossierFacts"/> (tested on both databases).
/// </summary>
public static class IndexSql
{
    // Candidate rows: received in the period, or received before it and still open at its start (completion mode).
    private const string Columns = """
        COALESCE("UnitId", 0) AS k, "ProcedureId" AS pr, "DossierId" AS id, "ReceivedAt" AS r, "DueAt" AS du, "ClosedAt" AS c, "ClosedKind" AS ck,
        "Channel" AS ch, "FeeAmount" AS fee, "PaymentStatus" AS pay, "ReturnMethod" AS rm, "ComponentsDigitised" AS cd, "ResultDigitised" AS rd,
        "SyncedAt" AS sy, "ReusedDigitisedData" AS ru
        """;

    private static string ReceivedInPeriod(string unit) => $"""SELECT {Columns} FROM "ReportDossiers" WHERE {ReportRanges.Received(unit)}""";

    private static string OpenAtStartRecent(string unit) =>
        $"""SELECT {Columns} FROM "ReportDossiers" WHERE {ReportRanges.OpenAtStartRecent(unit, "\"ClosedAt\"")}""";

    private static string OpenAtStartEarlier(string unit) =>
        $"""SELECT {Columns} FROM "ReportDossiers" WHERE {ReportRanges.OpenAtStartEarlier(unit, "\"ClosedAt\"")}""";

    private static string Candidates(string unit) =>
        ReceivedInPeriod(unit) + "\nUNION ALL\n" + OpenAtStartRecent(unit) + "\nUNION ALL\n" + OpenAtStartEarlier(unit);

    // Over columns named c (closing ticks), ck (closing kind), du (due ticks); also the reconciliation ledger's.
    internal const string Late = "((c < @e AND ck = 0 AND c > du) OR (c >= @e AND du < @e))";
    internal const string Resolved = "(c < @e AND ck = 0)";

    /// <summary>The counts for the agency (every unit) or one unit, and the procedures that had dossiers, with the agencies merged into it by the period's end.</summary>
    public static async Task<IndexCounts> CountAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        var agencies = await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(reporting.Context, agencyId, period.Start, period.End, ct);
        // A unit's scope covers the units merged into it by the period's end; their rows count under their successor.
        var successors = await Organisation.Merging.UnitLineage.SuccessorsOnAsync(reporting.Context, period.End, ct);
        IReadOnlyList<int?> units = unitId is { } scope
            ? [.. (await Organisation.Merging.UnitLineage.UnitIdsForReportAsync(reporting.Context, scope, period.End, ct)).Select(u => (int?)u)]
            : [null];
        var parts = new List<IndexCounts>();
        foreach (var id in agencies)
        {
            foreach (var unit in units)
            {
                parts.Add(await OneAgencyCountAsync(reporting, id, period, unit, ct));
            }
        }
        if (parts.Count == 1 && successors.Count == 0)
        {
            return parts[0];
        }
        string Answering(string key) => successors.TryGetValue(key, out var s) ? s.Key : key;
        return new IndexCounts(
            parts.SelectMany(p => p.ByUnit).GroupBy(u => Answering(u.Key), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(u => u.Value).Aggregate(IndexDossierCounts.Zero, (a, b) => a.Plus(b)), StringComparer.Ordinal),
            [.. parts.SelectMany(p => p.ProcedureUses).Select(u => u with { UnitKey = Answering(u.UnitKey) })]);
    }

    private static async Task<IndexCounts> OneAgencyCountAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId, CancellationToken ct)
    {
        // From the roll-up (ReportRollup), grouped by unit and procedure: the unit's counts are the sums of its rows, and a
        // row with dossiers received (or paid online) in the period is a procedure "with dossiers" for indicators 3.2
        // and 3.4. Completion mode (the index's rule). Standings: open at the start plus received in the period; late:
        // resolved late in it plus overdue at its cut-off (overdue at the start plus the period's change, less those due
        // later on the cut-off's day).
        const string Received = ReportRollup.ReceivedSql;
        var counts = $"""
            SELECT "UnitId", "ProcedureId",
              SUM({Received}), SUM("Late"), SUM("OverdueFrom" - "OverdueTo"),
              SUM("ReceivedOnline"), SUM("ReceivedFee"), SUM("ReceivedFeePaidOnline"), SUM("Early" + "OnTime" + "Late"), SUM("ResolvedOnline"),
              SUM("ReceivedDigitised"), SUM("ReceivedPaidOnline"), SUM(CASE WHEN "SyncDay" < @ed THEN "Synced" ELSE 0 END), SUM("ReceivedReused")
            FROM "ReportDayCounts" WHERE "AgencyId" = @agency AND "Day" >= @sd AND "Day" < @ed{ReportQueries.RollupUnit(unitId)}
            GROUP BY "UnitId", "ProcedureId"
            """;
        return await ReportQueries.WithConnectionAsync(reporting.Context, async conn =>
        {
            var atStart = await ReportQueries.RunningAtStartAsync(conn, reporting.Context, agencyId, period, unitId, "\"UnitId\", \"ProcedureId\"",
                CountFinishAt.Completion, ct);
            var dueLater = await ReportQueries.DueLaterOnCutoffDayAsync(conn, reporting.Context, agencyId, period, unitId, "\"UnitId\", \"ProcedureId\"",
                CountFinishAt.Completion, ct);
            var inPeriod = new Dictionary<string, int[]>(StringComparer.Ordinal);
            await using (var cmd = ReportQueries.Command(conn, reporting.Context, counts, agencyId, period, unitId))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    int At(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
                    inPeriod[ReportQueries.Key(reader.GetValue(0)) + "/" + ReportQueries.Key(reader.GetValue(1))] = [.. Enumerable.Range(2, 12).Select(At)];
                }
            }
            var byUnit = new Dictionary<string, IndexDossierCounts>(StringComparer.Ordinal);
            var used = new List<IndexProcedureUse>();
            foreach (var key in inPeriod.Keys.Union(atStart.Keys))
            {
                var (open, overdue) = atStart.GetValueOrDefault(key);
                var p = inPeriod.GetValueOrDefault(key) ?? new int[12];
                var carried = (int)open;
                var received = p[0];
                if (carried + received == 0)
                {
                    continue; // no dossier of the period
                }
                var k = key[..key.IndexOf('/', StringComparison.Ordinal)];
                var pr = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
                var row = new IndexDossierCounts(carried + received, p[1] + (int)overdue + p[2] - (int)dueLater.GetValueOrDefault(key), received, p[10], p[3], p[4], p[5], p[6], p[7], p[8], p[11]);
                byUnit[k] = byUnit.TryGetValue(k, out var sum) ? sum.Plus(row) : row;
                if (row.Received > 0)
                {
                    used.Add(new IndexProcedureUse(k, pr, p[9] > 0));
                }
            }
            return new IndexCounts(byUnit, used);
        }, ct);
    }

    /// <summary>
    /// The ids of the dossiers that fail <paramref name="measure"/> in the scope and period, by id, one page; the same
    /// rows <see cref="Index766.Measure"/> lists. Empty for measures that do not count dossiers.
    /// </summary>
    public static async Task<IReadOnlyList<long>> LostDossierIdsAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId,
        Index766Measure measure, int skip, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        var agencies = await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(reporting.Context, agencyId, period.Start, period.End, ct);
        IReadOnlyList<int?> units = unitId is { } scope
            ? [.. (await Organisation.Merging.UnitLineage.UnitIdsForReportAsync(reporting.Context, scope, period.End, ct)).Select(u => (int?)u)]
            : [null];
        if (agencies.Count == 1 && units.Count == 1)
        {
            return await OneAgencyLostIdsAsync(reporting, agencyId, period, unitId, measure, skip, take, ct);
        }
        // With predecessors (agencies or units): every part's first pages, merged by id, then the page asked for.
        var ids = new List<long>();
        foreach (var id in agencies)
        {
            foreach (var unit in units)
            {
                ids.AddRange(await OneAgencyLostIdsAsync(reporting, id, period, unit, measure, 0, Math.Max(0, skip) + take, ct));
            }
        }
        return [.. ids.Order().Skip(Math.Max(0, skip)).Take(take)];
    }

    private static async Task<IReadOnlyList<long>> OneAgencyLostIdsAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId,
        Index766Measure measure, int skip, int take, CancellationToken ct)
    {
        var failing = FailingPredicate(measure);
        if (failing is null || take <= 0)
        {
            return [];
        }
        var unit = unitId is null ? "" : " AND \"UnitId\" = @unit";
        var sql = $"""
            WITH p AS ({Candidates(unit)})
            SELECT id FROM p WHERE {failing} ORDER BY id LIMIT @take OFFSET @skip
            """;
        return await ReportQueries.WithConnectionAsync(reporting.Context, async conn =>
        {
            var ids = new List<long>();
            await using var cmd = ReportQueries.Command(conn, reporting.Context, sql, agencyId, period, unitId);
            ReportQueries.Add(cmd, "take", take);
            ReportQueries.Add(cmd, "skip", Math.Max(0, skip));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
            return (IReadOnlyList<long>)ids;
        }, ct);
    }

    /// <summary>The SQL condition under which a candidate row costs <paramref name="measure"/> its points (null: not a dossier measure).</summary>
    private static string? FailingPredicate(Index766Measure measure) => measure switch
    {
        Index766Measure.DossiersSyncedToNationalPortal => "r >= @s AND (sy IS NULL OR sy >= @e)",
        Index766Measure.DossiersNotLate => Late,
        Index766Measure.DossiersOnline => "r >= @s AND ch <> 'Online'",
        Index766Measure.FeeDossiersPaidOnline => "r >= @s AND fee > 0 AND pay <> 'PaidOnline'",
        Index766Measure.ResolvedWithElectronicResult => $"{Resolved} AND (rm IS NULL OR rm <> 'Online')",
        Index766Measure.DossiersDigitised => "r >= @s AND NOT (cd OR rd)",
        Index766Measure.DossiersReusingDigitisedData => "r >= @s AND NOT ru",
        Index766Measure.None or Index766Measure.ProceduresDisclosedOnTime or Index766Measure.ProceduresOnline
            or Index766Measure.OnlineProceduresWithDossiers or Index766Measure.FeeProceduresPaidOnline or Index766Measure.CitizenSatisfaction => null,
    };
}
