using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Alerts the responsible unit or specialist when a pending dossier is due soon (within
/// <c>MotCua:Notifications:DueSoonWorkingDays</c> working days) and again when it is overdue; each alert once per
/// dossier (an earlier message of that kind for the dossier is the record that it was sent).
/// </summary>
public sealed class DeadlineScan(AppDbContext db, CalendarProvider calendars, Notifier notifier, IOptions<NotificationOptions> options)
{
    public async Task<int> ScanOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        // With several app instances only the lease holder scans; the others skip this round (no double alerts).
        await using var lease = await Scaling.JobLease.TryAcquireAsync(db, Scaling.JobLease.DeadlineScan, ct);
        if (lease is null)
        {
            return 0;
        }
        // Bound the candidates in SQL: nothing due more than two weeks ahead can be "due soon" after a long holiday.
        var horizon = now.AddDays(14);
        var candidates = await db.Dossiers.AsNoTracking()
            .Where(d => d.DueAt != null && d.DueAt <= horizon && d.ClosedAt == null && d.OpenPauseFrom == null && d.ReturnedAt == null && d.CompletedAt == null)
            .Select(d => new { d.Id, d.AgencyId, d.Code, d.Status, d.DueAt, d.AppointmentAt, d.CurrentUnitId, d.Assignee, d.ApplicantName, d.ProcedureName })
            .ToListAsync(ct);
        var dueSoonName = EventRouting.EventName(DossierEventKind.DueSoon);
        var overdueName = EventRouting.EventName(DossierEventKind.Overdue);
        var codes = candidates.Select(c => c.Code).ToList();
        var sent = (await db.OutboxMessages.AsNoTracking().Where(m => m.DossierCode != null && codes.Contains(m.DossierCode) && (m.Kind == dueSoonName || m.Kind == overdueName))
            .Select(m => new { m.AgencyId, m.DossierCode, m.Kind }).Distinct().ToListAsync(ct))
            .Select(m => (m.AgencyId, m.DossierCode!, m.Kind)).ToHashSet();
        var raised = 0;
        foreach (var agency in candidates.GroupBy(c => c.AgencyId))
        {
            var calculator = await calendars.CalculatorAsync(db, agency.Key, ct);
            var window = TimeSpan.FromTicks((long)(calculator.Hours.WorkingDayLength.Ticks * options.Value.DueSoonWorkingDays));
            foreach (var d in agency.Where(c => !DossierStateMachine.IsTerminal(c.Status)))
            {
                var (standing, _) = calculator.ClassifyPending(now, d.DueAt!.Value, window);
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
        }
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
        var interval = TimeSpan.FromMinutes(configuration.GetValue("MotCua:Notifications:DeadlineScanMinutes", 15));
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
