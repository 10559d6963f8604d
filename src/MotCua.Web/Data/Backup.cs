using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MotCua.Web.Data;

/// <summary>What a restore did, or why it refused: the command prints <see cref="Message"/> and exits 0 only when restored.</summary>
public sealed record RestoreOutcome(bool Restored, string Message, string? SafetyCopy = null, int PausedMessages = 0)
{
    internal static RestoreOutcome Refused(string message) => new(false, message);
}

/// <summary>
/// Backup and restore of the whole database: SQLite through its online backup API (consistent while the app runs),
/// PostgreSQL through pg_dump / pg_restore in custom format. Used by the <c>backup</c> and <c>restore</c> commands.
/// A backup holds personal data and the key ring, so its file is readable by its owner only (0600). A restore first
/// checks that the file is a MotCua backup this version can run (its migrations are all known here, SQLite's
/// integrity check passes), keeps a safety copy of the database it replaces, and leaves the messages that were waiting
/// in the outbox paused until an administrator resumes them: they may have gone out already after the backup was taken.
/// </summary>
public static class Backup
{
    /// <summary>Owner read/write only: what a backup file and a safety copy are created with.</summary>
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task BackupAsync(DatabaseOptions options, string contentRoot, string outputFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var target = Path.GetFullPath(outputFile);
        CreatePrivateFile(target);
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

    /// <summary>
    /// An empty file only its owner may read, created before any data is written into it (and an existing file is
    /// narrowed first), so there is no moment when the dump is readable by others; a new folder is owner-only too.
    /// </summary>
    private static void CreatePrivateFile(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, OwnerOnly | UnixFileMode.UserExecute);
            }
        }
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = OwnerOnly;
        }
        using (new FileStream(path, create))
        {
            // Created (or truncated) empty; the dump is written into it next.
        }
    }

    /// <summary>Replaces the database's content with the backup after checking it. Run with the app stopped.</summary>
    public static async Task<RestoreOutcome> RestoreAsync(DatabaseOptions options, string contentRoot, string backupFile,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = Path.GetFullPath(backupFile);
        if (!File.Exists(source))
        {
            return RestoreOutcome.Refused($"Không tìm thấy tệp sao lưu {source}. Không có gì thay đổi.");
        }
        var stamp = (time ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var safetyCopy = Path.Combine(contentRoot, "backups", "truoc-khoi-phuc-" + stamp + (options.Provider == DatabaseProvider.Sqlite ? ".db" : ".dump"));
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => await RestoreSqliteAsync(options, contentRoot, source, safetyCopy, cancellationToken),
            DatabaseProvider.Postgres => await RestorePostgresAsync(options, contentRoot, source, safetyCopy, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown provider {options.Provider}."),
        };
    }

    /// <summary>
    /// Checks and prepares a private working copy of the backup (integrity, known migrations, outbox paused), then
    /// copies the current database aside and writes the working copy over it with SQLite's backup API.
    /// </summary>
    private static async Task<RestoreOutcome> RestoreSqliteAsync(DatabaseOptions options, string contentRoot, string source, string safetyCopy, CancellationToken cancellationToken)
    {
        var target = DatabaseSetup.SqliteConnectionString(options.ConnectionString, contentRoot);
        var work = Path.Combine(Path.GetTempPath(), "motcua-restore-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".db");
        try
        {
            CreatePrivateFile(work);
            await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            await using (var output = new FileStream(work, FileMode.Truncate, FileAccess.Write))
            {
                await input.CopyToAsync(output, cancellationToken);
            }
            int paused;
            await using (var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = work, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
            {
                try
                {
                    await backup.OpenAsync(cancellationToken);
                    var integrity = (string?)await ScalarAsync(backup, "PRAGMA integrity_check(1);", cancellationToken);
                    if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
                    {
                        return RestoreOutcome.Refused($"Tệp {source} là cơ sở dữ liệu SQLite bị hỏng ({integrity}). Không có gì thay đổi.");
                    }
                    var applied = await MigrationsInSqliteAsync(backup, cancellationToken);
                    if (CompatibilityProblem(applied, KnownMigrations(DatabaseProvider.Sqlite)) is { } problem)
                    {
                        return RestoreOutcome.Refused($"Tệp {source} không phải bản sao lưu MotCua dùng được: {problem} Không có gì thay đổi.");
                    }
                    paused = await HasTableSqliteAsync(backup, "OutboxMessages", cancellationToken)
                        ? await ExecuteAsync(backup, PauseOutboxSql, cancellationToken)
                        : 0;
                }
                catch (SqliteException ex)
                {
                    return RestoreOutcome.Refused($"Tệp {source} không phải cơ sở dữ liệu SQLite (bản sao lưu MotCua): {ex.Message} Không có gì thay đổi.");
                }
            }

            SqliteConnection.ClearAllPools();
            string? kept = null;
            await using (var current = new SqliteConnection(target))
            {
                await current.OpenAsync(cancellationToken);
                if (await HasTableSqliteAsync(current, "__EFMigrationsHistory", cancellationToken))
                {
                    CreatePrivateFile(safetyCopy);
                    await using var aside = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = safetyCopy, Pooling = false }.ToString());
                    await aside.OpenAsync(cancellationToken);
                    current.BackupDatabase(aside);
                    kept = safetyCopy;
                }
                await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = work, Pooling = false }.ToString());
                await from.OpenAsync(cancellationToken);
                from.BackupDatabase(current);
            }
            SqliteConnection.ClearAllPools();
            return Restored(source, kept, paused);
        }
        finally
        {
            foreach (var f in new[] { work, work + "-journal", work + "-wal", work + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>
    /// pg_restore lists the archive (refusing what is not a pg_dump custom archive) and prints its migration history;
    /// the current database is dumped aside, the archive restored in one transaction, and the outbox paused.
    /// </summary>
    private static async Task<RestoreOutcome> RestorePostgresAsync(DatabaseOptions options, string contentRoot, string source, string safetyCopy, CancellationToken cancellationToken)
    {
        var pg = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var list = await TryRunAsync("pg_restore", ["--list", source], pg, cancellationToken);
        if (list.ExitCode != 0)
        {
            return RestoreOutcome.Refused($"Tệp {source} không phải bản sao lưu PostgreSQL (pg_dump định dạng custom): {list.Error.Trim()} Không có gì thay đổi.");
        }
        var history = list.Output.Contains("TABLE DATA public __EFMigrationsHistory", StringComparison.Ordinal)
            ? await TryRunAsync("pg_restore", ["--data-only", "--table=__EFMigrationsHistory", "--file=-", source], pg, cancellationToken)
            : default;
        var applied = history.ExitCode == 0 && history.Output is { } copy ? MigrationsInCopy(copy) : [];
        if (CompatibilityProblem(applied, KnownMigrations(DatabaseProvider.Postgres)) is { } problem)
        {
            return RestoreOutcome.Refused($"Tệp {source} không phải bản sao lưu MotCua dùng được: {problem} Không có gì thay đổi.");
        }

        NpgsqlConnection.ClearAllPools();
        string? kept = null;
        await using (var current = new NpgsqlConnection(DatabaseSetup.PostgresConnectionString(options.ConnectionString!)))
        {
            await current.OpenAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand("SELECT to_regclass('public.\"__EFMigrationsHistory\"') IS NOT NULL", current);
            if (await cmd.ExecuteScalarAsync(cancellationToken) is true)
            {
                CreatePrivateFile(safetyCopy);
                await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", safetyCopy, "--dbname", pg.Database ?? ""], pg, cancellationToken);
                kept = safetyCopy;
            }
        }
        await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", pg.Database ?? "", source], pg, cancellationToken);
        NpgsqlConnection.ClearAllPools();
        await using (var restored = new NpgsqlConnection(DatabaseSetup.PostgresConnectionString(options.ConnectionString!)))
        {
            await restored.OpenAsync(cancellationToken);
            await using var pause = new NpgsqlCommand(PauseOutboxSql, restored);
            var paused = await pause.ExecuteNonQueryAsync(cancellationToken);
            NpgsqlConnection.ClearAllPools();
            return Restored(source, kept, paused);
        }
    }

    /// <summary>What was waiting to be sent when the backup was taken waits for an administrator (Notifications: Paused).</summary>
    private const string PauseOutboxSql = """UPDATE "OutboxMessages" SET "Status" = 'Paused', "LockedBy" = NULL, "LockedUntil" = NULL WHERE "Status" = 'Pending'""";

    private static RestoreOutcome Restored(string source, string? kept, int paused) => new(true,
        $"Đã khôi phục từ {source}." +
        (kept is null ? "" : $" Bản sao cơ sở dữ liệu trước khi khôi phục: {kept}.") +
        (paused == 0 ? "" : $" {paused.ToString(CultureInfo.InvariantCulture)} thông báo đang chờ gửi được tạm dừng: quản trị viên xem và cho gửi tiếp tại /quan-tri/hang-doi-thong-bao."),
        kept, paused);

    /// <summary>Null when every migration the backup went through is one this version knows (an older backup is migrated forward at start).</summary>
    internal static string? CompatibilityProblem(IReadOnlyCollection<string> applied, IReadOnlyCollection<string> known)
    {
        if (applied.Count == 0)
        {
            return "tệp không có lịch sử cấu trúc dữ liệu của MotCua (bảng __EFMigrationsHistory trống hoặc không có).";
        }
        var unknown = applied.Where(m => !known.Contains(m, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0
            ? null
            : $"tệp được tạo bởi phiên bản MotCua khác (mới hơn) với cấu trúc dữ liệu mà phiên bản này không biết: {string.Join(", ", unknown.Take(3))}.";
    }

    internal static IReadOnlyCollection<string> KnownMigrations(DatabaseProvider provider)
    {
        using AppDbContext db = provider switch
        {
            DatabaseProvider.Sqlite => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options),
            DatabaseProvider.Postgres => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost").Options),
            _ => throw new InvalidOperationException($"Unknown provider {provider}."),
        };
        // A backup taken before the migrations were squashed is moved onto the squashed history at the next start.
        return db.Database.GetMigrations()
            .Concat(provider == DatabaseProvider.Sqlite ? PreSquashMigrations.Sqlite : PreSquashMigrations.Postgres)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<List<string>> MigrationsInSqliteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        if (!await HasTableSqliteAsync(connection, "__EFMigrationsHistory", cancellationToken))
        {
            return ids;
        }
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" """;
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>The migration ids in pg_restore's plain-text COPY block of the history table (tab-separated, ended by <c>\.</c>).</summary>
    private static List<string> MigrationsInCopy(string script)
    {
        var ids = new List<string>();
        var inCopy = false;
        foreach (var line in script.Split('\n'))
        {
            if (line.StartsWith("COPY ", StringComparison.Ordinal) && line.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
            {
                inCopy = true;
            }
            else if (inCopy && line.StartsWith("\\.", StringComparison.Ordinal))
            {
                inCopy = false;
            }
            else if (inCopy && line.Length > 0)
            {
                ids.Add(line.Split('\t')[0]);
            }
        }
        return ids;
    }

    private static async Task<bool> HasTableSqliteAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        cmd.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task RunAsync(string tool, IEnumerable<string> args, NpgsqlConnectionStringBuilder pg, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(tool, args, pg, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {result.ExitCode}: {result.Error}");
        }
    }

    private readonly record struct ToolResult(int ExitCode, string Output, string Error);

    private static async Task<ToolResult> TryRunAsync(string tool, IEnumerable<string> args, NpgsqlConnectionStringBuilder pg, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        // Credentials travel in the environment, never on the command line (visible in ps).
        start.Environment["PGHOST"] = pg.Host ?? "localhost";
        start.Environment["PGPORT"] = pg.Port.ToString(CultureInfo.InvariantCulture);
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
        var stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new ToolResult(process.ExitCode, stdout, await stderr);
    }
}
