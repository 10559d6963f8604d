using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>"Tính lại hạn hồ sơ": the administrator previews which open dossiers' due instants move under the current calendar, then confirms.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class RecomputeDeadlinesModel(DeadlineRecompute recompute) : PageModel
{
    public DeadlineRecompute.Preview Preview { get; private set; } = new(0, [], "");

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Preview = await recompute.PreviewAsync(User.AgencyId() ?? 0, ct);

    public async Task<IActionResult> OnPostAsync(string? stamp, CancellationToken ct)
    {
        var outcome = await recompute.ConfirmAsync(User, stamp, ct);
        if (outcome.Error is not null)
        {
            Error = outcome.Error;
            Preview = await recompute.PreviewAsync(User.AgencyId() ?? 0, ct);
            return Page();
        }
        Message = $"Đã tính lại hạn của {outcome.Moved} hồ sơ theo lịch làm việc hiện hành; mỗi hồ sơ có dòng \"{DeadlineRecompute.HistoryLabel}\" trong quá trình xử lý.";
        return RedirectToPage();
    }
}
