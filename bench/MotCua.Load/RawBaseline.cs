using System.Data.Common;
using Microsoft.Data.Sqlite;
using MotCua.Web.Data;
using Npgsql;

namespace MotCua.Load;

/// <summary>
/// The database baselines: the rows one receipt writes, copied from a dossier the app just received (dossier, papers,
/// history, forms, report row, audit entry, outbox messages, idempotency key, and the day counter's update) and inserted again
/// with plain ADO.NET in one transaction per dossier; and a plain SELECT by key. Reading the template back from the
/// database keeps "the same rows" true when the model grows.
/// </summary>
public sealed class RawBaseline : IAsyncDisposable
{
    private readonly string provider;
    private readonly NpgsqlDataSource? pg;
    private readonly string connectionString;
    private Row dossier = null!;
    private List<(string Table, Row Row)> children = [];
    private (object AgencyId, object Day) counter;
    private string templateCode = "";

    private static readonly string[] DossiersOnly = ["Dossiers"];

    private static readonly string[] ChildTables = ["DossierPapers", "DossierEvents", "DossierForms", "DossierIdempotencyKeys", "DossierStepAssignments", "DossierExplanations", "ReportDossiers",
        // Written only by some receipts: an online or national one's files, a national one's stored inbound message.
        "DossierFiles", "NationalInboundMessages"];

    private sealed class Row : Dictionary<string, object?>
    {
        public Row()
            : base(StringComparer.Ordinal)
        {
        }

        public Row(Row other)
            : base(other, StringComparer.Ordinal)
        {
        }
    }

    /// <param name="provider">postgres or sqlite.</param>
    /// <param name="connectionString">The bench's connection string.</param>
    /// <param name="prepared">
    /// False: plain Npgsql with its default settings, the baseline the goals name. True: the app's own
    /// driver settings (statements prepared after five uses, no reset on checkout), the cheapest plain SQL can be.
    /// </param>
    public RawBaseline(string provider, string connectionString, bool prepared = false)
    {
        this.provider = provider;
        this.connectionString = connectionString;
        pg = provider == "postgres" ? NpgsqlDataSource.Create(prepared ? DatabaseSetup.PostgresConnectionString(connectionString) : connectionString) : null;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (pg is not null)
        {
            return await pg.OpenConnectionAsync(ct);
        }
        var c = new SqliteConnection(connectionString);
        await c.OpenAsync(ct);
        using var busy = c.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout=30000;";
        await busy.ExecuteNonQueryAsync(ct);
        return c;
    }

    private static DbCommand Command(DbConnection c, string sql, params (string Name, object? Value)[] ps)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in ps)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static async Task<List<Row>> ReadAsync(DbCommand cmd, CancellationToken ct)
    {
        var rows = new List<Row>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var row = new Row();
            for (var i = 0; i < r.FieldCount; i++)
            {
                row[r.GetName(i)] = r.IsDBNull(i) ? null : r.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Reads every row the receipt of <paramref name="code"/> wrote.</summary>
    public async Task LoadTemplateAsync(string code, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        templateCode = code;
        await using (var cmd = Command(c, "SELECT * FROM \"Dossiers\" WHERE \"Code\" = @code", ("code", code)))
        {
            dossier = (await ReadAsync(cmd, ct)).Single();
        }
        templateNationalCode = dossier.GetValueOrDefault("NationalCode") as string;
        var id = Convert.ToInt64(dossier["Id"], System.Globalization.CultureInfo.InvariantCulture);
        var list = new List<(string, Row)>();
        foreach (var table in ChildTables)
        {
            await using var cmd = Command(c, $"SELECT * FROM \"{table}\" WHERE \"DossierId\" = @id", ("id", id));
            list.AddRange((await ReadAsync(cmd, ct)).Select(r => (table, r)));
        }
        await using (var cmd = Command(c, "SELECT * FROM \"AuditEntries\" WHERE \"EntityType\" = 'Dossier' AND \"EntityId\" = @code", ("code", code)))
        {
            list.AddRange((await ReadAsync(cmd, ct)).Select(r => ("AuditEntries", r)));
        }
        await using (var cmd = Command(c, "SELECT * FROM \"OutboxMessages\" WHERE \"DossierCode\" = @code", ("code", code)))
        {
            list.AddRange((await ReadAsync(cmd, ct)).Select(r => ("OutboxMessages", r)));
        }
        children = list;
        await using (var cmd = Command(c, "SELECT \"AgencyId\", \"Day\" FROM \"DossierCodeCounters\" ORDER BY \"Day\" DESC LIMIT 1"))
        {
            var row = (await ReadAsync(cmd, ct)).Single();
            counter = (row["AgencyId"]!, row["Day"]!);
        }
    }

    public int RowsPerDossier => 1 + children.Count;

    public string Describe() => string.Join(", ", DossiersOnly.Concat(children.Select(c => c.Table)).GroupBy(t => t, StringComparer.Ordinal)
        .Select(g => g.Count() == 1 ? g.Key : $"{g.Key}×{g.Count()}")) + (NumberInTransaction ? " + the day counter's UPDATE as the transaction's first statement" : " + the day counter's UPDATE before the transaction");

    private string? templateNationalCode;

    private Row Copy(Row template, string newCode, long? dossierId)
    {
        var row = new Row(template);
        foreach (var key in row.Keys.ToList())
        {
            var v = row[key];
            if (key == "Id")
            {
                if (v is Guid)
                {
                    row[key] = Guid.NewGuid();
                }
                else if (v is string text && Guid.TryParseExact(text, "D", out _))
                {
                    row[key] = Guid.NewGuid().ToString(); // SQLite keeps GUIDs as TEXT
                }
                else
                {
                    row.Remove(key); // identity
                }
            }
            else if (key == "DossierId" && dossierId is not null)
            {
                row[key] = dossierId;
            }
            else if (key is "Hash" or "PreviousHash")
            {
                row[key] = null;
            }
            else if (key == "Mac" && v is string mac)
            {
                // The audit MAC is unique per row; a fresh random value of the same length stands in for the app's HMAC.
                row[key] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(mac.Length))[..mac.Length];
            }
            else if (key == "Key")
            {
                row[key] = Guid.NewGuid().ToString("N");
            }
            else if (v is string s && s.Contains(templateCode, StringComparison.Ordinal))
            {
                row[key] = s.Replace(templateCode, newCode, StringComparison.Ordinal);
            }
            else if (templateNationalCode is { } national && v is string n && n.Contains(national, StringComparison.Ordinal))
            {
                // The national code is unique per agency like the dossier's own.
                row[key] = n.Replace(national, "QG-" + newCode, StringComparison.Ordinal);
            }
        }
        return row;
    }

    private static string Insert(string table, Row row, string suffix, bool returning) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", row.Keys.Select(k => "\"" + k + "\""))}) VALUES ({string.Join(", ", row.Keys.Select(k => "@" + suffix + k))})"
        + (returning ? " RETURNING \"Id\"" : "");

    private static void Bind(DbCommand cmd, Row row, string suffix)
    {
        foreach (var (k, v) in row)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = suffix + k;
            p.Value = v ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
    }

    /// <summary>One dossier's rows in one transaction; PostgreSQL in two batches (the dossier's id is needed by its children).</summary>
    /// <summary>
    /// False (the goal's baseline): the day's number taken by its own statement before the transaction, so concurrent
    /// inserts never wait on the counter row. True: taken as the transaction's first statement, as the app does to keep
    /// the register without gaps (docs/decisions/ADR-004-gapless-dossier-numbers.md), so inserts of one agency and day
    /// wait on that row until commit.
    /// </summary>
    public bool NumberInTransaction { get; init; }

    public async Task InsertOneAsync(string newCode, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var early = NumberInTransaction ? await c.BeginTransactionAsync(ct) : null;
        await using (var up = Command(c, "UPDATE \"DossierCodeCounters\" SET \"Next\" = \"Next\" + 1 WHERE \"AgencyId\" = @a AND \"Day\" = @d", ("a", counter.AgencyId), ("d", counter.Day)))
        {
            up.Transaction = early;
            await up.ExecuteNonQueryAsync(ct);
        }
        await using var tx = early ?? await c.BeginTransactionAsync(ct);
        var head = Copy(dossier, newCode, null);
        long id;
        if (c is NpgsqlConnection npg)
        {
            await using (var batch = new NpgsqlBatch(npg, (NpgsqlTransaction)tx))
            {
                var ins = new NpgsqlBatchCommand(Insert("Dossiers", head, "", true));
                foreach (var (k, v) in head)
                {
                    ins.Parameters.AddWithValue(k, v ?? DBNull.Value);
                }
                batch.BatchCommands.Add(ins);
                await using var r = await batch.ExecuteReaderAsync(ct);
                await r.ReadAsync(ct);
                id = r.GetInt64(0);
            }
            await using (var batch = new NpgsqlBatch(npg, (NpgsqlTransaction)tx))
            {
                foreach (var (table, template) in children)
                {
                    var row = Copy(template, newCode, id);
                    var cmd = new NpgsqlBatchCommand(Insert(table, row, "", false));
                    foreach (var (k, v) in row)
                    {
                        cmd.Parameters.AddWithValue(k, v ?? DBNull.Value);
                    }
                    batch.BatchCommands.Add(cmd);
                }
                await batch.ExecuteNonQueryAsync(ct);
            }
        }
        else
        {
            await using (var ins = c.CreateCommand())
            {
                ins.Transaction = tx;
                ins.CommandText = Insert("Dossiers", head, "", true);
                Bind(ins, head, "");
                id = Convert.ToInt64(await ins.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }
            foreach (var (table, template) in children)
            {
                var row = Copy(template, newCode, id);
                await using var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = Insert(table, row, "", false);
                Bind(cmd, row, "");
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The dossiers this baseline inserted (copies of one received dossier), as targets of the raw transition.</summary>
    public async Task<List<(long Id, string Code)>> InsertedAsync(CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await using var cmd = Command(c, "SELECT \"Id\", \"Code\" FROM \"Dossiers\" WHERE \"Code\" LIKE 'RAW%' ORDER BY \"Id\"");
        var list = new List<(long, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add((r.GetInt64(0), r.GetString(1)));
        }
        return list;
    }

    /// <summary>The plain SELECT by key the public look-up is compared with.</summary>
    public async Task<bool> SelectByCodeAsync(string code, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await using var cmd = Command(c, "SELECT * FROM \"Dossiers\" WHERE \"Code\" = @code", ("code", code));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var found = await r.ReadAsync(ct);
        if (found)
        {
            var values = new object[r.FieldCount];
            r.GetValues(values);
        }
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        if (pg is not null)
        {
            await pg.DisposeAsync();
        }
    }
}
