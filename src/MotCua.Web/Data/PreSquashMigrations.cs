using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Web.Data;

/// <summary>
/// Moves a database created before each provider's migrations were squashed into one <c>Initial</c> onto the squashed
/// history, once, at start-up (docs/decisions/ADR-008-migrations-squashed.md). Such a database went through every
/// migration listed here; the bridge (Data/Upgrade/&lt;provider&gt;-bridge.sql, written by tools/squash-migrations.sh)
/// takes it from the last of them to the state the squashed <c>Initial</c> creates, and its history is rewritten to
/// that <c>Initial</c>, all in one transaction. A database that stopped at an earlier one is refused unchanged.
/// </summary>
internal static class PreSquashMigrations
{
    /// <summary>The SQLite migrations before the squash, oldest first.</summary>
    internal static readonly IReadOnlyList<string> Sqlite =
    [
        "20261122154637_Initial",
        "20261122155736_AuditLog",
        "20261122160342_Calendar",
        "20261122163631_Catalogue",
        "20261122164725_PlansReviewInspections",
        "20261122165857_Dossiers",
        "20261122170856_Notifications",
        "20261122180919_Citizens",
        "20261122185033_CitizenPortal2",
        "20261122201400_Scaling",
        "20261122202914_Reports",
        "20261122203755_Indices",
        "20261122213804_PortalSync",
        "20261122222301_ReportCoveringIndexes",
        "20261122223526_ProcedureFlags",
        "20261122224704_QueuePaging",
        "20261122230730_ReportLongOpen",
        "20261123013657_ReportBackfillIndex",
        "20261123064055_ReportRollup",
        "20261206013823_AuditAuthentication",
        "20261206014232_LookupThrottles",
        "20261206014429_PaknRedactionReview",
    ];

    /// <summary>The PostgreSQL migrations before the squash, oldest first.</summary>
    internal static readonly IReadOnlyList<string> Postgres =
    [
        "20261122154659_Initial",
        "20261122155755_AuditLog",
        "20261122160419_Calendar",
        "20261122163642_Catalogue",
        "20261122164730_PlansReviewInspections",
        "20261122170147_Dossiers",
        "20261122170926_Notifications",
        "20261122180926_Citizens",
        "20261122185524_CitizenPortal2",
        "20261122201413_Scaling",
        "20261122202922_Reports",
        "20261122203804_Indices",
        "20261122213811_PortalSync",
        "20261122222313_ReportCoveringIndexes",
        "20261122223531_ProcedureFlags",
        "20261122224709_QueuePaging",
        "20261122230735_ReportLongOpen",
        "20261123013702_ReportBackfillIndex",
        "20261123064100_ReportRollup",
        "20261206013839_AuditAuthentication",
        "20261206014248_LookupThrottles",
        "20261206014444_PaknRedactionReview",
    ];

    private const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>Upgrades a database created before the squash; leaves a new or already squashed one alone.</summary>
    internal static Task UpgradeAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken = default)
    {
        var sqlite = db.Database.IsSqlite();
        return UpgradeAsync(db, logger, sqlite ? Sqlite : Postgres, Bridge(sqlite), cancellationToken);
    }

    /// <summary>Upgrades a database whose history holds every one of <paramref name="old"/> by running <paramref name="bridge"/>.</summary>
    internal static async Task UpgradeAsync(AppDbContext db, ILogger logger, IReadOnlyList<string> old, string bridge, CancellationToken cancellationToken = default)
    {
        var sqlite = db.Database.IsSqlite();
        var initial = db.Database.GetMigrations().First();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // The catalogue is asked first: selecting from a missing history table would log an error on every new installation.
            if (!await HistoryExistsAsync(connection, sqlite, cancellationToken))
            {
                return;
            }
            var applied = await AppliedAsync(connection, null, cancellationToken);
            if (applied.Contains(initial) || !applied.Overlaps(old))
            {
                return;
            }
            RefuseIncomplete(applied, old);
            if (sqlite)
            {
                // A rebuilt table is dropped and renamed in the bridge; with foreign keys on, the drop would cascade to its children.
                await ExecuteAsync(connection, null, "PRAGMA foreign_keys = OFF;", cancellationToken);
            }
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (!sqlite)
                {
                    // Two instances starting together: the second waits here and then finds the work done.
                    await ExecuteAsync(connection, transaction, $"""LOCK TABLE "{HistoryTable}" IN ACCESS EXCLUSIVE MODE;""", cancellationToken);
                }
                applied = await AppliedAsync(connection, transaction, cancellationToken);
                if (applied.Contains(initial))
                {
                    return;
                }
                RefuseIncomplete(applied, old);
                if (!string.IsNullOrWhiteSpace(bridge))
                {
                    await ExecuteAsync(connection, transaction, bridge, cancellationToken);
                }
                var ids = string.Join(", ", old.Select(id => "'" + id + "'"));
                await ExecuteAsync(connection, transaction, $"""DELETE FROM "{HistoryTable}" WHERE "MigrationId" IN ({ids});""", cancellationToken);
                var insert = db.GetService<IHistoryRepository>().GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion()));
                await ExecuteAsync(connection, transaction, insert, cancellationToken);
                if (sqlite)
                {
                    await CheckForeignKeysAsync(connection, transaction, cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                if (sqlite)
                {
                    await ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON;", cancellationToken);
                }
            }
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "Database created before the migrations were squashed: brought from {Last} to {Initial} and its {Count} history rows replaced by {Initial}.",
                    old[^1], initial, old.Count, initial);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The SQL that takes the last pre-squash schema to the squashed <c>Initial</c> (empty when they are the same).</summary>
    internal static string Bridge(bool sqlite)
    {
        var name = "MotCua.Web.Data.Upgrade." + (sqlite ? "sqlite" : "postgres") + "-bridge.sql";
        using var stream = typeof(PreSquashMigrations).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void RefuseIncomplete(HashSet<string> applied, IReadOnlyList<string> old)
    {
        if (old.All(applied.Contains))
        {
            return;
        }
        var reached = old.LastOrDefault(applied.Contains) ?? "?";
        throw new DatabaseUpgradeRefusedException(
            $"Cơ sở dữ liệu được tạo bởi một phiên bản MotCua cũ hơn và mới ở bước cấu trúc {reached}, chưa tới {old[^1]}: " +
            "hãy khởi động phiên bản MotCua phát hành trước (đến bước đó) một lần để nâng cấp, rồi mới chạy phiên bản này. Không có gì thay đổi. " +
            $"/ The database was created by an older MotCua and is at migration {reached}, not {old[^1]}: " +
            "start the previous MotCua release on it once to upgrade it, then start this one. Nothing was changed.");
    }

    private static async Task<bool> HistoryExistsAsync(DbConnection connection, bool sqlite, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sqlite
            ? $"SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'"
            : $"""SELECT to_regclass('"{HistoryTable}"') IS NOT NULL""";
        return Convert.ToBoolean(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"""SELECT "MigrationId" FROM "{HistoryTable}" """;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static async Task CheckForeignKeysAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "PRAGMA foreign_key_check;";
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"The upgrade left a row in {reader.GetString(0)} whose foreign key points nowhere; nothing was changed.");
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The database cannot be upgraded by this version; the message says what to do, in Vietnamese and English.</summary>
public sealed class DatabaseUpgradeRefusedException : Exception
{
    public DatabaseUpgradeRefusedException()
    {
    }

    public DatabaseUpgradeRefusedException(string message) : base(message)
    {
    }

    public DatabaseUpgradeRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
