using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;

namespace MotCua.Core.Postal;

/// <summary>Which way a postal order carries papers: the result to the applicant, or the applicant's dossier to the desk.</summary>
public enum PostalDirection
{
    /// <summary>Trả kết quả qua bưu chính công ích: the carrier picks the result up at the desk and delivers it.</summary>
    ResultDelivery,

    /// <summary>Nhận hồ sơ qua bưu chính công ích: the carrier picks the dossier up from the applicant and brings it to the desk.</summary>
    DossierPickup,
}

/// <summary>Where a postal order stands, in the order a parcel moves; <see cref="Delivered"/> and <see cref="Returned"/> are final.</summary>
public enum PostalStatus
{
    /// <summary>Đã yêu cầu bưu điện đến lấy: the order exists, the carrier has not picked the parcel up yet.</summary>
    Ordered,

    /// <summary>Bưu điện đã nhận bưu gửi.</summary>
    Accepted,

    /// <summary>Đang vận chuyển.</summary>
    InTransit,

    /// <summary>Đã phát thành công.</summary>
    Delivered,

    /// <summary>Chuyển hoàn: delivery failed and the parcel went back to the sender.</summary>
    Returned,
}

/// <summary>What a tracking report does to an order.</summary>
public enum PostalVerdict
{
    /// <summary>A later status: recorded once, in the history.</summary>
    Advance,

    /// <summary>The status the order already has: nothing changes.</summary>
    Repeat,

    /// <summary>An earlier status, or anything after a final one: nothing changes.</summary>
    Stale,
}

/// <summary>What a new status means for the dossier.</summary>
public enum PostalEffect
{
    /// <summary>Only the history line.</summary>
    None,

    /// <summary>The result reached the applicant: the dossier's return (<see cref="DossierAction.Return"/>, by post).</summary>
    ResultHandedOver,

    /// <summary>The parcel came back: for a result, the desk hands it over at the desk or sends it again; for a dossier, the desk calls the applicant.</summary>
    DeskAlert,

    /// <summary>The applicant's paper dossier reached the desk: the desk is alerted to check it.</summary>
    PapersArrived,
}

/// <summary>
/// The rules of a postal order (dịch vụ bưu chính công ích): when the desk may ask the carrier to pick the result up, how
/// tracking reports move an order (forward only, each status once, nothing after a final one) and what each new status
/// does to the dossier.
/// </summary>
public static class PostalTracking
{
    /// <summary>The history line of every postal step starts with this, so the dossier page names the step.</summary>
    public const string HistoryLabel = "Bưu chính công ích";

    public const string PickupAudit = "postal.pickup";
    public const string TrackingAudit = "postal.tracking";

    /// <summary>The position of a status in the parcel's progress; the two final statuses share the last place.</summary>
    public static int Rank(PostalStatus status) => status switch
    {
        PostalStatus.Ordered => 0,
        PostalStatus.Accepted => 1,
        PostalStatus.InTransit => 2,
        PostalStatus.Delivered or PostalStatus.Returned => 3,
    };

    public static bool IsFinal(PostalStatus status) => Rank(status) == 3;

    /// <summary>Whether a report of <paramref name="reported"/> moves an order that stands at <paramref name="current"/>.</summary>
    public static PostalVerdict Decide(PostalStatus current, PostalStatus reported) =>
        reported == current ? PostalVerdict.Repeat
        : IsFinal(current) || Rank(reported) <= Rank(current) ? PostalVerdict.Stale
        : PostalVerdict.Advance;

    /// <summary>What a new status means for the dossier the order serves.</summary>
    public static PostalEffect Effect(PostalDirection direction, PostalStatus status) => (direction, status) switch
    {
        (PostalDirection.ResultDelivery, PostalStatus.Delivered) => PostalEffect.ResultHandedOver,
        (PostalDirection.DossierPickup, PostalStatus.Delivered) => PostalEffect.PapersArrived,
        (_, PostalStatus.Returned) => PostalEffect.DeskAlert,
        (_, PostalStatus.Ordered or PostalStatus.Accepted or PostalStatus.InTransit or PostalStatus.Delivered) => PostalEffect.None,
    };

    /// <summary>The status's Vietnamese name, as the history and the pages show it.</summary>
    public static string Name(PostalStatus status) => status switch
    {
        PostalStatus.Ordered => "Đã yêu cầu bưu điện đến lấy",
        PostalStatus.Accepted => "Bưu điện đã nhận bưu gửi",
        PostalStatus.InTransit => "Đang vận chuyển",
        PostalStatus.Delivered => "Đã phát thành công",
        PostalStatus.Returned => "Chuyển hoàn",
    };

    /// <summary>The history line of a status of the order with <paramref name="waybill"/>, saying what it means for the dossier.</summary>
    public static string HistoryText(PostalStatus status, string waybill, string atText, PostalDirection direction = PostalDirection.ResultDelivery) =>
        $"{HistoryLabel}: {Name(status)} (mã vận đơn {waybill}, lúc {atText})." + (direction, status) switch
        {
            (PostalDirection.ResultDelivery, PostalStatus.Returned) => " Kết quả bị chuyển hoàn; trả kết quả tại Bộ phận Một cửa hoặc gửi lại qua bưu chính.",
            (PostalDirection.DossierPickup, PostalStatus.Ordered) => " Bưu điện đến lấy hồ sơ giấy tại địa chỉ của người nộp và chuyển về Bộ phận Một cửa.",
            (PostalDirection.DossierPickup, PostalStatus.Delivered) => " Hồ sơ giấy đã đến Bộ phận Một cửa.",
            (PostalDirection.DossierPickup, PostalStatus.Returned) => " Bưu điện không chuyển được hồ sơ giấy về Bộ phận Một cửa; liên hệ người nộp.",
            _ => "",
        };

    /// <summary>
    /// Why the desk may not ask the carrier to pick the result up now, or null: the result is ready at the desk, the
    /// applicant chose to receive it by post, and the dossier has an address to deliver to. A pickup already open is not a
    /// refusal (the caller answers with its waybill).
    /// </summary>
    public static string? PickupProblem(DossierStatus status, ResultDelivery? choice, string? address) =>
        choice != ResultDelivery.ByPost ? "Người nộp không đăng ký nhận kết quả qua dịch vụ bưu chính công ích."
        : status != DossierStatus.ResultIssued ? "Hồ sơ " + DossierText.Name(status).ToLowerInvariant() + "; chỉ gửi yêu cầu bưu điện đến lấy khi hồ sơ đã có kết quả, chờ trả."
        : string.IsNullOrWhiteSpace(address) ? "Hồ sơ chưa có địa chỉ của người nộp; bổ sung địa chỉ nhận kết quả trước khi gửi yêu cầu bưu điện."
        : null;

    /// <summary>
    /// Why the desk may not ask the carrier to fetch the applicant's paper dossier now, or null: the dossier waits for the
    /// desk's check or for a supplement, and has the applicant's address to pick it up from.
    /// </summary>
    public static string? DossierPickupProblem(DossierStatus status, string? address) =>
        status is not (DossierStatus.Submitted or DossierStatus.AwaitingSupplement)
            ? "Hồ sơ " + DossierText.Name(status).ToLowerInvariant() + "; chỉ yêu cầu bưu điện đến lấy hồ sơ giấy khi hồ sơ đang chờ tiếp nhận hoặc chờ bổ sung."
        : string.IsNullOrWhiteSpace(address) ? "Hồ sơ chưa có địa chỉ của người nộp; bổ sung địa chỉ trước khi yêu cầu bưu điện đến lấy hồ sơ giấy."
        : null;

    /// <summary>Whether a new order may replace <paramref name="last"/>: none yet, or the last one came back (sending again).</summary>
    public static bool MayOrderAgain(PostalStatus? last) => last is null or PostalStatus.Returned;

    /// <summary>The dossier's return once the result was delivered: the ordinary return transition, by post, as the carrier's act.</summary>
    public static DossierCommand ReturnCommand(string waybill) => new(DossierAction.Return)
    {
        Delivery = ResultDelivery.ByPost,
        Note = $"{HistoryLabel}: {Name(PostalStatus.Delivered)} (mã vận đơn {waybill}).",
    };

    /// <summary>The decision that alerts the desk to a parcel of <paramref name="effect"/>: no transition, the state as it is.</summary>
    public static DossierDecision DeskNotice(PostalDirection direction, PostalEffect effect, DossierState state, string summary) => new()
    {
        State = state,
        Notices = [new DossierNoticeRecord((direction, effect) switch
        {
            (_, PostalEffect.PapersArrived) => DossierEventKind.PostalPapersArrived,
            (PostalDirection.DossierPickup, _) => DossierEventKind.PostalPickupReturned,
            _ => DossierEventKind.PostalReturned,
        }, NoticeRecipient.Desk)],
        Audit = new DossierAudit(TrackingAudit, summary),
    };
}
