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

/// <summary>The dossier look-up's limit on wrong second factors, kept by <see cref="SecondFactorThrottle"/>.</summary>
public static class LookupThrottles
{
    public const int MaxWrongFactors = SecondFactorThrottle.MaxWrongFactors;

    public static readonly TimeSpan Window = SecondFactorThrottle.Window;

    public static string LockedMessage(DateTimeOffset until) =>
        "Mã hồ sơ này đã bị nhập sai số điện thoại hoặc số giấy tờ quá nhiều lần nên tạm khóa tra cứu. Vui lòng thử lại sau "
        + until.ToVnDateTime() + ".";

    /// <summary>The key of a looked-up code.</summary>
    public static string Key(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Until when the code is locked, or null.</summary>
    public static Task<DateTimeOffset?> LockedUntilAsync(AppDbContext db, TimeProvider time, string key, CancellationToken ct) =>
        SecondFactorThrottle.LockedUntilAsync(db, time, key, ct);

    /// <summary>Counts one wrong factor (<see cref="SecondFactorThrottle.FailedAsync"/>) and returns until when the code is now locked, or null.</summary>
    public static Task<DateTimeOffset?> FailedAsync(AppDbContext db, TimeProvider time, string key, CancellationToken ct) =>
        SecondFactorThrottle.FailedAsync(db, time, key, ct);

    /// <summary>A right factor outside a lock clears the count, so the applicant's own typos do not add up.</summary>
    public static Task ClearAsync(AppDbContext db, string key, CancellationToken ct) => SecondFactorThrottle.ClearAsync(db, key, ct);
}
