using MotCua.Core.Calendar;
using MotCua.Core.Legal;

namespace MotCua.Core.Dossiers;

/// <summary>An agency as the boundary-free receipt rules read it: its province and whether it is a service centre.</summary>
/// <param name="Id">The agency's id.</param>
/// <param name="ProvinceCode">Administrative-unit code of its province; null when not set (then it receives for nobody).</param>
/// <param name="IsServiceCentre">A Public Administration Service Centre (province or commune level).</param>
public sealed record BoundaryAgency(int Id, string? ProvinceCode, bool IsServiceCentre);

/// <summary>How the paper originals travelled from the receiving desk to the deciding agency.</summary>
public enum HandOverMethod
{
    /// <summary>Carried by an officer of the receiving desk.</summary>
    InPerson,

    /// <summary>By the public postal service or the province's courier (giao liên).</summary>
    Courier,

    Other,
}

/// <summary>Where the hand-over of the paper originals stands.</summary>
public enum HandOverStage
{
    /// <summary>Chờ bàn giao hồ sơ giấy: received, the originals are still at the receiving desk.</summary>
    AwaitingDispatch,

    /// <summary>Đã gửi, chờ cơ quan giải quyết xác nhận.</summary>
    Dispatched,

    /// <summary>Cơ quan giải quyết đã nhận bản gốc.</summary>
    Confirmed,
}

/// <summary>
/// Receipt regardless of administrative boundary (Decree 118/2025): a service centre receives a dossier for a procedure
/// another agency of the same province decides, when the province lists the procedure for it. The dossier is the
/// deciding agency's (its code, queue, reports) with the receiving desk recorded beside it; its electronic copy goes to
/// that agency at once, so processing may start, while the paper originals follow as a tracked hand-over that never
/// holds the status machine (<see cref="LegalSources.BoundaryPaperHandOver2025"/>). The clock starts at receipt by the
/// receiving desk (<see cref="LegalSources.BoundaryClockStart"/>, unconfirmed).
/// </summary>
public static class BoundaryReceipt
{
    /// <summary>The time the receiving desk has to send the paper originals, by the day of receipt (province may override).</summary>
    public static IReadOnlyList<DatedValue<ProcessingTime>> DefaultHandOverLimits { get; } =
    [
        new(new DateOnly(2025, 7, 1), ProcessingTime.WorkingDays(1), LegalSources.BoundaryPaperHandOver2025),
    ];

    /// <summary>
    /// Why the desk of <paramref name="receiving"/> may not receive for <paramref name="deciding"/>, or null when it may.
    /// </summary>
    /// <param name="receiving">The agency of the desk officer.</param>
    /// <param name="deciding">The agency that decides the procedure.</param>
    /// <param name="procedureListed">The procedure is on the province's list received regardless of boundary.</param>
    /// <param name="transferRequested">The desk asked to route the dossier to one of the deciding agency's units.</param>
    public static string? Refusal(BoundaryAgency receiving, BoundaryAgency deciding, bool procedureListed, bool transferRequested)
    {
        ArgumentNullException.ThrowIfNull(receiving);
        ArgumentNullException.ThrowIfNull(deciding);
        if (receiving.Id == deciding.Id)
        {
            return null;
        }
        if (!receiving.IsServiceCentre)
        {
            return "Chỉ Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ thủ tục của cơ quan khác (không phụ thuộc địa giới hành chính); cơ quan của bạn chỉ tiếp nhận thủ tục của mình.";
        }
        if (string.IsNullOrWhiteSpace(receiving.ProvinceCode) || !string.Equals(receiving.ProvinceCode, deciding.ProvinceCode, StringComparison.Ordinal))
        {
            return "Thủ tục thuộc thẩm quyền của cơ quan ngoài tỉnh: chỉ tiếp nhận không phụ thuộc địa giới hành chính hồ sơ của cơ quan trong cùng tỉnh.";
        }
        if (!procedureListed)
        {
            return "Thủ tục này không thuộc danh mục tiếp nhận không phụ thuộc địa giới hành chính của tỉnh: hướng dẫn người nộp đến cơ quan giải quyết.";
        }
        if (transferRequested)
        {
            return "Hồ sơ tiếp nhận hộ cơ quan khác do Bộ phận Một cửa của cơ quan giải quyết chuyển xử lý; chỉ tiếp nhận, không chọn đơn vị xử lý.";
        }
        return null;
    }

    /// <summary>The hand-over limit in force on the day of receipt: the province's own when it set one, else the default.</summary>
    public static DatedValue<ProcessingTime> HandOverLimit(DateOnly receiptDay, IReadOnlyList<DatedValue<ProcessingTime>>? provinceLimits = null) =>
        DatedValues.On(provinceLimits is { Count: > 0 } ? provinceLimits : DefaultHandOverLimits, receiptDay);

    /// <summary>
    /// When the paper originals are due at the deciding agency: the limit counted from receipt as the Civil Code counts
    /// a time limit (the receipt day is not counted; the last day ends at the close of office hours).
    /// </summary>
    public static DateTimeOffset HandOverDue(DateTimeOffset receivedAt, ProcessingTime limit, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return calculator.ComputeDue(receivedAt, limit);
    }

    /// <summary>Where the hand-over stands from its two recorded moments.</summary>
    public static HandOverStage Stage(DateTimeOffset? sentAt, DateTimeOffset? confirmedAt) =>
        confirmedAt is not null ? HandOverStage.Confirmed : sentAt is not null ? HandOverStage.Dispatched : HandOverStage.AwaitingDispatch;

    /// <summary>The originals have not left the receiving desk and their due instant has passed.</summary>
    public static bool IsOverdue(DateTimeOffset dueAt, DateTimeOffset? sentAt, DateTimeOffset now) =>
        sentAt is { } sent ? sent > dueAt : now > dueAt;

    /// <summary>Why the receiving desk may not record the dispatch now, or null.</summary>
    public static string? SendProblem(HandOverStage stage, DateTimeOffset receivedAt, DateTimeOffset sentAt, DateTimeOffset now) =>
        stage != HandOverStage.AwaitingDispatch ? "Hồ sơ giấy đã được bàn giao; không ghi nhận lại."
        : sentAt < receivedAt ? "Thời điểm bàn giao không được trước thời điểm tiếp nhận hồ sơ."
        : sentAt > now ? "Thời điểm bàn giao không được sau thời điểm hiện tại."
        : null;

    /// <summary>Why the deciding agency's desk may not confirm the originals now, or null.</summary>
    public static string? ConfirmProblem(HandOverStage stage, DateTimeOffset? sentAt, DateTimeOffset confirmedAt, DateTimeOffset now) =>
        stage switch
        {
            HandOverStage.AwaitingDispatch => "Nơi tiếp nhận chưa ghi nhận bàn giao hồ sơ giấy; chưa xác nhận được.",
            HandOverStage.Confirmed => "Đã xác nhận nhận hồ sơ giấy; không xác nhận lại.",
            HandOverStage.Dispatched when confirmedAt < sentAt => "Thời điểm nhận không được trước thời điểm nơi tiếp nhận bàn giao.",
            HandOverStage.Dispatched when confirmedAt > now => "Thời điểm nhận không được sau thời điểm hiện tại.",
            HandOverStage.Dispatched => null,
        };

    public static string StageName(HandOverStage stage) => stage switch
    {
        HandOverStage.AwaitingDispatch => "Chờ bàn giao hồ sơ giấy",
        HandOverStage.Dispatched => "Đã bàn giao, chờ cơ quan giải quyết xác nhận",
        HandOverStage.Confirmed => "Cơ quan giải quyết đã nhận hồ sơ giấy",
    };

    public static string MethodName(HandOverMethod method) => method switch
    {
        HandOverMethod.InPerson => "Công chức mang trực tiếp",
        HandOverMethod.Courier => "Qua bưu chính công ích / giao liên",
        HandOverMethod.Other => "Hình thức khác",
    };
}
