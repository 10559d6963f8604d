using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Core.Payments;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Payments;

/// <summary>MotCua:Payments:Gateway: where the gateway is and MotCua's merchant account there; online payment is off while Url is unset.</summary>
public sealed class PaymentGatewayOptions
{
    public const string Section = "MotCua:Payments:Gateway";

    /// <summary>The gateway's base address (its payment page is under /paymentv2/vpcpay.html).</summary>
    public Uri? Url { get; set; }

    /// <summary>The merchant (terminal) code the gateway gave the agency (vnp_TmnCode).</summary>
    public string MerchantCode { get; set; } = "";

    /// <summary>The shared secret that signs every message both ways.</summary>
    public string Secret { get; set; } = "";

    /// <summary>MotCua's public address the citizen's browser comes back to; the request's own address when unset.</summary>
    public Uri? ReturnUrlBase { get; set; }

    /// <summary>How long a payment may stay pending before the sweep asks the gateway about it.</summary>
    public int PendingMinutes { get; set; } = 15;

    public bool Enabled => Url is not null && MerchantCode.Length > 0 && Secret.Length > 0;
}

/// <summary>A gateway answer as MotCua reads it: its parameters and whether the signature held.</summary>
public sealed record GatewayMessage(IReadOnlyDictionary<string, string> Parameters, bool SignatureValid, string Raw)
{
    public string? Reference => Parameters.GetValueOrDefault("vnp_TxnRef");

    /// <summary>The report the message makes, or null when it does not say (unknown codes).</summary>
    public GatewayReport? Report(bool fromQuery)
    {
        var amount = long.TryParse(Parameters.GetValueOrDefault("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var a100) ? a100 / 100 : -1;
        var at = DateTime.TryParseExact(Parameters.GetValueOrDefault("vnp_PayDate"), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, VietnamTime.Offset) : (DateTimeOffset?)null;
        var response = Parameters.GetValueOrDefault("vnp_ResponseCode");
        var status = Parameters.GetValueOrDefault("vnp_TransactionStatus");
        GatewayOutcome? outcome = fromQuery
            ? status switch { "00" => GatewayOutcome.Paid, "01" => GatewayOutcome.Pending, "05" or "06" => GatewayOutcome.Refunded, null => null, _ => GatewayOutcome.Failed }
            : (response, status) switch
            {
                ("00", "00") => GatewayOutcome.Paid,
                ("24", _) => GatewayOutcome.Cancelled,
                (null, _) => null,
                _ => GatewayOutcome.Failed,
            };
        return outcome is { } o ? new GatewayReport(o, amount, at, Parameters.GetValueOrDefault("vnp_TransactionNo")) : null;
    }
}

/// <summary>
/// The adapter to a VNPAY-style gateway: the signed payment URL, reading and verifying its messages, and its merchant API
/// (querydr, refund, the daily statement). One adapter, so another gateway is another class behind the same calls.
/// </summary>
public sealed class PaymentGatewayClient(HttpClient http, IOptions<PaymentGatewayOptions> options, TimeProvider time)
{
    private PaymentGatewayOptions Options => options.Value;

    private string Stamp() => time.GetUtcNow().ToOffset(VietnamTime.Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>The address the citizen's browser is sent to, signed.</summary>
    public Uri PaymentUrl(OnlinePayment payment, string orderInfo, Uri returnUrl, string clientIp)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var p = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_Version"] = "2.1.0",
            ["vnp_Command"] = "pay",
            ["vnp_TmnCode"] = Options.MerchantCode,
            ["vnp_Amount"] = (payment.Amount * 100).ToString(CultureInfo.InvariantCulture),
            ["vnp_CurrCode"] = "VND",
            ["vnp_TxnRef"] = payment.Reference,
            ["vnp_OrderInfo"] = orderInfo,
            ["vnp_OrderType"] = "other",
            ["vnp_Locale"] = "vn",
            ["vnp_ReturnUrl"] = returnUrl.ToString(),
            ["vnp_IpAddr"] = clientIp,
            ["vnp_CreateDate"] = payment.CreatedAt.ToOffset(VietnamTime.Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
        };
        return new Uri(Options.Url!, "paymentv2/vpcpay.html?" + GatewaySignature.SignedQuery(Options.Secret, p));
    }

    /// <summary>A message that came in (IPN or return), read from its query string and checked.</summary>
    public GatewayMessage Read(IEnumerable<KeyValuePair<string, string>> query, string raw)
    {
        var p = query.GroupBy(q => q.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var valid = GatewaySignature.Verify(Options.Secret, p) && p.GetValueOrDefault("vnp_TmnCode") == Options.MerchantCode;
        return new GatewayMessage(p, valid, raw);
    }

    /// <summary>querydr: what the gateway knows of a transaction now.</summary>
    public Task<GatewayMessage> QueryAsync(OnlinePayment payment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return CallAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_Command"] = "querydr",
            ["vnp_TxnRef"] = payment.Reference,
            ["vnp_OrderInfo"] = "Truy van giao dich " + payment.Reference,
            ["vnp_TransactionDate"] = payment.CreatedAt.ToOffset(VietnamTime.Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
        }, ct);
    }

    /// <summary>A full refund of a paid transaction.</summary>
    public Task<GatewayMessage> RefundAsync(OnlinePayment payment, string createdBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return CallAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_Command"] = "refund",
            ["vnp_TransactionType"] = "02",
            ["vnp_TxnRef"] = payment.Reference,
            ["vnp_Amount"] = (payment.Amount * 100).ToString(CultureInfo.InvariantCulture),
            ["vnp_TransactionNo"] = payment.GatewayTransactionNo ?? "0",
            ["vnp_OrderInfo"] = "Hoan tien " + payment.Reference,
            ["vnp_CreateBy"] = createdBy,
            ["vnp_TransactionDate"] = payment.CreatedAt.ToOffset(VietnamTime.Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
        }, ct);
    }

    /// <summary>The gateway's statement of one day (Vietnam date), or null when its signature does not hold.</summary>
    public async Task<IReadOnlyList<StatementLine>?> StatementAsync(DateOnly day, CancellationToken ct)
    {
        var p = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_TmnCode"] = Options.MerchantCode,
            ["vnp_Date"] = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        };
        using var response = await http.GetAsync(new Uri(Options.Url!, "merchant_webapi/api/statement?" + GatewaySignature.SignedQuery(Options.Secret, p)), ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>(ct) ?? [];
        var fields = body.ToDictionary(k => k.Key, k => k.Value.ValueKind == JsonValueKind.String ? k.Value.GetString()! : k.Value.ToString(), StringComparer.Ordinal);
        var signed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_TmnCode"] = fields.GetValueOrDefault("vnp_TmnCode") ?? "",
            ["vnp_Date"] = fields.GetValueOrDefault("vnp_Date") ?? "",
            ["vnp_Lines"] = fields.GetValueOrDefault("vnp_Lines") ?? "",
            [GatewaySignature.HashKey] = fields.GetValueOrDefault(GatewaySignature.HashKey) ?? "",
        };
        if (fields.GetValueOrDefault("vnp_ResponseCode") != "00" || !GatewaySignature.Verify(Options.Secret, signed))
        {
            return null;
        }
        var lines = JsonSerializer.Deserialize<List<StatementJson>>(signed["vnp_Lines"], JsonSerializerOptions.Web) ?? [];
        return lines.Select(l => new StatementLine(l.TxnRef, l.Amount, l.Status switch
        {
            "paid" => GatewayOutcome.Paid,
            "refunded" => GatewayOutcome.Refunded,
            "cancelled" => GatewayOutcome.Cancelled,
            "pending" => GatewayOutcome.Pending,
            _ => GatewayOutcome.Failed,
        }, l.RefundedAmount)).ToList();
    }

    private sealed record StatementJson(string TxnRef, long Amount, string Status, long RefundedAmount);

    private async Task<GatewayMessage> CallAsync(Dictionary<string, string> p, CancellationToken ct)
    {
        p["vnp_RequestId"] = Guid.NewGuid().ToString("N");
        p["vnp_Version"] = "2.1.0";
        p["vnp_TmnCode"] = Options.MerchantCode;
        p["vnp_CreateDate"] = Stamp();
        p["vnp_IpAddr"] = "127.0.0.1";
        p[GatewaySignature.HashKey] = GatewaySignature.Sign(Options.Secret, p);
        using var response = await http.PostAsJsonAsync(new Uri(Options.Url!, "merchant_webapi/api/transaction"), p, ct);
        var raw = await response.Content.ReadAsStringAsync(ct);
        response.EnsureSuccessStatusCode();
        var answer = JsonSerializer.Deserialize<Dictionary<string, string>>(raw) ?? [];
        return new GatewayMessage(answer, GatewaySignature.Verify(Options.Secret, answer) && answer.GetValueOrDefault("vnp_TmnCode") == Options.MerchantCode, raw);
    }
}
