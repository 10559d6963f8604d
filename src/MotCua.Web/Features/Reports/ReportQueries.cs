using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Core.Reports;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Biểu 06 computed in the database (Core Reports/README, "the same classification in SQL"): the counts are sums over the
/// report roll-up (<see cref="ReportRollup"/>: one row per agency, unit, field, procedure and day), the row names come
/// from the dossiers received at each row's latest instant. Plain SQL that runs unchanged on SQLite and PostgreSQL,
/// because every instant is a bigint of UTC ticks and integer division is the same on both. Must give exactly
/// <see cref="DossierReport.Compute"/>'s numbers over <see cref="DossierFacts"/> (tested).
/// </summary>
public static class ReportQueries
{
    private const long Offset = 252_000_000_000L; // 7 h in ticks: Vietnam-local date of an instant is (t + off) / day
    private const long Day = 864_000_000_000L;

    /// <summary>The report for one agency (optionally one unit's dossiers) and one period, with the agencies merged into it by the period's end (<see cref="LineageReports"/>).</summary>
    public static async Task<DossierReport> DossierReportAsync(ReportingDb reporting, int agencyId, ReportPeriod period, GroupBy groupBy,
        ReportOptions? options, int? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        var agencies = await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(reporting.Context, agencyId, period.Start, period.End, ct);
        var parts = new List<DossierReport>();
        foreach (var id in agencies)
        {
            parts.Add(await OneAgencyReportAsync(reporting, id, period, groupBy, options, unitId, ct));
        }
        var report = parts.Count == 1 ? parts[0] : LineageReports.Combine(parts);
        return groupBy == GroupBy.Unit
            ? UnitLineageReports.Fold(report, await Organisation.Merging.UnitLineage.SuccessorsOnAsync(reporting.Context, period.End, ct))
            : report;
    }

    private static async Task<DossierReport> OneAgencyReportAsync(ReportingDb reporting, int agencyId, ReportPeriod period, GroupBy groupBy,
        ReportOptions? options, int? unitId, CancellationToken ct)
    {
        options ??= ReportOptions.Default;
        var db = reporting.Context;
        var closed = options.CountFinishAt switch
        {
            CountFinishAt.Completion => "\"ClosedAt\"",
            CountFinishAt.Return => "\"ClosedAtReturn\"",
        };
        var m = options.CountFinishAt == CountFinishAt.Return ? "Return" : "";
        var key = KeyColumn(groupBy);
        var name = NameColumn(groupBy);
        var unit = unitId is null ? "" : " AND \"UnitId\" = @unit";
        // Every count from the roll-up (ReportRollup): the period's days for what happened in it, and the running sums
        // at its start (RunningAtStartAsync) for what was open and overdue then; at its end they are those plus the
        // period's changes.
        var received = ReportRollup.ReceivedSql;
        var closings = ReportRollup.ClosingsSql(m);
        string Sum(string column) => $"SUM(\"{column}\")";
        var counts = $"""
            SELECT {RollupKeyColumn(groupBy)},
              {Sum("ReceivedOnline")}, {Sum("ReceivedDirect")}, {Sum("ReceivedPostal")}, {Sum(m + "Early")}, {Sum(m + "OnTime")}, {Sum(m + "Late")},
              SUM({received} - {closings}), SUM("{m}OverdueFrom" - "{m}OverdueTo"),
              {Sum(m + "Withdrawn")}, {Sum(m + "Refused")}, {Sum(m + "Stopped")}, {Sum("DeskRefused")},
              MAX("LatestReceivedAt"), MAX("LatestDeskSubmittedAt")
            FROM "ReportDayCounts" WHERE "AgencyId" = @agency AND "Day" >= @sd AND "Day" < @ed{RollupUnit(unitId)}
            GROUP BY {RollupKeyColumn(groupBy)}
            """;
        // A row's name: the pinned name of its most recently received dossier (ties: smallest id), as Core does. The
        // roll-up gives each row's latest instant; the few dossiers received at those instants are then read through
        // the receipt-instant index.
        var latestCounted = $"""
            SELECT {key} AS k, "DossierId", "ReceivedAt", {name} FROM "ReportDossiers"
            WHERE "AgencyId" = @agency AND "Counted"{unit} AND "ReceivedAt" < @e AND ("ReceivedAt" >= @s OR {closed} >= @s) AND "ReceivedAt" IN (@@instants@@)
            """;
        var latestDesk = $"""
            SELECT {key} AS k, "DossierId", "SubmittedAt", {name} FROM "ReportDossiers"
            WHERE "AgencyId" = @agency AND "DeskRefusedAt" >= @s AND "DeskRefusedAt" < @e{unit} AND "SubmittedAt" IN (@@instants@@)
            """;

        return await WithConnectionAsync(db, async conn =>
        {
            var rows = new Dictionary<string, long[]>(StringComparer.Ordinal);
            var latest = new Dictionary<string, (long At, bool Desk)>(StringComparer.Ordinal);
            var atStart = await RunningAtStartAsync(conn, db, agencyId, period, unitId, RollupKeyColumn(groupBy), options.CountFinishAt, ct);
            var dueLater = await DueLaterOnCutoffDayAsync(conn, db, agencyId, period, unitId, RollupKeyColumn(groupBy), options.CountFinishAt, ct);
            var inPeriod = new Dictionary<string, long[]>(StringComparer.Ordinal);
            await using (var cmd = Command(conn, db, counts, agencyId, period, unitId))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    long At(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
                    var k = Key(reader.GetValue(0));
                    inPeriod[k] = [.. Enumerable.Range(1, 12).Select(At)];
                    if (At(13) is > 0 and var r)
                    {
                        latest[k] = (r, false);
                    }
                    if (At(14) is > 0 and var submitted)
                    {
                        Compete(latest, k, submitted);
                    }
                }
            }
            foreach (var k in inPeriod.Keys.Union(atStart.Keys))
            {
                var (carried, overdueAtStart) = atStart.GetValueOrDefault(k);
                var p = inPeriod.GetValueOrDefault(k) ?? new long[12];
                var overdue = overdueAtStart + p[7] - dueLater.GetValueOrDefault(k);
                long[] values = [carried, p[0], p[1], p[2], p[3], p[4], p[5], carried + p[6] - overdue, overdue, p[8], p[9], p[10], p[11]];
                if (carried + p[0] + p[1] + p[2] + p[11] > 0)
                {
                    rows[k] = values; // else no dossier of the period (only days before it, all closed by its start)
                }
            }
            var rowNames = await NamesAsync(conn, db, agencyId, period, unitId, latest, latestCounted, latestDesk, ct);
            // The unit-less row has one name, whoever its latest dossier is (and its latest dossier may since have left it).
            if (groupBy == GroupBy.Unit && rows.ContainsKey(DossierProjection.NoUnitKey))
            {
                rowNames[DossierProjection.NoUnitKey] = DossierProjection.NoUnitName;
            }
            var unnamed = rows.Keys.Where(k => !rowNames.ContainsKey(k)).ToList();
            if (unnamed.Count > 0)
            {
                // Rows whose dossiers were all received before the period (the roll-up keeps no latest instant for
                // those), or whose latest dossier moved to another unit: read their latest instants from the dossiers.
                var scanned = await LatestFromDossiersAsync(conn, db, agencyId, period, unitId, key, closed, unnamed, ct);
                foreach (var (k, n) in await NamesAsync(conn, db, agencyId, period, unitId, scanned, latestCounted, latestDesk, ct))
                {
                    rowNames[k] = n;
                }
            }

            var culture = CultureInfo.GetCultureInfo("vi-VN");
            var built = rows.Select(r => Row(r.Key, rowNames.GetValueOrDefault(r.Key, ""), r.Value))
                .OrderBy(r => r.Name, StringComparer.Create(culture, ignoreCase: false))
                .ThenBy(r => r.Key, StringComparer.Ordinal)
                .ToList();
            var total = new long[13];
            foreach (var values in rows.Values)
            {
                for (var i = 0; i < total.Length; i++)
                {
                    total[i] += values[i];
                }
            }
            return new DossierReport(period, groupBy, options, built, Row(DossierReport.TotalKey, "Tổng cộng", total));
        }, ct);
    }

    /// <summary>A desk refusal submitted at the same instant as the latest receipt competes with it on id.</summary>
    private static void Compete(Dictionary<string, (long At, bool Desk)> latest, string k, long submitted) =>
        latest[k] = latest.TryGetValue(k, out var l) && l.At >= submitted ? (l.At, l.Desk || l.At == submitted) : (submitted, true);

    /// <summary>The names of the rows in <paramref name="latest"/>: the pinned name of the dossier received (or submitted) at the row's latest instant, smallest id first.</summary>
    private static async Task<Dictionary<string, string>> NamesAsync(DbConnection conn, AppDbContext db, int agencyId, ReportPeriod period, int? unitId,
        Dictionary<string, (long At, bool Desk)> latest, string latestCounted, string latestDesk, CancellationToken ct)
    {
        var rowNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var winners = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (sql, deskOnly) in new[] { (latestCounted, false), (latestDesk, true) })
        {
            var instants = latest.Values.Where(l => !deskOnly || l.Desk).Select(l => l.At).Distinct().ToList();
            if (instants.Count == 0)
            {
                continue;
            }
            await using var cmd = Command(conn, db, sql.Replace("@@instants@@",
                string.Join(", ", instants.Select((_, i) => "@t" + i.ToString(CultureInfo.InvariantCulture))), StringComparison.Ordinal), agencyId, period, unitId);
            for (var i = 0; i < instants.Count; i++)
            {
                Add(cmd, "t" + i.ToString(CultureInfo.InvariantCulture), instants[i]);
            }
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var k = Key(reader.GetValue(0));
                var id = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                var at = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
                if (latest.TryGetValue(k, out var l) && l.At == at && (!winners.TryGetValue(k, out var best) || id < best))
                {
                    winners[k] = id;
                    rowNames[k] = reader.IsDBNull(3) ? "" : reader.GetString(3);
                }
            }
        }
        return rowNames;
    }

    /// <summary>The latest receipt (or desk submission) instant of each of <paramref name="keys"/> over the period's candidate dossiers.</summary>
    private static async Task<Dictionary<string, (long At, bool Desk)>> LatestFromDossiersAsync(DbConnection conn, AppDbContext db, int agencyId,
        ReportPeriod period, int? unitId, string key, string closed, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var unit = unitId is null ? "" : " AND \"UnitId\" = @unit";
        // The keys are integers printed by Key(): safe to inline.
        var only = $" AND {key} IN ({string.Join(", ", keys.Select(k => long.Parse(k, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)))})";
        var counted = $"""
            SELECT k, MAX(r) FROM (
                SELECT {key} AS k, "ReceivedAt" AS r FROM "ReportDossiers" WHERE {ReportRanges.Received(unit)}{only}
                UNION ALL
                SELECT {key}, "ReceivedAt" FROM "ReportDossiers" WHERE {ReportRanges.OpenAtStartRecent(unit, closed)}{only}
                UNION ALL
                SELECT {key}, "ReceivedAt" FROM "ReportDossiers" WHERE {ReportRanges.OpenAtStartEarlier(unit, closed)}{only}
            ) p GROUP BY k
            """;
        var desk = $"""
            SELECT {key}, MAX("SubmittedAt") FROM "ReportDossiers"
            WHERE "AgencyId" = @agency AND "DeskRefusedAt" >= @s AND "DeskRefusedAt" < @e{unit}{only}
            GROUP BY {key}
            """;
        var latest = new Dictionary<string, (long At, bool Desk)>(StringComparer.Ordinal);
        await using (var cmd = Command(conn, db, counted, agencyId, period, unitId))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                latest[Key(reader.GetValue(0))] = (Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), false);
            }
        }
        await using (var cmd = Command(conn, db, desk, agencyId, period, unitId))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                Compete(latest, Key(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            }
        }
        return latest;
    }

    /// <summary>The unit filter on the roll-up tables.</summary>
    internal static string RollupUnit(int? unitId) => unitId is null ? "" : " AND \"UnitId\" = @unit";

    /// <summary>
    /// Per group (<paramref name="keyColumns"/> of the roll-up tables, several joined by '/'): the dossiers open at the
    /// period's start and, of those, the overdue ones, in one finish mode. Whole months before the start's month from
    /// <see cref="ReportMonthCount"/>, then that month's days before the start from <see cref="ReportDayCount"/>.
    /// </summary>
    internal static async Task<Dictionary<string, (long Open, long Overdue)>> RunningAtStartAsync(DbConnection conn, AppDbContext db, int agencyId,
        ReportPeriod period, int? unitId, string keyColumns, CountFinishAt mode, CancellationToken ct)
    {
        var m = mode == CountFinishAt.Return ? "Return" : "";
        var received = ReportRollup.ReceivedSql;
        var closings = ReportRollup.ClosingsSql(m);
        var sql = $"""
            SELECT {keyColumns}, SUM(o), SUM(od) FROM (
                SELECT {keyColumns}, "{m}Open" AS o, "{m}Overdue" AS od FROM "ReportMonthCounts"
                WHERE "AgencyId" = @agency AND "Month" < @sm{RollupUnit(unitId)}
                UNION ALL
                SELECT {keyColumns}, {received} - {closings}, "{m}OverdueFrom" - "{m}OverdueTo" FROM "ReportDayCounts"
                WHERE "AgencyId" = @agency AND "Day" >= @sm AND "Day" < @sd AND "SyncDay" = 0{RollupUnit(unitId)}
            ) s GROUP BY {keyColumns}
            """;
        var width = keyColumns.Split(',').Length;
        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using var cmd = Command(conn, db, sql, agencyId, period, unitId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = string.Join('/', Enumerable.Range(0, width).Select(i => Key(reader.GetValue(i))));
            long At(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
            result[key] = (At(width), At(width + 1));
        }
        return result;
    }

    /// <summary>
    /// Per group: the dossiers the roll-up counts as overdue at the end of the cut-off's day that are not overdue at the
    /// cut-off itself: open, received that day or before, and due from the cut-off to the day's end. The roll-up keeps
    /// whole days, so a provisional period (cut off at now) sums through today and takes these off; empty for a cut-off
    /// at a midnight, as every ended period's is.
    /// </summary>
    internal static async Task<Dictionary<string, long>> DueLaterOnCutoffDayAsync(DbConnection conn, AppDbContext db, int agencyId,
        ReportPeriod period, int? unitId, string keyColumns, CountFinishAt mode, CancellationToken ct)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (period.CutoffInstant.UtcTicks == DayEndTicks(period))
        {
            return result;
        }
        var closed = mode == CountFinishAt.Return ? "\"ClosedAtReturn\"" : "\"ClosedAt\"";
        // The roll-up's unit 0 is a dossier without a unit.
        var keys = keyColumns.Replace("\"UnitId\"", "COALESCE(\"UnitId\", 0)", StringComparison.Ordinal);
        var unit = unitId is null ? "" : " AND \"UnitId\" = @unit";
        var sql = $"""
            SELECT {keys}, COUNT(*) FROM "ReportDossiers"
            WHERE "AgencyId" = @agency AND "Counted"{unit} AND {closed} >= @et AND "DueAt" >= @e AND "DueAt" < @et AND "ReceivedAt" < @et
            GROUP BY {keys}
            """;
        var width = keyColumns.Split(',').Length;
        await using var cmd = Command(conn, db, sql, agencyId, period, unitId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = string.Join('/', Enumerable.Range(0, width).Select(i => Key(reader.GetValue(i))));
            result[key] = Convert.ToInt64(reader.GetValue(width), CultureInfo.InvariantCulture);
        }
        return result;
    }

    /// <summary>UTC ticks of the first Vietnam-local midnight at or after the period's cut-off: where its roll-up days end.</summary>
    private static long DayEndTicks(ReportPeriod period) => ((long)EndDay(period) * Day) - Offset;

    /// <summary>The first roll-up day after the period as reported: the day after the cut-off's, or the cut-off's own day when it is a midnight.</summary>
    private static int EndDay(ReportPeriod period)
    {
        var t = period.CutoffInstant.UtcTicks;
        return (int)((t + Offset + Day - 1) / Day);
    }

    /// <summary>The roll-up's column for a grouping (<see cref="ReportDayCount"/>).</summary>
    internal static string RollupKeyColumn(GroupBy groupBy) => groupBy switch
    {
        GroupBy.Agency => "\"AgencyId\"",
        GroupBy.Unit => "\"UnitId\"",
        GroupBy.Field => "\"FieldId\"",
        GroupBy.Procedure => "\"ProcedureId\"",
    };

    private static string KeyColumn(GroupBy groupBy) => groupBy switch
    {
        GroupBy.Agency => "\"AgencyId\"",
        GroupBy.Unit => "COALESCE(\"UnitId\", 0)",
        GroupBy.Field => "\"FieldId\"",
        GroupBy.Procedure => "\"ProcedureId\"",
    };

    private static string NameColumn(GroupBy groupBy) => groupBy switch
    {
        GroupBy.Agency => "(SELECT a.\"Name\" FROM \"Agencies\" a WHERE a.\"Id\" = \"ReportDossiers\".\"AgencyId\")",
        GroupBy.Unit => "COALESCE(\"UnitName\", @nounit)",
        GroupBy.Field => "\"FieldName\"",
        GroupBy.Procedure => "\"ProcedureName\"",
    };

    /// <summary>Runs <paramref name="work"/> on the context's connection, opening and closing it unless the caller holds it open.</summary>
    internal static async Task<T> WithConnectionAsync<T>(AppDbContext db, Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await conn.OpenAsync(ct);
        }
        try
        {
            return await work(conn);
        }
        finally
        {
            if (opened)
            {
                await conn.CloseAsync();
            }
        }
    }

    /// <summary>A grouping key as reports print it (SQL integers of either provider).</summary>
    internal static string Key(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static DossierReportRow Row(string key, string name, long[] v) => new(key, name,
        (int)v[0], (int)v[1], (int)v[2], (int)v[3], (int)v[4], (int)v[5], (int)v[6], (int)v[7], (int)v[8], (int)v[9], (int)v[10], (int)v[11], (int)v[12]);

    /// <summary>A command on the open connection, in the context's transaction, with the period parameters every report query uses.</summary>
    internal static DbCommand Command(DbConnection conn, AppDbContext db, string sql, int agencyId, ReportPeriod period, int? unitId)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        Add(cmd, "agency", agencyId);
        Add(cmd, "s", period.StartInstant.UtcTicks);
        // A provisional period stops at its as-of instant: nothing after it is counted, and overdue is judged against it.
        Add(cmd, "e", period.CutoffInstant.UtcTicks);
        Add(cmd, "et", DayEndTicks(period));
        Add(cmd, "sl", ReportRanges.RecentFrom(period.StartInstant.UtcTicks));
        Add(cmd, "sd", ReportRollup.DayOf(period.StartInstant));
        Add(cmd, "sm", ReportRollup.MonthOf(ReportRollup.DayOf(period.StartInstant)));
        Add(cmd, "ed", EndDay(period));
        Add(cmd, "off", Offset);
        Add(cmd, "day", Day);
        Add(cmd, "nounit", DossierProjection.NoUnitName);
        if (unitId is { } u)
        {
            Add(cmd, "unit", u);
        }
        return cmd;
    }

    internal static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
