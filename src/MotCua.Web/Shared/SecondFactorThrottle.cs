using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Shared;

/// <summary>
/// The per-code limit on wrong second factors (table "LookupThrottles"; a feature's codes keep their own prefix, so the
/// dossier look-up and the feedback follow never count each other's guesses): after <see cref="MaxWrongFactors"/> wrong ones within
/// <see cref="Window"/>, the code's look-up is locked for <see cref="Window"/> and answers only "try again later",
/// without reading the factor, so neither the answer nor its timing can confirm a right factor meanwhile.
/// </summary>
public static class SecondFactorThrottle
{
    public const int MaxWrongFactors = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Until when the code is locked, or null.</summary>
    public static async Task<DateTimeOffset?> LockedUntilAsync(AppDbContext db, TimeProvider time, string key, CancellationToken ct)
    {
        var lockedUntil = (await db.Database.SqlQuery<long>($"""SELECT "LockedUntil" AS "Value" FROM "LookupThrottles" WHERE "Code" = {key}""")
            .ToListAsync(ct)).Cast<long?>().SingleOrDefault();
        return lockedUntil > time.GetUtcNow().UtcTicks ? new DateTimeOffset(lockedUntil.Value, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// Counts one wrong factor in ONE atomic statement (concurrent guesses on several instances all count) and returns
    /// until when the code is now locked, or null. A locked code is left as it is: guesses during a lock neither count
    /// nor extend it.
    /// </summary>
    public static async Task<DateTimeOffset?> FailedAsync(AppDbContext db, TimeProvider time, string key, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcTicks;
        var windowEnd = now + Window.Ticks;
        var max = MaxWrongFactors;
        var locked = await db.Database.SqlQuery<long>($"""
            INSERT INTO "LookupThrottles" ("Code", "Failures", "WindowEndsAt", "LockedUntil") VALUES ({key}, 1, {windowEnd}, {(max <= 1 ? windowEnd : 0L)})
            ON CONFLICT ("Code") DO UPDATE SET
                "Failures" = CASE WHEN "LookupThrottles"."LockedUntil" > {now} THEN "LookupThrottles"."Failures" WHEN "LookupThrottles"."WindowEndsAt" <= {now} THEN 1 ELSE "LookupThrottles"."Failures" + 1 END,
                "LockedUntil" = CASE WHEN "LookupThrottles"."LockedUntil" > {now} THEN "LookupThrottles"."LockedUntil" WHEN "LookupThrottles"."WindowEndsAt" > {now} AND "LookupThrottles"."Failures" + 1 >= {max} THEN {windowEnd} ELSE "LookupThrottles"."LockedUntil" END,
                "WindowEndsAt" = CASE WHEN "LookupThrottles"."LockedUntil" > {now} THEN "LookupThrottles"."WindowEndsAt" WHEN "LookupThrottles"."WindowEndsAt" <= {now} THEN {windowEnd} ELSE "LookupThrottles"."WindowEndsAt" END
            RETURNING "LockedUntil" AS "Value"
            """).ToListAsync(ct);
        if (Random.Shared.Next(64) == 0)
        {
            // Now and then, forget codes whose window and lock are over (an attacker's made-up codes included).
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "LookupThrottles" WHERE "WindowEndsAt" <= {now} AND "LockedUntil" <= {now}""", ct);
        }
        return locked.Single() > now ? new DateTimeOffset(locked.Single(), TimeSpan.Zero) : null;
    }

    /// <summary>A right factor outside a lock clears the count, so the applicant's own typos do not add up.</summary>
    public static Task ClearAsync(AppDbContext db, string key, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "LookupThrottles" WHERE "Code" = {key}""", ct);
}
