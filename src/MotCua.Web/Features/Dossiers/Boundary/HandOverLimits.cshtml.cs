using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Legal;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// The province's own time limit for handing paper originals over to the deciding agency, as dated rows with the text
/// that sets them; without a row the default applies. Rows take effect from today on (receipts already planned keep
/// their due instant), and only rows not yet in force may be removed. Audited.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class HandOverLimitsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public const string Route = "/quan-tri/thoi-han-ban-giao-ho-so-giay";
    public const string AddAudit = "boundary.handoverlimit.add";
    public const string RemoveAudit = "boundary.handoverlimit.remove";

    public string? ProvinceCode { get; private set; }

    public List<BoundaryHandOverLimit> Rows { get; private set; } = [];

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public TimeUnit Unit { get; set; } = TimeUnit.WorkingDays;

    [BindProperty]
    public string? Source { get; set; }

    [TempData]
    public string? Message { get; set; }

    public List<string> Errors { get; } = [];

    public DateOnly Today => time.Today();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ProvinceCode is null)
        {
            Errors.Add(NoProvince);
            return Page();
        }
        var value = Parse(Value);
        var source = string.IsNullOrWhiteSpace(Source) ? null : TextSearch.Nfc(Source.Trim());
        Errors.AddRange(Shared.Dates.RefusedDates.Messages(HttpContext));
        if (Errors.Count == 0)
        {
            Errors.AddRange(Problems(From, value, Unit, source, Today));
        }
        if (Errors.Count == 0 && Rows.Exists(r => r.From == From))
        {
            Errors.Add($"Đã có thời hạn áp dụng từ ngày {From!.Value.ToVnDate()}: xóa dòng đó (nếu chưa có hiệu lực) trước khi nhập lại.");
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        var row = new BoundaryHandOverLimit { ProvinceCode = ProvinceCode, From = From!.Value, Value = value!.Value, Unit = Unit, Source = source! };
        db.BoundaryHandOverLimits.Add(row);
        var limit = CatalogueText.Time(new ProcessingTime(row.Value, row.Unit));
        AuditLog.Append(db, time, User, AddAudit, "Province", ProvinceCode,
            $"Đặt thời hạn bàn giao hồ sơ giấy của tỉnh {ProvinceCode}: {limit} từ ngày {row.From.ToVnDate()}.",
            new { row.From, row.Value, Unit = row.Unit.ToString(), row.Source });
        await db.SaveChangesAsync(ct);
        Message = $"Đã lưu thời hạn bàn giao hồ sơ giấy {limit}, áp dụng từ ngày {row.From.ToVnDate()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        await LoadAsync(ct);
        var row = ProvinceCode is null ? null : await db.BoundaryHandOverLimits.SingleOrDefaultAsync(r => r.Id == id && r.ProvinceCode == ProvinceCode, ct);
        if (row is null)
        {
            Errors.Add("Không tìm thấy thời hạn cần xóa.");
            return Page();
        }
        if (row.From <= Today)
        {
            Errors.Add("Thời hạn đã có hiệu lực nên không xóa được (hồ sơ đã tiếp nhận được tính theo thời hạn này); hãy nhập thời hạn mới áp dụng từ một ngày sau.");
            return Page();
        }
        db.BoundaryHandOverLimits.Remove(row);
        AuditLog.Append(db, time, User, RemoveAudit, "Province", ProvinceCode!,
            $"Xóa thời hạn bàn giao hồ sơ giấy của tỉnh {ProvinceCode} áp dụng từ ngày {row.From.ToVnDate()} (chưa có hiệu lực).",
            new { row.From, row.Value, Unit = row.Unit.ToString(), row.Source });
        await db.SaveChangesAsync(ct);
        Message = "Đã xóa thời hạn chưa có hiệu lực.";
        return RedirectToPage();
    }

    public const string NoProvince = "Cơ quan của bạn chưa khai báo mã tỉnh: khai báo ở trang Cơ quan trước khi đặt thời hạn bàn giao.";

    /// <summary>Why a new limit row is refused, in Vietnamese; empty when it may be saved.</summary>
    public static List<string> Problems(DateOnly? from, decimal? value, TimeUnit unit, string? source, DateOnly today)
    {
        var errors = new List<string>();
        if (from is null)
        {
            errors.Add("Vui lòng nhập ngày bắt đầu áp dụng.");
        }
        else if (from < today)
        {
            errors.Add("Ngày bắt đầu áp dụng không được trước hôm nay: hồ sơ đã tiếp nhận giữ thời hạn đã tính.");
        }
        if (unit is not (TimeUnit.WorkingDays or TimeUnit.WorkingHours))
        {
            errors.Add("Đơn vị thời hạn chỉ là ngày làm việc hoặc giờ làm việc.");
        }
        if (value is null)
        {
            errors.Add("Vui lòng nhập thời hạn bằng số, ví dụ 1 hoặc 0,5.");
        }
        else if (value <= 0 || value > MaxValue(unit) || decimal.Round(value.Value, 2) != value)
        {
            errors.Add($"Thời hạn phải lớn hơn 0 và không quá {MaxValue(unit).ToString(CultureInfo.InvariantCulture)} {CatalogueText.Name(unit)} (tối đa 2 chữ số thập phân).");
        }
        if (source is null)
        {
            errors.Add("Vui lòng nhập văn bản quy định thời hạn (số, ký hiệu, ngày ban hành).");
        }
        else if (source.Length > 500)
        {
            errors.Add("Văn bản quy định dài tối đa 500 ký tự.");
        }
        return errors;
    }

    private static decimal MaxValue(TimeUnit unit) => unit == TimeUnit.WorkingHours ? 80 : 10;

    /// <summary>Accepts "0,5" as a Vietnamese writes it and "0.5".</summary>
    private static decimal? Parse(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v) ? v : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        ProvinceCode = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.ProvinceCode).SingleOrDefaultAsync(ct);
        ProvinceCode = string.IsNullOrWhiteSpace(ProvinceCode) ? null : ProvinceCode;
        Rows = ProvinceCode is null ? [] : await db.BoundaryHandOverLimits.AsNoTracking().Where(r => r.ProvinceCode == ProvinceCode)
            .OrderBy(r => r.From).ToListAsync(ct);
    }

    /// <summary>The limit that applies today (the province's own or the default), for the page's summary.</summary>
    public DatedValue<ProcessingTime> InForce() => BoundaryReceipt.HandOverLimit(Today, BoundaryReceipts.Limits(Rows));
}
