using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// Hồ sơ tiếp nhận hộ cơ quan khác: the centre's list of dossiers it received for other agencies, with their status as the
/// deciding agency moves them, the paper hand-over to record, and the receipt to print again. Counted apart from the
/// centre's own figures: the dossiers are the deciding agencies'.
/// </summary>
[Authorize(Roles = Roles.OneStopOfficer)]
public sealed class ReceivedForOthersModel(AppDbContext db, TimeProvider time, BoundaryReceipts boundary, ResultHandBacks results) : PageModel
{
    public const string Route = "/mot-cua/tiep-nhan-ho";

    public sealed record Row(string Code, string ProcedureName, string ApplicantName, string AgencyName, DossierStatus Status, DateTimeOffset? ReceivedAt,
        DateTimeOffset? DueAt, PaperHandOver? HandOver, bool HandOverOverdue);

    public List<Row> Rows { get; private set; } = [];

    /// <summary>Received for others this month (local), shown apart from the centre's own totals.</summary>
    public int ThisMonth { get; private set; }

    public string? Highlight { get; private set; }

    /// <summary>The results coming back for the applicants who chose to collect them here.</summary>
    public ResultHandBackListsModel Results { get; private set; } = new([], [], []);

    public int OverdueCount => Rows.Count(r => r.HandOverOverdue && r.HandOver?.SentAt is null);

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        Highlight = code;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSendAsync(string code, HandOverMethod method, string? sentAt, string? note, CancellationToken ct)
    {
        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(sentAt))
        {
            if (!Shared.Dates.DateText.TryParseDateTime(sentAt, out var local))
            {
                Error = Shared.Dates.DateText.Invalid("Thời điểm bàn giao", sentAt.Trim(), withTime: true);
            }
            else
            {
                at = new DateTimeOffset(local, VietnamTime.Offset);
            }
        }
        if (!Enum.IsDefined(method))
        {
            Error = "Vui lòng chọn hình thức bàn giao.";
        }
        Error ??= await boundary.SendAsync(code, at, method, note, User, ct);
        if (Error is not null)
        {
            Highlight = code;
            await LoadAsync(ct);
            return Page();
        }
        Message = $"Đã ghi nhận bàn giao hồ sơ giấy {code} cho cơ quan giải quyết.";
        return Redirect(Route);
    }

    public async Task<IActionResult> OnPostReceiveResultAsync(string code, string? receivedAt, string? note, CancellationToken ct)
    {
        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(receivedAt))
        {
            if (Shared.Dates.DateText.TryParseDateTime(receivedAt, out var local))
            {
                at = new DateTimeOffset(local, VietnamTime.Offset);
            }
            else
            {
                Error = Shared.Dates.DateText.Invalid("Thời điểm nhận kết quả", receivedAt.Trim(), withTime: true);
            }
        }
        Error ??= await results.ReceiveAsync(code, at, note, User, ct);
        return await AfterAsync(code, $"Đã ghi nhận nhận kết quả hồ sơ {code}; người nộp đã được thông báo đến nhận.", ct);
    }

    public async Task<IActionResult> OnPostReturnResultAsync(string code, string? note, CancellationToken ct)
    {
        Error = await results.ReturnAsync(code, note, User, ct);
        return await AfterAsync(code, $"Đã trả kết quả hồ sơ {code} cho người nộp.", ct);
    }

    private async Task<IActionResult> AfterAsync(string code, string done, CancellationToken ct)
    {
        if (Error is not null)
        {
            Highlight = code;
            await LoadAsync(ct);
            return Page();
        }
        Message = done;
        return Redirect(Route);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Results = await ResultHandBackQueries.ListsAsync(db, User.AgencyId(), ct);
        var me = User.AgencyId();
        var now = time.GetUtcNow();
        var rows = await db.Dossiers.AsNoTracking().Where(d => d.ReceivingAgencyId == me)
            .OrderByDescending(d => d.Id).Take(200)
            .Select(d => new
            {
                d.Id, d.Code, d.ProcedureName, d.ApplicantName, d.AgencyId, d.Status, d.ReceivedAt, d.DueAt,
                HandOver = db.Set<PaperHandOver>().FirstOrDefault(h => h.DossierId == d.Id),
            })
            .ToListAsync(ct);
        var agencyIds = rows.Select(r => r.AgencyId).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        Rows = rows.Select(r => new Row(r.Code, r.ProcedureName, r.ApplicantName, names.GetValueOrDefault(r.AgencyId, ""), r.Status, r.ReceivedAt, r.DueAt,
            r.HandOver, r.HandOver is { } h && BoundaryReceipt.IsOverdue(h.DueAt, h.SentAt, now))).ToList();
        var today = time.Today();
        var monthStart = new DateTimeOffset(new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified), VietnamTime.Offset);
        ThisMonth = await db.Dossiers.CountAsync(d => d.ReceivingAgencyId == me && d.ReceivedAt >= monthStart, ct);
    }
}
