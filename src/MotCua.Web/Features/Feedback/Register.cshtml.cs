using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// Sổ tiếp nhận PAKN of the officer's agency: open items first by due date, with due-soon and overdue flags, searched,
/// filtered and sorted by <see cref="FeedbackFilter"/>, <see cref="PageSize"/> per page (<c>?trang=</c>), exported to Excel.
/// </summary>
public sealed class RegisterModel(AppDbContext db, CalendarProvider calendars, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The most rows one export holds (said on the page).</summary>
    public const int ExportCap = 10_000;

    public List<(FeedbackLine Item, PendingTimeliness? Standing)> Rows { get; private set; } = [];

    public FeedbackFilter Filter { get; private set; } = new();

    public int Total { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public IReadOnlyDictionary<int, string> Units { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<string> Channels { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "trang")] int? page, CancellationToken ct)
    {
        var (query, calculator, now) = await QueryAsync(ct);
        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        CurrentPage = Math.Clamp(page ?? 1, 1, PageCount);
        var lines = await Lines(Filter.Sorted(query).Skip((CurrentPage - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        Rows = lines.Select(l => (l, Standing(l, now, calculator))).ToList();
        Transfers = lines.Select(l => (l.Id, View: TransferOf(l, now, calculator))).Where(x => x.View is not null).ToDictionary(x => x.Id, x => x.View!);
    }

    /// <summary>Per row id, the transfer deadline while it runs or how the transfer met it.</summary>
    public IReadOnlyDictionary<long, TransferView> Transfers { get; private set; } = new Dictionary<long, TransferView>();

    private static TransferView? TransferOf(FeedbackLine l, DateTimeOffset now, DeadlineCalculator calculator) => FeedbackDesk.TransferView(new FeedbackItem
    {
        Code = l.Code, Channel = l.Channel, SenderName = "", SenderAddress = "", Title = l.Title, Content = "", Status = l.Status,
        ReceivedAt = l.ReceivedAt, DueAt = l.DueAt, TransferDueAt = l.TransferDueAt, TransferredAt = l.TransferredAt,
    }, now, calculator);

    /// <summary>The filtered register as .xlsx, up to <see cref="ExportCap"/> rows, audited.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var (query, calculator, now) = await QueryAsync(ct);
        var lines = await Lines(Filter.Sorted(query).Take(ExportCap)).ToListAsync(ct);
        AuditLog.Append(db, time, User, "feedback.export", "Feedback", "so-pakn", $"Xuất Excel sổ phản ánh, kiến nghị ({lines.Count.ToVnNumber()} mục)",
            new { Filter = Filter.Pairs().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), lines.Count });
        await db.SaveChangesAsync(ct);
        var file = FeedbackExport.Excel(lines.Select(l => (l, Standing(l, now, calculator))).ToList(), Units);
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"so-pakn-{time.Now().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.xlsx");
    }

    private async Task<(IQueryable<FeedbackItem> Query, DeadlineCalculator Calculator, DateTimeOffset Now)> QueryAsync(CancellationToken ct)
    {
        Filter = FeedbackFilter.Read(Request.Query);
        var agencyId = User.AgencyId();
        Units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive).OrderBy(u => u.SortOrder)
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var all = db.FeedbackItems.AsNoTracking().Where(f => f.AgencyId == agencyId);
        Channels = await all.Select(f => f.Channel).Distinct().OrderBy(c => c).Take(20).ToListAsync(ct);
        var calculator = await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        return (Filter.Apply(all, now, DossierQueue.DueSoonUntil(now, calculator)), calculator, now);
    }

    private static IQueryable<FeedbackLine> Lines(IQueryable<FeedbackItem> query) =>
        query.Select(f => new FeedbackLine(f.Id, f.Code, f.Title, f.ContentType, f.Channel, f.AssignedUnitId, f.Status, f.ReceivedAt, f.DueAt,
            f.TransferDueAt, f.TransferredAt));

    private static PendingTimeliness? Standing(FeedbackLine line, DateTimeOffset now, DeadlineCalculator calculator) =>
        Core.Feedback.FeedbackRules.IsClosed(line.Status) ? null : DossierQueue.Classify(now, line.DueAt, calculator).Status;
}
