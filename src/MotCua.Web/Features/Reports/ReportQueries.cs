using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Core.Reports;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Biểu 06 computed in the database (Core Reports/README, "the same classification in SQL"): two index ranges (received
/// in the period; received before it and still open at its start) and one GROUP BY with CASE. Plain SQL that runs
/// unchanged on SQLite and PostgreSQL, because every instant is a bigint of UTC ticks and integer division is the same on
/// both. Must give exactly <see cref="DossierReport.Compute"/>'s numbers over <see cref="DossierFacts"/> (tested).
/// </summary>
public static class ReportQueries
{
    private const long Offset = 252_000_000_000L; // 7 h in ticks: Vietnam-local date of an instant is (t + off) / day
    private const long Day = 864_000_000_000L;

    /// <summary>The report for one agency (optionally one unit's dossiers) and one period.</summary>
    public static async Task<DossierReport> DossierReportAsync(ReportingDb reporting, int agencyId, ReportPeriod period, GroupBy groupBy,
        ReportOptions? options, int? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        options ??= ReportOptions.Default;
        var db = reporting.Context;
        var (closed, kind) = options.CountFinishAt switch
        {
            CountFinishAt.Completion => ("\"ReportClosedAt\"", "\"ReportClosedKind\""),
            CountFinishAt.Return => ("\"ReportClosedAtReturn\"", "\"ReportClosedKindReturn\""),
        };
        var key = KeyColumn(groupBy);
        var name = NameColumn(groupBy);
        var unit = unitId is null ? "" : " AND \"ReportUnitId\" = @unit";
        var counts = $"""
            WITH p AS (
                SELECT {key} AS k, "Channel" AS ch, "ReceivedAt" AS r, "DueAt" AS du, {closed} AS c, {kind} AS ck
                FROM "Dossiers" WHERE {ReportRanges.Received(unit)}
                UNION ALL
                SELECT {key}, "Channel", "ReceivedAt", "DueAt", {closed}, {kind}
                FROM "Dossiers" WHERE {ReportRanges.OpenAtStartRecent(unit, closed)}
                UNION ALL
                SELECT {key}, "Channel", "ReceivedAt", "DueAt", {closed}, {kind}
                FROM "Dossiers" WHERE {ReportRanges.OpenAtStartEarlier(unit, closed)}
            )
            SELECT k,
              SUM(CASE WHEN r < @s THEN 1 ELSE 0 END),
              SUM(CASE WHEN r >= @s AND ch = 'Online' THEN 1 ELSE 0 END),
              SUM(CASE WHEN r >= @s AND ch = 'Direct' THEN 1 ELSE 0 END),
              SUM(CASE WHEN r >= @s AND ch = 'Postal' THEN 1 ELSE 0 END),
              SUM(CASE WHEN c < @e AND ck = 0 AND du IS NOT NULL
                   THEN (CASE WHEN c <= du AND (c + @off) / @day < (du + @off) / @day THEN 1 ELSE 0 END) ELSE 0 END),
              SUM(CASE WHEN c < @e AND ck = 0
                   THEN (CASE WHEN du IS NULL THEN 1 WHEN c <= du AND (c + @off) / @day = (du + @off) / @day THEN 1 ELSE 0 END) ELSE 0 END),
              SUM(CASE WHEN c < @e AND ck = 0 AND c > du THEN 1 ELSE 0 END),
              SUM(CASE WHEN c >= @e AND (du IS NULL OR du >= @e) THEN 1 ELSE 0 END),
              SUM(CASE WHEN c >= @e AND du < @e THEN 1 ELSE 0 END),
              SUM(CASE WHEN c < @e AND ck = 1 THEN 1 ELSE 0 END),
              SUM(CASE WHEN c < @e AND ck = 2 THEN 1 ELSE 0 END),
              SUM(CASE WHEN c < @e AND ck = 3 THEN 1 ELSE 0 END),
              MAX(r)
            FROM p GROUP BY k
            """;
        // Desk refusals (never received) are counted apart, by the refusal instant.
        var desk = $"""
            SELECT {key}, COUNT(*), MAX("SubmittedAt") FROM "Dossiers"
            WHERE "AgencyId" = @agency AND "Status" = 'Refused' AND NOT "ReportCounted"{unit} AND "ClosedAt" >= @s AND "ClosedAt" < @e
            GROUP BY {key}
            """;
        // A row's name: the pinned name of its most recently received dossier (ties: smallest id), as Core does. The
        // aggregates above give each row's latest instant; the few dossiers received at those instants are then read
        // through the receipt-instant index (ranking every row with a window function cost a sort of the whole period).
        var latestCounted = $"""
            SELECT {key} AS k, "Id", "ReceivedAt", {name} FROM "Dossiers"
            WHERE "AgencyId" = @agency AND "ReportCounted"{unit} AND "ReceivedAt" < @e AND ("ReceivedAt" >= @s OR {closed} >= @s) AND "ReceivedAt" IN (@@instants@@)
            """;
        var latestDesk = $"""
            SELECT {key} AS k, "Id", "SubmittedAt", {name} FROM "Dossiers"
            WHERE "AgencyId" = @agency AND "Status" = 'Refused' AND NOT "ReportCounted"{unit} AND "ClosedAt" >= @s AND "ClosedAt" < @e AND "SubmittedAt" IN (@@instants@@)
            """;

        return await WithConnectionAsync(db, async conn =>
        {
            var rows = new Dictionary<string, long[]>(StringComparer.Ordinal);
            var latest = new Dictionary<string, (long At, bool Desk)>(StringComparer.Ordinal);
            await using (var cmd = Command(conn, db, counts, agencyId, period, unitId))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var values = new long[13];
                    for (var i = 0; i < 12; i++)
                    {
                        values[i] = Convert.ToInt64(reader.GetValue(i + 1), CultureInfo.InvariantCulture);
                    }
                    var k = Key(reader.GetValue(0));
                    rows[k] = values;
                    latest[k] = (Convert.ToInt64(reader.GetValue(13), CultureInfo.InvariantCulture), false);
                }
            }
            await using (var cmd = Command(conn, db, desk, agencyId, period, unitId))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var k = Key(reader.GetValue(0));
                    if (!rows.TryGetValue(k, out var values))
                    {
                        rows[k] = values = new long[13];
                    }
                    values[12] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                    var submitted = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
                    // A desk refusal submitted at the same instant as the latest receipt competes with it on id.
                    latest[k] = latest.TryGetValue(k, out var l) && l.At >= submitted ? (l.At, l.Desk || l.At == submitted) : (submitted, true);
                }
            }
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

    private static string KeyColumn(GroupBy groupBy) => groupBy switch
    {
        GroupBy.Agency => "\"AgencyId\"",
        GroupBy.Unit => "COALESCE(\"ReportUnitId\", 0)",
        GroupBy.Field => "\"ReportFieldId\"",
        GroupBy.Procedure => "\"ReportProcedureId\"",
    };

    private static string NameColumn(GroupBy groupBy) => groupBy switch
    {
        GroupBy.Agency => "(SELECT a.\"Name\" FROM \"Agencies\" a WHERE a.\"Id\" = \"Dossiers\".\"AgencyId\")",
        GroupBy.Unit => "COALESCE(\"ReportUnitName\", @nounit)",
        GroupBy.Field => "\"ReportFieldName\"",
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
        Add(cmd, "e", period.EndInstant.UtcTicks);
        Add(cmd, "sl", ReportRanges.RecentFrom(period.StartInstant.UtcTicks));
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
