using MotCua.Core.Notifications;

namespace MotCua.Core.Dossiers;

/// <summary>Where the applicant of a dossier received at a centre for another agency collects the result, as the desk records it at receipt.</summary>
public enum ResultReturnPlace
{
    /// <summary>At the desk of the centre that received the dossier (the default for such receipts).</summary>
    ReceivingCentre,

    /// <summary>At the one-stop desk of the deciding agency.</summary>
    DecidingAgency,

    /// <summary>By public postal service, where the procedure returns by post.</summary>
    ByPost,

    /// <summary>Electronically (kết quả điện tử).</summary>
    Online,
}

/// <summary>Where the paper result stands on its way from the deciding agency back to the receiving centre.</summary>
public enum ResultHandBackStage
{
    /// <summary>Chờ chuyển kết quả về nơi tiếp nhận: the result is issued and still at the deciding agency.</summary>
    AwaitingDispatch,

    /// <summary>Đang chuyển kết quả về nơi tiếp nhận.</summary>
    Dispatched,

    /// <summary>Nơi tiếp nhận đã nhận kết quả, chờ trả cho người nộp.</summary>
    Received,
}

/// <summary>The centre where the applicant registered to collect the result, as the decider reads it.</summary>
public sealed record CollectCentre(int AgencyId, string Name);

/// <summary>
/// Result return at the receiving centre (receipt and return regardless of administrative boundary,
/// <see cref="Legal.LegalSources.BoundaryFreeReceipt2025"/>): when the applicant chose to collect the result where they
/// submitted, the deciding agency hands the paper result back to that centre, the centre confirms it, and only then may
/// the centre's desk return it. The centre's desk does nothing else to the deciding agency's dossier.
/// </summary>
public static class ResultHandBack
{
    /// <summary>The delivery recorded on the dossier and whether the centre returns it, for the place chosen at receipt.</summary>
    public static (ResultDelivery Delivery, bool AtCentre) Of(ResultReturnPlace place) => place switch
    {
        ResultReturnPlace.ReceivingCentre => (ResultDelivery.AtDesk, true),
        ResultReturnPlace.DecidingAgency => (ResultDelivery.AtDesk, false),
        ResultReturnPlace.ByPost => (ResultDelivery.ByPost, false),
        ResultReturnPlace.Online => (ResultDelivery.Online, false),
    };

    /// <summary>Whether the result goes back to the centre: a centre was chosen and the delivery is still at a desk (a later correction to post or online wins).</summary>
    public static bool ReturnsAtCentre(int? returnAtCentreId, ResultDelivery? delivery) =>
        returnAtCentreId is not null && delivery is null or ResultDelivery.AtDesk;

    /// <summary>The only action a centre's desk may perform on a dossier it received for another agency.</summary>
    public static bool CentreMay(DossierAction action) => action == DossierAction.Return;

    /// <summary>
    /// Why the actor may not return the result itself, or null: while the result goes back to the centre the applicant
    /// chose, only that centre's desk returns it, so the deciding agency's desk cannot skip the centre.
    /// </summary>
    public static string? DeskReturnProblem(CollectCentre? centre, ResultDelivery? choice, int? actorAgencyId) =>
        centre is not null && ReturnsAtCentre(centre.AgencyId, choice) && actorAgencyId != centre.AgencyId
            ? $"Người nộp đã đăng ký nhận kết quả tại {centre.Name}; kết quả phải được chuyển về đó để trả cho người nộp. "
                + $"Nếu người nộp đến nhận tại cơ quan giải quyết, ghi nhận \"{MoveName}\" trước khi trả kết quả."
            : null;

    /// <summary>
    /// Why the deciding agency's desk may not record that the applicant now collects the result at its own desk, or null:
    /// the dossier is still open, the result is not yet at the centre (then the centre returns it), and a reason is given.
    /// </summary>
    public static string? MoveProblem(DossierStatus status, bool returnsAtCentre, ResultHandBackStage stage, string? reason) =>
        !returnsAtCentre ? "Người nộp không đăng ký nhận kết quả tại nơi tiếp nhận hồ sơ; không có nơi nhận kết quả để đổi."
        : DossierStateMachine.IsTerminal(status) ? "Hồ sơ " + DossierText.StatePhrase(status) + "; không đổi nơi nhận kết quả."
        : stage == ResultHandBackStage.Received ? "Nơi tiếp nhận đã nhận kết quả; người nộp nhận kết quả tại nơi tiếp nhận, không đổi nơi nhận kết quả."
        : string.IsNullOrWhiteSpace(reason) ? "Vui lòng nhập lý do người nộp đổi nơi nhận kết quả."
        : reason.Trim().Length > MaxReason ? $"Lý do dài tối đa {MaxReason} ký tự."
        : null;

    public const int MaxReason = 500;

    /// <summary>The name of the desk's action that moves the collection to the deciding agency.</summary>
    public const string MoveName = "Người nộp đổi nơi nhận kết quả";

    /// <summary>Where the hand-back stands from its two recorded moments.</summary>
    public static ResultHandBackStage Stage(DateTimeOffset? sentAt, DateTimeOffset? receivedAt) =>
        receivedAt is not null ? ResultHandBackStage.Received : sentAt is not null ? ResultHandBackStage.Dispatched : ResultHandBackStage.AwaitingDispatch;

    /// <summary>Why the deciding agency's desk may not record that the result left for the centre now, or null.</summary>
    public static string? SendProblem(DossierStatus status, bool returnsAtCentre, ResultHandBackStage stage, DateTimeOffset sentAt, DateTimeOffset? issuedAt, DateTimeOffset now) =>
        !returnsAtCentre ? "Người nộp không đăng ký nhận kết quả tại nơi tiếp nhận hồ sơ; không chuyển kết quả về nơi tiếp nhận."
        : stage != ResultHandBackStage.AwaitingDispatch ? "Kết quả đã được chuyển về nơi tiếp nhận; không ghi nhận lại."
        : status != DossierStatus.ResultIssued ? "Hồ sơ " + DossierText.StatePhrase(status) + "; chỉ chuyển kết quả về nơi tiếp nhận khi hồ sơ đã có kết quả, chờ trả."
        : issuedAt is { } issued && sentAt < issued ? "Thời điểm chuyển kết quả không được trước thời điểm có kết quả."
        : sentAt > now ? "Thời điểm chuyển kết quả không được sau thời điểm hiện tại."
        : null;

    /// <summary>Why the centre's desk may not record that it received the result now, or null.</summary>
    public static string? ReceiveProblem(ResultHandBackStage stage, DateTimeOffset? sentAt, DateTimeOffset receivedAt, DateTimeOffset now) => stage switch
    {
        ResultHandBackStage.AwaitingDispatch => "Cơ quan giải quyết chưa ghi nhận chuyển kết quả về nơi tiếp nhận; chưa xác nhận nhận kết quả được.",
        ResultHandBackStage.Received => "Đã xác nhận nhận kết quả; không ghi nhận lại.",
        ResultHandBackStage.Dispatched when receivedAt < sentAt => "Thời điểm nhận kết quả không được trước thời điểm cơ quan giải quyết chuyển kết quả.",
        ResultHandBackStage.Dispatched when receivedAt > now => "Thời điểm nhận kết quả không được sau thời điểm hiện tại.",
        ResultHandBackStage.Dispatched => null,
    };

    /// <summary>Why the centre's desk may not return the result to the applicant now, or null.</summary>
    public static string? ReturnProblem(ResultHandBackStage stage) => stage switch
    {
        ResultHandBackStage.Received => null,
        ResultHandBackStage.AwaitingDispatch or ResultHandBackStage.Dispatched =>
            "Nơi tiếp nhận chưa nhận kết quả từ cơ quan giải quyết; ghi nhận đã nhận kết quả trước khi trả cho người nộp.",
    };

    /// <summary>The decision that tells the applicant the result waits at the centre: no transition, the state as it is.</summary>
    public static DossierDecision AtCentre(DossierState state, string summary) => new()
    {
        State = state,
        Notices = [new DossierNoticeRecord(DossierEventKind.ResultAtCentre, NoticeRecipient.Applicant)],
        Audit = new DossierAudit(ReceiveAudit, summary),
    };

    public const string SendAudit = "boundary.result.send";
    public const string ReceiveAudit = "boundary.result.receive";
    public const string MoveAudit = "boundary.result.collect-at-agency";

    public static string StageName(ResultHandBackStage stage) => stage switch
    {
        ResultHandBackStage.AwaitingDispatch => "Chờ chuyển kết quả về nơi tiếp nhận",
        ResultHandBackStage.Dispatched => "Đang chuyển kết quả về nơi tiếp nhận",
        ResultHandBackStage.Received => "Nơi tiếp nhận đã nhận kết quả, chờ trả",
    };
}
