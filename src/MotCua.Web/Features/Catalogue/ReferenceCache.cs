using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Catalogue;

/// <summary>
/// Read-mostly reference data for the request paths (issue #10): the receipt's procedure version, step plan and field,
/// the agency, unit names, notification templates, webhook subscriptions and the officers a queue alert goes to. Before this cache a receipt re-read them
/// on every request (about ten of its ~16 round trips; docs/performance.md, session 3).
/// <para>
/// Correctness with several app instances (docs/scaling.md): every entry lives at most <see cref="Ttl"/> (real time,
/// not the app's <see cref="TimeProvider"/>, so a frozen test clock cannot pin an entry), so another instance's edit of
/// mutable settings (agency office hours, templates, subscriptions, which version is in force, an approved process)
/// shows here within 30 s, as the working calendar already does (<c>CalendarProvider</c>). An edit saved by THIS
/// instance drops every entry at once: <see cref="NoteChanges"/> runs in <c>AppDbContext.SaveChanges</c> before and
/// after the save and bumps a generation stamp when a watched entity is added, changed or removed.
/// </para>
/// </summary>
public sealed class ReferenceCache
{
    /// <summary>How long another instance's edit of mutable reference data may stay unseen here.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private const int MaxEntries = 20_000;
    private static long s_generation;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(object? Value, long Generation, long ExpiresAt);

    /// <summary>The cached value of <paramref name="key"/>, loading it with <paramref name="load"/> when absent, stale or expired.</summary>
    public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        var generation = Interlocked.Read(ref s_generation);
        var now = Stopwatch.GetTimestamp();
        if (_entries.TryGetValue(key, out var hit) && hit.Generation == generation && now < hit.ExpiresAt)
        {
            return (T)hit.Value!;
        }
        var value = await load(ct);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(value, generation, now + (long)(Ttl.TotalSeconds * Stopwatch.Frequency));
        return value;
    }

    /// <summary>Drops every entry (in every cache of this process); the next read loads again.</summary>
    public static void Invalidate() => Interlocked.Increment(ref s_generation);

    /// <summary>True (and every entry dropped) when the tracker holds a pending change to watched reference data.</summary>
    public static bool NoteChanges(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        foreach (var e in tracker.Entries())
        {
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched(e.Entity.GetType()))
            {
                Invalidate();
                return true;
            }
        }
        return false;
    }

    private static bool Watched(Type type) =>
        type == typeof(NotificationTemplate) || type == typeof(WebhookSubscription) || type == typeof(AppUser)
        || type.Namespace is "MotCua.Web.Features.Catalogue" or "MotCua.Web.Features.Organisation";
}
