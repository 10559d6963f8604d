using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// The tamper-evident chain over the audit log: each entry's hash covers its fields and the previous entry's hash.
/// Entries are written unsealed (no hash) in the transaction of their change; the sealer hashes them in id order.
/// Changing, removing or reordering a sealed entry breaks the chain from that entry on, which
/// <see cref="VerifyAsync"/> reports. The chain alone cannot show that its newest entries were deleted, nor that a row
/// came from outside the application: each entry therefore carries the application's MAC (<see cref="AuditKeys"/>),
/// which the sealer requires, and each sealing round signs a checkpoint of the head outside this table.
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

    private const int BatchSize = 5000;

    /// <summary>What one sealing round did: entries chained, rows refused (not written by the app), the checkpoint written.</summary>
    public sealed record SealResult(int Sealed, IReadOnlyList<long> Refused, AuditCheckpoint? Checkpoint);

    /// <summary>
    /// Seals every unsealed entry, in id order. Safe with several app instances on PostgreSQL (advisory lock).
    /// <paramref name="appendedBefore"/> stops at the first entry appended after it: ids are taken at insert but become
    /// visible at commit, so a younger entry may still have an uncommitted lower id that sealing past it would strand
    /// outside the chain. The background sealer leaves that margin; a direct call (verify) seals everything visible.
    /// A row without the application's valid MAC is refused: left unsealed, outside the chain, and reported. Each round
    /// that seals anything ends with a signed checkpoint of the new head, in the same transaction and in the log.
    /// </summary>
    public static Task<SealResult> SealAsync(AppDbContext db, CancellationToken cancellationToken = default) => SealAsync(db, null, null, cancellationToken);

    /// <inheritdoc cref="SealAsync(AppDbContext, CancellationToken)"/>
    public static async Task<SealResult> SealAsync(AppDbContext db, DateTimeOffset? appendedBefore, ILogger? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = db.GetService<AuditKeys>();
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
            var anchor = await NewestValidCheckpointAsync(db, keys, log, cancellationToken);
            // The first round after entries became authenticated adopts the rows an earlier version wrote without a MAC:
            // those sealed already, and unsealed ones older than any authenticated row. Later rounds refuse every such row.
            var adopting = anchor is null && !await db.AuditCheckpoints.AnyAsync(cancellationToken);
            var firstAuthenticated = adopting
                ? await db.AuditEntries.Where(a => a.Mac != null).MinAsync(a => (long?)a.Id, cancellationToken)
                : null;
            var previous = last?.Hash;
            var headId = last?.Id ?? 0;
            var legacyUpTo = anchor?.LegacyUpToId ?? (adopting ? headId : 0);
            var sealedNow = 0;
            var refused = new List<long>();
            var after = headId;
            var done = false;
            while (!done && sealedNow < BatchSize)
            {
                var batch = await db.AuditEntries.Where(a => a.Hash == null && a.Id > after).OrderBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
                done = batch.Count < BatchSize;
                foreach (var entry in batch)
                {
                    var legacy = adopting && entry.Mac is null && (firstAuthenticated is null || entry.Id < firstAuthenticated);
                    if (!legacy && keys.Verify(entry) != AuditKeys.Check.Valid)
                    {
                        refused.Add(entry.Id); // a row the application did not write never enters the chain
                        after = entry.Id;
                        continue;
                    }
                    if (appendedBefore is { } cutoff && entry.At >= cutoff)
                    {
                        done = true;
                        break;
                    }
                    entry.PreviousHash = previous;
                    entry.Hash = ComputeHash(entry, previous);
                    previous = entry.Hash;
                    headId = entry.Id;
                    after = entry.Id;
                    if (legacy)
                    {
                        legacyUpTo = entry.Id;
                    }
                    sealedNow++;
                }
            }
            AuditCheckpoint? checkpoint = null;
            if (previous is not null && (sealedNow > 0 || adopting))
            {
                var onAnchor = anchor is not null && anchor.LastEntryId == last?.Id && string.Equals(anchor.LastHash, last.Hash, StringComparison.Ordinal);
                if (anchor is not null && !onAnchor)
                {
                    log?.LogError("The audit chain's head (entry {Head}) is not the newest checkpoint's (entry {Anchor}): entries were removed or sealed outside the application.", last?.Id, anchor.LastEntryId);
                }
                var before = onAnchor ? anchor!.Count : await db.AuditEntries.LongCountAsync(a => a.Hash != null, cancellationToken);
                checkpoint = new AuditCheckpoint
                {
                    At = db.GetService<TimeProvider>().GetUtcNow(),
                    LastEntryId = headId,
                    LastHash = previous,
                    Count = before + sealedNow,
                    LegacyUpToId = legacyUpTo,
                    Mac = "",
                };
                keys.Sign(checkpoint);
                db.AuditCheckpoints.Add(checkpoint);
            }
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (checkpoint is not null && log is not null && log.IsEnabled(LogLevel.Information))
            {
                // The log is the copy of the anchor that lives outside the database.
                log.LogInformation("Audit checkpoint: entry {LastEntryId} hash {LastHash} count {Count} legacy {LegacyUpToId} at {At:O} mac {Mac}",
                    checkpoint.LastEntryId, checkpoint.LastHash, checkpoint.Count, checkpoint.LegacyUpToId, checkpoint.At, checkpoint.Mac);
            }
            return new SealResult(sealedNow, refused, checkpoint);
        }
        finally
        {
            LocalGate.Release();
        }
    }

    private static async Task<AuditCheckpoint?> NewestValidCheckpointAsync(AppDbContext db, AuditKeys keys, ILogger? log, CancellationToken cancellationToken)
    {
        var newest = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).Take(100).ToListAsync(cancellationToken);
        foreach (var c in newest)
        {
            var check = keys.Verify(c);
            if (check == AuditKeys.Check.Valid)
            {
                return c;
            }
            log?.LogError("Audit checkpoint {Id} has no valid signature ({Check}): ignored.", c.Id, check);
        }
        return null;
    }

    /// <summary>One thing verification found wrong, at an entry id, in Vietnamese.</summary>
    public sealed record Finding(long EntryId, string Problem);

    /// <summary>
    /// The outcome of <see cref="VerifyAsync"/>: entries checked, the first <see cref="MaxFindings"/> findings in id order
    /// (of <paramref name="FindingCount"/>), the newest checkpoint and the entries still waiting for the sealer.
    /// </summary>
    public sealed record VerifyResult(long Checked, IReadOnlyList<Finding> Findings, long FindingCount, AuditCheckpoint? NewestCheckpoint, long Pending)
    {
        public bool Intact => FindingCount == 0;

        public long? FirstBrokenId => Findings.Count > 0 ? Findings[0].EntryId : null;

        public string? Problem => Findings.Count > 0 ? Findings[0].Problem : null;
    }

    public const int MaxFindings = 100;

    /// <summary>The result as the <c>verify-audit</c> command prints it: one line when intact, else one line per finding.</summary>
    public static string Report(VerifyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var head = result.NewestCheckpoint is { } c
            ? $" Điểm chốt mới nhất: bản ghi số {c.LastEntryId.ToString(CultureInfo.InvariantCulture)}, {c.Count.ToString(CultureInfo.InvariantCulture)} bản ghi."
            : "";
        if (result.Intact)
        {
            return $"Nhật ký toàn vẹn: {result.Checked.ToString(CultureInfo.InvariantCulture)} bản ghi.{head}";
        }
        var text = new StringBuilder($"Nhật ký bị sai lệch: {result.FindingCount.ToString(CultureInfo.InvariantCulture)} vấn đề.{head}");
        foreach (var f in result.Findings)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"Bản ghi {f.EntryId}: {f.Problem}");
        }
        return text.ToString();
    }

    /// <summary>
    /// Walks every entry in id order and every checkpoint alongside. Reports: a sealed entry whose link, content hash or
    /// MAC does not match; an entry the sealer refused (no valid MAC) or left outside the chain; a checkpoint whose
    /// signature is not the application's; a checkpoint whose entry is gone or differs (the newest entries were deleted
    /// or the chain rewritten); sealed entries with no checkpoint; a copy of another entry.
    /// </summary>
    public static async Task<VerifyResult> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = db.GetService<AuditKeys>();
        var findings = new List<Finding>();
        long findingCount = 0;
        void Report(long id, string problem)
        {
            findingCount++;
            if (findings.Count < MaxFindings)
            {
                findings.Add(new Finding(id, problem));
            }
        }

        var head = await db.AuditEntries.Where(a => a.Hash != null).MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        // The first checkpoint the application signed says which rows predate authenticated entries.
        AuditCheckpoint? first = null;
        long checkpointsSeen = 0;
        await foreach (var c in db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (keys.Verify(c) == AuditKeys.Check.Valid)
            {
                first = c;
                break;
            }
            if (++checkpointsSeen > 1000)
            {
                break;
            }
        }
        var legacyUpTo = first?.LegacyUpToId ?? 0;

        var checkpoints = new CheckpointReader(db, keys, Report);
        AuditCheckpoint? newest = null;
        string? previous = null;
        long count = 0;
        long pending = 0;
        long lastId = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Id > lastId)
                .OrderBy(a => a.Id).Take(2000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var e in batch)
            {
                lastId = e.Id;
                if (e.Hash is null)
                {
                    var check = keys.Verify(e);
                    if (check != AuditKeys.Check.Valid)
                    {
                        Report(e.Id, $"Bản ghi không do ứng dụng ghi ({AuditKeys.Describe(check)}): bộ niêm phong đã từ chối, không đưa vào chuỗi.");
                    }
                    else if (e.Id < head)
                    {
                        Report(e.Id, "Bản ghi hợp lệ nhưng nằm ngoài chuỗi (chưa được niêm phong khi các bản ghi sau đã được niêm phong).");
                    }
                    else
                    {
                        pending++;
                    }
                    continue;
                }
                await checkpoints.PassAsync(e.Id - 1, count, null, cancellationToken);
                if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
                {
                    Report(e.Id, "Liên kết với bản ghi trước không khớp (bản ghi trước đã bị xóa hoặc sửa).");
                }
                else if (!string.Equals(ComputeHash(e, previous), e.Hash, StringComparison.Ordinal))
                {
                    Report(e.Id, "Nội dung bản ghi không khớp với mã băm (bản ghi đã bị sửa).");
                }
                else if (e.Mac is null ? e.Id > legacyUpTo : keys.Verify(e) != AuditKeys.Check.Valid)
                {
                    Report(e.Id, $"Bản ghi đã niêm phong nhưng không do ứng dụng ghi ({AuditKeys.Describe(keys.Verify(e))}).");
                }
                else if (e.Mac is not null && e.Id <= legacyUpTo)
                {
                    Report(e.Id, "Bản ghi do ứng dụng ghi nhưng được niêm phong trước điểm chốt đầu tiên: các điểm chốt trước đó đã bị xóa.");
                }
                previous = e.Hash;
                count++;
                newest = await checkpoints.PassAsync(e.Id, count, e.Hash, cancellationToken) ?? newest;
            }
        }
        await checkpoints.PassAsync(long.MaxValue, count, null, cancellationToken);
        newest = checkpoints.Newest ?? newest;
        if (count > 0 && checkpoints.Valid == 0)
        {
            Report(head, "Không có điểm chốt hợp lệ nào: không thể xác nhận các bản ghi mới nhất chưa bị xóa (bảng điểm chốt đã bị xóa hoặc sửa).");
        }
        var copies = await db.AuditEntries.Where(a => a.Mac != null).GroupBy(a => a.Mac)
            .Where(g => g.Count() > 1).Select(g => g.Max(a => a.Id)).OrderBy(id => id).Take(MaxFindings).ToListAsync(cancellationToken);
        foreach (var id in copies)
        {
            Report(id, "Bản ghi là bản sao của một bản ghi khác (không do ứng dụng ghi).");
        }
        findings.Sort((a, b) => a.EntryId.CompareTo(b.EntryId));
        return new VerifyResult(count, findings, findingCount, newest, pending);
    }

    /// <summary>Reads checkpoints in entry order alongside the walk over entries and checks each where the walk passes it.</summary>
    private sealed class CheckpointReader(AppDbContext db, AuditKeys keys, Action<long, string> report)
    {
        private readonly Queue<AuditCheckpoint> buffer = new();
        private long afterEntry = -1;
        private long afterId;
        private bool exhausted;

        public long Valid { get; private set; }

        public AuditCheckpoint? Newest { get; private set; }

        /// <summary>
        /// The walk has reached entry <paramref name="entryId"/> with <paramref name="count"/> sealed entries so far;
        /// <paramref name="hash"/> is that entry's hash, or null when no sealed entry has that id.
        /// </summary>
        public async Task<AuditCheckpoint?> PassAsync(long entryId, long count, string? hash, CancellationToken cancellationToken)
        {
            AuditCheckpoint? matched = null;
            while (await PeekAsync(cancellationToken) is { } c && c.LastEntryId <= entryId)
            {
                buffer.Dequeue();
                var check = keys.Verify(c);
                if (check != AuditKeys.Check.Valid)
                {
                    report(c.LastEntryId, $"Điểm chốt số {c.Id.ToString(CultureInfo.InvariantCulture)} không do ứng dụng ghi ({AuditKeys.Describe(check)}).");
                    continue;
                }
                Valid++;
                if (Newest is null || c.Id > Newest.Id)
                {
                    Newest = c;
                }
                var at = c.At.ToOffset(Shared.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
                if (hash is null || c.LastEntryId != entryId)
                {
                    report(c.LastEntryId, $"Nhật ký bị cắt cụt: điểm chốt lúc {at} ghi nhận bản ghi số {c.LastEntryId.ToString(CultureInfo.InvariantCulture)} " +
                        "là bản ghi cuối của chuỗi, nhưng bản ghi này không còn (các bản ghi mới nhất đã bị xóa).");
                }
                else if (!string.Equals(hash, c.LastHash, StringComparison.Ordinal) || count != c.Count)
                {
                    report(c.LastEntryId, $"Chuỗi không khớp với điểm chốt lúc {at}: đến bản ghi số {c.LastEntryId.ToString(CultureInfo.InvariantCulture)} " +
                        $"điểm chốt ghi nhận {c.Count.ToString(CultureInfo.InvariantCulture)} bản ghi, nay có {count.ToString(CultureInfo.InvariantCulture)} (bản ghi đã bị xóa, thêm hoặc chuỗi bị tính lại).");
                }
                else
                {
                    matched = c;
                }
            }
            return matched;
        }

        private async Task<AuditCheckpoint?> PeekAsync(CancellationToken cancellationToken)
        {
            if (buffer.Count == 0 && !exhausted)
            {
                var (entry, id) = (afterEntry, afterId);
                var batch = await db.AuditCheckpoints.AsNoTracking()
                    .Where(c => c.LastEntryId > entry || (c.LastEntryId == entry && c.Id > id))
                    .OrderBy(c => c.LastEntryId).ThenBy(c => c.Id).Take(2000).ToListAsync(cancellationToken);
                exhausted = batch.Count < 2000;
                foreach (var c in batch)
                {
                    buffer.Enqueue(c);
                }
                if (batch.Count > 0)
                {
                    (afterEntry, afterId) = (batch[^1].LastEntryId, batch[^1].Id);
                }
            }
            return buffer.Count > 0 ? buffer.Peek() : null;
        }
    }
}

/// <summary>Seals new audit entries every few seconds, off the request path.</summary>
internal sealed class AuditSealerService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<AuditSealerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Shared.Settings.Interval(configuration, "MotCua:Audit:SealIntervalSeconds", 5, TimeSpan.FromSeconds(1), log);
        long reportedUpTo = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // Entries of the last few seconds wait for the next round, so a slow transaction's lower id is not skipped.
                var result = await AuditChain.SealAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), time.GetUtcNow() - interval - interval, log, stoppingToken);
                // A refused row at the tail is met again every round: reported once.
                var fresh = result.Refused.Where(id => id > reportedUpTo).ToList();
                if (fresh.Count > 0 && log.IsEnabled(LogLevel.Error))
                {
                    log.LogError("Audit rows refused by the sealer, not written by the application (no valid MAC): {Ids}", string.Join(", ", fresh));
                    reportedUpTo = fresh[^1];
                }
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
