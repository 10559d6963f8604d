using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Wrong second factors given for one dossier code (known or not, so the limit never tells whether a code exists).
/// Kept in the database so every instance behind the load balancer counts the same guesses, whatever the client address.
/// Instants are UTC ticks, compared in SQL the same way on SQLite and PostgreSQL.
/// </summary>
public sealed class LookupThrottle
{
    /// <summary>The dossier code as looked up, trimmed and in capitals.</summary>
    public required string Code { get; set; }

    /// <summary>Wrong factors since the window opened.</summary>
    public int Failures { get; set; }

    /// <summary>When the counting window (opened by the first wrong factor) closes.</summary>
    public long WindowEndsAt { get; set; }

    /// <summary>Until when the code's look-up answers "try again later" (0: not locked).</summary>
    public long LockedUntil { get; set; }
}

internal sealed class LookupThrottleConfiguration : IEntityTypeConfiguration<LookupThrottle>
{
    public void Configure(EntityTypeBuilder<LookupThrottle> b)
    {
        b.ToTable("LookupThrottles");
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(64);
    }
}

/// <summary>
/// The per-code limit on wrong second factors: after <see cref="MaxWrongFactors"/> wrong ones within
/// <see cref="Window"/>, the code's look-up is locked for <see cref="Window"/> and answers only "try again later",
/// without reading the factor, so neither the answer nor its timing can confirm a right factor meanwhile.
/// </summary>
public static class LookupThrottles
{
    public const int MaxWrongFactors = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static string LockedMessage(DateTimeOffset until) =>
        "Mã hồ sơ này đã bị nhập sai số điện thoại hoặc số giấy tờ quá nhiều lần nên tạm khóa tra cứu. Vui lòng thử lại sau "
        + until.ToVnDateTime() + ".";

    /// <summary>The key of a looked-up code.</summary>
    public static string Key(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Until when the code is locked, or null.</summary>
    public static async Task<DateTimeOffset?> LockedUntilAsync(AppDbContext db, TimeProvider time, string key, CancellationToken ct)
    {
        var lockedUntil = await db.Set<LookupThrottle>().AsNoTracking().Where(t => t.Code == key)
            .Select(t => (long?)t.LockedUntil).SingleOrDefaultAsync(ct);
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
