using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MotCua.Servers.PaymentGateway;

// A stand-in for a Vietnamese payment gateway (VNPAY-style, version 2.1.0): the payment page, the signed return and
// IPN, the status query (querydr), the refund and the daily statement; /sim/... lets a test drive what it does.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Gateway>();
builder.Services.AddHttpClient();
var app = builder.Build();

app.MapGet("/health", () => Results.Ok("ok"));

app.MapGet("/paymentv2/vpcpay.html", (HttpRequest request, Gateway gateway) =>
{
    var p = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
    var problem = gateway.Open(p);
    if (problem is not null)
    {
        return Results.Content(Html.Page("Giao dịch không hợp lệ", "<p role=\"alert\">" + WebUtility.HtmlEncode(problem) + "</p>"), "text/html; charset=utf-8", statusCode: 400);
    }
    var t = gateway.Find(p["vnp_TxnRef"])!;
    var amount = t.Amount.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
    var body = "<p>Đơn vị chấp nhận thanh toán: <strong>" + WebUtility.HtmlEncode(gateway.TmnCode) + "</strong></p>"
        + "<p>Nội dung: " + WebUtility.HtmlEncode(t.OrderInfo) + "</p>"
        + "<p>Mã giao dịch: <span data-testid=\"txn-ref\">" + WebUtility.HtmlEncode(t.TxnRef) + "</span></p>"
        + "<p class=\"amount\">Số tiền: <strong data-testid=\"gateway-amount\">" + amount + " VND</strong></p>"
        + "<form method=\"post\" action=\"/paymentv2/confirm\"><input type=\"hidden\" name=\"txnRef\" value=\"" + WebUtility.HtmlEncode(t.TxnRef) + "\" />"
        + "<button name=\"choice\" value=\"pay\" class=\"pay\">Thanh toán</button> <button name=\"choice\" value=\"cancel\" class=\"cancel\">Hủy</button></form>";
    return Results.Content(Html.Page("Cổng thanh toán (giả lập)", body), "text/html; charset=utf-8");
});

app.MapPost("/paymentv2/confirm", async (HttpRequest request, Gateway gateway) =>
{
    var form = await request.ReadFormAsync();
    var outcome = form["choice"].ToString() == "pay" ? "paid" : "cancelled";
    var returnUrl = await gateway.CompleteAsync(form["txnRef"].ToString(), outcome);
    return returnUrl is null ? Results.NotFound() : Results.Redirect(returnUrl);
}).DisableAntiforgery();

app.MapPost("/merchant_webapi/api/transaction", async (HttpRequest request, Gateway gateway) =>
{
    var p = await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(request.Body) ?? [];
    return Results.Json(await gateway.ApiAsync(p));
});

app.MapGet("/merchant_webapi/api/statement", (HttpRequest request, Gateway gateway) =>
{
    var p = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
    return Signing.Verify(gateway.Secret, p) && p.GetValueOrDefault("vnp_TmnCode") == gateway.TmnCode
        ? Results.Json(gateway.Statement(p.GetValueOrDefault("vnp_Date") ?? ""))
        : Results.Json(new { vnp_ResponseCode = "97", vnp_Message = "Invalid signature" });
});

// ---- control endpoints for tests
app.MapPost("/sim/config", (SimConfig config, Gateway gateway) =>
{
    gateway.IpnUrl = config.IpnUrl ?? gateway.IpnUrl;
    return Results.Ok();
});
app.MapPost("/sim/behaviour", (SimBehaviour behaviour, Gateway gateway) =>
{
    gateway.Behaviour = behaviour;
    return Results.Ok();
});
app.MapPost("/sim/complete", async (SimComplete c, Gateway gateway) =>
    await gateway.CompleteAsync(c.TxnRef, c.Outcome) is { } url ? Results.Ok(new { returnUrl = url }) : Results.NotFound());
app.MapPost("/sim/ipn/send", async (SimIpn ipn, Gateway gateway) =>
    await gateway.SendCustomIpnAsync(ipn) is { } answer ? Results.Ok(answer) : Results.NotFound());
app.MapPost("/sim/ipn/replay", async (SimReplay replay, Gateway gateway) =>
    await gateway.ReplayAsync(replay.TxnRef, replay.Index) is { } answer ? Results.Ok(answer) : Results.NotFound());
app.MapGet("/sim/transactions", (Gateway gateway) => Results.Ok(gateway.All()));
app.MapPost("/sim/transactions", (SimTransaction t, Gateway gateway) =>
{
    gateway.Seed(t);
    return Results.Ok();
});
app.MapGet("/sim/ipn", (Gateway gateway) => Results.Ok(gateway.IpnLog()));
app.MapGet("/sim/received", (Gateway gateway) => Results.Ok(gateway.Received()));
app.MapGet("/sim/statement", (string date, Gateway gateway) => Results.Ok(gateway.Statement(date.Replace("-", "", StringComparison.Ordinal))));

app.Run();
