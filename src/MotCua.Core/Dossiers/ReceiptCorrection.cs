using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>What the desk asks to correct right after receipt: a wrong procedure, or a wrong processing time (hence due date).</summary>
/// <param name="Reason">Why the receipt was wrong; required.</param>
/// <param name="ProcedureCode">The right procedure (null: unchanged).</param>
/// <param name="Time">The processing time the due date is recomputed with (the right procedure's, or the corrected one).</param>
public sealed record ReceiptCorrectionRequest(string? Reason, string? ProcedureCode, ProcessingTime? Time);

/// <summary>A received dossier as the correction rule reads it.</summary>
/// <param name="ActionsSinceReceipt">The history's actions from the receipt on (the receipt itself included).</param>
public sealed record ReceiptCorrectionFacts(string Code, DossierStatus Status, DateTimeOffset? ReceivedAt, DateTimeOffset? ClockStartedAt,
    string ProcedureCode, DossierTerms Terms, DateTimeOffset? DueAt, IReadOnlyList<DossierAction> ActionsSinceReceipt);

/// <summary>The correction decided: the new due date and the audit summary, or why not.</summary>
public sealed record ReceiptCorrectionDecision(DecisionRefusal? Refusal, DateTimeOffset? DueAt = null, bool ProcedureChanged = false, string? Summary = null)
{
    public bool Succeeded => Refusal is null;
}

/// <summary>
/// Correcting a receipt (sửa thông tin tiếp nhận): the desk may fix a wrong procedure or due date only on the day of
/// receipt and before anyone has handled the dossier, with a reason; the due date is recomputed from the ORIGINAL
/// receipt instant under the calendar and cut-off rules in force then, so a correction never buys or loses time.
/// </summary>
public static class ReceiptCorrection
{
    public const int ReasonMax = 2000;

    /// <summary>Decides the correction; the caller re-issues the receipt with the new values when it succeeds.</summary>
    public static ReceiptCorrectionDecision Decide(ReceiptCorrectionFacts facts, ReceiptCorrectionRequest request, DossierActor actor,
        DateTimeOffset now, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(calculator);
        if (!actor.Is(DossierRoles.OneStopOfficer))
        {
            return Refuse(DecisionRefusalKind.RoleNotPermitted, "Chỉ cán bộ Bộ phận Một cửa tiếp nhận hồ sơ mới được sửa thông tin tiếp nhận.", "reason");
        }
        if (facts.ReceivedAt is not { } receivedAt || facts.Status is not (DossierStatus.Received or DossierStatus.InProcessing))
        {
            return Refuse(DecisionRefusalKind.NotAllowedInStatus,
                $"Hồ sơ đang ở trạng thái \"{DossierText.Name(facts.Status)}\": chỉ sửa được thông tin tiếp nhận của hồ sơ vừa tiếp nhận.", "reason");
        }
        if (facts.ActionsSinceReceipt.Any(a => a is not (DossierAction.Receive or DossierAction.Transfer)))
        {
            return Refuse(DecisionRefusalKind.NotAllowedInStatus,
                "Hồ sơ đã có bước xử lý sau khi tiếp nhận: không sửa thông tin tiếp nhận được nữa.", "reason");
        }
        if (LocalDay(now) != LocalDay(receivedAt))
        {
            return Refuse(DecisionRefusalKind.RuleViolated,
                "Chỉ sửa được thông tin tiếp nhận trong ngày làm việc đã tiếp nhận hồ sơ (" + LocalDay(receivedAt).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) + ").", "reason");
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Refuse(DecisionRefusalKind.MissingInput, "Vui lòng nêu rõ lý do sửa thông tin tiếp nhận.", "reason");
        }
        if (request.Reason.Length > ReasonMax)
        {
            return Refuse(DecisionRefusalKind.MissingInput, $"Lý do dài tối đa {ReasonMax} ký tự.", "reason");
        }
        var procedureChanged = request.ProcedureCode is { } code && !string.Equals(code.Trim(), facts.ProcedureCode, StringComparison.OrdinalIgnoreCase);
        if (procedureChanged && facts.Status != DossierStatus.Received)
        {
            return Refuse(DecisionRefusalKind.RuleViolated,
                "Hồ sơ đã chuyển cho đơn vị xử lý theo quy trình của thủ tục đã chọn: chỉ sửa được thủ tục trước khi chuyển hồ sơ.", "procedureCode");
        }
        var time = request.Time ?? facts.Terms.ProcessingTime;
        if (time is not { } t || t.Value <= 0)
        {
            return Refuse(DecisionRefusalKind.MissingInput, "Vui lòng nhập thời hạn giải quyết đúng (lớn hơn 0).", "time");
        }
        var start = facts.ClockStartedAt ?? receivedAt;
        var due = calculator.ComputeDue(start, t, (facts.Terms with { ProcessingTime = t }).Options([]));
        if (!procedureChanged && due == facts.DueAt)
        {
            return Refuse(DecisionRefusalKind.MissingInput, "Thông tin sửa giống thông tin đã tiếp nhận: không có gì để sửa.", "time");
        }
        var what = procedureChanged ? $"thủ tục {facts.ProcedureCode} → {request.ProcedureCode!.Trim()}" : "thời hạn giải quyết";
        return new ReceiptCorrectionDecision(null, due, procedureChanged,
            $"Hồ sơ {facts.Code}: sửa thông tin tiếp nhận ({what}; hẹn trả {Moment(facts.DueAt)} → {Moment(due)}), cấp lại Giấy tiếp nhận. Lý do: {request.Reason.Trim()}");
    }

    private static ReceiptCorrectionDecision Refuse(DecisionRefusalKind kind, string message, string field) => new(new DecisionRefusal(kind, message, field));

    private static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);

    private static string Moment(DateTimeOffset? at) =>
        at is { } a ? a.ToOffset(DeadlineCalculator.VietnamOffset).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "chưa có";
}
