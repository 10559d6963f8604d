using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Notifications;

/// <summary>A processing body's supplement request whose applicant has not yet been told of it.</summary>
public sealed record PendingSupplementNotice(long DossierId, int AgencyId, string Code, string ApplicantName, string ProcedureName, DateTimeOffset RequestedAt, DateTimeOffset NotifyBy);

/// <summary>
/// The desk's 01-working-day limit to notify the applicant of a processing body's supplement request: which requests are
/// still unnotified, the desk's alert as the limit nears or passes (once per dossier), and the alert's clearing once
/// the applicant is told. The applicant is told when the desk records it, or when a citizen message of the request
/// (e-mail, SMS, Zalo) sent after it was delivered.
/// </summary>
public sealed class SupplementNoticeAlerts(Notifier notifier) : ISupplementNoticeListener
{
    /// <summary>The alert comes in the last half working day of the notice limit, or after it.</summary>
    public static TimeSpan DueSoon { get; } = TimeSpan.FromHours(4);

    private static readonly OutboxChannel[] CitizenChannels = [OutboxChannel.Email, OutboxChannel.Sms, OutboxChannel.Zalo];

    /// <summary>The unnotified requests of an agency (or of every agency), earliest notice limit first.</summary>
    public static async Task<IReadOnlyList<PendingSupplementNotice>> PendingAsync(AppDbContext db, int? agencyId, CancellationToken ct, IReadOnlyCollection<string>? codes = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.DossierSupplementRequests.AsNoTracking()
            .Where(r => r.Act == SupplementAct.ProcessingRequest && r.NotifyApplicantBy != null && r.ApplicantNotifiedAt == null && r.ResubmittedAt == null
                && r.Dossier!.Status == DossierStatus.AwaitingSupplement);
        if (agencyId is { } a)
        {
            query = query.Where(r => r.Dossier!.AgencyId == a);
        }
        if (codes is not null)
        {
            query = query.Where(r => codes.Contains(r.Dossier!.Code));
        }
        var rows = await query.OrderBy(r => r.Id).Take(1000)
            .Select(r => new PendingSupplementNotice(r.DossierId, r.Dossier!.AgencyId, r.Dossier.Code, r.Dossier.ApplicantName, r.Dossier.ProcedureName,
                r.RequestedAt, r.NotifyApplicantBy!.Value))
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var agencies = rows.Select(r => r.AgencyId).Distinct().ToList();
        var wanted = rows.Select(r => r.Code).Distinct().ToList();
        var requested = EventRouting.EventName(DossierEventKind.SupplementRequested);
        var delivered = (await db.OutboxMessages.AsNoTracking()
                .Where(m => agencies.Contains(m.AgencyId) && m.DossierCode != null && wanted.Contains(m.DossierCode) && m.Kind == requested
                    && CitizenChannels.Contains(m.Channel) && m.Status == OutboxStatus.Delivered)
                .Select(m => new { m.AgencyId, m.DossierCode, m.CreatedAt }).ToListAsync(ct))
            .ToLookup(m => (m.AgencyId, m.DossierCode!));
        // The desk's guidance before receipt sends the same kind of message: only one sent after this request tells of it.
        return [.. rows.Where(r => !delivered[(r.AgencyId, r.Code)].Any(m => m.CreatedAt >= r.RequestedAt)).OrderBy(r => r.NotifyBy).ThenBy(r => r.DossierId)];
    }

    /// <summary>
    /// Raises the desk's alert for each unnotified request whose limit is near or past and that has none yet, and clears
    /// the alerts of requests the applicant has been told of. Adds to the caller's context; returns the alerts raised.
    /// </summary>
    public async Task<int> ScanAsync(AppDbContext db, CalendarProvider calendars, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendars);
        var pending = await PendingAsync(db, null, ct);
        var dueName = EventRouting.EventName(DossierEventKind.SupplementNoticeDue);
        var raised = 0;
        if (pending.Count > 0)
        {
            var codes = pending.Select(p => p.Code).Distinct().ToList();
            var agencies = pending.Select(p => p.AgencyId).Distinct().ToList();
            var alerted = (await db.OutboxMessages.AsNoTracking()
                    .Where(m => agencies.Contains(m.AgencyId) && m.DossierCode != null && codes.Contains(m.DossierCode) && m.Kind == dueName)
                    .Select(m => new { m.AgencyId, m.DossierCode }).Distinct().ToListAsync(ct))
                .Select(m => (m.AgencyId, m.DossierCode!)).ToHashSet();
            var calculators = new Dictionary<int, DeadlineCalculator>();
            foreach (var p in pending.Where(p => !alerted.Contains((p.AgencyId, p.Code))))
            {
                if (!calculators.TryGetValue(p.AgencyId, out var calculator))
                {
                    calculators[p.AgencyId] = calculator = await calendars.CalculatorAsync(db, p.AgencyId, ct);
                }
                if (calculator.ClassifyPending(now, p.NotifyBy, DueSoon).Status == PendingTimeliness.WithinTime
                    || await DossierNotificationSubscriber.DeskUnitAsync(db, p.AgencyId, ct) is not { } desk)
                {
                    continue;
                }
                await notifier.RaiseAsync(db, new DossierNotice
                {
                    AgencyId = p.AgencyId,
                    DossierCode = p.Code,
                    Kind = DossierEventKind.SupplementNoticeDue,
                    Applicant = new ApplicantContact(p.ApplicantName),
                    ProcedureName = p.ProcedureName,
                    UnitId = desk,
                    DueAt = p.NotifyBy,
                    Note = "Hạn thông báo: " + p.NotifyBy.ToVnDateTime() + (now > p.NotifyBy ? " (đã quá hạn)." : "."),
                }, ct);
                raised++;
            }
        }
        await ClearAsync(db, null, now, ct);
        return raised;
    }

    /// <summary>Marks read the unread alerts about notices that are no longer pending (of one dossier, or of all).</summary>
    public static async Task ClearAsync(AppDbContext db, Dossier? dossier, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dueName = EventRouting.EventName(DossierEventKind.SupplementNoticeDue);
        var messages = db.OutboxMessages.Where(m => m.Kind == dueName && m.Channel == OutboxChannel.InApp);
        if (dossier is not null)
        {
            messages = messages.Where(m => m.AgencyId == dossier.AgencyId && m.DossierCode == dossier.Code);
        }
        var unread = await db.InAppNotifications
            .Where(n => n.ReadAt == null && n.DossierCode != null && messages.Any(m => m.Id == n.OutboxMessageId))
            .ToListAsync(ct);
        if (unread.Count == 0)
        {
            return;
        }
        var codes = unread.Select(n => n.DossierCode!).Distinct(StringComparer.Ordinal).ToList();
        // For one dossier the caller has just recorded the notice; otherwise ask which are still unnotified.
        var still = dossier is not null ? new HashSet<(int, string)>()
            : (await PendingAsync(db, null, ct, codes)).Select(p => (p.AgencyId, p.Code)).ToHashSet();
        foreach (var n in unread.Where(n => !still.Contains((n.AgencyId, n.DossierCode!))))
        {
            n.ReadAt = now;
        }
    }

    public Task OnApplicantNotifiedAsync(AppDbContext db, Dossier dossier, DateTimeOffset at, CancellationToken ct) => ClearAsync(db, dossier, at, ct);

    /// <summary>The limit in words for the inbox hint.</summary>
    public const string Hint = "Cơ quan giải quyết đã yêu cầu bổ sung; Bộ phận Một cửa thông báo người nộp trong 01 ngày làm việc và ghi nhận trên trang hồ sơ.";
}
