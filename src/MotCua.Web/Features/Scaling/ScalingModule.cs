using System.Security.Cryptography.X509Certificates;
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

    /// <summary>The PKCS#12 (.pfx) file whose certificate encrypts the key ring at rest (relative paths: under the content root).</summary>
    public const string CertificatePathSetting = "MotCua:DataProtection:CertificatePath";

    public const string CertificatePasswordSetting = "MotCua:DataProtection:CertificatePassword";

    /// <summary>Earlier certificates (<c>…:PreviousCertificates:0:Path</c>, <c>:Password</c>) that still decrypt keys they encrypted, after a rotation.</summary>
    public const string PreviousCertificatesSetting = "MotCua:DataProtection:PreviousCertificates";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var keys = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        // The key ring signs every cookie and bearer token: stored in clear, whoever holds a backup could mint them.
        // Every instance loads the same certificate, so each still reads the keys the others wrote.
        if (configuration[CertificatePathSetting] is { Length: > 0 } path)
        {
            var current = LoadCertificate(path, configuration[CertificatePasswordSetting], environment.ContentRootPath);
            var previous = configuration.GetSection(PreviousCertificatesSetting).GetChildren()
                .Where(c => !string.IsNullOrWhiteSpace(c["Path"]))
                .Select(c => LoadCertificate(c["Path"]!, c["Password"], environment.ContentRootPath));
            keys.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        }
        services.AddHostedService<KeyRingProtectionCheck>();
        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password, string contentRoot)
    {
        var full = Path.GetFullPath(path, contentRoot);
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"Chứng thư {full} ({CertificatePathSetting}) không có khóa bí mật: không giải mã được vòng khóa bảo vệ dữ liệu.");
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"Không đọc được chứng thư bảo vệ vòng khóa {full} ({CertificatePathSetting}, {CertificatePasswordSetting}): {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"Không mở được tệp chứng thư bảo vệ vòng khóa {full} ({CertificatePathSetting}): {ex.Message}", ex);
        }
    }
}

/// <summary>
/// At start-up: a warning in Production when the key ring is not encrypted at rest, and, once it is, a warning while
/// keys written before the certificate was configured are still stored in clear.
/// </summary>
internal sealed class KeyRingProtectionCheck(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<KeyRingProtectionCheck> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(configuration[ScalingModule.CertificatePathSetting]))
        {
            if (environment.IsProduction())
            {
                log.LogWarning("SECURITY: the data-protection key ring is stored unencrypted in the database; anyone holding a backup can forge login cookies and " +
                    "API tokens. Set {Setting} (and {Password}) to a certificate to encrypt it (SECURITY.md).", ScalingModule.CertificatePathSetting, ScalingModule.CertificatePasswordSetting);
            }
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            var clear = await db.DataProtectionKeys.AsNoTracking().CountAsync(k => k.Xml != null && !k.Xml.Contains("encryptedSecret"), cancellationToken);
            if (clear > 0)
            {
                log.LogWarning("SECURITY: {Count} data-protection keys were written before the key ring was encrypted and are still stored in clear until they expire " +
                    "(90 days); see SECURITY.md to retire them now.", clear);
            }
        }
        catch (System.Data.Common.DbException ex)
        {
            log.LogWarning(ex, "Could not check the data-protection key ring for keys stored in clear.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
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
