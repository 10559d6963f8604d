namespace MotCua.Core.Payments;

/// <summary>One payment attempt's state at MotCua.</summary>
public enum OnlinePaymentStatus
{
    Pending,
    Paid,
    Failed,
    Cancelled,
    Refunded,
}

/// <summary>What the gateway says happened to a transaction.</summary>
public enum GatewayOutcome
{
    Paid,
    Failed,
    Cancelled,

    /// <summary>Not finished yet (the citizen is still on the gateway's page, or left it).</summary>
    Pending,
    Refunded,
}

/// <summary>A message from the gateway about one transaction, already checked for its signature; amounts in đồng.</summary>
public sealed record GatewayReport(GatewayOutcome Outcome, long Amount, DateTimeOffset? At, string? TransactionNo);

/// <summary>The payment as MotCua holds it: status, expected amount and the gateway instant of the last report applied.</summary>
public sealed record PaymentFacts(OnlinePaymentStatus Status, long Amount, DateTimeOffset? LastReportAt);

public enum PaymentVerdict
{
    /// <summary>Paid now: the dossier's fee is paid online and a receipt is issued.</summary>
    Settle,

    /// <summary>The attempt failed or was cancelled; the citizen may start another.</summary>
    Close,

    /// <summary>The same outcome again (a repeated callback): nothing changes, the gateway is told it was already confirmed.</summary>
    AlreadyDone,

    /// <summary>An older report than the one applied, or a failure after a payment: nothing changes.</summary>
    Stale,

    /// <summary>The amount is not the one asked: refused, nothing changes.</summary>
    AmountMismatch,

    /// <summary>Still pending at the gateway: nothing to record yet.</summary>
    StillPending,
}

/// <summary>The decision on one report: what to do and the payment's status after it.</summary>
public sealed record PaymentDecision(PaymentVerdict Verdict, OnlinePaymentStatus Status);

/// <summary>
/// The one decision on a gateway report (IPN, return, status query): a payment is settled once, a repeated or older
/// report changes nothing, a paid payment never goes back to failed, and a report for another amount is refused.
/// </summary>
public static class PaymentDecider
{
    public static PaymentDecision Decide(PaymentFacts payment, GatewayReport report)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Outcome is GatewayOutcome.Paid && report.Amount != payment.Amount)
        {
            return new(PaymentVerdict.AmountMismatch, payment.Status);
        }
        if (payment.LastReportAt is { } last && report.At is { } at && at < last)
        {
            return new(PaymentVerdict.Stale, payment.Status);
        }
        return (payment.Status, report.Outcome) switch
        {
            (_, GatewayOutcome.Pending) => new(PaymentVerdict.StillPending, payment.Status),
            (OnlinePaymentStatus.Pending, GatewayOutcome.Paid) => new(PaymentVerdict.Settle, OnlinePaymentStatus.Paid),
            (OnlinePaymentStatus.Pending, GatewayOutcome.Failed) => new(PaymentVerdict.Close, OnlinePaymentStatus.Failed),
            (OnlinePaymentStatus.Pending, GatewayOutcome.Cancelled) => new(PaymentVerdict.Close, OnlinePaymentStatus.Cancelled),
            // A refund is started by an officer here; the gateway reporting one we did not record is a reconciliation matter.
            (OnlinePaymentStatus.Pending, GatewayOutcome.Refunded) => new(PaymentVerdict.Stale, payment.Status),
            (OnlinePaymentStatus.Paid, GatewayOutcome.Paid) => new(PaymentVerdict.AlreadyDone, payment.Status),
            (OnlinePaymentStatus.Paid, GatewayOutcome.Failed or GatewayOutcome.Cancelled or GatewayOutcome.Refunded) => new(PaymentVerdict.Stale, payment.Status),
            (OnlinePaymentStatus.Failed, GatewayOutcome.Failed) or (OnlinePaymentStatus.Cancelled, GatewayOutcome.Cancelled) => new(PaymentVerdict.AlreadyDone, payment.Status),
            // A late success after a failure the gateway itself reported earlier: the money was taken, so it is settled.
            (OnlinePaymentStatus.Failed or OnlinePaymentStatus.Cancelled, GatewayOutcome.Paid) => new(PaymentVerdict.Settle, OnlinePaymentStatus.Paid),
            (OnlinePaymentStatus.Failed or OnlinePaymentStatus.Cancelled, _) => new(PaymentVerdict.Stale, payment.Status),
            (OnlinePaymentStatus.Refunded, GatewayOutcome.Refunded) => new(PaymentVerdict.AlreadyDone, payment.Status),
            (OnlinePaymentStatus.Refunded, _) => new(PaymentVerdict.Stale, payment.Status),
        };
    }
}
