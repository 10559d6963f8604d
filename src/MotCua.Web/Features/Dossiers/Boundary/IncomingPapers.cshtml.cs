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
/// Hồ sơ giấy tiếp nhận hộ chờ nhận: the deciding agency's desk sees the originals other centres received for it, which
/// are late, and confirms each one it gets (giver and receiver with hour and minute, as on the control sheet).
/// </summary>
[Authorize(Roles = Roles.OneStopOfficer)]
public sealed class IncomingPapersModel(AppDbContext db, TimeProvider time, BoundaryReceipts boundary, ResultHandBacks results) : PageModel
{
    public const string Route = "/mot-cua/ho-so-giay-tiep-nhan-ho";

    public sealed record Row(PaperHandOver HandOver, string Code, string ProcedureName, string ApplicantName, DossierStatus Status, string CentreName, bool Overdue);

    public List<Row> Rows { get; private set; } = [];

    public int OverdueCount => Rows.Count(r => r.Overdue);

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(string code, string? receivedAt, string? note, CancellationToken ct)
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
                Error = Shared.Dates.DateText.Invalid("Thời điểm nhận", receivedAt.Trim(), withTime: true);
            }
        }
        Error ??= await boundary.ConfirmAsync(code, at, note, User, ct);
        if (Error is not null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Message = $"Đã xác nhận nhận hồ sơ giấy {code}.";
        return Redirect(Route);
    }

    /// <summary>The deciding agency's desk records that the result left for the centre where the applicant collects it (from the dossier page).</summary>
    public async Task<IActionResult> OnPostSendResultAsync(string code, string? sentAt, string? note, CancellationToken ct)
    {
        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(sentAt))
        {
            if (Shared.Dates.DateText.TryParseDateTime(sentAt, out var local))
            {
                at = new DateTimeOffset(local, VietnamTime.Offset);
            }
            else
            {
                Error = Shared.Dates.DateText.Invalid("Thời điểm chuyển kết quả", sentAt.Trim(), withTime: true);
            }
        }
        Error ??= await results.SendAsync(code, at, note, User, ct);
        if (Error is not null)
        {
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = $"Đã ghi nhận chuyển kết quả hồ sơ {code} về nơi tiếp nhận.";
        return Redirect("/ho-so/" + Uri.EscapeDataString(code));
    }

    /// <summary>The deciding agency's desk records that the applicant collects the result at its own desk instead (from the dossier page).</summary>
    public async Task<IActionResult> OnPostCollectAtAgencyAsync(string code, string? reason, CancellationToken ct)
    {
        Error = await results.CollectAtAgencyAsync(code, reason, User, ct);
        if (Error is not null)
        {
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = $"Đã ghi nhận người nộp nhận kết quả hồ sơ {code} tại Bộ phận Một cửa; trả kết quả như thông thường.";
        return Redirect("/ho-so/" + Uri.EscapeDataString(code));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.AgencyId();
        var now = time.GetUtcNow();
        var rows = await db.PaperHandOvers.AsNoTracking().Where(h => h.DecidingAgencyId == me && h.ConfirmedAt == null)
            .OrderBy(h => h.DueAt).Take(200)
            .Select(h => new { HandOver = h, h.Dossier!.Code, h.Dossier.ProcedureName, h.Dossier.ApplicantName, h.Dossier.Status })
            .ToListAsync(ct);
        var centreIds = rows.Select(r => r.HandOver.ReceivingAgencyId).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => centreIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        Rows = rows.Select(r => new Row(r.HandOver, r.Code, r.ProcedureName, r.ApplicantName, r.Status, names.GetValueOrDefault(r.HandOver.ReceivingAgencyId, ""),
            BoundaryReceipt.IsOverdue(r.HandOver.DueAt, r.HandOver.SentAt, now))).ToList();
    }
}
