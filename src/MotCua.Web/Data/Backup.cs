using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MotCua.Web.Data;

/// <summary>
/// Backup and restore of the whole database: SQLite through its online backup API (consistent while the app runs),
/// PostgreSQL through pg_dump / pg_restore in custom format. Used by the <c>backup</c> and <c>restore</c> commands.
/// </summary>
public static class Backup
{
    public static async Task BackupAsync(DatabaseOptions options, string contentRoot, string outputFile, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(outputFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                await using (var source = new SqliteConnection(DatabaseSetup.SqliteConnectionString(options.ConnectionString, contentRoot)))
                await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
                {
                    await source.OpenAsync(cancellationToken);
                    await destination.OpenAsync(cancellationToken);
                    source.BackupDatabase(destination);
                }
                break;
            case DatabaseProvider.Postgres:
                var pg = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", target, "--dbname", pg.Database ?? ""], pg, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {options.Provider}.");
        }
    }

    /// <summary>Replaces the database's content with the backup. Run with the app stopped.</summary>
    public static async Task RestoreAsync(DatabaseOptions options, string contentRoot, string backupFile, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(backupFile);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException("Không tìm thấy tệp sao lưu.", source);
        }
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                SqliteConnection.ClearAllPools();
                await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
                await using (var to = new SqliteConnection(DatabaseSetup.SqliteConnectionString(options.ConnectionString, contentRoot)))
                {
                    await from.OpenAsync(cancellationToken);
                    await to.OpenAsync(cancellationToken);
                    from.BackupDatabase(to);
                }
                SqliteConnection.ClearAllPools();
                break;
            case DatabaseProvider.Postgres:
                var pg = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                NpgsqlConnection.ClearAllPools();
                await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", pg.Database ?? "", source], pg, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {options.Provider}.");
        }
    }

    private static async Task RunAsync(string tool, IEnumerable<string> args, NpgsqlConnectionStringBuilder pg, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        // Credentials travel in the environment, never on the command line (visible in ps).
        start.Environment["PGHOST"] = pg.Host ?? "localhost";
        start.Environment["PGPORT"] = pg.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (pg.Username is not null)
        {
            start.Environment["PGUSER"] = pg.Username;
        }
        if (pg.Password is not null)
        {
            start.Environment["PGPASSWORD"] = pg.Password;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {await stderr}");
        }
    }
}
