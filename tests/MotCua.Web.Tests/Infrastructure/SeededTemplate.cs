using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// A database migrated and seeded once per test run by an app with the default settings and clock, which every test
/// app with those same defaults copies instead of migrating and seeding its own (PostgreSQL: CREATE DATABASE … TEMPLATE;
/// SQLite: a copy of the file). Each app still gets its own database; start-up then finds the migrations applied and the
/// demo seeded, as after a restart.
/// </summary>
internal sealed class SeededTemplate
{
    private static readonly Lazy<SeededTemplate> DefaultTemplate = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    private SeededTemplate(string? postgresName, string? sqliteFile)
    {
        PostgresName = postgresName;
        SqliteFile = sqliteFile;
    }

    public string? PostgresName { get; }

    public string? SqliteFile { get; }

    /// <summary>The template for <see cref="MotCuaApp.DefaultNow"/> and no extra settings, built on first use.</summary>
    public static SeededTemplate Default => DefaultTemplate.Value;

    private static SeededTemplate Build()
    {
        // Without background services the template is the database exactly as the seed leaves it; each copy's own
        // services then start on it as they would on a fresh one.
        var app = new MotCuaApp { MigratesEmptyDatabase = true, RunsBackgroundServices = false };
        var database = app.Database;
        try
        {
            _ = app.Services; // starting the app migrates and seeds
        }
        catch
        {
            app.Dispose();
            throw;
        }
        database.Keep();
        app.Dispose();
        if (database.PostgresName is { } name)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(database.PostgresAdmin);
            conn.Open();
            // Copying needs the template to have no session; marking it a template keeps any new one out.
            Execute(conn, $"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true");
            Execute(conn, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
            var admin = database.PostgresAdmin;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgres(admin!, name);
            return new SeededTemplate(name, null);
        }
        var file = database.SqliteFile!;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var conn = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + file + ";Pooling=False"))
        {
            conn.Open();
            // The seed may still sit in the write-ahead log; a copy of the main file alone must hold all of it.
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            cmd.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteSqlite(file);
        return new SeededTemplate(null, file);
    }

    private static void Execute(NpgsqlConnection conn, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    private static void DropPostgres(string admin, string name)
    {
        try
        {
            using var conn = new NpgsqlConnection(admin);
            conn.Open();
            Execute(conn, $"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE false");
            Execute(conn, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The server may already be gone at the end of the run (test.sh removes it).
        }
    }

    private static void DeleteSqlite(string file)
    {
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
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
