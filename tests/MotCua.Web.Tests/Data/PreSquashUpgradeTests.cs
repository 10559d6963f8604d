using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;
using Npgsql;

namespace MotCua.Web.Tests.Data;

/// <summary>
/// A database created before the migrations were squashed (the frozen script in Fixtures/, history rows included)
/// is brought onto the squashed history at start-up with its rows, and ends with the schema a new database gets.
/// </summary>
public sealed class PreSquashUpgradeTests
{
    [Fact]
    public async Task A_database_made_before_the_squash_is_upgraded_in_place_and_keeps_its_rows()
    {
        await using var app = new MotCuaApp();
        await OldInstallation.CreateAsync(app.Database, OldInstallation.Migrations(app.Database).Count);
        var rows = await OldInstallation.InsertRowsAsync(app.Database);

        _ = app.Server; // starting the app migrates

        await using var db = app.CreateDbContext();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.DoesNotContain(applied, OldInstallation.Migrations(app.Database).Contains);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal("Ủy ban nhân dân xã Nâng Cấp", await db.Agencies.Where(a => a.Id == rows.AgencyId).Select(a => a.Name).SingleAsync());
        Assert.Equal("Nguyễn Văn Nâng", await db.Users.Where(u => u.UserName == "nangcap").Select(u => u.FullName).SingleAsync());
        Assert.Equal("Trần Thị Bền", await db.Dossiers.Where(d => d.Code == "NC-0001").Select(d => d.ApplicantName).SingleAsync());
        Assert.Equal("Bộ phận Một cửa nâng cấp", await Schema.ScalarAsync(app.Database, $"""SELECT "Name" FROM "Units" WHERE "Id" = {rows.UnitId}"""));
        Assert.Equal("9.000001", await Schema.ScalarAsync(app.Database, $"""SELECT "Code" FROM "Procedures" WHERE "Id" = {rows.ProcedureId}"""));

        await AssertSchemaOfANewDatabaseAsync(app.Database);
    }

    [Fact]
    public async Task A_bridge_runs_inside_the_upgrade_and_the_app_starts_on_its_result()
    {
        // The last pre-squash migration, followed by the embedded bridge, plays the bridge from the one before it, so
        // the path a non-empty bridge takes is run whatever the embedded bridge holds.
        await using var app = new MotCuaApp();
        var old = OldInstallation.Migrations(app.Database);
        await OldInstallation.CreateAsync(app.Database, old.Count - 1);
        var rows = await OldInstallation.InsertRowsAsync(app.Database);
        await using (var db = OldInstallation.Context(app.Database))
        {
            await PreSquashMigrations.UpgradeAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
                [.. old.Take(old.Count - 1)],
                await OldInstallation.LastMigrationAsBridgeAsync(app.Database) + "\n" + PreSquashMigrations.Bridge(app.Database.Provider == "Sqlite"));
        }

        _ = app.Server;

        await using var context = app.CreateDbContext();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal("Ủy ban nhân dân xã Nâng Cấp", await context.Agencies.Where(a => a.Id == rows.AgencyId).Select(a => a.Name).SingleAsync());
        await AssertSchemaOfANewDatabaseAsync(app.Database);
    }

    [Fact]
    public async Task A_database_at_an_earlier_pre_squash_migration_is_refused_and_left_unchanged()
    {
        using var database = new TestDatabase();
        var old = OldInstallation.Migrations(database);
        await OldInstallation.CreateAsync(database, old.Count - 1);
        var before = await Schema.DescribeAsync(database);
        var history = await Schema.HistoryAsync(database);
        Assert.Equal(old.Take(old.Count - 1), history);

        var result = await AppProcess.RunAsync([], AppProcess.DatabaseEnvironment(database, "Production"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("phiên bản MotCua phát hành trước", result.Error, StringComparison.Ordinal);
        Assert.Contains("previous MotCua release", result.Error, StringComparison.Ordinal);
        Assert.Contains(old[^2], result.Error, StringComparison.Ordinal);
        Assert.Equal(history, await Schema.HistoryAsync(database));
        Assert.Equal(before, await Schema.DescribeAsync(database));
    }

    [Fact]
    public async Task A_new_database_is_left_to_the_migrations()
    {
        using var database = new TestDatabase();
        await using var db = OldInstallation.Context(database);
        await PreSquashMigrations.UpgradeAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Empty(await Schema.HistoryAsync(database));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_bridge_holds_neither_transactions_nor_history_rows(bool sqlite)
    {
        var bridge = PreSquashMigrations.Bridge(sqlite);
        Assert.DoesNotContain("__EFMigrationsHistory", bridge, StringComparison.Ordinal);
        Assert.DoesNotContain("TRANSACTION;", bridge, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("COMMIT;", bridge, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AssertSchemaOfANewDatabaseAsync(TestDatabase upgraded)
    {
        await using var fresh = new MotCuaApp();
        _ = fresh.Server;
        var expected = await Schema.DescribeAsync(fresh.Database);
        var actual = await Schema.DescribeAsync(upgraded);
        Assert.Empty(expected.Except(actual, StringComparer.Ordinal)); // in a new database, missing after the upgrade
        Assert.Empty(actual.Except(expected, StringComparer.Ordinal)); // left over after the upgrade
    }

    /// <summary>A database as the release before the squash left it, built from the frozen script.</summary>
    private static class OldInstallation
    {
        public sealed record Rows(long AgencyId, long UnitId, long ProcedureId);

        public static IReadOnlyList<string> Migrations(TestDatabase database) =>
            database.Provider == "Sqlite" ? PreSquashMigrations.Sqlite : PreSquashMigrations.Postgres;

        public static AppDbContext Context(TestDatabase database) => database.Provider == "Sqlite"
            ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options)
            : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options);

        /// <summary>Runs the frozen script through its first <paramref name="count"/> migrations.</summary>
        public static async Task CreateAsync(TestDatabase database, int count)
        {
            var script = await ScriptAsync(database);
            if (count < Migrations(database).Count)
            {
                script = script[..EndOf(script, Migrations(database)[count - 1])];
            }
            await using var connection = Open(database);
            await Schema.ExecuteAsync(connection, script);
        }

        /// <summary>The frozen script's last migration as the squash script writes a bridge: no transactions, no history rows.</summary>
        public static async Task<string> LastMigrationAsBridgeAsync(TestDatabase database)
        {
            var script = await ScriptAsync(database);
            var lines = script[EndOf(script, Migrations(database)[^2])..].Split('\n');
            var kept = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("INSERT INTO \"__EFMigrationsHistory\"", StringComparison.Ordinal))
                {
                    i++; // and its VALUES line
                }
                else if (line is not ("BEGIN TRANSACTION;" or "START TRANSACTION;" or "COMMIT;"))
                {
                    kept.Add(lines[i]);
                }
            }
            return string.Join('\n', kept);
        }

        private static Task<string> ScriptAsync(TestDatabase database) => File.ReadAllTextAsync(Path.Combine(AppProcess.RepoRoot(),
            "tests", "MotCua.Web.Tests", "Data", "Fixtures", (database.Provider == "Sqlite" ? "sqlite" : "postgres") + "-pre-squash.sql"));

        /// <summary>Where a migration ends in the script: after its history row comes its COMMIT.</summary>
        private static int EndOf(string script, string migration)
        {
            var row = script.IndexOf($"VALUES ('{migration}'", StringComparison.Ordinal);
            return script.IndexOf("COMMIT;", row, StringComparison.Ordinal) + "COMMIT;".Length;
        }

        /// <summary>An agency with a unit, an officer, a procedure and one dossier, written as the old schema wants them.</summary>
        public static async Task<Rows> InsertRowsAsync(TestDatabase database)
        {
            await using var db = Context(database);
            await using var connection = Open(database);
            var agency = await InsertAsync(connection, db.Model, "Agencies", new() { ["Code"] = "NANGCAP", ["Name"] = "Ủy ban nhân dân xã Nâng Cấp" });
            var unit = await InsertAsync(connection, db.Model, "Units", new() { ["AgencyId"] = agency, ["Name"] = "Bộ phận Một cửa nâng cấp", ["IsActive"] = true });
            await InsertAsync(connection, db.Model, "AspNetUsers", new()
            {
                ["Id"] = "nang-cap-0001", ["FullName"] = "Nguyễn Văn Nâng", ["AgencyId"] = agency, ["UnitId"] = unit,
                ["UserName"] = "nangcap", ["NormalizedUserName"] = "NANGCAP", ["IsActive"] = true,
            }, key: null);
            var field = await InsertAsync(connection, db.Model, "CatalogueFields", new() { ["AgencyId"] = agency, ["Name"] = "Hộ tịch" });
            var procedure = await InsertAsync(connection, db.Model, "Procedures", new() { ["AgencyId"] = agency, ["Code"] = "9.000001" });
            var version = await InsertAsync(connection, db.Model, "ProcedureVersions", new()
            {
                ["ProcedureId"] = procedure, ["FieldId"] = field, ["Number"] = 1, ["Name"] = "Đăng ký khai sinh", ["SearchText"] = "dang ky khai sinh",
            });
            await InsertAsync(connection, db.Model, "Dossiers", new()
            {
                ["AgencyId"] = agency, ["ProcedureVersionId"] = version, ["Code"] = "NC-0001", ["ApplicantName"] = "Trần Thị Bền",
                ["ProcedureCode"] = "9.000001", ["ProcedureName"] = "Đăng ký khai sinh", ["CurrentUnitId"] = unit,
            });
            return new Rows(agency, unit, procedure);
        }

        /// <summary>
        /// Inserts one row with the given values; every other required column gets the model's default for its property
        /// (so enums, instants and JSON read back), or a plain zero value when the model no longer has that column.
        /// </summary>
        private static async Task<long> InsertAsync(DbConnection connection, IModel model, string table, Dictionary<string, object> values, string? key = "Id")
        {
            var entity = model.GetEntityTypes().FirstOrDefault(e => e.GetTableName() == table && e.FindOwnership() is null);
            var columns = new List<string>();
            var literals = new List<string>();
            await using var cmd = connection.CreateCommand();
            foreach (var (name, value) in values)
            {
                columns.Add(Quote(name));
                literals.Add("@p" + cmd.Parameters.Count.ToString(CultureInfo.InvariantCulture));
                var parameter = cmd.CreateParameter();
                parameter.ParameterName = literals[^1];
                parameter.Value = value;
                cmd.Parameters.Add(parameter);
            }
            foreach (var column in await Schema.RequiredColumnsAsync(connection, table))
            {
                if (values.ContainsKey(column.Name))
                {
                    continue;
                }
                var property = entity?.GetProperties().FirstOrDefault(p => p.GetColumnName(StoreObjectIdentifier.Table(table, null)) == column.Name);
                columns.Add(Quote(column.Name));
                literals.Add(property is null ? Schema.ZeroLiteral(column.Type) : DefaultLiteral(property));
            }
            cmd.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", literals)})"
                + (key is null ? "" : $" RETURNING {Quote(key)}");
            if (key is null)
            {
                await cmd.ExecuteNonQueryAsync();
                return 0;
            }
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        private static string DefaultLiteral(IProperty property)
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            object? value = property.GetColumnName().EndsWith("Json", StringComparison.Ordinal) ? "[]"
                : type == typeof(string) ? ""
                : type == typeof(byte[]) ? Array.Empty<byte>()
                : type.IsValueType ? Activator.CreateInstance(type)
                : null;
            return property.GetRelationalTypeMapping().GenerateSqlLiteral(value);
        }

        private static DbConnection Open(TestDatabase database)
        {
            DbConnection connection = database.Provider == "Sqlite"
                ? new SqliteConnection(database.ConnectionString)
                : new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            return connection;
        }
    }

    /// <summary>What a schema is made of, as sorted lines, read from the database's own catalogue.</summary>
    private static class Schema
    {
        public sealed record Column(string Name, string Type);

        public static async Task<List<string>> DescribeAsync(TestDatabase database)
        {
            await using var connection = Connect(database);
            await connection.OpenAsync();
            // Column defaults are left out: an old migration that added a required column gave it a default to fill
            // the rows already there, which a new database does not need; the app always writes those columns itself.
            var lines = database.Provider == "Sqlite"
                ? await LinesAsync(connection, """
                    SELECT 'table ' || m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk
                    FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                    UNION ALL
                    SELECT 'index ' || m.tbl_name || ' ' || m.name || ' unique=' || l."unique" || ' partial=' || l.partial
                        || ' on ' || (SELECT group_concat(i.name, ',') FROM pragma_index_info(m.name) i)
                    FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name WHERE m.type = 'index'
                    UNION ALL
                    SELECT 'index-sql ' || name || ' ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                    UNION ALL
                    SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
                    FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
                    """)
                : await LinesAsync(connection, """
                    SELECT 'table ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                        || ' nullable=' || is_nullable || ' identity=' || is_identity
                    FROM information_schema.columns WHERE table_schema = current_schema()
                    UNION ALL
                    SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
                    UNION ALL
                    SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                    FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
                    UNION ALL
                    SELECT 'extension ' || extname FROM pg_extension
                    """);
            lines.Sort(StringComparer.Ordinal);
            return lines;
        }

        public static async Task<List<string>> HistoryAsync(TestDatabase database)
        {
            await using var connection = Connect(database);
            await connection.OpenAsync();
            var exists = database.Provider == "Sqlite"
                ? "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'"
                : """SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = '__EFMigrationsHistory'""";
            if (Convert.ToInt64(await ScalarAsync(connection, exists), CultureInfo.InvariantCulture) == 0)
            {
                return [];
            }
            return await LinesAsync(connection, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """);
        }

        public static async Task<List<Column>> RequiredColumnsAsync(DbConnection connection, string table)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = connection is SqliteConnection
                ? $"""SELECT name, type FROM pragma_table_info('{table}') WHERE "notnull" = 1 AND dflt_value IS NULL AND NOT (pk = 1 AND type = 'INTEGER')"""
                : $"""
                    SELECT column_name, data_type FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = '{table}' AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'
                    """;
            var columns = new List<Column>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(new Column(reader.GetString(0), reader.GetString(1)));
            }
            return columns;
        }

        public static string ZeroLiteral(string type) => type.ToUpperInvariant() switch
        {
            "INTEGER" or "REAL" or "SMALLINT" or "BIGINT" or "NUMERIC" or "DOUBLE PRECISION" => "0",
            "BOOLEAN" => "false",
            "BLOB" => "X''",
            "BYTEA" => "'\\x'",
            "UUID" => "'00000000-0000-0000-0000-000000000000'",
            "DATE" => "'2025-01-01'",
            var t when t.StartsWith("TIMESTAMP", StringComparison.Ordinal) => "'2025-01-01T00:00:00Z'",
            "JSONB" or "JSON" => "'[]'",
            _ => "''",
        };

        public static async Task<object?> ScalarAsync(TestDatabase database, string sql)
        {
            await using var connection = Connect(database);
            await connection.OpenAsync();
            return await ScalarAsync(connection, sql);
        }

        public static async Task ExecuteAsync(DbConnection connection, string sql)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }

        private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            return await cmd.ExecuteScalarAsync();
        }

        private static async Task<List<string>> LinesAsync(DbConnection connection, string sql)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            var lines = new List<string>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
            return lines;
        }

        private static DbConnection Connect(TestDatabase database) => database.Provider == "Sqlite"
            ? new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString())
            : new NpgsqlConnection(database.ConnectionString);
    }

    private static string Quote(string name) => "\"" + name + "\"";
}
