namespace MotCua.Core.Payments;

/// <summary>A payment of the day as MotCua recorded it (amount in đồng).</summary>
public sealed record RecordedPayment(string Reference, string DossierCode, long Amount, OnlinePaymentStatus Status);

/// <summary>A line of the gateway's daily statement (amount in đồng).</summary>
public sealed record StatementLine(string Reference, long Amount, GatewayOutcome Outcome, long RefundedAmount);

public enum MismatchKind
{
    /// <summary>Paid at the gateway, still pending (or failed) here.</summary>
    PaidThereNotHere,

    /// <summary>Paid here, not paid at the gateway.</summary>
    PaidHereNotThere,

    AmountDiffers,

    /// <summary>On the statement, with no payment of that reference here.</summary>
    UnknownReference,

    RefundedThereOnly,

    RefundedHereOnly,
}

/// <summary>One difference between MotCua's payments and the statement, with what the accountant should do.</summary>
public sealed record Mismatch(MismatchKind Kind, string Reference, string? DossierCode, long? OurAmount, long? TheirAmount, string Reason, string Action);

/// <summary>
/// The daily reconciliation (đối soát): every payment of the day compared with the gateway's statement by reference;
/// each difference comes with its reason and the action to take, in Vietnamese.
/// </summary>
public static class PaymentReconciliation
{
    public static IReadOnlyList<Mismatch> Compare(IReadOnlyList<RecordedPayment> ours, IReadOnlyList<StatementLine> theirs)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        var byRef = ours.GroupBy(p => p.Reference, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<Mismatch>();
        foreach (var line in theirs)
        {
            seen.Add(line.Reference);
            if (!byRef.TryGetValue(line.Reference, out var p))
            {
                found.Add(new(MismatchKind.UnknownReference, line.Reference, null, null, line.Amount,
                    "Cổng thanh toán có giao dịch nhưng hệ thống không có khoản thanh toán mang mã này.",
                    "Liên hệ cổng thanh toán xác minh giao dịch; nếu không thuộc cơ quan, yêu cầu hoàn tiền cho người nộp."));
                continue;
            }
            var thereRefunded = line.Outcome == GatewayOutcome.Refunded;
            var therePaid = line.Outcome == GatewayOutcome.Paid || thereRefunded;
            var herePaid = p.Status is OnlinePaymentStatus.Paid or OnlinePaymentStatus.Refunded;
            if (therePaid && herePaid && line.Amount != p.Amount)
            {
                found.Add(new(MismatchKind.AmountDiffers, p.Reference, p.DossierCode, p.Amount, line.Amount,
                    "Số tiền trên bảng kê của cổng thanh toán khác số tiền hệ thống ghi nhận.",
                    "Đối chiếu chứng từ với cổng thanh toán; điều chỉnh biên lai hoặc yêu cầu hoàn phần chênh lệch."));
            }
            else if (therePaid && !herePaid)
            {
                found.Add(new(MismatchKind.PaidThereNotHere, p.Reference, p.DossierCode, p.Amount, line.Amount,
                    "Cổng thanh toán đã thu tiền nhưng hệ thống chưa ghi nhận khoản thanh toán (" + StatusName(p.Status) + ").",
                    "Chạy truy vấn trạng thái giao dịch để ghi nhận thanh toán và cấp biên lai; nếu không được, liên hệ cổng thanh toán."));
            }
            else if (!therePaid && herePaid)
            {
                found.Add(new(MismatchKind.PaidHereNotThere, p.Reference, p.DossierCode, p.Amount, line.Amount,
                    "Hệ thống ghi nhận đã thanh toán nhưng cổng thanh toán không có khoản thu thành công.",
                    "Tạm dừng sử dụng biên lai, liên hệ cổng thanh toán xác minh và báo cáo kế toán."));
            }
            else if (thereRefunded && p.Status != OnlinePaymentStatus.Refunded)
            {
                found.Add(new(MismatchKind.RefundedThereOnly, p.Reference, p.DossierCode, p.Amount, line.Amount,
                    "Cổng thanh toán đã hoàn tiền nhưng hệ thống chưa ghi nhận việc hoàn tiền.",
                    "Xác minh lệnh hoàn tiền với cổng thanh toán và ghi nhận hoàn tiền trên hồ sơ."));
            }
            else if (!thereRefunded && p.Status == OnlinePaymentStatus.Refunded)
            {
                found.Add(new(MismatchKind.RefundedHereOnly, p.Reference, p.DossierCode, p.Amount, line.Amount,
                    "Hệ thống ghi nhận đã hoàn tiền nhưng cổng thanh toán chưa hoàn.",
                    "Gửi lại yêu cầu hoàn tiền tới cổng thanh toán hoặc liên hệ cổng thanh toán."));
            }
        }
        foreach (var p in ours.Where(p => !seen.Contains(p.Reference) && p.Status is OnlinePaymentStatus.Paid or OnlinePaymentStatus.Refunded))
        {
            found.Add(new(MismatchKind.PaidHereNotThere, p.Reference, p.DossierCode, p.Amount, null,
                "Hệ thống ghi nhận đã thanh toán nhưng giao dịch không có trên bảng kê của cổng thanh toán.",
                "Tạm dừng sử dụng biên lai, liên hệ cổng thanh toán xác minh và báo cáo kế toán."));
        }
        return found;
    }

    public static string StatusName(OnlinePaymentStatus status) => status switch
    {
        OnlinePaymentStatus.Pending => "đang chờ thanh toán",
        OnlinePaymentStatus.Paid => "đã thanh toán",
        OnlinePaymentStatus.Failed => "không thành công",
        OnlinePaymentStatus.Cancelled => "đã hủy",
        OnlinePaymentStatus.Refunded => "đã hoàn tiền",
    };

    public static string KindName(MismatchKind kind) => kind switch
    {
        MismatchKind.PaidThereNotHere => "Cổng đã thu, hệ thống chưa ghi nhận",
        MismatchKind.PaidHereNotThere => "Hệ thống ghi nhận, cổng không có",
        MismatchKind.AmountDiffers => "Chênh lệch số tiền",
        MismatchKind.UnknownReference => "Mã giao dịch không có trong hệ thống",
        MismatchKind.RefundedThereOnly => "Chỉ cổng đã hoàn tiền",
        MismatchKind.RefundedHereOnly => "Chỉ hệ thống ghi hoàn tiền",
    };
}
