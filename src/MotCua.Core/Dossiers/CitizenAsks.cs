using System.Globalization;
using MotCua.Core.Procedures;

namespace MotCua.Core.Dossiers;

/// <summary>What the citizen will be asked to do.</summary>
public enum CitizenAskKind
{
    /// <summary>Bring or send the missing papers the agency asked for.</summary>
    Supplement,

    /// <summary>Pay taxes, fees or charges the agency notified (the clock stops meanwhile).</summary>
    FinancialObligation,

    /// <summary>Pay the dossier's fee, still unpaid, before the result is handed over.</summary>
    Fee,

    /// <summary>Collect the result at the desk.</summary>
    CollectResult,

    /// <summary>Receive the result by post at the address given.</summary>
    ReceiveByPost,

    /// <summary>Receive the electronic result.</summary>
    ReceiveOnline,

    /// <summary>Rate the service, once the result is returned.</summary>
    Evaluate,
}

/// <summary>One thing asked of the citizen: what, from when and by when (either may be unknown).</summary>
public sealed record CitizenAsk(CitizenAskKind Kind, string What, DateTimeOffset? From, DateTimeOffset? By);

/// <summary>The time line printed after an ask: its label and instant, e.g. "Hạn" and the deadline.</summary>
public sealed record CitizenAskDue(string Label, DateTimeOffset At, bool Passed);

/// <summary>The receiving centre where the applicant collects a paper result instead of the deciding agency's desk: its name, address if known, and whether the result has arrived there.</summary>
public sealed record CollectPlace(string Name, string? Address, bool Arrived)
{
    public string Text => Name + (string.IsNullOrWhiteSpace(Address) ? "" : " (địa chỉ: " + Address + ")");
}

/// <summary>
/// What will be asked of the citizen and when, from the dossier's status, its fee and how the result is returned, so the
/// look-up answers "what happens next for me" and not only "where is my dossier".
/// </summary>
public static class CitizenAsks
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="status">The dossier's status.</param>
    /// <param name="feeAmount">The fee set on the dossier (0 when none).</param>
    /// <param name="feePaid">Whether it was paid.</param>
    /// <param name="delivery">How the citizen chose to receive the result (null: at the desk).</param>
    /// <param name="expectedResultAt">The forecast result instant, if any.</param>
    /// <param name="supplementDueAt">The applicant's deadline for a pending supplement, if one was set.</param>
    /// <param name="evaluated">Whether the citizen already rated the service.</param>
    /// <param name="centre">The receiving centre that returns a paper result, when the applicant chose to collect it there.</param>
    public static IReadOnlyList<CitizenAsk> For(DossierStatus status, long feeAmount, bool feePaid, ResultDelivery? delivery,
        DateTimeOffset? expectedResultAt, DateTimeOffset? supplementDueAt, bool evaluated, CollectPlace? centre = null)
    {
        var asks = new List<CitizenAsk>(3);
        var open = status is not (DossierStatus.Draft or DossierStatus.Returned or DossierStatus.Refused or DossierStatus.RefusedAfterReceipt
            or DossierStatus.Withdrawn or DossierStatus.Stopped);
        if (status == DossierStatus.AwaitingSupplement)
        {
            asks.Add(new(CitizenAskKind.Supplement,
                "Bổ sung, hoàn thiện hồ sơ theo nội dung cơ quan đã yêu cầu; thời gian chờ bổ sung không tính vào thời hạn giải quyết.",
                null, supplementDueAt));
        }
        if (status == DossierStatus.AwaitingFinancialObligation)
        {
            asks.Add(new(CitizenAskKind.FinancialObligation,
                "Thực hiện nghĩa vụ tài chính (nộp thuế, phí, lệ phí) theo thông báo của cơ quan; thời gian chờ không tính vào thời hạn giải quyết.",
                null, null));
        }
        if (open && feeAmount > 0 && !feePaid)
        {
            var fee = feeAmount.ToString("#,0", Vi) + " đồng";
            // Once the result is issued the fee is paid when collecting it; the instant the result was issued is no deadline.
            asks.Add(status == DossierStatus.ResultIssued
                ? new(CitizenAskKind.Fee, "Kết quả đã có: nộp phí, lệ phí " + fee + " trước khi nhận kết quả.", null, null)
                : new(CitizenAskKind.Fee, "Nộp phí, lệ phí " + fee + " trước khi nhận kết quả.", null, expectedResultAt));
        }
        if (open && status != DossierStatus.Submitted)
        {
            var from = status == DossierStatus.ResultIssued ? null : expectedResultAt;
            var issued = status == DossierStatus.ResultIssued;
            CitizenAsk result = delivery switch
            {
                ResultDelivery.ByPost => new(CitizenAskKind.ReceiveByPost, issued
                    ? "Kết quả đã có và được gửi qua dịch vụ bưu chính công ích đến địa chỉ đã đăng ký."
                    : "Nhận kết quả qua dịch vụ bưu chính công ích tại địa chỉ đã đăng ký.", from, null),
                ResultDelivery.Online => new(CitizenAskKind.ReceiveOnline, issued
                    ? "Kết quả đã có: Ông/Bà nhận bản điện tử của kết quả theo thông báo của cơ quan."
                    : "Nhận bản điện tử của kết quả theo thông báo của cơ quan.", from, null),
                _ when centre is not null => new(CitizenAskKind.CollectResult, (issued, centre.Arrived) switch
                {
                    (true, true) => "Kết quả đã về " + centre.Text + ": mời Ông/Bà đến nhận kết quả, mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
                    (true, false) => "Kết quả đã có và đang được chuyển về " + centre.Text + "; Ông/Bà sẽ được thông báo khi kết quả về để đến nhận.",
                    _ => "Nhận kết quả tại " + centre.Text + ", nơi Ông/Bà nộp hồ sơ, khi được thông báo kết quả đã về; mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
                }, from, null),
                _ => new(CitizenAskKind.CollectResult, issued
                    ? "Kết quả đã có: mời Ông/Bà đến Bộ phận Một cửa nhận kết quả, mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả."
                    : "Đến Bộ phận Một cửa nhận kết quả, mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả.", from, null),
            };
            // While the supplement is awaited, receiving the result is a later step, not something to do now.
            asks.Add(status == DossierStatus.AwaitingSupplement
                ? result with { What = "Sau khi hồ sơ được bổ sung và có kết quả: " + char.ToLower(result.What[0], Vi) + result.What[1..] }
                : result);
        }
        if (status == DossierStatus.Returned && !evaluated)
        {
            asks.Add(new(CitizenAskKind.Evaluate, "Đánh giá mức độ hài lòng về việc giải quyết hồ sơ (ở cuối trang).", null, null));
        }
        return asks;
    }

    /// <summary>
    /// What to print after <paramref name="ask"/> about its "by" instant as of <paramref name="now"/>: "Hạn" while ahead; once
    /// past, a supplement deadline reads as missed, and a fee's instant (only the expected result) is no longer printed.
    /// </summary>
    public static CitizenAskDue? Due(CitizenAsk ask, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (ask.By is not { } by)
        {
            return null;
        }
        if (by > now)
        {
            return new("Hạn:", by, Passed: false);
        }
        return ask.Kind switch
        {
            CitizenAskKind.Supplement => new("Đã quá hạn bổ sung lúc", by, Passed: true),
            CitizenAskKind.Fee => null,
            CitizenAskKind.FinancialObligation or CitizenAskKind.CollectResult or CitizenAskKind.ReceiveByPost or CitizenAskKind.ReceiveOnline
                or CitizenAskKind.Evaluate => new("Đã quá hạn lúc", by, Passed: true),
        };
    }

    /// <summary>
    /// How the result reaches the applicant: as chosen, else electronically for a dossier submitted online under a
    /// full-process (toàn trình) online service, which is received, decided and returned online; else at a desk (null).
    /// </summary>
    public static ResultDelivery? DeliveryOf(ResultDelivery? choice, bool submittedOnline, OnlineServiceLevel level) =>
        choice ?? (submittedOnline && level == OnlineServiceLevel.Full ? ResultDelivery.Online : null);
}
