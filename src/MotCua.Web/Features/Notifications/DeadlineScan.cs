using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// Alerts the responsible unit or specialist when a pending dossier is due soon (by the queues' and the inbox's rule,
/// <see cref="DossierQueue.Classify"/>) and again when it is overdue; each alert once per
/// dossier (an earlier message of that kind for the dossier is the record that it was sent).
/// </summary>
public sealed class DeadlineScan(AppDbContext db, CalendarProvider calendars, Notifier notifier, SupplementNoticeAlerts supplementNotices)
{
    /// <summary>Dossiers handled per save: bounds the memory of a round however many dossiers are overdue.</summary>
    public const int BatchSize = 500;

    public Task<int> ScanOnceAsync(DateTimeOffset now, CancellationToken ct) => ScanOnceAsync(now, BatchSize, ct);

    /// <summary>
    /// One round. The candidates' ids are read first (8 bytes each), then handled <paramref name="batchSize"/> at a
    /// time, each batch saved and forgotten: the first round over a large database (an import of open dossiers, or
    /// the scan switched on late) may raise an alert for every overdue dossier at once, too many to hold in memory
    /// with their outbox messages.
    /// </summary>
    internal async Task<int> ScanOnceAsync(DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        // With several app instances only the lease holder scans; the others skip this round (no double alerts).
        await using var lease = await Scaling.JobLease.TryAcquireAsync(db, Scaling.JobLease.DeadlineScan, ct);
        if (lease is null)
        {
            return 0;
        }
        if (db.Database.IsNpgsql())
        {
            // The outbox grows inside this one transaction (a first scan over a large import raises 100k+ alerts), but
            // a prepared statement's generic plan is made once, when the table looked empty: a sequential scan per
            // batch, over 12 minutes at 10M dossiers. Plan each batch's look-up for the table as it is now.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
        }
        // Bound the candidates in SQL: nothing due more than two weeks ahead can be "due soon" after a long holiday.
        // The open-status list (constants, as the queue pages use it) lets both planners read the partial queue index,
        // whose size is the open dossiers, instead of an index or table over every dossier ever stored.
        var horizon = now.AddDays(14);
        var ids = await db.Dossiers.AsNoTracking()
            .Where(Dossiers.Pages.DossierQueues.IsOpen)
            .Where(d => d.DueAt != null && d.DueAt <= horizon && d.ClosedAt == null && d.OpenPauseFrom == null && d.ReturnedAt == null && d.CompletedAt == null)
            .OrderBy(d => d.Id)
            .Select(d => d.Id)
            .ToListAsync(ct);
        var dueSoonName = EventRouting.EventName(DossierEventKind.DueSoon);
        var overdueName = EventRouting.EventName(DossierEventKind.Overdue);
        var calculators = new Dictionary<int, DeadlineCalculator>();
        var raised = 0;
        foreach (var batch in ids.Chunk(batchSize))
        {
            var candidates = await db.Dossiers.AsNoTracking()
                .Where(d => batch.Contains(d.Id))
                .OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.AgencyId, d.Code, d.Status, d.DueAt, d.AppointmentAt, d.CurrentUnitId, d.Assignee, d.ApplicantName, d.ProcedureName })
                .ToListAsync(ct);
            var codes = candidates.Select(c => c.Code).ToList();
            // By agency and code, the outbox's (AgencyId, DossierCode) index: by code alone the query scanned the whole
            // outbox once per batch, and the first scan at 10M dossiers (128k alerts in one lease) ran over 12 minutes.
            var agencies = candidates.Select(c => c.AgencyId).Distinct().ToList();
            var sent = (await db.OutboxMessages.AsNoTracking().Where(m => agencies.Contains(m.AgencyId) && m.DossierCode != null && codes.Contains(m.DossierCode)
                    && (m.Kind == dueSoonName || m.Kind == overdueName))
                .Select(m => new { m.AgencyId, m.DossierCode, m.Kind }).Distinct().ToListAsync(ct))
                .Select(m => (m.AgencyId, m.DossierCode!, m.Kind)).ToHashSet();
            foreach (var d in candidates.Where(c => c.DueAt is not null && !DossierStateMachine.IsTerminal(c.Status)))
            {
                if (!calculators.TryGetValue(d.AgencyId, out var calculator))
                {
                    calculators[d.AgencyId] = calculator = await calendars.CalculatorAsync(db, d.AgencyId, ct);
                }
                var (standing, _) = DossierQueue.Classify(now, d.DueAt!.Value, calculator);
                var kind = standing switch
                {
                    PendingTimeliness.Overdue => DossierEventKind.Overdue,
                    PendingTimeliness.DueSoon => DossierEventKind.DueSoon,
                    PendingTimeliness.WithinTime => (DossierEventKind?)null,
                };
                if (kind is not { } k || sent.Contains((d.AgencyId, d.Code, EventRouting.EventName(k))))
                {
                    continue;
                }
                var assigneeId = d.Assignee is null ? null : await db.Users.Where(u => u.UserName == d.Assignee && u.AgencyId == d.AgencyId).Select(u => u.Id).SingleOrDefaultAsync(ct);
                await notifier.RaiseAsync(db, new DossierNotice
                {
                    AgencyId = d.AgencyId,
                    DossierCode = d.Code,
                    Kind = k,
                    Applicant = new ApplicantContact(d.ApplicantName),
                    ProcedureName = d.ProcedureName,
                    UnitId = d.CurrentUnitId,
                    AssigneeUserId = assigneeId,
                    DueAt = d.DueAt,
                }, ct);
                raised++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        // The desk's notice of a processing body's supplement request runs on its own limit, not the dossier's due instant.
        raised += await supplementNotices.ScanAsync(db, calendars, now, ct);
        await db.SaveChangesAsync(ct);
        await lease.CommitAsync(ct);
        return raised;
    }
}

/// <summary>Runs the scan every <c>MotCua:Notifications:DeadlineScanMinutes</c> (15) minutes; off in the Testing environment.</summary>
internal sealed class DeadlineScanService(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, IHostEnvironment environment, ILogger<DeadlineScanService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("MotCua:Notifications:RunDeadlineScan", !environment.IsEnvironment("Testing")))
        {
            return;
        }
        var interval = Shared.Settings.Interval(configuration, "MotCua:Notifications:DeadlineScanMinutes", 15, TimeSpan.FromMinutes(1), log);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineScan>().ScanOnceAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Deadline scan failed; will retry");
            }
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
