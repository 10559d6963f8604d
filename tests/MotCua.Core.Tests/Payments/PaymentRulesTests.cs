using MotCua.Core.Payments;

namespace MotCua.Core.Tests.Payments;

public sealed class PaymentRulesTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<OnlinePaymentStatus, GatewayOutcome, long, int, PaymentVerdict, OnlinePaymentStatus> Cases => new()
    {
        { OnlinePaymentStatus.Pending, GatewayOutcome.Paid, 150_000, 0, PaymentVerdict.Settle, OnlinePaymentStatus.Paid },
        { OnlinePaymentStatus.Pending, GatewayOutcome.Cancelled, 150_000, 0, PaymentVerdict.Close, OnlinePaymentStatus.Cancelled },
        { OnlinePaymentStatus.Pending, GatewayOutcome.Failed, 150_000, 0, PaymentVerdict.Close, OnlinePaymentStatus.Failed },
        { OnlinePaymentStatus.Pending, GatewayOutcome.Pending, 150_000, 0, PaymentVerdict.StillPending, OnlinePaymentStatus.Pending },
        { OnlinePaymentStatus.Pending, GatewayOutcome.Paid, 1_000, 0, PaymentVerdict.AmountMismatch, OnlinePaymentStatus.Pending },
        { OnlinePaymentStatus.Paid, GatewayOutcome.Paid, 150_000, 0, PaymentVerdict.AlreadyDone, OnlinePaymentStatus.Paid },
        { OnlinePaymentStatus.Paid, GatewayOutcome.Failed, 150_000, 1, PaymentVerdict.Stale, OnlinePaymentStatus.Paid },
        { OnlinePaymentStatus.Paid, GatewayOutcome.Failed, 150_000, -1, PaymentVerdict.Stale, OnlinePaymentStatus.Paid },
        { OnlinePaymentStatus.Cancelled, GatewayOutcome.Paid, 150_000, -1, PaymentVerdict.Stale, OnlinePaymentStatus.Cancelled },
        { OnlinePaymentStatus.Cancelled, GatewayOutcome.Paid, 150_000, 1, PaymentVerdict.Settle, OnlinePaymentStatus.Paid },
        { OnlinePaymentStatus.Refunded, GatewayOutcome.Paid, 150_000, 1, PaymentVerdict.Stale, OnlinePaymentStatus.Refunded },
    };

    /// <param name="minutesAfterLast">The report's instant against the last one applied (negative: an older report).</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_report_is_applied_once_and_never_undoes_a_payment(OnlinePaymentStatus status, GatewayOutcome outcome, long amount, int minutesAfterLast,
        PaymentVerdict verdict, OnlinePaymentStatus after)
    {
        var decision = PaymentDecider.Decide(new PaymentFacts(status, 150_000, At), new GatewayReport(outcome, amount, At.AddMinutes(minutesAfterLast), "1"));
        Assert.Equal(verdict, decision.Verdict);
        Assert.Equal(after, decision.Status);
    }

    [Theory]
    [InlineData(0, "Không đồng")]
    [InlineData(5, "Năm đồng")]
    [InlineData(15, "Mười lăm đồng")]
    [InlineData(21, "Hai mươi mốt đồng")]
    [InlineData(105, "Một trăm linh năm đồng")]
    [InlineData(1_005, "Một nghìn không trăm linh năm đồng")]
    [InlineData(24_000, "Hai mươi tư nghìn đồng")]
    [InlineData(150_000, "Một trăm năm mươi nghìn đồng")]
    [InlineData(1_250_500, "Một triệu hai trăm năm mươi nghìn năm trăm đồng")]
    [InlineData(2_000_000_000, "Hai tỷ đồng")]
    public void Amounts_read_in_Vietnamese_words(long amount, string words) => Assert.Equal(words, AmountInWords.Dong(amount));

    [Fact]
    public void The_signature_covers_the_sorted_parameters_and_detects_a_change()
    {
        var p = new Dictionary<string, string>(StringComparer.Ordinal) { ["vnp_TxnRef"] = "abc", ["vnp_Amount"] = "15000000", ["vnp_OrderInfo"] = "Nộp phí" };
        Assert.Equal("vnp_Amount=15000000&vnp_OrderInfo=N%E1%BB%99p+ph%C3%AD&vnp_TxnRef=abc", GatewaySignature.Canonical(p));
        p[GatewaySignature.HashKey] = GatewaySignature.Sign("bi-mat", p);
        Assert.True(GatewaySignature.Verify("bi-mat", p));
        Assert.False(GatewaySignature.Verify("khac", p));
        p["vnp_Amount"] = "100000";
        Assert.False(GatewaySignature.Verify("bi-mat", p));
    }

    [Fact]
    public void Reconciliation_names_every_kind_of_difference()
    {
        RecordedPayment[] ours =
        [
            new("ok", "D1", 100, OnlinePaymentStatus.Paid),
            new("pending", "D2", 100, OnlinePaymentStatus.Pending),
            new("amount", "D3", 100, OnlinePaymentStatus.Paid),
            new("refund-there", "D4", 100, OnlinePaymentStatus.Paid),
            new("refund-here", "D5", 100, OnlinePaymentStatus.Refunded),
            new("missing-there", "D6", 100, OnlinePaymentStatus.Paid),
            new("failed", "D7", 100, OnlinePaymentStatus.Failed),
        ];
        StatementLine[] theirs =
        [
            new("ok", 100, GatewayOutcome.Paid, 0),
            new("pending", 100, GatewayOutcome.Paid, 0),
            new("amount", 90, GatewayOutcome.Paid, 0),
            new("refund-there", 100, GatewayOutcome.Refunded, 100),
            new("refund-here", 100, GatewayOutcome.Paid, 0),
            new("stranger", 70, GatewayOutcome.Paid, 0),
            new("failed", 100, GatewayOutcome.Failed, 0),
        ];
        var found = PaymentReconciliation.Compare(ours, theirs).ToDictionary(m => m.Reference, m => m.Kind);
        Assert.Equal(new Dictionary<string, MismatchKind>
        {
            ["pending"] = MismatchKind.PaidThereNotHere,
            ["amount"] = MismatchKind.AmountDiffers,
            ["refund-there"] = MismatchKind.RefundedThereOnly,
            ["refund-here"] = MismatchKind.RefundedHereOnly,
            ["stranger"] = MismatchKind.UnknownReference,
            ["missing-there"] = MismatchKind.PaidHereNotThere,
        }, found);
    }
}
