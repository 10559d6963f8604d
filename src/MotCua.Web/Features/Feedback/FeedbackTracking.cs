using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// What the sender of a PAKN sees when tracking it by its code and the phone or e-mail sent with it, on the tracking page
/// and in the public API alike: where it stands, the agency handling it now and, after a merge, the one that received it
/// with the hand-over lines (agencies and units only, never an officer's name). Wrong factors count against the code
/// (<see cref="SecondFactorThrottle"/>), whatever the address.
/// </summary>
public static class FeedbackTracking
{
    /// <summary><see cref="ReceivedBy"/> is the agency that received it when a merge handed it to <see cref="Agency"/>, which handles it now.</summary>
    public sealed record TrackView(string Code, string Title, DateTimeOffset ReceivedAt, string Status, string? Transferred, bool Answered, string Agency,
        string? ReceivedBy, IReadOnlyList<string> Handovers, string AgencyCode);

    /// <summary>The view, or the instant the code is locked until; both null when nothing matches.</summary>
    public sealed record Outcome(TrackView? View, DateTimeOffset? LockedUntil);

    private static readonly Outcome NoMatch = new(null, null);

    public static async Task<Outcome> FindAsync(AppDbContext db, TimeProvider time, string code, string factor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        code = code.Trim().ToUpperInvariant();
        factor = factor.Trim();
        if (code.Length > 40)
        {
            // Longer than any code issued: nothing to find and nothing to count.
            return NoMatch;
        }
        var key = ThrottleKey(code);
        if (await SecondFactorThrottle.LockedUntilAsync(db, time, key, ct) is { } locked)
        {
            return new(null, locked);
        }
        if (ApplicantNumbers.NormalizePhone(factor) is null && (factor.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(factor, out _)))
        {
            // Neither a phone number nor an e-mail address: it can match no sender, so it is no guess and is not counted.
            return NoMatch;
        }
        var item = await db.FeedbackItems.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
        if (item is null || !ApplicantVerification.Matches(factor, item.SenderPhone, null, item.SenderEmail))
        {
            return new(null, await SecondFactorThrottle.FailedAsync(db, time, key, ct));
        }
        await SecondFactorThrottle.ClearAsync(db, key, ct);
        // An anonymous type, not a tuple: Npgsql reads a tuple in a projection as a row value it cannot materialise.
        var handling = await db.Agencies.AsNoTracking().Where(a => a.Id == item.AgencyId).Select(a => new { a.Name, a.Code }).SingleAsync(ct);
        var (agency, agencyCode) = (handling.Name, handling.Code);
        var receivedBy = item.ReceivedAgencyId is { } received && received != item.AgencyId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == received).Select(a => a.Name).SingleAsync(ct)
            : null;
        return new(new TrackView(item.Code, item.Title, item.ReceivedAt, PublicStatus(item.Status),
            item.TransferredAt is null ? null : FeedbackTransferNotice.SenderText(item, agency), item.Status == FeedbackStatus.Published, agency, receivedBy,
            FeedbackHandover.Notes(item), agencyCode), null);
    }

    /// <summary>The throttle's key of a feedback code, apart from the dossier codes'.</summary>
    public static string ThrottleKey(string code) => "PAKN:" + code;

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
