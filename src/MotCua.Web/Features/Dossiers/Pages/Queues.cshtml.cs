using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>
/// /ho-so/hang-doi: my own dossiers and my unit's, by due instant, <see cref="DossierQueues.PageSize"/> per page
/// (<c>?trang=</c> for mine, <c>?trang-don-vi=</c> for the unit's). Each queue is one statement of capped counts
/// (<see cref="DossierQueues.CountsAsync"/>) and one page read in the order of a partial index on open dossiers
/// (no queue renders or counts every open dossier of the unit per request).
/// </summary>
public sealed class QueueModel(AppDbContext db, TimeProvider time, CalendarProvider calendars, ReferenceCache cache, IConfiguration configuration, ILogger<QueueModel> logger) : PageModel
{
    public const string MinePage = "trang";
    public const string UnitPage = "trang-don-vi";

    /// <summary>
    /// Overrides <see cref="DossierQueues.CountCap"/>, how far the queue counts stand exact before they show "10 000+"
    /// (tests use a small cap on a real database). A value that is not a positive integer is logged and ignored.
    /// </summary>
    public const string CountCapSetting = "MotCua:Queue:CountCap";

    public List<Queue> Queues { get; } = [];

    public async Task OnGetAsync([FromQuery(Name = MinePage)] int? minePage, [FromQuery(Name = UnitPage)] int? unitPage, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var me = User.Identity?.Name;
        var unit = User.UnitId();
        var calc = agencyId is { } id
            ? new DeadlineCalculator(await calendars.GetAsync(db, ct), AgencyOfficeHours.Of(await DossierReferences.AgencyAsync(cache, id, ct)))
            : await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        var soon = DossierQueues.DueSoonUntil(calc, now);
        var open = DossierQueues.OpenOf(db, agencyId);
        var cap = Math.Max(1, Shared.Settings.PositiveInteger(configuration, CountCapSetting, DossierQueues.CountCap, logger));
        var pages = new Dictionary<string, int>(StringComparer.Ordinal) { [MinePage] = Math.Max(1, minePage ?? 1), [UnitPage] = Math.Max(1, unitPage ?? 1) };
        Queues.Add(await PagedAsync("Hồ sơ được giao cho tôi", "my-queue", open.Where(d => d.Assignee == me), MinePage, pages, cap, calc, now, soon, ct));
        Queues.Add(await PagedAsync("Hồ sơ của đơn vị", "unit-queue", open.Where(d => d.CurrentUnitId == unit), UnitPage, pages, cap, calc, now, soon, ct));
    }

    private async Task<Queue> PagedAsync(string title, string testId, IQueryable<Dossier> query, string parameter, Dictionary<string, int> pages,
        int cap, DeadlineCalculator calc, DateTimeOffset now, DateTimeOffset soon, CancellationToken ct)
    {
        // Counts of the whole queue, each standing up to the cap (one statement); "due soon" is [now, soon].
        var counts = await DossierQueues.CountsAsync(db, query, now, soon, cap, ct);
        var listed = counts.Listed;
        var pageCount = Math.Max(1, (listed + DossierQueues.PageSize - 1) / DossierQueues.PageSize);
        var page = Math.Min(pages[parameter], pageCount);
        var rows = listed == 0 ? [] : await DossierQueues.PageAsync(query, page, counts, calc, now, ct);
        var others = pages.Where(p => !string.Equals(p.Key, parameter, StringComparison.Ordinal) && p.Value > 1).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new Queue(title, testId, rows, counts, new QueuePaging(page, pageCount, parameter, others, counts.Total.AtLeast));
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
        Queues.Add(new Queue("Hồ sơ trực tuyến, bưu chính chờ kiểm tra", "desk-submitted", await DossierQueues.AwaitingCheckAsync(db, all, calc, now, ct)));
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
