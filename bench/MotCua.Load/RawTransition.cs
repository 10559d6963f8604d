using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace MotCua.Load;

/// <summary>
/// The transition's database baseline: the rows one transition wrote, found by comparing the database before and
/// after the app performed it on one dossier with nothing else running (the dossier row's changed columns; new and
/// changed rows of every table with a DossierId column; new rows with the dossier's code in tables linked by it, such as
/// outbox messages; new rows of every other table with integer ids: audit entries, report deltas), written again to another dossier in the same state with plain ADO.NET in ONE
/// transaction. Finding the rows instead of listing them keeps "the same rows" true when the model changes.
/// </summary>
public sealed class RawTransition(RawBaseline raw)
{
    /// <summary>Written by background jobs, never by a transition.</summary>
    private static readonly string[] Ignored = ["AuditCheckpoints", "__EFMigrationsHistory", "Dossiers"];

    private sealed record Change(string Table, bool Insert, Dictionary<string, object?> Values, int Position, bool ById = true);

    private readonly List<Change> changes = [];
    private Dictionary<string, object?> dossierSet = new(StringComparer.Ordinal);
    private string templateCode = "";

    /// <summary>Runs <paramref name="transition"/> on <paramref name="code"/> and keeps what it wrote.</summary>
    public async Task CaptureAsync(string code, Func<Task> transition, CancellationToken ct)
    {
        templateCode = code;
        await using var c = await raw.OpenAsync(ct);
        var tables = await TablesAsync(c, ct);
        var dossierBefore = (await ReadAsync(c, "SELECT * FROM \"Dossiers\" WHERE \"Code\" = @p0", ct, code)).Single();
        var id = dossierBefore["Id"]!;
        var before = new Dictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var (table, columns) in tables)
        {
            before[table] = await RowsAsync(c, table, columns, id, code, null, ct);
            before[table].ForEach(r => r.Remove(Xmin));
        }
        var maxIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, _) in tables.Where(t => !Linked(t.Columns) && !t.Columns.Contains("DossierCode") && t.Columns.Contains(IntegerId)))
        {
            maxIds[table] = await MaxIdAsync(c, table, ct);
        }

        await transition();

        var dossierAfter = (await ReadAsync(c, "SELECT * FROM \"Dossiers\" WHERE \"Code\" = @p0", ct, code)).Single();
        dossierSet = dossierAfter.Where(kv => kv.Key != "Id" && !Same(kv.Value, dossierBefore[kv.Key]))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        // On PostgreSQL the transition's rows are exactly those its transaction wrote (the dossier row's xmin): rows the
        // outbox worker or another request wrote meanwhile, such as an in-app notice of an earlier receipt, are left out
        // instead of being copied and colliding on their unique keys.
        var transaction = c is NpgsqlConnection
            ? (string?)(await ReadAsync(c, "SELECT xmin::text AS x FROM \"Dossiers\" WHERE \"Code\" = @p0", ct, code)).Single()["x"]
            : null;
        changes.Clear();
        LeftOut = 0;
        foreach (var (table, columns) in tables)
        {
            var after = await RowsAsync(c, table, columns, id, code, maxIds.TryGetValue(table, out var m) ? m : null, ct);
            if (transaction is not null)
            {
                var kept = new List<Dictionary<string, object?>>(after.Count);
                for (var i = 0; i < after.Count; i++)
                {
                    var r = after[i];
                    if ((string?)r.GetValueOrDefault(Xmin) == transaction)
                    {
                        kept.Add(r);
                        continue;
                    }
                    // Written by another transaction: kept as it was before the transition, or left out if it is new.
                    var was = r.TryGetValue("Id", out var rid) ? before[table].Find(b => Same(b.GetValueOrDefault("Id"), rid)) : i < before[table].Count ? before[table][i] : null;
                    if (was is null)
                    {
                        LeftOut++;
                    }
                    else
                    {
                        kept.Add(was);
                    }
                }
                after = kept;
            }
            foreach (var r in after)
            {
                r.Remove(Xmin);
            }
            var old = before[table];
            var oldById = old.Where(r => r.ContainsKey("Id")).ToDictionary(r => r["Id"]!, r => r);
            for (var i = 0; i < after.Count; i++)
            {
                var row = after[i];
                var was = row.TryGetValue("Id", out var rowId) ? oldById.GetValueOrDefault(rowId!) : i < old.Count ? old[i] : null;
                if (was is null)
                {
                    changes.Add(new Change(table, true, row, i));
                    continue;
                }
                var set = row.Where(kv => !Same(kv.Value, was[kv.Key])).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
                // Rows linked by code only (outbox messages) change after the save as the worker delivers them: not the transition's.
                if (set.Count > 0 && Linked(columns))
                {
                    changes.Add(new Change(table, false, set, old.IndexOf(was), rowId is not null));
                }
            }
        }
    }

    public int Statements => 1 + changes.Count;

    /// <summary>New rows the capture saw that another transaction wrote (PostgreSQL only), not copied.</summary>
    public int LeftOut { get; private set; }

    private const string Xmin = "__xmin";

    public string Describe() =>
        $"UPDATE Dossiers ({dossierSet.Count} columns)" + string.Concat(changes.GroupBy(ch => (ch.Table, ch.Insert))
            .Select(g => $", {(g.Key.Insert ? "INSERT" : "UPDATE")} {g.Key.Table}{(g.Count() > 1 ? "×" + g.Count().ToString(CultureInfo.InvariantCulture) : "")}"));

    /// <summary>The captured rows written to dossier <paramref name="id"/> (code <paramref name="code"/>) in one transaction.</summary>
    public async Task WriteAsync(long id, string code, CancellationToken ct)
    {
        await using var c = await raw.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var statements = new List<(string Sql, List<(string Name, object? Value)> Parameters)>
        {
            Update("Dossiers", Replace(dossierSet, code, id), "\"Id\" = @k", id),
        };
        foreach (var ch in changes)
        {
            var values = Replace(ch.Values, code, id);
            if (ch.Insert)
            {
                var names = values.Keys.ToList();
                statements.Add(($"INSERT INTO \"{ch.Table}\" ({string.Join(", ", names.Select(n => "\"" + n + "\""))}) VALUES ({string.Join(", ", names.Select((_, i) => "@v" + i.ToString(CultureInfo.InvariantCulture)))})",
                    names.Select((n, i) => ("v" + i.ToString(CultureInfo.InvariantCulture), values[n])).ToList()));
            }
            else
            {
                // The same row of the other dossier: its rows in that table in id order, as the template's were (a table
                // without ids holds one row per dossier).
                statements.Add(Update(ch.Table, values, ch.ById
                    ? $"\"Id\" = (SELECT \"Id\" FROM \"{ch.Table}\" WHERE \"DossierId\" = @k ORDER BY \"Id\" LIMIT 1 OFFSET {ch.Position.ToString(CultureInfo.InvariantCulture)})"
                    : "\"DossierId\" = @k", id));
            }
        }
        if (c is NpgsqlConnection npg)
        {
            await using var batch = new NpgsqlBatch(npg, (NpgsqlTransaction)tx);
            foreach (var (sql, ps) in statements)
            {
                var cmd = new NpgsqlBatchCommand(sql);
                foreach (var (name, value) in ps)
                {
                    cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }
                batch.BatchCommands.Add(cmd);
            }
            await batch.ExecuteNonQueryAsync(ct);
        }
        else
        {
            foreach (var (sql, ps) in statements)
            {
                await using var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                foreach (var (name, value) in ps)
                {
                    var p = cmd.CreateParameter();
                    p.ParameterName = name;
                    p.Value = value ?? DBNull.Value;
                    cmd.Parameters.Add(p);
                }
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    private static (string, List<(string, object?)>) Update(string table, Dictionary<string, object?> set, string where, object key)
    {
        var names = set.Keys.ToList();
        var ps = names.Select((n, i) => ("v" + i.ToString(CultureInfo.InvariantCulture), set[n])).ToList();
        ps.Add(("k", key));
        return ($"UPDATE \"{table}\" SET {string.Join(", ", names.Select((n, i) => $"\"{n}\" = @v{i.ToString(CultureInfo.InvariantCulture)}"))} WHERE {where}", ps);
    }

    /// <summary>A copied row for another dossier: new keys, MACs and hashes, the other dossier's id and code.</summary>
    private Dictionary<string, object?> Replace(Dictionary<string, object?> template, string code, long id)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in template)
        {
            switch (k)
            {
                case "Id" when v is Guid:
                    row[k] = Guid.NewGuid();
                    break;
                case "Id" when v is string s && Guid.TryParseExact(s, "D", out _):
                    row[k] = Guid.NewGuid().ToString();
                    break;
                case "Id":
                    break; // identity
                case "DossierId":
                    row[k] = id;
                    break;
                case "Hash" or "PreviousHash":
                    row[k] = null;
                    break;
                case "Mac" when v is string mac:
                    // Unique per row; random bytes of the same length stand in for the app's HMAC.
                    row[k] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(mac.Length))[..mac.Length];
                    break;
                case "Key":
                    row[k] = Guid.NewGuid().ToString("N");
                    break;
                default:
                    row[k] = v is string text && text.Contains(templateCode, StringComparison.Ordinal) ? text.Replace(templateCode, code, StringComparison.Ordinal) : v;
                    break;
            }
        }
        return row;
    }

    private static bool Linked(HashSet<string> columns) => columns.Contains("DossierId");

    private static bool Same(object? a, object? b) => a is byte[] x && b is byte[] y ? x.AsSpan().SequenceEqual(y) : Equals(a, b);

    /// <summary>The dossier's rows of one table (by DossierId, else by DossierCode), or the table's rows after <paramref name="afterId"/>.</summary>
    private static async Task<List<Dictionary<string, object?>>> RowsAsync(DbConnection c, string table, HashSet<string> columns, object id, string code, long? afterId, CancellationToken ct)
    {
        var order = columns.Contains("Id") ? " ORDER BY \"Id\"" : "";
        var select = c is NpgsqlConnection ? $"SELECT *, xmin::text AS \"{Xmin}\"" : "SELECT *";
        if (Linked(columns))
        {
            return await ReadAsync(c, $"{select} FROM \"{table}\" WHERE \"DossierId\" = @p0{order}", ct, id);
        }
        if (columns.Contains("DossierCode"))
        {
            return await ReadAsync(c, $"{select} FROM \"{table}\" WHERE \"DossierCode\" = @p0{order}", ct, code);
        }
        if (afterId is { } after)
        {
            return await ReadAsync(c, $"{select} FROM \"{table}\" WHERE \"Id\" > @p0{order}", ct, after);
        }
        return [];
    }

    /// <summary>
    /// Tables a transition may write, with their columns; an integer "Id" column is listed as <see cref="IntegerId"/>
    /// too, since only integer ids tell the rows added after an instant.
    /// </summary>
    private static async Task<List<(string Table, HashSet<string> Columns)>> TablesAsync(DbConnection c, CancellationToken ct)
    {
        var sql = c is NpgsqlConnection
            ? "SELECT table_name AS t, column_name AS c, data_type AS d FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')"
            : "SELECT m.name AS t, p.name AS c, p.type AS d FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
        var rows = await ReadAsync(c, sql, ct);
        return rows.GroupBy(r => (string)r["t"]!, StringComparer.Ordinal)
            .Where(g => !Ignored.Contains(g.Key, StringComparer.Ordinal) && !g.Key.StartsWith("sqlite_", StringComparison.Ordinal))
            .Select(g =>
            {
                var columns = g.Select(r => (string)r["c"]!).ToHashSet(StringComparer.Ordinal);
                if (g.Any(r => (string)r["c"]! == "Id" && ((string)r["d"]!).ToUpperInvariant() is "INTEGER" or "BIGINT" or "SMALLINT"))
                {
                    columns.Add(IntegerId);
                }
                return (g.Key, columns);
            })
            .ToList();
    }

    private const string IntegerId = " integer id";

    private static async Task<long> MaxIdAsync(DbConnection c, string table, CancellationToken ct)
    {
        var rows = await ReadAsync(c, $"SELECT MAX(\"Id\") AS m FROM \"{table}\"", ct);
        return rows[0]["m"] is { } m ? Convert.ToInt64(m, CultureInfo.InvariantCulture) : 0;
    }

    private static async Task<List<Dictionary<string, object?>>> ReadAsync(DbConnection c, string sql, CancellationToken ct, params object?[] ps)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        for (var i = 0; i < ps.Length; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
            p.Value = ps[i] ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        var rows = new List<Dictionary<string, object?>>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < r.FieldCount; i++)
            {
                row[r.GetName(i)] = r.IsDBNull(i) ? null : r.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
