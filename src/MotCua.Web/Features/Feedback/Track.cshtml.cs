using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// Tra cứu phản ánh, kiến nghị: the sender gives the acknowledgement code and the phone or e-mail sent with it (the code
/// alone opens nothing) and sees where the PAKN stands: received, in handling, answered, or transferred to the competent body.
/// Wrong factors count against the code as on the dossier look-up (<see cref="FeedbackTracking"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
public sealed class TrackModel(AppDbContext db, TimeProvider time) : PageModel
{
    public const string NotFoundMessage = "Không tìm thấy phản ánh, kiến nghị với mã và số điện thoại hoặc thư điện tử đã nhập.";

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Factor { get; set; }

    public string? Error { get; private set; }

    /// <summary>What the sender sees: the state in plain words, and the transfer when there was one.</summary>
    public FeedbackTracking.TrackView? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Factor))
        {
            Error = "Vui lòng nhập mã tiếp nhận và số điện thoại hoặc thư điện tử đã gửi kèm phản ánh, kiến nghị.";
            return Page();
        }
        var found = await FeedbackTracking.FindAsync(db, time, Code, Factor, ct);
        Result = found.View;
        Error = found.LockedUntil is { } until ? LockedMessage(until) : found.View is null ? NotFoundMessage : null;
        return Page();
    }

    public static string LockedMessage(DateTimeOffset until) =>
        "Mã phản ánh, kiến nghị này đã bị nhập sai số điện thoại hoặc thư điện tử quá nhiều lần nên tạm khóa tra cứu. Vui lòng thử lại sau "
        + until.ToVnDateTime() + ".";
}
