using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Web.Data;

namespace MotCua.Web.Shared.Caching;

/// <summary>
/// Read-mostly reference data for the request paths (procedure versions, step plans, agencies, units, templates,
/// subscriptions, alert recipients): each feature keeps its own loaders and key names and asks this cache, which knows
/// no feature. A fill reads through its own short-lived context from <see cref="IDbContextFactory{TContext}"/>, so it
/// never touches a caller's change tracker and never sees a caller's unsaved changes or open transaction.
/// <para>
/// Staleness (docs/decisions/ADR-007-reference-cache.md): an edit of a watched type saved by this instance drops every
/// entry at once (<see cref="ReferenceCacheInvalidation"/>, before and after the save); an edit saved by another
/// instance is seen here within <see cref="Ttl"/>, as the working calendar is.
/// </para>
/// </summary>
public sealed class ReferenceCache(IDbContextFactory<AppDbContext> contexts, IEnumerable<WatchedReferenceType> watched)
{
    /// <summary>How long another instance's edit of reference data may stay unseen here (real time, so a frozen test clock cannot pin an entry).</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly FrozenSet<Type> _watched = watched.Select(w => w.Type).ToFrozenSet();
    private long _generation;

    private sealed record Entry(object? Value, long Generation, long ExpiresAt);

    /// <summary>
    /// The cached value of <paramref name="key"/>; when absent, stale or expired, <paramref name="load"/> reads it through
    /// the context it is given (the cache's own, disposed right after), never through the caller's.
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<AppDbContext, CancellationToken, Task<T>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        var generation = Interlocked.Read(ref _generation);
        var now = Stopwatch.GetTimestamp();
        if (_entries.TryGetValue(key, out var hit) && hit.Generation == generation && now < hit.ExpiresAt)
        {
            return (T)hit.Value!;
        }
        T value;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            value = await load(db, ct);
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(value, generation, now + (long)(Ttl.TotalSeconds * Stopwatch.Frequency));
        return value;
    }

    /// <summary>Drops every entry; the next read of each key loads again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>Whether an added, changed or removed entity of <paramref name="type"/> drops the cache.</summary>
    public bool Watches(Type type) => _watched.Contains(type);
}

/// <summary>An entity type whose edits drop the <see cref="ReferenceCache"/>; registered by the feature whose cached values derive from it.</summary>
public sealed record WatchedReferenceType(Type Type);

/// <summary>
/// Drops the <see cref="ReferenceCache"/> when a save adds, changes or removes a watched entity: once before the save
/// (no fill starts from the old rows after it) and once after the commit (a fill that read the old rows while the save
/// ran is not kept). Registered in every <see cref="AppDbContext"/>'s options by <see cref="ReferenceCacheSetup.AddReferenceCache"/>.
/// </summary>
public sealed class ReferenceCacheInvalidation(ReferenceCache cache) : SaveChangesInterceptor
{
    private static readonly object Pending = new();
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var e in context.ChangeTracker.Entries())
        {
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && cache.Watches(e.Metadata.ClrType))
            {
                cache.Invalidate();
                _pending.AddOrUpdate(context, Pending);
                return;
            }
        }
    }

    private void Done(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            cache.Invalidate();
        }
    }
}

public static class ReferenceCacheSetup
{
    /// <summary>The cache and its save interceptor (in every app context's options); features then name what they watch.</summary>
    public static IServiceCollection AddReferenceCache(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceCache>();
        return services.AddSaveChangesInterceptor<ReferenceCacheInvalidation>();
    }

    /// <summary>Edits of these entity types drop the <see cref="ReferenceCache"/> (each feature names the types its cached values derive from).</summary>
    public static IServiceCollection WatchReferenceData(this IServiceCollection services, params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            services.AddSingleton(new WatchedReferenceType(type));
        }
        return services;
    }
}
