using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// The tamper-evident chain over the audit log: each entry's hash covers its fields and the previous entry's hash.
/// Entries are written unsealed (no hash) in the transaction of their change; the sealer hashes them in id order.
/// Changing, removing or reordering a sealed entry breaks the chain from that entry on, which
/// <see cref="VerifyAsync"/> reports.
/// </summary>
public static class AuditChain
{
    private static readonly SemaphoreSlim LocalGate = new(1, 1);

    /// <summary>Hash of an entry given the previous hash. Instants at microsecond precision (what PostgreSQL keeps).</summary>
    public static string ComputeHash(AuditEntry e, string? previousHash)
    {
        var canonical = string.Join('\u001f',
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.AgencyId?.ToString(CultureInfo.InvariantCulture) ?? "",
            (e.At.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
            e.UserId ?? "",
            e.UserName ?? "",
            e.Action,
            e.EntityType,
            e.EntityId,
            e.Summary,
            e.Data ?? "",
            previousHash ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Seals every unsealed entry, in id order. Safe with several app instances on PostgreSQL (advisory lock).
    /// <paramref name="appendedBefore"/> stops at the first entry appended after it: ids are taken at insert but become
    /// visible at commit, so a younger entry may still have an uncommitted lower id that sealing past it would strand
    /// outside the chain. The background sealer leaves that margin; a direct call (verify) seals everything visible.
    /// </summary>
    public static Task<int> SealAsync(AppDbContext db, CancellationToken cancellationToken = default) => SealAsync(db, null, cancellationToken);

    /// <inheritdoc cref="SealAsync(AppDbContext, CancellationToken)"/>
    public static async Task<int> SealAsync(AppDbContext db, DateTimeOffset? appendedBefore, CancellationToken cancellationToken = default)
    {
        await LocalGate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(48151623)", cancellationToken);
            }
            var last = await db.AuditEntries.AsNoTracking().Where(a => a.Hash != null).OrderByDescending(a => a.Id)
                .Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            var pending = await db.AuditEntries.Where(a => a.Hash == null && (last == null || a.Id > last.Id))
                .OrderBy(a => a.Id).Take(5000).ToListAsync(cancellationToken);
            if (appendedBefore is { } cutoff)
            {
                pending = pending.TakeWhile(a => a.At < cutoff).ToList();
            }
            var previous = last?.Hash;
            foreach (var entry in pending)
            {
                entry.PreviousHash = previous;
                entry.Hash = ComputeHash(entry, previous);
                previous = entry.Hash;
            }
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return pending.Count;
        }
        finally
        {
            LocalGate.Release();
        }
    }

    public sealed record VerifyResult(long Checked, long? FirstBrokenId, string? Problem)
    {
        public bool Intact => FirstBrokenId is null;
    }

    /// <summary>Walks the sealed chain in id order and reports the first entry whose link or content does not match.</summary>
    public static async Task<VerifyResult> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        string? previous = null;
        long count = 0;
        long lastId = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Id > lastId && a.Hash != null)
                .OrderBy(a => a.Id).Take(2000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var e in batch)
            {
                if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
                {
                    return new VerifyResult(count, e.Id, "Liên kết với bản ghi trước không khớp (bản ghi trước đã bị xóa hoặc sửa).");
                }
                if (!string.Equals(ComputeHash(e, previous), e.Hash, StringComparison.Ordinal))
                {
                    return new VerifyResult(count, e.Id, "Nội dung bản ghi không khớp với mã băm (bản ghi đã bị sửa).");
                }
                previous = e.Hash;
                lastId = e.Id;
                count++;
            }
        }
        return new VerifyResult(count, null, null);
    }
}

/// <summary>Seals new audit entries every few seconds, off the request path.</summary>
internal sealed class AuditSealerService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<AuditSealerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Shared.Settings.Interval(configuration, "MotCua:Audit:SealIntervalSeconds", 5, TimeSpan.FromSeconds(1), log);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // Entries of the last few seconds wait for the next round, so a slow transaction's lower id is not skipped.
                await AuditChain.SealAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), time.GetUtcNow() - interval - interval, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Sealing the audit log failed; will retry");
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
