using System.Net;

namespace MotCua.Servers.PaymentGateway;

/// <summary>Where the gateway sends its IPN (set after MotCua has its port).</summary>
public sealed record SimConfig(string? IpnUrl);

/// <summary>
/// What the next completions do with the IPN: <c>normal</c> (once, before the return), <c>none</c> (the citizen closed
/// the page and the callback never comes), <c>twice</c>, <c>delayed</c> (after <see cref="DelayMs"/>, following the return).
/// </summary>
public sealed record SimBehaviour(string Ipn = "normal", int DelayMs = 0);

public sealed record SimComplete(string TxnRef, string Outcome);

/// <summary>
/// A hand-made IPN for a transaction: its response code, amount (đồng) and pay date (yyyyMMddHHmmss), and
/// <see cref="BadSignature"/> for a forged one.
/// </summary>
public sealed record SimIpn(string TxnRef, string ResponseCode = "00", long? Amount = null, string? PayDate = null, bool BadSignature = false);

public sealed record SimReplay(string TxnRef, int Index);

/// <summary>A transaction put in the gateway's books directly, or an existing one changed (status, amount), for reconciliation cases.</summary>
public sealed record SimTransaction(string TxnRef, long Amount, string Status, string Date, string? TransactionNo = null, long RefundedAmount = 0);

internal static class Html
{
    public static string Page(string title, string body) =>
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + WebUtility.HtmlEncode(title) + "</title><style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}"
        + "button{font-size:1.1rem;padding:.6rem 1.4rem;margin:.5rem .5rem 0 0}.pay{background:#0a58ca;color:#fff;border:0}.amount{font-size:1.3rem}</style></head>"
        + "<body><h1>" + WebUtility.HtmlEncode(title) + "</h1>" + body + "</body></html>";
}
