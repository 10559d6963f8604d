using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Scaling;

/// <summary>
/// What lets several stateless app instances run behind a reverse proxy on one PostgreSQL primary (docs/scaling.md):
/// the data-protection key ring lives in the database, so a cookie, bearer token or antiforgery token minted by one
/// instance is read by every other; periodic jobs take a database lease (<see cref="JobLease"/>) so one instance runs
/// each scan at a time; reports read through <see cref="ReportingDb"/>, which uses the read replica when configured.
/// </summary>
public static class ScalingModule
{
    /// <summary>Shared by every instance: data protection isolates key rings by application name.</summary>
    public const string ApplicationName = "MotCua";

    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}

/// <summary>
/// A lease for a periodic job across app instances. PostgreSQL: a transaction-scoped advisory lock taken with
/// <c>pg_try_advisory_xact_lock</c> — the instance that gets it runs the job inside that transaction, the others skip
/// this round (no waiting, no double alerts). SQLite is single-instance by nature (one file, one host): always granted.
/// </summary>
public static class JobLease
{
    /// <summary>Stable lock keys, one per job (the audit sealer uses 48151623).</summary>
    public const long DeadlineScan = 48151624;

    /// <summary>Begins a transaction on <paramref name="db"/> and tries the lease; null (and no transaction) when another instance holds it.</summary>
    public static Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> TryAcquireAsync(AppDbContext db, long key, CancellationToken ct) =>
        TryAcquireAsync(db, key, System.Data.IsolationLevel.ReadCommitted, ct);

    /// <summary>As above, in a transaction of the given isolation (SQLite's are serializable whatever is asked).</summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> TryAcquireAsync(AppDbContext db, long key,
        System.Data.IsolationLevel isolation, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(isolation, ct);
        if (!db.Database.IsNpgsql())
        {
            return tx;
        }
        var granted = await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock({0}) AS \"Value\"", key).SingleAsync(ct);
        if (granted)
        {
            return tx;
        }
        await tx.DisposeAsync();
        return null;
    }
}
