using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Data;

/// <summary>A fresh install applies every migration without a warning the operator would have to investigate.</summary>
public sealed class FreshInstallLogTests
{
    private const string MigrationsCategory = "Microsoft.EntityFrameworkCore.Migrations";

    [Fact]
    public async Task Applying_all_migrations_to_an_empty_database_logs_no_migration_warning()
    {
        var capture = new CategoryCapture();
        await using var app = new CapturingApp(capture);
        using (app.CreateClient())
        {
            // Starting the app migrates the empty test database.
        }
        // The capture saw the start-up: the demo-password warning is always logged outside Production.
        Assert.Contains(capture.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("SECURITY: accounts", StringComparison.Ordinal));
        var warnings = capture.Lines.Where(l => l.Level >= LogLevel.Warning && l.Category.StartsWith(MigrationsCategory, StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, string.Join(Environment.NewLine, warnings.Select(w => w.Text)));
    }

    [Fact]
    public void Sqlite_migrations_hold_no_hand_written_operation_outside_a_transaction()
    {
        // The SQLite context logs EF's non-transactional warning as information only because EF's own rebuild pragmas are
        // the sole such operations; a migration that asks for one itself must be split instead.
        var folder = Path.Combine(AppProcess.RepoRoot(), "src", "MotCua.Web", "Data", "Migrations", "Sqlite");
        var offending = Directory.EnumerateFiles(folder, "*.cs")
            .Where(f => File.ReadAllText(f).Contains("suppressTransaction", StringComparison.Ordinal))
            .Select(Path.GetFileName).ToList();
        Assert.Empty(offending);
    }

    private sealed class CapturingApp(CategoryCapture capture) : MotCuaApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(capture));
        }
    }

    private sealed class CategoryCapture : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Text)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CategoryCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
