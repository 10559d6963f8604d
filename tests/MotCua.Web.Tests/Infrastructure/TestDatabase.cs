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

    public string ConnectionString { get; }

    private readonly string? _sqliteFile;
    private readonly string? _pgName;
    private readonly string? _pgAdmin;

    public static string CurrentProvider =>
        Environment.GetEnvironmentVariable("MOTCUA_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public TestDatabase()
    {
        Provider = CurrentProvider;
        if (string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            Provider = "Postgres";
            _pgAdmin = Environment.GetEnvironmentVariable("MOTCUA_TEST_PG")
                ?? throw new InvalidOperationException("MOTCUA_TEST_PG is not set: run the tests through ./test.sh, which starts PostgreSQL.");
            _pgName = "motcua_t_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..16];
            using (var conn = new NpgsqlConnection(_pgAdmin))
            {
                conn.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_pgName}\" ENCODING 'UTF8' TEMPLATE template0", conn);
                cmd.ExecuteNonQuery();
            }
            ConnectionString = new NpgsqlConnectionStringBuilder(_pgAdmin) { Database = _pgName }.ConnectionString;
        }
        else if (string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            Provider = "Sqlite";
            _sqliteFile = Path.Combine(Path.GetTempPath(), "motcua-test-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".db");
            ConnectionString = "Data Source=" + _sqliteFile;
        }
        else
        {
            throw new InvalidOperationException($"Unknown MOTCUA_TEST_PROVIDER '{Provider}'.");
        }
    }

    public void Dispose()
    {
        if (_pgName is not null)
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
