using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MotCua.Web.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddMotCuaDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        // Pooled contexts: building a context per request (its options, scoped EF services, model look-up) was a large
        // part of the look-up's CPU (docs/performance.md). AppDbContext keeps no state of its own and no code changes a
        // context's settings, so a reset instance is as new. The factory builds unpooled contexts on the same options
        // (and interceptors) for readers that must not share the request's context, such as the reference cache.
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString, environment.ContentRootPath);
                services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => SaveInterceptors(sp, SqliteMigrationWarnings(o.UseSqlite(sqlite, s => s.MigrationsAssembly(typeof(AppDbContext).Assembly.GetName().Name)))));
                services.AddSingleton<IDbContextFactory<AppDbContext>>(sp => new AppDbContextFactory(() => new SqliteAppDbContext(sp.GetRequiredService<DbContextOptions<SqliteAppDbContext>>())));
                services.AddHostedService<SqliteOptimizeService>();
                break;
            case DatabaseProvider.Postgres:
                var pg = options.ConnectionString
                    ?? throw new InvalidOperationException("MotCua:Database:ConnectionString is required for PostgreSQL.");
                services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, o) => SaveInterceptors(sp, o.UseNpgsql(PostgresConnectionString(pg))));
                services.AddSingleton<IDbContextFactory<AppDbContext>>(sp => new AppDbContextFactory(() => new PostgresAppDbContext(sp.GetRequiredService<DbContextOptions<PostgresAppDbContext>>())));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {options.Provider}.");
        }
        services.AddScoped<ReportingDb>();
        return services;
    }

    /// <summary>
    /// Adds <typeparamref name="T"/> (one instance) to the save interceptors of every app context, scoped or from the
    /// factory, after <see cref="DetectChangesOnce"/>: the explicit way for a feature to act on a save instead of a
    /// SaveChanges override.
    /// </summary>
    public static IServiceCollection AddSaveChangesInterceptor<T>(this IServiceCollection services)
        where T : class, ISaveChangesInterceptor
    {
        services.AddSingleton<T>();
        services.AddSingleton<ISaveChangesInterceptor>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>One change-detection pass first, then the registered interceptors in registration order.</summary>
    /// <summary>
    /// EF's SQLite provider brackets each table rebuild it generates with <c>PRAGMA foreign_keys = 0/1</c>, which SQLite
    /// ignores inside a transaction, so it runs them outside one and warns (event 20410) as if a migration author had
    /// asked for it. Our SQLite migrations hold no hand-written non-transactional operation (a test keeps it so), so the
    /// event is informational here and a fresh install does not start with a warning an operator cannot act on.
    /// </summary>
    internal static DbContextOptionsBuilder SqliteMigrationWarnings(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)));

    private static DbContextOptionsBuilder SaveInterceptors(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(DetectChangesOnce.Instance).AddInterceptors(services.GetServices<ISaveChangesInterceptor>());

    /// <summary>A read-only, non-tracking context on the configured read replica (same provider and model as the primary).</summary>
    internal static AppDbContext CreateReplicaContext(DatabaseOptions options, string contentRoot)
    {
        var cs = options.ReadReplicaConnectionString ?? throw new InvalidOperationException("No read replica configured.");
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite(SqliteConnectionString(cs, contentRoot)).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options),
            DatabaseProvider.Postgres => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql(PostgresConnectionString(cs)).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options),
            _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}."),
        };
    }

    /// <summary>
    /// The configured PostgreSQL connection string with the app's defaults, each unless the operator set it:
    /// <list type="bullet">
    /// <item>JIT compilation off: the app's queries are short, and on a quarter's report PostgreSQL's JIT spent
    /// longer compiling a query than running it (docs/performance.md).</item>
    /// <item>Automatic preparation (<c>Max Auto Prepare</c>): the app sends the same few hundred statements all day; a
    /// statement seen five times on a connection is prepared there, so PostgreSQL stops parsing and analysing it on
    /// every call. With <c>No Reset On Close</c> (the app keeps no session state: its one advisory lock is
    /// transaction-scoped) a pooled connection is not reset with <c>DISCARD ALL</c> on each checkout, which would also
    /// drop those statements (the look-up's figures are in docs/performance.md).</item>
    /// </list>
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (builder.Options is null || !builder.Options.Contains("jit", StringComparison.OrdinalIgnoreCase))
        {
            builder.Options = ((builder.Options ?? "") + " -c jit=off").Trim();
        }
        if (!Mentions(configured, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }
        if (!Mentions(configured, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>Statements prepared per physical connection (least recently used ones are unprepared beyond it).</summary>
    public const int AutoPreparedStatements = 100;

    /// <summary>Whether the operator's string sets a key (under any of its spellings), parsed as ADO.NET does.</summary>
    private static bool Mentions(string connectionString, params string[] keys)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(given.ContainsKey);
    }

    /// <summary>
    /// The embedded default: data/motcua.db under the content root (not the working directory, so a published
    /// app and <c>dotnet run</c> agree), created with its folder on first start.
    /// </summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/motcua.db");
        if (!string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            var dir = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }
        builder.ForeignKeys = true;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>
    /// Applies pending migrations; never EnsureCreated (the schema has one history per provider). A database created
    /// before the migrations were squashed is first moved onto the squashed history (<see cref="PreSquashMigrations"/>);
    /// one it cannot move throws <see cref="DatabaseUpgradeRefusedException"/> with nothing changed.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets the public pages read while the desk writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
        await PreSquashMigrations.UpgradeAsync(db, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup)), cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await OptimizeSqliteAsync(db, cancellationToken);
    }

    /// <summary>
    /// Refreshes SQLite's planner statistics where tables have grown (<c>PRAGMA optimize</c>; 0x10002 also covers tables
    /// never analysed, and the analysis limit keeps each table's pass short). SQLite never gathers statistics by itself:
    /// without them its planner guesses every index alike and can pick a poor one for the queue and report queries once
    /// a table holds many rows. PostgreSQL's autovacuum does this on its own; nothing to do there.
    /// </summary>
    public static async Task OptimizeSqliteAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}

/// <summary>Runs <see cref="DatabaseSetup.OptimizeSqliteAsync"/> every few hours on SQLite (the app runs for months between restarts).</summary>
internal sealed class SqliteOptimizeService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<SqliteOptimizeService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = Shared.Settings.Interval(configuration, "MotCua:Database:SqliteOptimizeHours", 6, TimeSpan.FromHours(1), logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await DatabaseSetup.OptimizeSqliteAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                // A busy database is not worth a retry loop: the next round runs in a few hours.
                logger.LogWarning(ex, "SQLite statistics refresh failed; tried again next round.");
            }
        }
    }
}

/// <summary>Unpooled contexts on the app's options, for readers that must not share the request's context.</summary>
internal sealed class AppDbContextFactory(Func<AppDbContext> create) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => create();
}

/// <summary>Design-time factories so <c>dotnet ef migrations add</c> can build each provider's model without the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=motcua_design").Options);
}
