using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Servers.PaymentGateway;

/// <summary>One transaction in the gateway's books (amounts in đồng; VNPAY's messages carry them ×100).</summary>
public sealed class Transaction
{
    public required string TxnRef { get; init; }

    public long Amount { get; set; }

    public string OrderInfo { get; init; } = "";

    public string ReturnUrl { get; init; } = "";

    /// <summary>The merchant's vnp_CreateDate (yyyyMMddHHmmss, Vietnam time): the statement's day.</summary>
    public required string CreateDate { get; init; }

    /// <summary>pending, paid, failed, cancelled, refunded.</summary>
    public string Status { get; set; } = "pending";

    public string? TransactionNo { get; set; }

    public string? PayDate { get; set; }

    public long RefundedAmount { get; set; }

    public List<Dictionary<string, string>> Ipns { get; } = [];
}

public sealed record IpnRecord(string TxnRef, IReadOnlyDictionary<string, string> Sent, int Status, string Answer);

public sealed class Gateway(IConfiguration configuration, IHttpClientFactory clients, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Transaction> transactions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IpnRecord> ipnLog = new();
    private readonly ConcurrentQueue<Dictionary<string, string>> received = new();
    private long nextTransactionNo = 14_000_000;

    public string TmnCode { get; } = configuration["Gateway:TmnCode"] ?? "MOTCUA01";

    public string Secret { get; } = configuration["Gateway:Secret"] ?? "khoa-bi-mat-cua-moi-truong-thu";

    public string? IpnUrl { get; set; } = configuration["Gateway:IpnUrl"];

    public SimBehaviour Behaviour { get; set; } = new();

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private string Now() => time.GetUtcNow().ToOffset(Vietnam).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public Transaction? Find(string txnRef) => transactions.GetValueOrDefault(txnRef);

    public IReadOnlyList<Transaction> All() => [.. transactions.Values.OrderBy(t => t.CreateDate, StringComparer.Ordinal)];

    public IReadOnlyList<IpnRecord> IpnLog() => [.. ipnLog];

    public IReadOnlyList<Dictionary<string, string>> Received() => [.. received];

    /// <summary>Checks a payment URL's parameters and opens (or re-opens) its transaction; the reason when refused.</summary>
    public string? Open(IReadOnlyDictionary<string, string> p)
    {
        received.Enqueue(new Dictionary<string, string>(p, StringComparer.Ordinal) { ["kind"] = "pay" });
        if (!Signing.Verify(Secret, p))
        {
            return "Sai chữ ký (mã lỗi 97).";
        }
        if (p.GetValueOrDefault("vnp_TmnCode") != TmnCode)
        {
            return "Đơn vị chấp nhận thanh toán không đúng.";
        }
        if (!long.TryParse(p.GetValueOrDefault("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount100) || amount100 <= 0 || amount100 % 100 != 0)
        {
            return "Số tiền không hợp lệ.";
        }
        var txnRef = p.GetValueOrDefault("vnp_TxnRef") ?? "";
        if (txnRef.Length == 0)
        {
            return "Thiếu mã giao dịch.";
        }
        var t = transactions.GetOrAdd(txnRef, _ => new Transaction
        {
            TxnRef = txnRef, Amount = amount100 / 100, OrderInfo = p.GetValueOrDefault("vnp_OrderInfo") ?? "",
            ReturnUrl = p.GetValueOrDefault("vnp_ReturnUrl") ?? "", CreateDate = p.GetValueOrDefault("vnp_CreateDate") ?? Now(),
        });
        return t.Status == "pending" ? null : "Giao dịch đã được xử lý trước đó.";
    }

    /// <summary>The citizen pressed "Thanh toán" or "Hủy": the IPN goes as <see cref="Behaviour"/> says; the browser's return URL comes back.</summary>
    public async Task<string?> CompleteAsync(string txnRef, string outcome)
    {
        if (Find(txnRef) is not { } t)
        {
            return null;
        }
        if (t.Status == "pending")
        {
            t.Status = outcome;
            t.TransactionNo = outcome == "paid" ? Interlocked.Increment(ref nextTransactionNo).ToString(CultureInfo.InvariantCulture) : "0";
            t.PayDate = Now();
        }
        var message = Message(t, Code(t.Status));
        var behaviour = Behaviour;
        switch (behaviour.Ipn)
        {
            case "none":
                break;
            case "twice":
                await SendAsync(t, message);
                await SendAsync(t, message);
                break;
            case "delayed":
                _ = Task.Run(async () =>
                {
                    await Task.Delay(behaviour.DelayMs);
                    await SendAsync(t, message);
                });
                break;
            default:
                await SendAsync(t, message);
                break;
        }
        var back = new Dictionary<string, string>(message, StringComparer.Ordinal);
        return t.ReturnUrl + (t.ReturnUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Signing.SignedQuery(Secret, back);
    }

    public async Task<IpnRecord?> SendCustomIpnAsync(SimIpn ipn)
    {
        if (Find(ipn.TxnRef) is not { } t)
        {
            return null;
        }
        var message = Message(t, ipn.ResponseCode);
        if (ipn.Amount is { } amount)
        {
            message["vnp_Amount"] = (amount * 100).ToString(CultureInfo.InvariantCulture);
        }
        if (ipn.PayDate is { } payDate)
        {
            message["vnp_PayDate"] = payDate;
        }
        return await SendAsync(t, message, ipn.BadSignature);
    }

    public async Task<IpnRecord?> ReplayAsync(string txnRef, int index) =>
        Find(txnRef) is { } t && index >= 0 && index < t.Ipns.Count ? await SendAsync(t, new Dictionary<string, string>(t.Ipns[index], StringComparer.Ordinal), resign: false) : null;

    private static string Code(string status) => status switch
    {
        "paid" => "00",
        "cancelled" => "24",
        _ => "51",
    };

    private Dictionary<string, string> Message(Transaction t, string responseCode) => new(StringComparer.Ordinal)
    {
        ["vnp_TmnCode"] = TmnCode,
        ["vnp_Amount"] = (t.Amount * 100).ToString(CultureInfo.InvariantCulture),
        ["vnp_BankCode"] = "NCB",
        ["vnp_OrderInfo"] = t.OrderInfo,
        ["vnp_PayDate"] = t.PayDate ?? Now(),
        ["vnp_ResponseCode"] = responseCode,
        ["vnp_TransactionNo"] = responseCode == "00" ? t.TransactionNo ?? "0" : "0",
        ["vnp_TransactionStatus"] = responseCode == "00" ? "00" : "02",
        ["vnp_TxnRef"] = t.TxnRef,
    };

    private async Task<IpnRecord> SendAsync(Transaction t, Dictionary<string, string> message, bool forge = false, bool resign = true)
    {
        if (resign || !message.ContainsKey(Signing.HashKey))
        {
            message[Signing.HashKey] = Signing.Sign(forge ? Secret + "-gia-mao" : Secret, message);
        }
        lock (t.Ipns)
        {
            t.Ipns.Add(message);
        }
        if (IpnUrl is null)
        {
            var none = new IpnRecord(t.TxnRef, message, 0, "no IPN URL configured");
            ipnLog.Enqueue(none);
            return none;
        }
        var query = string.Join('&', message.Select(p => System.Net.WebUtility.UrlEncode(p.Key) + "=" + System.Net.WebUtility.UrlEncode(p.Value)));
        using var client = clients.CreateClient();
        try
        {
            using var response = await client.GetAsync(new Uri(IpnUrl + "?" + query));
            var record = new IpnRecord(t.TxnRef, message, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
            ipnLog.Enqueue(record);
            return record;
        }
        catch (HttpRequestException e)
        {
            var failed = new IpnRecord(t.TxnRef, message, 0, e.Message);
            ipnLog.Enqueue(failed);
            return failed;
        }
    }

    /// <summary>querydr and refund, as VNPAY's merchant_webapi answers them: a signed JSON object.</summary>
    public Task<Dictionary<string, string>> ApiAsync(Dictionary<string, string> p)
    {
        received.Enqueue(new Dictionary<string, string>(p, StringComparer.Ordinal) { ["kind"] = p.GetValueOrDefault("vnp_Command") ?? "" });
        var answer = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_ResponseId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Command"] = p.GetValueOrDefault("vnp_Command") ?? "",
            ["vnp_TmnCode"] = TmnCode,
            ["vnp_TxnRef"] = p.GetValueOrDefault("vnp_TxnRef") ?? "",
        };
        if (!Signing.Verify(Secret, p) || p.GetValueOrDefault("vnp_TmnCode") != TmnCode)
        {
            answer["vnp_ResponseCode"] = "97";
            answer["vnp_Message"] = "Invalid signature";
        }
        else if (Find(answer["vnp_TxnRef"]) is not { } t)
        {
            answer["vnp_ResponseCode"] = "91";
            answer["vnp_Message"] = "Transaction not found";
        }
        else if (answer["vnp_Command"] == "querydr")
        {
            answer["vnp_ResponseCode"] = "00";
            answer["vnp_Message"] = "QueryDR Success";
            answer["vnp_Amount"] = (t.Amount * 100).ToString(CultureInfo.InvariantCulture);
            answer["vnp_TransactionNo"] = t.TransactionNo ?? "0";
            answer["vnp_PayDate"] = t.PayDate ?? "";
            // 00 paid, 01 not finished, 02 failed, 05 refund being processed/refunded.
            answer["vnp_TransactionStatus"] = t.Status switch { "paid" => "00", "pending" => "01", "refunded" => "05", _ => "02" };
        }
        else if (answer["vnp_Command"] == "refund")
        {
            long.TryParse(p.GetValueOrDefault("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount100);
            if (t.Status != "paid")
            {
                answer["vnp_ResponseCode"] = "02";
                answer["vnp_Message"] = "Transaction not paid or already refunded";
            }
            else if (amount100 <= 0 || amount100 / 100 > t.Amount)
            {
                answer["vnp_ResponseCode"] = "03";
                answer["vnp_Message"] = "Invalid amount";
            }
            else
            {
                t.RefundedAmount = amount100 / 100;
                t.Status = "refunded";
                answer["vnp_ResponseCode"] = "00";
                answer["vnp_Message"] = "Refund Success";
                answer["vnp_Amount"] = amount100.ToString(CultureInfo.InvariantCulture);
                answer["vnp_TransactionNo"] = t.TransactionNo ?? "0";
            }
        }
        else
        {
            answer["vnp_ResponseCode"] = "99";
            answer["vnp_Message"] = "Unknown command";
        }
        answer[Signing.HashKey] = Signing.Sign(Secret, answer);
        return Task.FromResult(answer);
    }

    /// <summary>A day's statement (yyyyMMdd, by the merchant's create date), as JSON with its lines and a signature over them.</summary>
    public object Statement(string day)
    {
        var lines = transactions.Values.Where(t => t.CreateDate.StartsWith(day, StringComparison.Ordinal) && t.Status != "pending")
            .OrderBy(t => t.TxnRef, StringComparer.Ordinal)
            .Select(t => new StatementLine(t.TxnRef, t.TransactionNo ?? "0", t.Amount, t.Status, t.PayDate, t.RefundedAmount))
            .ToList();
        var body = JsonSerializer.Serialize(lines, JsonSerializerOptions.Web);
        var signed = new Dictionary<string, string>(StringComparer.Ordinal) { ["vnp_TmnCode"] = TmnCode, ["vnp_Date"] = day, ["vnp_Lines"] = body };
        return new { vnp_ResponseCode = "00", vnp_TmnCode = TmnCode, vnp_Date = day, vnp_Lines = body, vnp_SecureHash = Signing.Sign(Secret, signed) };
    }

    public void Seed(SimTransaction s)
    {
        var t = transactions.GetOrAdd(s.TxnRef, _ => new Transaction { TxnRef = s.TxnRef, CreateDate = s.Date.Replace("-", "", StringComparison.Ordinal) + "090000" });
        t.Amount = s.Amount;
        t.Status = s.Status;
        t.TransactionNo = s.TransactionNo ?? t.TransactionNo ?? Interlocked.Increment(ref nextTransactionNo).ToString(CultureInfo.InvariantCulture);
        t.PayDate ??= t.CreateDate;
        t.RefundedAmount = s.RefundedAmount;
    }
}

public sealed record StatementLine(string TxnRef, string TransactionNo, long Amount, string Status, string? PayDate, long RefundedAmount);
