using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Legal;
using MotCua.Core.Privacy;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Privacy;

/// <summary>/quan-tri/vi-pham-du-lieu-ca-nhan: the breach register, each breach's notification deadline marked when missed.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class BreachesModel(PrivacyDesk desk, PrivacyLimits limits, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? DetectedAtText { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? DataAffected { get; set; }

    [BindProperty]
    public string? SubjectsAffected { get; set; }

    [BindProperty]
    public string? Measures { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? AuthorityNotifiedAt { get; set; }

    [BindProperty]
    public string? SubjectsNotifiedAt { get; set; }

    public IReadOnlyList<PersonalDataBreach> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public DatedValue<PrivacyLimit> Limit => limits.BreachOn(time.Today());

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [TempData]
    public string? Message { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        var detected = Local(Request.Form["DetectedAt"], out var bad);
        var result = await desk.RecordBreachAsync(User, new BreachInput(bad ? null : detected, Description, DataAffected, SubjectsAffected, Measures), ct);
        if (!result.Ok)
        {
            DetectedAtText = Request.Form["DetectedAt"];
            return await ShowErrorsAsync(result.Errors, ct);
        }
        Message = $"Đã ghi nhận vi phạm {result.Value!.Code}; hạn thông báo {result.Value.NotifyDueAt.ToVnDateTime()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNotifyAsync(CancellationToken ct)
    {
        var authority = Local(AuthorityNotifiedAt, out var badA);
        var subjects = Local(SubjectsNotifiedAt, out var badS);
        if (badA || badS)
        {
            return await ShowErrorsAsync(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["authorityNotifiedAt"] = ["Thời điểm thông báo không hợp lệ."] }, ct);
        }
        var result = await desk.NotifyBreachAsync(User, Code ?? "", authority, subjects, ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (!result.Ok)
        {
            return await ShowErrorsAsync(result.Errors, ct);
        }
        Message = $"Đã cập nhật thông báo vi phạm {result.Value!.Code}.";
        return RedirectToPage();
    }

    /// <summary>A datetime-local value read as Vietnam time; blank is null, anything else unreadable sets <paramref name="bad"/>.</summary>
    private static DateTimeOffset? Local(string? text, out bool bad)
    {
        bad = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Shared.Dates.DateText.TryParseDateTime(text, out var local))
        {
            return new DateTimeOffset(local, VietnamTime.Offset);
        }
        bad = true;
        return null;
    }

    private async Task<IActionResult> ShowErrorsAsync(IReadOnlyDictionary<string, string[]> errors, CancellationToken ct)
    {
        Errors = errors;
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Rows = await desk.BreachesAsync(User.AgencyId(), ct);
    }
}
