using System.Globalization;

using MotCua.Core.Calendar;
using MotCua.Core.Legal;

namespace MotCua.Core.Dossiers;

/// <summary>The two supplement acts of the one-stop mechanism, which the law treats differently.</summary>
public enum SupplementAct
{
    /// <summary>
    /// Hướng dẫn bổ sung, hoàn thiện hồ sơ: the desk's guidance at its check, before receipt (Mẫu 02). No clock runs yet;
    /// the clock starts when the completed dossier is received.
    /// </summary>
    DeskGuidance,

    /// <summary>
    /// Yêu cầu bổ sung sau thẩm định: the processing body's request after receipt, sent back through the desk; its effect
    /// on the clock is the procedure's <see cref="SupplementClockPolicy"/>.
    /// </summary>
    ProcessingRequest,
}

/// <summary>
/// A supplement request as decided: the act, the limits that bind the officers and the applicant, and what it does to the
/// clock. Reports and the deadline explanation read which act it was from here.
/// </summary>
/// <param name="Act">Which act.</param>
/// <param name="RequestedAt">When the request was made.</param>
public sealed record SupplementRequest(SupplementAct Act, DateTimeOffset RequestedAt)
{
    /// <summary>
    /// The latest instant the act was due: the online check time for the desk's guidance on an online dossier, the
    /// processing body's 02 working days for its request; null at the counter, where the guidance is given on the spot.
    /// </summary>
    public DateTimeOffset? ActBy { get; init; }

    /// <summary>For a processing request: the desk's latest instant to notify the applicant.</summary>
    public DateTimeOffset? NotifyApplicantBy { get; init; }

    /// <summary>For a processing request: when the desk notified the applicant; null while not yet.</summary>
    public DateTimeOffset? ApplicantNotifiedAt { get; init; }

    /// <summary>The applicant's latest instant to hand in the supplement, when the procedure sets a limit.</summary>
    public DateTimeOffset? ApplicantDueAt { get; init; }

    /// <summary>For a processing request: what the resubmission does to the clock; null for the desk's guidance (no clock yet).</summary>
    public SupplementClockPolicy? Policy { get; init; }

    /// <summary>The legal due instant when the request was made (the clock then stops).</summary>
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>When the supplement came in; null while awaited.</summary>
    public DateTimeOffset? ResubmittedAt { get; init; }

    /// <summary>The legal due instant after the resubmission (recounted or moved by the wait).</summary>
    public DateTimeOffset? DueAfter { get; init; }

    /// <summary>The request's round in the dossier: 1 for its first supplement request.</summary>
    public int Round { get; init; } = 1;

    /// <summary>The act came after its limit (recorded, not refused: the applicant still needs the guidance).</summary>
    public bool Late => ActBy is { } by && RequestedAt > by;

    /// <summary>Whether the applicant's limit has passed without a supplement.</summary>
    public bool ExpiredAt(DateTimeOffset now) => ResubmittedAt is null && ApplicantDueAt is { } due && now > due;
}

/// <summary>
/// The rules of the two supplement acts: which act a status allows, each once per dossier, their limits counted on the
/// working calendar, and the lines the deadline explanation shows.
/// </summary>
public static class SupplementRules
{
    /// <summary>The act a request in <paramref name="status"/> is: before receipt the desk's guidance, after it the processing body's request.</summary>
    public static SupplementAct ActFor(DossierStatus status) =>
        status == DossierStatus.Submitted ? SupplementAct.DeskGuidance : SupplementAct.ProcessingRequest;

    /// <summary>The act's name on buttons, history and the explanation.</summary>
    public static string Name(SupplementAct act) => act switch
    {
        SupplementAct.DeskGuidance => "Hướng dẫn bổ sung hồ sơ",
        SupplementAct.ProcessingRequest => "Yêu cầu bổ sung (sau thẩm định)",
    };

    /// <summary>The policy's effect in words.</summary>
    public static string Effect(SupplementClockPolicy policy) => policy switch
    {
        SupplementClockPolicy.Restart => "thời hạn giải quyết được tính lại từ đầu khi nhận đủ hồ sơ bổ sung",
        SupplementClockPolicy.Pause => "thời gian chờ bổ sung không tính vào thời hạn giải quyết",
    };

    /// <summary>The text the once-only rule rests on at <paramref name="at"/>: Decree 118/2025 from 1/7/2025, Decree 61/2018 before.</summary>
    public static LegalSource OnceBasis(DateTimeOffset at) =>
        DateOnly.FromDateTime(at.ToOffset(DeadlineCalculator.VietnamOffset).DateTime) >= LegalSources.Decree118of2025SupplementOnce.InForceFrom!.Value
            ? LegalSources.Decree118of2025SupplementOnce
            : LegalSources.Decree61of2018;

    /// <summary>Whether the act was already used on the dossier.</summary>
    public static bool AlreadyMade(DossierState state, SupplementAct act)
    {
        ArgumentNullException.ThrowIfNull(state);
        return act switch
        {
            SupplementAct.DeskGuidance => state.DeskGuidanceGiven,
            SupplementAct.ProcessingRequest => state.SupplementRequested,
        };
    }

    /// <summary>Why a second request of the same act is refused, with its basis.</summary>
    public static string OnceRefusal(SupplementAct act, DateTimeOffset at) => act switch
    {
        SupplementAct.DeskGuidance =>
            "Hồ sơ đã được hướng dẫn bổ sung, hoàn thiện tại khâu tiếp nhận; việc hướng dẫn phải đầy đủ, một lần nên không được hướng dẫn bổ sung lần nữa. ",
        SupplementAct.ProcessingRequest =>
            "Cơ quan giải quyết đã yêu cầu bổ sung hồ sơ này một lần; chỉ được yêu cầu sửa đổi, bổ sung hồ sơ một lần. ",
    } + OnceBasis(at).Basis + ".";

    /// <summary>Why a command naming one act is refused in a status that allows the other.</summary>
    public static string MismatchRefusal(SupplementAct asked, SupplementAct allowed) => allowed switch
    {
        SupplementAct.DeskGuidance =>
            $"Hồ sơ chưa được tiếp nhận: chỉ có thể \"{Name(SupplementAct.DeskGuidance)}\" tại khâu kiểm tra, không phải \"{Name(asked)}\".",
        SupplementAct.ProcessingRequest =>
            $"Hồ sơ đã được tiếp nhận: chỉ cơ quan giải quyết \"{Name(SupplementAct.ProcessingRequest)}\", không còn \"{Name(asked)}\" tại khâu tiếp nhận.",
    };

    /// <summary>The processing body's latest instant to request a supplement: its limit from its receipt of the dossier.</summary>
    public static DateTimeOffset ProcessingRequestDue(DateTimeOffset bodyReceivedAt, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return calculator.ComputeDue(bodyReceivedAt, calculator.Rule.ProcessingSupplementOn(LocalDate(bodyReceivedAt)).Value);
    }

    /// <summary>The desk's latest instant to notify the applicant of a processing request made at <paramref name="requestedAt"/>.</summary>
    public static DateTimeOffset NoticeDue(DateTimeOffset requestedAt, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return calculator.ComputeDue(requestedAt, calculator.Rule.SupplementNoticeOn(LocalDate(requestedAt)).Value);
    }

    /// <summary>The applicant's latest instant to hand in the supplement, counted from the request; null when the procedure sets no limit.</summary>
    public static DateTimeOffset? ApplicantDue(DateTimeOffset requestedAt, ProcessingTime? limit, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return limit is { } l ? calculator.ComputeDue(requestedAt, l) : null;
    }

    /// <summary>
    /// The request a supplement in <paramref name="before"/> makes at <paramref name="at"/>. <paramref name="submittedAt"/>
    /// starts the online check for the desk's guidance; the processing body's limit runs from its receipt of the dossier,
    /// the start of its current step.
    /// </summary>
    public static SupplementRequest Plan(DossierState before, DateTimeOffset at, DateTimeOffset? submittedAt, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(calculator);
        var act = ActFor(before.Status);
        var applicantDue = ApplicantDue(at, before.Terms.ApplicantSupplementLimit, calculator);
        return act switch
        {
            SupplementAct.DeskGuidance => new SupplementRequest(act, at)
            {
                ActBy = before.Channel == DossierChannel.Online && submittedAt is { } submitted ? DossierQueue.OnlineCheckDue(submitted, calculator, before.Terms.OnlineCheckLimit) : null,
                ApplicantDueAt = applicantDue,
            },
            SupplementAct.ProcessingRequest => new SupplementRequest(act, at)
            {
                ActBy = (before.StepStartedAt ?? before.ReceivedAt) is { } bodyReceived ? ProcessingRequestDue(bodyReceived, calculator) : null,
                NotifyApplicantBy = NoticeDue(at, calculator),
                ApplicantDueAt = applicantDue,
                Policy = before.Terms.SupplementPolicy,
                DueBefore = before.DueAt,
            },
        };
    }

    private const string ProcessingLimitText = "chuyển Bộ phận Một cửa";

    /// <summary>
    /// The lines the deadline explanation adds for a request: the act and its date, the limits, and for a processing
    /// request the policy and its effect on the due instant.
    /// </summary>
    public static IReadOnlyList<ExplanationLine> Explain(SupplementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = new List<ExplanationLine>();
        var asked = request.RequestedAt;
        lines.Add(Line(asked, request.Act switch
        {
            SupplementAct.DeskGuidance => $"{Name(request.Act)} lúc {Clock(asked)}: hồ sơ chưa được tiếp nhận, chưa tính thời hạn giải quyết",
            SupplementAct.ProcessingRequest => $"{Name(request.Act)} lúc {Clock(asked)}: dừng tính thời hạn giải quyết"
                + (request.DueBefore is { } before ? $" (hạn trước khi yêu cầu: {When(before)})" : ""),
        }));
        if (request.Act == SupplementAct.ProcessingRequest && request.ActBy is { } by)
        {
            lines.Add(Line(asked, $"Hạn đơn vị xử lý {ProcessingLimitText}: {When(by)}" + (request.Late ? " — đã quá hạn" : " — trong hạn")));
        }
        if (request.NotifyApplicantBy is { } notify)
        {
            lines.Add(Line(asked, $"Hạn Bộ phận Một cửa thông báo người nộp hồ sơ: {When(notify)}"));
            if (request.ApplicantNotifiedAt is { } notified)
            {
                lines.Add(Line(notified, $"Bộ phận Một cửa đã thông báo người nộp hồ sơ lúc {Clock(notified)}" + (notified > notify ? " — quá hạn" : " — trong hạn")));
            }
        }
        if (request.ApplicantDueAt is { } applicantDue)
        {
            lines.Add(Line(asked, $"Hạn người nộp bổ sung hồ sơ: {When(applicantDue)}"));
        }
        if (request.ResubmittedAt is { } back)
        {
            lines.Add(Line(back, request.Act switch
            {
                SupplementAct.DeskGuidance => $"Nhận hồ sơ bổ sung lúc {Clock(back)}: thời hạn giải quyết bắt đầu khi hồ sơ được tiếp nhận",
                SupplementAct.ProcessingRequest => $"Nhận hồ sơ bổ sung lúc {Clock(back)}: " + (request.Policy is { } p ? Effect(p) : "tiếp tục tính thời hạn")
                    + (request.DueAfter is { } after ? $"; hạn trả kết quả: {When(after)}" : ""),
            }));
        }
        else if (request.Policy is { } policy)
        {
            lines.Add(Line(asked, "Khi nhận đủ hồ sơ bổ sung: " + Effect(policy)));
        }
        return lines;
    }

    private static ExplanationLine Line(DateTimeOffset at, string reason) => new(LocalDate(at), ExplanationKind.Supplement, reason);

    private static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);

    private static string Clock(DateTimeOffset at) => at.ToOffset(DeadlineCalculator.VietnamOffset).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string When(DateTimeOffset at) => at.ToOffset(DeadlineCalculator.VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
}
