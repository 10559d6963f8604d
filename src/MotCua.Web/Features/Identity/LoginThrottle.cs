using System.Collections.Concurrent;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// Slows password and second-factor guessing per (user name, client address) pair, with a delay that doubles after each
/// further failure, instead of locking the account for everyone: a stranger guessing from elsewhere cannot keep the
/// officer out of their own desk. Names that do not exist are counted exactly like real ones, so the answers reveal
/// nothing about which accounts exist. Counted per instance; the per-address rate limit bounds the total.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    /// <summary>Failures allowed before the first wait.</summary>
    public const int FreeAttempts = 5;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(15);

    /// <summary>A pair with no failure for this long starts again from zero.</summary>
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil);

    /// <summary>True when this pair must wait; the caller then answers exactly as for a wrong password.</summary>
    public bool IsBlocked(string userName, string? address) =>
        entries.TryGetValue(Key(userName, address), out var e) && time.GetUtcNow() < e.BlockedUntil;

    public void Failed(string userName, string? address)
    {
        var now = time.GetUtcNow();
        if (entries.Count >= MaxEntries)
        {
            Prune(now);
        }
        entries.AddOrUpdate(Key(userName, address),
            _ => new Entry(1, now, now),
            (_, e) =>
            {
                var failures = now - e.LastFailure > Forget ? 1 : e.Failures + 1;
                return new Entry(failures, now, now + DelayAfter(failures));
            });
    }

    public void Succeeded(string userName, string? address) => entries.TryRemove(Key(userName, address), out _);

    /// <summary>The administrator's "unlock": every address of this user may try again.</summary>
    public void Release(string userName)
    {
        var prefix = Normalize(userName) + "|";
        foreach (var key in entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            entries.TryRemove(key, out _);
        }
    }

    /// <summary>Zero for the first <see cref="FreeAttempts"/> failures, then 1, 2, 4, 8 minutes … up to 15.</summary>
    public static TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeAttempts)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures - FreeAttempts, 10);
        var delay = FirstDelay * (1 << doublings);
        return delay < LongestDelay ? delay : LongestDelay;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, e) in entries)
        {
            if (now - e.LastFailure > Forget && now >= e.BlockedUntil)
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string userName, string? address) => Normalize(userName) + "|" + (address ?? "unknown");

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();
}
