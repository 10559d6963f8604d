using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// Tra cứu phản ánh, kiến nghị: the sender gives the acknowledgement code and the phone or e-mail sent with it (the code
/// alone opens nothing) and sees where the PAKN stands: received, in handling, answered, or transferred to the competent body.
/// Wrong factors count against the code as on the dossier look-up (<see cref="SecondFactorThrottle"/>), whatever the address.
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
    public TrackView? Result { get; private set; }

    /// <summary><see cref="ReceivedBy"/> is the agency that received it when a merge handed it to <see cref="Agency"/>, which handles it now.</summary>
    public sealed record TrackView(string Code, string Title, DateTimeOffset ReceivedAt, string Status, string? Transferred, bool Answered, string Agency,
        string? ReceivedBy, IReadOnlyList<string> Handovers);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = Code?.Trim().ToUpperInvariant();
        var factor = Factor?.Trim();
        if (string.IsNullOrEmpty(code) || string.IsNullOrEmpty(factor))
        {
            Error = "Vui lòng nhập mã tiếp nhận và số điện thoại hoặc thư điện tử đã gửi kèm phản ánh, kiến nghị.";
            return Page();
        }
        if (code.Length > 40)
        {
            // Longer than any code issued: nothing to find and nothing to count.
            Error = NotFoundMessage;
            return Page();
        }
        var key = ThrottleKey(code);
        if (await SecondFactorThrottle.LockedUntilAsync(db, time, key, ct) is { } locked)
        {
            Error = LockedMessage(locked);
            return Page();
        }
        if (ApplicantNumbers.NormalizePhone(factor) is null && (factor.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(factor, out _)))
        {
            // Neither a phone number nor an e-mail address: it can match no sender, so it is no guess and is not counted.
            Error = NotFoundMessage;
            return Page();
        }
        var item = await db.FeedbackItems.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
        if (item is null || !ApplicantVerification.Matches(factor, item.SenderPhone, null, item.SenderEmail))
        {
            Error = await SecondFactorThrottle.FailedAsync(db, time, key, ct) is { } until ? LockedMessage(until) : NotFoundMessage;
            return Page();
        }
        await SecondFactorThrottle.ClearAsync(db, key, ct);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == item.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var receivedBy = item.ReceivedAgencyId is { } received && received != item.AgencyId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == received).Select(a => a.Name).SingleAsync(ct)
            : null;
        Result = new TrackView(item.Code, item.Title, item.ReceivedAt, PublicStatus(item.Status),
            item.TransferredAt is null ? null : FeedbackTransferNotice.SenderText(item, agency), item.Status == FeedbackStatus.Published, agency, receivedBy,
            FeedbackHandover.Notes(item));
        return Page();
    }

    /// <summary>The throttle's key of a feedback code, apart from the dossier codes'.</summary>
    public static string ThrottleKey(string code) => "PAKN:" + code;

    public static string LockedMessage(DateTimeOffset until) =>
        "Mã phản ánh, kiến nghị này đã bị nhập sai số điện thoại hoặc thư điện tử quá nhiều lần nên tạm khóa tra cứu. Vui lòng thử lại sau "
        + until.ToVnDateTime() + ".";

    /// <summary>The state as the sender reads it; the internal steps of handling are one.</summary>
    public static string PublicStatus(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Received => "Đã tiếp nhận, đang phân loại",
        FeedbackStatus.Handling or FeedbackStatus.AnswerDrafted or FeedbackStatus.Approved => "Đang xem xét, xử lý",
        FeedbackStatus.AwaitingTransfer => "Không thuộc thẩm quyền của cơ quan, đang chuyển đến cơ quan có thẩm quyền",
        FeedbackStatus.OutOfScope => "Đã chuyển đến cơ quan có thẩm quyền",
        FeedbackStatus.Published => "Đã trả lời",
        FeedbackStatus.Duplicate => "Trùng nội dung với phản ánh, kiến nghị đã tiếp nhận; được xem xét cùng phản ánh, kiến nghị đó",
    };
}
