using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>/ho-so/hang-doi: my own dossiers and my unit's, by due instant.</summary>
public sealed class QueueModel(AppDbContext db, TimeProvider time, CalendarProvider calendars) : PageModel
{
    public List<Queue> Queues { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var me = User.Identity?.Name;
        var unit = User.UnitId();
        var calc = await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        var open = DossierQueues.OfAgency(db, agencyId).Where(d => DossierQueues.Open.Contains(d.Status));
        Queues.Add(new Queue("Hồ sơ được giao cho tôi", "my-queue", await DossierQueues.RowsAsync(open.Where(d => d.Assignee == me), calc, now, ct)));
        Queues.Add(new Queue("Hồ sơ của đơn vị", "unit-queue", await DossierQueues.RowsAsync(open.Where(d => d.CurrentUnitId == unit), calc, now, ct)));
    }
}

/// <summary>/mot-cua: the desk's work: received today, awaiting supplement, results to return, online dossiers to check.</summary>
[Authorize(Roles = Roles.OneStopOfficer + "," + Roles.Admin)]
public sealed class DeskModel(AppDbContext db, TimeProvider time, CalendarProvider calendars) : PageModel
{
    public List<Queue> Queues { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var calc = await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        var today = time.Today();
        var start = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
        var all = DossierQueues.OfAgency(db, agencyId);
        Queues.Add(new Queue("Hồ sơ trực tuyến, bưu chính chờ kiểm tra", "desk-submitted", await DossierQueues.RowsAsync(all.Where(d => d.Status == DossierStatus.Submitted), calc, now, ct)));
        Queues.Add(new Queue("Đã tiếp nhận, chờ chuyển xử lý", "desk-received", await DossierQueues.RowsAsync(all.Where(d => d.Status == DossierStatus.Received), calc, now, ct)));
        Queues.Add(new Queue("Tiếp nhận hôm nay", "desk-today", await DossierQueues.RowsAsync(all.Where(d => d.ReceivedAt >= start), calc, now, ct)));
        Queues.Add(new Queue("Chờ bổ sung", "desk-supplement", await DossierQueues.RowsAsync(all.Where(d => d.Status == DossierStatus.AwaitingSupplement), calc, now, ct)));
        Queues.Add(new Queue("Có kết quả, chờ trả", "desk-results", await DossierQueues.RowsAsync(all.Where(d => d.Status == DossierStatus.ResultIssued), calc, now, ct)));
    }
}

/// <summary>
/// /ho-so/qua-han: dossiers overdue or due within one working day (time to draft the apology). A leader of the agency
/// leadership sees the whole agency, other leaders their unit.
/// </summary>
[Authorize(Roles = Roles.Leader + "," + Roles.Admin + "," + Roles.OneStopOfficer)]
public sealed class OverdueModel(AppDbContext db, TimeProvider time, CalendarProvider calendars) : PageModel
{
    public List<Queue> Queues { get; } = [];

    public bool AgencyWide { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var unit = User.UnitId();
        AgencyWide = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.OneStopOfficer)
            || await db.Units.AnyAsync(u => u.Id == unit && u.Kind == UnitKind.Leadership, ct);
        var calc = await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        // One working day ahead, in UTC: the SQL filter narrows, the standing decides.
        var horizon = calc.ComputeDue(now, ProcessingTime.WorkingDays(1));
        var query = DossierQueues.OfAgency(db, agencyId).Where(d => DossierQueues.Open.Contains(d.Status) && d.DueAt != null && d.DueAt <= horizon);
        if (!AgencyWide)
        {
            query = query.Where(d => d.CurrentUnitId == unit);
        }
        var rows = await DossierQueues.RowsAsync(query, calc, now, ct);
        Queues.Add(new Queue("Quá hạn", "overdue", rows.Where(r => r.Standing?.Status == PendingTimeliness.Overdue).ToList()));
        Queues.Add(new Queue("Đến hạn trong 01 ngày làm việc – cần lập Phiếu xin lỗi và hẹn lại", "due-soon", rows.Where(r => r.Standing?.Status != PendingTimeliness.Overdue).ToList()));
    }
}
