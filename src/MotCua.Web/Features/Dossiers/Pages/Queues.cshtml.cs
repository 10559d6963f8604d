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
/// (<c>?trang=</c> for mine, <c>?trang-don-vi=</c> for the unit's), narrowed and sorted by <see cref="QueueFilter"/>.
/// Each queue is one statement of capped counts (<see cref="DossierQueues.CountsAsync"/>) and one page read in the order
/// of a partial index on open dossiers (no queue renders or counts every open dossier of the unit per request). The
/// filters only narrow the caller's queues: a unit outside the caller's scope yields nothing.
/// </summary>
public sealed class QueueModel(AppDbContext db, TimeProvider time, CalendarProvider calendars, ReferenceCache cache, IConfiguration configuration, ILogger<QueueModel> logger,
    DossierStore dossiers, IServiceScopeFactory scopes) : PageModel
{
    public const string MinePage = "trang";
    public const string UnitPage = "trang-don-vi";

    /// <summary>Which queue the export takes: <c>toi</c> (mine) or <c>donvi</c> (the unit's, the default).</summary>
    public const string ExportQueue = "hangdoi";

    /// <summary>The most rows one export holds (said on the page).</summary>
    public const int ExportCap = 10_000;

    /// <summary>
    /// Overrides <see cref="DossierQueues.CountCap"/>, how far the queue counts stand exact before they show "10 000+"
    /// (tests use a small cap on a real database). A value that is not a positive integer is logged and ignored.
    /// </summary>
    public const string CountCapSetting = "MotCua:Queue:CountCap";

    public List<Queue> Queues { get; } = [];

    public QueueFilter Filter { get; private set; } = new();

    /// <summary>Whether the caller may look at any unit of the agency (desk, administrator, agency leadership).</summary>
    public bool AgencyWide { get; private set; }

    /// <summary>The unit whose queue is shown (the caller's own unless an agency-wide caller chose another).</summary>
    public int? ShownUnitId { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    /// <summary>Whom the bulk form may assign to; empty when the caller may not assign.</summary>
    public IReadOnlyList<OfficerChoice> Assignees { get; private set; } = [];

    public bool MayAssign { get; private set; }

    /// <summary>Why the assign form is not offered to a caller who may assign (nothing listed to assign, or nobody to assign to); null when it is.</summary>
    public string? AssignUnavailable { get; private set; }

    /// <summary>
    /// For an agency-wide leader looking at their own unit: the other units holding dossiers nobody is assigned to yet,
    /// with how many, so the leader finds the work to hand out without knowing the unit filter.
    /// </summary>
    public IReadOnlyList<(int Id, string Name, int Count)> UnitsAwaitingAssignment { get; private set; } = [];

    private static readonly DossierStatus[] Assignable = [.. Enum.GetValues<DossierStatus>().Where(s => DossierStateMachine.IsAllowedInStatus(s, DossierAction.Assign))];

    public IReadOnlyList<BulkResult> Results { get; private set; } = [];

    public string? BulkError { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = MinePage)] int? minePage, [FromQuery(Name = UnitPage)] int? unitPage, CancellationToken ct) =>
        await LoadAsync(minePage, unitPage, ct);

    /// <summary>Bulk assignment: each ticked dossier assigned through the ordinary action, the outcome of each listed.</summary>
    public async Task OnPostBulkAsync([FromForm(Name = QueueBulk.Codes)] string[]? codes, [FromForm(Name = QueueBulk.Assignee)] string? assignee, CancellationToken ct)
    {
        await LoadScopeAsync(ct);
        var names = Assignees.ToDictionary(a => a.UserName, a => a.FullName, StringComparer.Ordinal);
        if (!MayAssign)
        {
            BulkError = "Chỉ lãnh đạo đơn vị hoặc quản trị hệ thống được phân công hồ sơ.";
        }
        else if (codes is not { Length: > 0 })
        {
            BulkError = "Vui lòng đánh dấu ít nhất một hồ sơ.";
        }
        else if (codes.Length > QueueBulk.MaxDossiers)
        {
            BulkError = $"Mỗi lần phân công tối đa {QueueBulk.MaxDossiers.ToVnNumber()} hồ sơ.";
        }
        else if (string.IsNullOrWhiteSpace(assignee) || !names.TryGetValue(assignee, out var name))
        {
            BulkError = "Vui lòng chọn chuyên viên của đơn vị được phân công.";
        }
        else
        {
            Results = await QueueBulk.ApplyAsync(scopes, User, codes, DossierAction.Assign, new ActionInput(Assignee: assignee), _ => "Đã phân công cho " + name + ".", ct);
        }
        await LoadQueuesAsync(null, null, ct);
    }

    /// <summary>The filtered queue as .xlsx: Vietnamese headers, dates dd/MM/yyyy, up to <see cref="ExportCap"/> rows.</summary>
    public async Task<IActionResult> OnGetExcelAsync([FromQuery(Name = ExportQueue)] string? which, CancellationToken ct)
    {
        await LoadScopeAsync(ct);
        var (calc, now, soon) = await ClockAsync(ct);
        var mine = string.Equals(which, "toi", StringComparison.OrdinalIgnoreCase);
        var query = Filter.Apply(mine ? MineOf() : UnitOf(), now, soon);
        var rows = await DossierQueues.AllAsync(query, Filter.Sort, ExportCap, calc, now, ct);
        var units = Units.ToDictionary(u => u.Id, u => u.Name);
        var officers = await db.Users.AsNoTracking().Where(u => u.AgencyId == User.AgencyId())
            .Select(u => new { u.UserName, u.FullName }).ToDictionaryAsync(u => u.UserName!, u => u.FullName, StringComparer.Ordinal, ct);
        Audit.AuditLog.Append(db, time, User, "dossier.queue.export", "Dossier", mine ? "toi" : "donvi",
            $"Xuất Excel hàng đợi hồ sơ ({rows.Count.ToVnNumber()} hồ sơ)", new { Filter = Filter.Pairs().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), rows.Count });
        await db.SaveChangesAsync(ct);
        var file = QueueExport.Excel(rows, units, officers);
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"hang-doi-ho-so-{time.Now().ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture)}.xlsx");
    }

    private async Task LoadAsync(int? minePage, int? unitPage, CancellationToken ct)
    {
        await LoadScopeAsync(ct);
        await LoadQueuesAsync(minePage, unitPage, ct);
    }

    /// <summary>Who the caller is to the queues: scope, the unit shown, the units and officers the forms offer.</summary>
    private async Task LoadScopeAsync(CancellationToken ct)
    {
        Filter = QueueFilter.Read(Request.Query) with { Me = User.Identity?.Name };
        var actor = await dossiers.ActorAsync(User, ct);
        AgencyWide = actor.Is(DossierRoles.OneStopOfficer) || actor.Is(DossierRoles.Admin) || (actor.Is(DossierRoles.Leader) && actor.InLeadership);
        ShownUnitId = AgencyWide && Filter.UnitId is { } chosen ? chosen : User.UnitId();
        if (!AgencyWide && Filter.UnitId is { } other && other != User.UnitId())
        {
            Filter = Filter with { Problems = [.. Filter.Problems, "Bạn chỉ xem được hồ sơ của đơn vị mình và hồ sơ được giao cho mình."] };
        }
        var agencyId = User.AgencyId() ?? 0;
        Units = (await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        MayAssign = actor.Is(DossierRoles.Leader) || actor.Is(DossierRoles.Admin);
        Assignees = MayAssign ? await DossierOfficers.SpecialistsAsync(db, agencyId, AgencyWide && Filter.UnitId is null ? null : ShownUnitId is { } shown ? [shown] : null, ct) : [];
    }

    private async Task<(DeadlineCalculator Calc, DateTimeOffset Now, DateTimeOffset Soon)> ClockAsync(CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var calc = agencyId is { } id
            ? new DeadlineCalculator(await calendars.GetAsync(db, ct), AgencyOfficeHours.Of(await DossierReferences.AgencyAsync(cache, id, ct)), calendars.Limits)
            : await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        return (calc, now, DossierQueues.DueSoonUntil(calc, now));
    }

    private IQueryable<Dossier> MineOf()
    {
        var me = User.Identity?.Name;
        return DossierQueues.OpenOf(db, User.AgencyId()).Where(d => d.Assignee == me);
    }

    /// <summary>The unit's queue: the shown unit, and for a caller bound to a unit never another (whatever the query string says).</summary>
    private IQueryable<Dossier> UnitOf()
    {
        // The filter's own unit condition is ANDed with this one, so another unit's id yields an empty queue.
        var unit = ShownUnitId;
        return DossierQueues.OpenOf(db, User.AgencyId()).Where(d => d.CurrentUnitId == unit);
    }

    private async Task LoadQueuesAsync(int? minePage, int? unitPage, CancellationToken ct)
    {
        var (calc, now, soon) = await ClockAsync(ct);
        var cap = Math.Max(1, Shared.Settings.PositiveInteger(configuration, CountCapSetting, DossierQueues.CountCap, logger));
        var pages = new Dictionary<string, int>(StringComparer.Ordinal) { [MinePage] = Math.Max(1, minePage ?? 1), [UnitPage] = Math.Max(1, unitPage ?? 1) };
        var unitName = Units.FirstOrDefault(u => u.Id == ShownUnitId).Name;
        Queues.Add(await PagedAsync("Hồ sơ được giao cho tôi", "my-queue", Filter.Apply(MineOf(), now, soon), MinePage, pages, cap, calc, now, soon, ct));
        Queues.Add(await PagedAsync(AgencyWide && Filter.UnitId is not null && unitName is not null ? "Hồ sơ của " + unitName : "Hồ sơ của đơn vị", "unit-queue",
            Filter.Apply(UnitOf(), now, soon), UnitPage, pages, cap, calc, now, soon, ct));
        if (MayAssign)
        {
            // A form that can only fail is not offered: say why instead, and leave the lines without boxes.
            AssignUnavailable = Assignees.Count == 0 ? "Không có chuyên viên đang hoạt động trong đơn vị để phân công hồ sơ."
                : !Queues.Any(q => q.Rows.Any(r => q.Pickable(r.Dossier))) ? "Không có hồ sơ nào trong danh sách đang chờ phân công (chỉ hồ sơ đang xử lý mới phân công được)."
                : null;
            if (AssignUnavailable is not null)
            {
                for (var i = 0; i < Queues.Count; i++)
                {
                    Queues[i] = Queues[i] with { Selectable = false };
                }
            }
            if (AgencyWide && Filter.UnitId is null)
            {
                var shown = ShownUnitId;
                var waiting = await DossierQueues.OpenOf(db, User.AgencyId())
                    .Where(d => Assignable.Contains(d.Status) && d.Assignee == null && d.CurrentUnitId != null && d.CurrentUnitId != shown)
                    .GroupBy(d => d.CurrentUnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                UnitsAwaitingAssignment = [.. Units.Select(u => (u.Id, u.Name, Count: waiting.FirstOrDefault(w => w.Key == u.Id)?.Count ?? 0)).Where(u => u.Count > 0)];
            }
        }
    }

    private async Task<Queue> PagedAsync(string title, string testId, IQueryable<Dossier> query, string parameter, Dictionary<string, int> pages,
        int cap, DeadlineCalculator calc, DateTimeOffset now, DateTimeOffset soon, CancellationToken ct)
    {
        // Counts of the whole queue, each standing up to the cap (one statement); "due soon" is [now, soon].
        var counts = await DossierQueues.CountsAsync(db, query, now, soon, cap, ct);
        var listed = counts.Listed;
        var pageCount = Math.Max(1, (listed + DossierQueues.PageSize - 1) / DossierQueues.PageSize);
        var page = Math.Min(pages[parameter], pageCount);
        var rows = listed == 0 ? []
            : Filter.Sort == QueueSort.Due ? await DossierQueues.PageAsync(query, page, counts, calc, now, ct)
            : await DossierQueues.SortedPageAsync(query, Filter.Sort, page, counts, calc, now, ct);
        var others = pages.Where(p => !string.Equals(p.Key, parameter, StringComparison.Ordinal) && p.Value > 1).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new Queue(title, testId, rows, counts, new QueuePaging(page, pageCount, parameter, others, counts.Total.AtLeast))
        {
            UnitNames = Units.ToDictionary(u => u.Id, u => u.Name),
            Selectable = MayAssign,
            SelectFor = DossierAction.Assign,
            Keep = Filter.Pairs().ToList(),
        };
    }
}

/// <summary>
/// /mot-cua: the desk's work: received today, awaiting supplement, results to return, online dossiers to check; the
/// received dossiers can be transferred to a processing unit together (<see cref="QueueBulk"/>).
/// </summary>
[Authorize(Roles = Roles.OneStopOfficer + "," + Roles.Admin)]
public sealed class DeskModel(AppDbContext db, TimeProvider time, CalendarProvider calendars, IServiceScopeFactory scopes, IDeskResultReadiness results) : PageModel
{
    /// <summary>The desk's lists, each with the status it holds (null for "received today", which spans statuses).</summary>
    private static readonly (string TestId, DossierStatus? Status)[] Lists =
    [
        ("desk-submitted", DossierStatus.Submitted), ("desk-received", DossierStatus.Received), ("desk-today", null),
        ("desk-supplement", DossierStatus.AwaitingSupplement), ("desk-results", DossierStatus.ResultIssued), ("desk-results-pending", DossierStatus.ResultIssued),
    ];

    public List<Queue> Queues { get; } = [];

    /// <summary>
    /// The status the inbox's links narrow the page to (<c>?trangthai=</c>, as the queue page reads it); null shows every
    /// list. Other parameters those links carry (<c>kenh</c>, <c>hantrang</c>) are left to the queue page.
    /// </summary>
    public DossierStatus? Only { get; private set; }

    /// <summary>The units the received dossiers may be transferred to.</summary>
    public IReadOnlyList<(int Id, string Name)> TransferUnits { get; private set; } = [];

    public IReadOnlyList<BulkResult> Results { get; private set; } = [];

    public string? BulkError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Bulk transfer: each ticked received dossier transferred through the ordinary action, the outcome of each listed.</summary>
    public async Task OnPostTransferAsync([FromForm(Name = QueueBulk.Codes)] string[]? codes, [FromForm(Name = QueueBulk.TargetUnit)] int? unitId, CancellationToken ct)
    {
        TransferUnits = await QueueBulk.ProcessingUnitsAsync(db, User.AgencyId() ?? 0, ct);
        var unit = TransferUnits.FirstOrDefault(u => u.Id == unitId);
        if (codes is not { Length: > 0 })
        {
            BulkError = "Vui lòng đánh dấu ít nhất một hồ sơ.";
        }
        else if (codes.Length > QueueBulk.MaxDossiers)
        {
            BulkError = $"Mỗi lần chuyển tối đa {QueueBulk.MaxDossiers.ToVnNumber()} hồ sơ.";
        }
        else if (unit.Name is null)
        {
            BulkError = "Vui lòng chọn đơn vị xử lý được chuyển đến.";
        }
        else
        {
            Results = await QueueBulk.ApplyAsync(scopes, User, codes, DossierAction.Transfer, new ActionInput(UnitId: unit.Id), _ => "Đã chuyển xử lý đến " + unit.Name + ".", ct);
        }
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Only = Enum.TryParse<DossierStatus>(Request.Query[QueueFilter.StatusParameter].FirstOrDefault(), ignoreCase: true, out var only)
            && Array.Exists(Lists, l => l.Status == only) ? only : null;
        bool Shows(string testId) => Only is null || Array.Exists(Lists, l => l.TestId == testId && l.Status == Only);
        var agencyId = User.AgencyId();
        var calc = await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        var today = time.Today();
        var start = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
        var all = DossierQueues.OfAgency(db, agencyId);
        if (TransferUnits.Count == 0)
        {
            TransferUnits = await QueueBulk.ProcessingUnitsAsync(db, agencyId ?? 0, ct);
        }
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        if (Shows("desk-submitted"))
        {
            Queues.Add(new Queue("Hồ sơ trực tuyến, bưu chính chờ kiểm tra", "desk-submitted", await DossierQueues.AwaitingCheckAsync(db, all, calc, now, ct)) { UnitNames = units });
        }
        if (Shows("desk-received"))
        {
            Queues.Add(new Queue("Đã tiếp nhận, chờ chuyển xử lý", "desk-received", await DossierQueues.RowsAsync(all.Where(d => d.Status == DossierStatus.Received), calc, now, ct))
            {
                UnitNames = units,
                Selectable = true,
            });
        }
        if (Shows("desk-today"))
        {
            Queues.Add(new Queue("Tiếp nhận hôm nay", "desk-today", await DossierQueues.RowsAsync(all.Where(d => d.ReceivedAt >= start), calc, now, ct)) { UnitNames = units });
        }
        if (Shows("desk-supplement"))
        {
            Queues.Add(new Queue("Chờ bổ sung", "desk-supplement", await DossierQueues.RowsAsync(all.Where(d => d.Status == DossierStatus.AwaitingSupplement), calc, now, ct)) { UnitNames = units });
        }
        if (Shows("desk-results"))
        {
            // Only results the desk can hand over; approved dossiers still waiting for their result document are listed apart.
            var approved = all.Where(d => d.Status == DossierStatus.ResultIssued);
            Queues.Add(new Queue("Có kết quả, chờ trả", "desk-results", await DossierQueues.RowsAsync(results.Ready(approved), calc, now, ct)) { UnitNames = units });
            Queues.Add(new Queue("Đã phê duyệt, chờ văn bản kết quả", "desk-results-pending", await DossierQueues.RowsAsync(results.NotReady(approved), calc, now, ct)) { UnitNames = units });
        }
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
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Queues.Add(new Queue("Quá hạn", "overdue", rows.Where(r => r.Standing?.Status == PendingTimeliness.Overdue).ToList()) { UnitNames = units });
        Queues.Add(new Queue("Đến hạn trong 01 ngày làm việc – cần lập Phiếu xin lỗi và hẹn lại", "due-soon", rows.Where(r => r.Standing?.Status != PendingTimeliness.Overdue).ToList()) { UnitNames = units });
    }
}
