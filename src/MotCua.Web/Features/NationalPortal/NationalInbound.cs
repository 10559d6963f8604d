using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>When the next poll is due: the interval after a good poll, a doubling wait (up to 30 minutes) while the portal is down.</summary>
public sealed class NationalInboundSchedule
{
    private readonly Lock gate = new();
    private DateTimeOffset nextAt = DateTimeOffset.MinValue;

    public int Failures { get; private set; }

    public DateTimeOffset NextAt
    {
        get
        {
            lock (gate)
            {
                return nextAt;
            }
        }
    }

    public bool IsDue(DateTimeOffset now) => now >= NextAt;

    public void Succeeded(DateTimeOffset now, TimeSpan interval)
    {
        lock (gate)
        {
            Failures = 0;
            nextAt = now + interval;
        }
    }

    public void Failed(DateTimeOffset now, TimeSpan interval)
    {
        lock (gate)
        {
            Failures++;
            var wait = interval.TotalSeconds * Math.Pow(2, Math.Min(Failures - 1, 10));
            nextAt = now + TimeSpan.FromSeconds(Math.Min(wait, TimeSpan.FromMinutes(30).TotalSeconds));
        }
    }
}

/// <summary>
/// Takes dossiers from the national portal: each message becomes a dossier through the ordinary receipt in one
/// transaction with its row (one row per national code), or is quarantined with a reason; the portal is acknowledged
/// only once the dossier exists (or an officer rejected the message), and an acknowledgement it missed is sent again at
/// the next poll.
/// </summary>
public sealed class NationalInbound(AppDbContext db, TimeProvider time, NationalPortalClient client, ReceiveDossier receipt,
    IOptions<NationalPortalInboundOptions> options, NationalInboundSchedule schedule, IServiceScopeFactory scopes, ILogger<NationalInbound> logger)
{
    public const string PortalActor = "cong-dvcqg";

    public enum ActKind
    {
        Done,
        NotFound,
        NotAllowed,
    }

    public sealed record ActResult(ActKind Kind, string? Message = null, NationalInboundMessage? Record = null);

    public sealed record PollResult(bool Reached, int Taken, string? Problem);

    private NationalPortalInboundOptions Options => options.Value;

    private TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, Options.PollIntervalSeconds));

    /// <summary>One poll when it is due (the worker's tick).</summary>
    public async Task<PollResult?> RunIfDueAsync(CancellationToken ct) =>
        Options.Enabled && schedule.IsDue(time.GetUtcNow()) ? await PollOnceAsync(ct) : null;

    /// <summary>"Nhận ngay": a poll now, audited.</summary>
    public async Task<PollResult> PollNowAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var result = Options.Enabled ? await PollOnceAsync(ct) : new PollResult(false, 0, "Chưa cấu hình kết nối nhận hồ sơ từ Cổng Dịch vụ công quốc gia.");
        db.ChangeTracker.Clear();
        AuditLog.Append(db, time, user, "national.poll", nameof(NationalInboundMessage), "-",
            result.Reached ? $"Nhận ngay hồ sơ từ Cổng DVCQG: {result.Taken.ToString(CultureInfo.InvariantCulture)} tin mới." : "Nhận ngay hồ sơ từ Cổng DVCQG không thành công: " + result.Problem);
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Reads every agency's waiting messages page by page, takes each, then sends the acknowledgements still owed.</summary>
    public async Task<PollResult> PollOnceAsync(CancellationToken ct)
    {
        var taken = 0;
        try
        {
            foreach (var (unit, agencyCode) in Options.Agencies)
            {
                long after = 0;
                while (true)
                {
                    var page = await client.PendingAsync(unit, after, Math.Clamp(Options.PageSize, 1, 100), ct);
                    var acknowledged = new ConcurrentBag<int>();
                    try
                    {
                        // Each message in its own scope (context and transaction); a national code served twice still makes
                        // one dossier, as its row is unique.
                        await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Options.Concurrency, 1, 16), CancellationToken = ct },
                            async (message, token) =>
                            {
                                await using var scope = scopes.CreateAsyncScope();
                                var outcome = await scope.ServiceProvider.GetRequiredService<NationalInbound>().TakeAsync(unit, agencyCode, message.Raw, token);
                                if (outcome.IsNew)
                                {
                                    Interlocked.Increment(ref taken);
                                }
                                if (outcome.AcknowledgedId is { } id)
                                {
                                    acknowledged.Add(id);
                                }
                            });
                    }
                    finally
                    {
                        // The page's acknowledgements are recorded in one statement; one lost with a crash before it is
                        // only sent again, which the portal takes as the same answer.
                        await RecordAcknowledgedAsync([.. acknowledged], ct);
                    }
                    if (page.Count < Options.PageSize)
                    {
                        break;
                    }
                    after = page[^1].Seq;
                }
            }
            await SendOwedAcknowledgementsAsync(ct);
        }
        catch (NationalPortalUnavailableException e)
        {
            schedule.Failed(time.GetUtcNow(), Interval);
            logger.LogWarning(e, "National portal unavailable; next poll at {NextAt}", schedule.NextAt);
            return new PollResult(false, taken, e.Message);
        }
        schedule.Succeeded(time.GetUtcNow(), Interval);
        return new PollResult(true, taken, null);
    }

    /// <summary>What taking one served message did: whether it was new, and the row whose acknowledgement the portal received (not yet recorded).</summary>
    private readonly record struct Taken(bool IsNew, int? AcknowledgedId);

    /// <summary>Stores a served message once and processes it; a message seen before is only acknowledged again if it was taken.</summary>
    private async Task<Taken> TakeAsync(string unit, string agencyCode, string raw, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var key = NationalPortalFormat.KeyOf(raw);
        var record = await db.NationalInboundMessages.SingleOrDefaultAsync(m => m.NationalCode == key, ct);
        if (record is null)
        {
            var agencyId = await db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
            // A new message's row is written with its outcome: in the dossier's transaction, or quarantined with the reason.
            // Until then the portal keeps serving it, so nothing is lost; the unique national code keeps a second
            // instance's row out, which leaves the message to that instance.
            var now = time.GetUtcNow();
            record = new NationalInboundMessage
            {
                NationalCode = key, PortalUnit = unit, AgencyId = agencyId, Payload = raw, ReceivedAt = now, Status = NationalInboundStatus.Pending,
                Attempts = 1, LastAttemptAt = now,
            };
            var sent = await ProcessAsync(record, isNew: true, ct);
            return record.Id == 0 ? new(false, null) : new(true, sent ? record.Id : null);
        }
        var acknowledged = record.Status switch
        {
            NationalInboundStatus.Pending => await ProcessAsync(record, isNew: false, ct),
            // Served again: the portal missed the acknowledgement; it gets the same answer.
            NationalInboundStatus.Created or NationalInboundStatus.Rejected => await SendAcknowledgementAsync(record, ct),
            _ => false,
        };
        return new(false, acknowledged ? record.Id : null);
    }

    /// <summary>
    /// Turns a message into a dossier in one transaction with its row, or quarantines it with the reason. A new message
    /// (<paramref name="isNew"/>, its row not written yet, first attempt counted) is written with its outcome. True when
    /// the portal received the acknowledgement, which the caller records.
    /// </summary>
    private async Task<bool> ProcessAsync(NationalInboundMessage record, bool isNew, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!isNew)
        {
            db.Attach(record);
            record.Attempts++;
            record.LastAttemptAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        var (dossier, problem) = NationalPortalFormat.Parse(record.Payload);
        if (dossier is null)
        {
            await QuarantineAsync(record, problem!, ct);
            return false;
        }
        if (!string.Equals(dossier.PortalUnit, record.PortalUnit, StringComparison.Ordinal) || !Options.Agencies.TryGetValue(dossier.PortalUnit, out var agencyCode))
        {
            await QuarantineAsync(record, $"Mã đơn vị \"{dossier.PortalUnit}\" của hồ sơ không thuộc các đơn vị được cấu hình nhận hồ sơ.", ct);
            return false;
        }
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode, ct);
        if (agency is null)
        {
            await QuarantineAsync(record, $"Không có cơ quan mã \"{agencyCode}\" (ánh xạ từ mã đơn vị \"{dossier.PortalUnit}\" của Cổng) trong hệ thống.", ct);
            return false;
        }
        if (NationalPortalFormat.HashProblem(dossier) is { } bad)
        {
            await QuarantineAsync(record, bad, ct);
            return false;
        }
        var eligibility = await CatalogueQueries.CanReceiveAsync(db, agency.Id, dossier.ProcedureCode, dossier.SubmittedAt ?? time.GetUtcNow(), ct);
        if (eligibility.Version is not { } version)
        {
            await QuarantineAsync(record, (eligibility.Message ?? "Không tiếp nhận được hồ sơ của thủ tục này.") + $" (mã TTHC trên Cổng: {dossier.ProcedureCode})", ct);
            return false;
        }
        var input = NationalPortalFormat.ToReceipt(dossier, ReceiveDossier.CataloguePapers(version).Select(p => p.Name).ToList());
        var portal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, PortalActor), new Claim(MotCuaClaims.AgencyId, agency.Id.ToString(CultureInfo.InvariantCulture)),
             new Claim(MotCuaClaims.FullName, "Cổng Dịch vụ công quốc gia")], "national-portal"));
        WorkflowOutcome outcome;
        try
        {
            outcome = await receipt.ReceiveAsync(input, portal, null, null, ctx =>
            {
                var created = ctx.ChangeTracker.Entries<Dossier>().Single(e => e.State == EntityState.Added).Entity;
                ctx.Attach(record);
                record.AgencyId = agency.Id;
                record.Status = NationalInboundStatus.Created;
                record.Reason = null;
                record.Dossier = created;
                record.DossierCode = created.Code;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Taken meanwhile by another instance (the dossier's and the row's national codes are unique): its row says so.
            db.ChangeTracker.Clear();
            if (await db.Dossiers.AsNoTracking().AnyAsync(d => d.AgencyId == agency.Id && d.NationalCode == dossier.NationalCode, ct)
                || (isNew && await db.NationalInboundMessages.AsNoTracking().AnyAsync(m => m.NationalCode == record.NationalCode, ct)))
            {
                record.Id = 0;
                return false;
            }
            await KeepFailedAsync(record, isNew, ct);
            throw;
        }
        catch (Exception) when (isNew && !ct.IsCancellationRequested)
        {
            await KeepFailedAsync(record, isNew, ct);
            throw;
        }
        if (!outcome.Succeeded)
        {
            await QuarantineAsync(record, outcome.Message, ct);
            return false;
        }
        return await SendAcknowledgementAsync(record, ct);
    }

    /// <summary>Holds the message with its reason (a new message's row is written here; another instance's row already there wins).</summary>
    private async Task QuarantineAsync(NationalInboundMessage record, string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var isNew = record.Id == 0;
        db.Attach(record);
        record.Status = NationalInboundStatus.Quarantined;
        record.Reason = reason.Length > 2000 ? reason[..2000] : reason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (isNew)
        {
            db.ChangeTracker.Clear();
            record.Id = 0;
        }
    }

    /// <summary>
    /// A new message whose receipt failed unexpectedly is written as pending, with its attempt, so the console shows it
    /// and the next poll tries it again.
    /// </summary>
    private async Task KeepFailedAsync(NationalInboundMessage record, bool isNew, CancellationToken ct)
    {
        if (!isNew)
        {
            return;
        }
        db.ChangeTracker.Clear();
        record.Id = 0;
        record.Status = NationalInboundStatus.Pending;
        record.Dossier = null;
        record.DossierId = null;
        record.DossierCode = null;
        db.NationalInboundMessages.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            record.Id = 0;
        }
    }

    /// <summary>Tells the portal the outcome and records it; when the portal cannot be reached the acknowledgement stays owed for the next poll.</summary>
    private async Task AcknowledgeAsync(NationalInboundMessage record, CancellationToken ct)
    {
        if (await SendAcknowledgementAsync(record, ct))
        {
            record.AcknowledgedAt = await RecordAcknowledgedAsync([record.Id], ct);
        }
    }

    /// <summary>Tells the portal the outcome, recording nothing; false when it cannot be reached.</summary>
    private async Task<bool> SendAcknowledgementAsync(NationalInboundMessage record, CancellationToken ct)
    {
        var body = record.Status == NationalInboundStatus.Created
            ? NationalPortalFormat.Acknowledgement(record.DossierCode!)
            : NationalPortalFormat.Rejection(record.Reason ?? "");
        try
        {
            await client.AcknowledgeAsync(record.NationalCode, body, ct);
            return true;
        }
        catch (NationalPortalUnavailableException e)
        {
            logger.LogWarning(e, "Acknowledgement of {NationalCode} not delivered; it is sent again at the next poll", record.NationalCode);
            return false;
        }
    }

    /// <summary>Records that the portal received the outcome of these messages, in one statement; returns the instant recorded.</summary>
    private async Task<DateTimeOffset> RecordAcknowledgedAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (ids.Count > 0)
        {
            db.ChangeTracker.Clear();
            await db.NationalInboundMessages.Where(m => ids.Contains(m.Id) && m.AcknowledgedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.AcknowledgedAt, now), ct);
        }
        return now;
    }

    private async Task SendOwedAcknowledgementsAsync(CancellationToken ct)
    {
        var owed = await db.NationalInboundMessages.AsNoTracking()
            .Where(m => m.AcknowledgedAt == null && (m.Status == NationalInboundStatus.Created || m.Status == NationalInboundStatus.Rejected))
            .OrderBy(m => m.Id).Take(100).ToListAsync(ct);
        foreach (var record in owed)
        {
            await AcknowledgeAsync(record, ct);
        }
    }

    /// <summary>"Xử lý lại": a quarantined message goes through the whole check again (after the catalogue or mapping is fixed).</summary>
    public async Task<ActResult> ReprocessAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var record = await FindAsync(id, user, ct);
        if (record is null)
        {
            return new(ActKind.NotFound);
        }
        if (record.Status != NationalInboundStatus.Quarantined)
        {
            return new(ActKind.NotAllowed, "Chỉ xử lý lại được tin đang bị giữ lại.");
        }
        if (await ProcessAsync(record, isNew: false, ct))
        {
            await RecordAcknowledgedAsync([record.Id], ct);
        }
        db.ChangeTracker.Clear();
        var after = await db.NationalInboundMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        AuditLog.Append(db, time, user, "national.reprocess", nameof(NationalInboundMessage), after.NationalCode,
            after.Status == NationalInboundStatus.Created
                ? $"Xử lý lại hồ sơ {after.NationalCode} từ Cổng DVCQG: đã tạo hồ sơ {after.DossierCode}."
                : $"Xử lý lại hồ sơ {after.NationalCode} từ Cổng DVCQG: vẫn bị giữ lại ({after.Reason}).");
        await db.SaveChangesAsync(ct);
        return new(ActKind.Done, Record: after);
    }

    /// <summary>"Từ chối": a quarantined message is refused with the officer's reason, which the portal is told.</summary>
    public async Task<ActResult> RejectAsync(int id, string reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var record = await FindAsync(id, user, ct);
        if (record is null)
        {
            return new(ActKind.NotFound);
        }
        if (record.Status is not (NationalInboundStatus.Quarantined or NationalInboundStatus.Pending))
        {
            return new(ActKind.NotAllowed, "Chỉ từ chối được tin chưa tạo hồ sơ.");
        }
        db.ChangeTracker.Clear();
        db.Attach(record);
        record.Status = NationalInboundStatus.Rejected;
        record.Reason = Shared.TextSearch.Nfc(reason);
        AuditLog.Append(db, time, user, "national.reject", nameof(NationalInboundMessage), record.NationalCode,
            $"Từ chối hồ sơ {record.NationalCode} từ Cổng DVCQG: {record.Reason}");
        await db.SaveChangesAsync(ct);
        await AcknowledgeAsync(record, ct);
        return new(ActKind.Done, Record: record);
    }

    private Task<NationalInboundMessage?> FindAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var agencyId = user.AgencyId() ?? 0;
        return db.NationalInboundMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && (m.AgencyId == agencyId || m.AgencyId == null), ct);
    }

    /// <summary>The console's and API's list: newest first, by status and local receipt day.</summary>
    public static Task<List<NationalInboundMessage>> FilterAsync(IQueryable<NationalInboundMessage> query, NationalInboundStatus? status, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }
        if (from is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime();
            query = query.Where(m => m.ReceivedAt >= start);
        }
        if (to is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime();
            query = query.Where(m => m.ReceivedAt < end);
        }
        return query.OrderByDescending(m => m.Id).Take(500).ToListAsync(ct);
    }
}

/// <summary>Polls on the schedule while the inbound connection is configured.</summary>
internal sealed class NationalInboundWorker(IServiceScopeFactory scopes, IOptions<NationalPortalInboundOptions> options, TimeProvider time, ILogger<NationalInboundWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.RunWorker)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NationalInbound>().RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "National portal poll failed");
            }
            await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
        }
    }
}
