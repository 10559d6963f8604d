using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Payments;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Payments;

/// <summary>Đối soát thanh toán: one day's online payments against the gateway's statement, each difference with what to do.</summary>
[Authorize(Roles = Roles.OneStopOfficer + "," + Roles.Admin)]
public sealed class ReconcileModel(PaymentDesk desk, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ngay")]
    public string? Day { get; set; }

    public DateOnly Date { get; private set; }

    public IReadOnlyList<Mismatch>? Mismatches { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Day))
        {
            Date = time.Today().AddDays(-1);
        }
        else if (DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            Date = d;
        }
        else
        {
            Date = time.Today().AddDays(-1);
            Error = "Ngày đối soát không hợp lệ; vui lòng chọn lại ngày.";
            return;
        }
        Mismatches = await desk.ReconcileAsync(User.AgencyId() ?? 0, Date, ct);
        if (Mismatches is null)
        {
            Error = desk.Enabled ? "Không lấy được bảng kê của cổng thanh toán (không kết nối được hoặc bảng kê sai chữ ký)." : "Cơ quan chưa cấu hình cổng thanh toán trực tuyến.";
        }
    }
}
