using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;

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

    public ReportingDb(AppDbContext primary, DatabaseOptions options, IHostEnvironment environment, TimeLimitRule limits)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        Limits = limits ?? throw new ArgumentNullException(nameof(limits));
        if (string.IsNullOrWhiteSpace(options.ReadReplicaConnectionString))
        {
            Context = primary;
            return;
        }
        owned = DatabaseSetup.CreateReplicaContext(options, environment.ContentRootPath);
        Context = owned;
    }

    private ReportingDb(AppDbContext primary, TimeLimitRule limits)
    {
        Context = primary;
        Limits = limits;
    }

    /// <summary>Reads the given context itself (tests and commands that already hold the primary), counting by <paramref name="limits"/> or the default rule.</summary>
    public static ReportingDb ForPrimary(AppDbContext primary, TimeLimitRule? limits = null) =>
        new(primary ?? throw new ArgumentNullException(nameof(primary)), limits ?? TimeLimitRule.Default);

    public AppDbContext Context { get; }

    /// <summary>
    /// The installation's configured time-limit rule (<c>MotCua:Limits</c>), carried with the reads so that every report
    /// and index judges limits as the rest of the system does, whichever page or API asks.
    /// </summary>
    public TimeLimitRule Limits { get; }

    /// <summary>True when reads go to the configured replica rather than the primary.</summary>
    public bool UsesReplica => owned is not null;

    public void Dispose() => owned?.Dispose();

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
