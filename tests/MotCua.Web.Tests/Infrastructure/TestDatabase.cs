using System.Globalization;
using Npgsql;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway database for one test app, on the provider the run asks for: MOTCUA_TEST_PROVIDER=Sqlite|Postgres,
/// and for PostgreSQL MOTCUA_TEST_PG = a connection string to the server (test.sh starts one). A PostgreSQL run
/// without a server fails loudly rather than skipping.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public string Provider { get; }

    public string ConnectionString
    {
        get
        {
            EnsureCreated();
            return _connectionString;
        }
    }

    /// <summary>The PostgreSQL database's name, or null on SQLite.</summary>
    internal string? PostgresName => _pgName;

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    internal string? SqliteFile => _sqliteFile;

    /// <summary>The admin connection string for PostgreSQL, or null on SQLite.</summary>
    internal string? PostgresAdmin => _pgAdmin;

    private readonly string _connectionString;
    private readonly Lock _createLock = new();
    private bool _created;
    private bool _kept;

    private readonly string? _sqliteFile;
    private readonly string? _pgName;
    private readonly string? _pgAdmin;

    public static string CurrentProvider =>
        Environment.GetEnvironmentVariable("MOTCUA_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public TestDatabase()
        : this(deferCreation: false)
    {
    }

    /// <summary>
    /// With <paramref name="deferCreation"/> the PostgreSQL database is created only by <see cref="EnsureCreated"/> or the
    /// first read of <see cref="ConnectionString"/>, so a test app can have it cloned from a seeded template instead.
    /// </summary>
    internal TestDatabase(bool deferCreation)
    {
        Provider = CurrentProvider;
        if (string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            Provider = "Postgres";
            _pgAdmin = Environment.GetEnvironmentVariable("MOTCUA_TEST_PG")
                ?? throw new InvalidOperationException("MOTCUA_TEST_PG is not set: run the tests through ./test.sh, which starts PostgreSQL.");
            _pgName = "motcua_t_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..16];
            _connectionString = new NpgsqlConnectionStringBuilder(_pgAdmin) { Database = _pgName }.ConnectionString;
        }
        else if (string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            Provider = "Sqlite";
            _sqliteFile = Path.Combine(Path.GetTempPath(), "motcua-test-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".db");
            _connectionString = "Data Source=" + _sqliteFile;
        }
        else
        {
            throw new InvalidOperationException($"Unknown MOTCUA_TEST_PROVIDER '{Provider}'.");
        }
        if (!deferCreation)
        {
            EnsureCreated();
        }
    }

    /// <summary>
    /// Creates the database unless it exists: empty, or as a copy of <paramref name="template"/> (a database already
    /// migrated and seeded, see <see cref="SeededTemplate"/>). Later calls do nothing.
    /// </summary>
    internal void EnsureCreated(SeededTemplate? template = null)
    {
        lock (_createLock)
        {
            if (_created)
            {
                return;
            }
            if (_pgName is not null)
            {
                using var conn = new NpgsqlConnection(_pgAdmin);
                conn.Open();
                var source = template?.PostgresName ?? "template0";
                using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_pgName}\" ENCODING 'UTF8' TEMPLATE \"{source}\"", conn);
                cmd.ExecuteNonQuery();
            }
            else if (template?.SqliteFile is { } file)
            {
                File.Copy(file, _sqliteFile!, overwrite: false);
            }
            _created = true;
        }
    }

    /// <summary>Leaves the database in place on <see cref="Dispose"/> (it has become a template).</summary>
    internal void Keep() => _kept = true;

    public void Dispose()
    {
        if (_kept)
        {
            return;
        }
        if (_pgName is not null && _created)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(_pgAdmin);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                try
                {
                    File.Delete(f);
                }
                catch (IOException)
                {
                    // A temp file left behind is harmless.
                }
            }
        }
    }
}
