using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Data;

/// <summary>
/// Where reports, indices, dashboards and public statistics read from: the read replica when
/// <c>MotCua:Database:ReadReplicaConnectionString</c> is configured (a streaming replica of the primary, docs/scaling.md),
/// else the primary. This is the one place that switches, so report code never chooses a connection itself. Never
/// write through it; the replica context does not track, and on the primary queries use <c>AsNoTracking()</c> (the
/// primary context is the request's own, so its tracking behaviour is not changed here).
/// </summary>
public sealed class ReportingDb : IAsyncDisposable, IDisposable
{
    private readonly AppDbContext? owned;

    public ReportingDb(AppDbContext primary, DatabaseOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(options.ReadReplicaConnectionString))
        {
            Context = primary;
            return;
        }
        owned = DatabaseSetup.CreateReplicaContext(options, environment.ContentRootPath);
        Context = owned;
    }

    private ReportingDb(AppDbContext primary) => Context = primary;

    /// <summary>Reads the given context itself (tests and commands that already hold the primary).</summary>
    public static ReportingDb ForPrimary(AppDbContext primary) => new(primary ?? throw new ArgumentNullException(nameof(primary)));

    public AppDbContext Context { get; }

    /// <summary>True when reads go to the configured replica rather than the primary.</summary>
    public bool UsesReplica => owned is not null;

    public void Dispose() => owned?.Dispose();

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
