using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

// A stand-in for the public postal carrier (bưu chính công ích): pickup orders with a waybill code, the status query and
// signed tracking callbacks; /sim/... lets a test list orders, advance them, forge callbacks and take the carrier down.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpClient();
var app = builder.Build();

var apiKey = app.Configuration["Carrier:ApiKey"] ?? "sim-key";
var callbackSecret = app.Configuration["Carrier:CallbackSecret"] ?? "sim-callback-secret";
var callbackUrl = app.Configuration["Carrier:CallbackUrl"];
var down = false;
var sequence = 0;
var orders = new ConcurrentDictionary<string, Order>(StringComparer.Ordinal);
var callbacks = new ConcurrentQueue<object>();

app.MapGet("/health", () => Results.Ok("ok"));

bool Authorised(HttpRequest r) => string.Equals(r.Headers["X-Api-Key"].ToString(), apiKey, StringComparison.Ordinal);

// The carrier's API: a pickup order is idempotent on the sender's own reference, so a retried request gets the same waybill.
app.MapPost("/api/orders", (OrderRequest request, HttpRequest http) =>
{
    if (down)
    {
        return Results.StatusCode(503);
    }
    if (!Authorised(http))
    {
        return Results.Json(new { error = "invalid api key" }, statusCode: 401);
    }
    if (string.IsNullOrWhiteSpace(request.Reference) || string.IsNullOrWhiteSpace(request.RecipientName) || string.IsNullOrWhiteSpace(request.Address))
    {
        return Results.Json(new { error = "reference, recipientName and address are required" }, statusCode: 400);
    }
    var existing = orders.Values.FirstOrDefault(o => o.Reference == request.Reference);
    if (existing is not null)
    {
        return Results.Ok(existing.Answer());
    }
    var waybill = "EB" + Interlocked.Increment(ref sequence).ToString("D7", CultureInfo.InvariantCulture) + "VN";
    var order = new Order(waybill, request.Reference, request.Kind ?? "delivery", request.RecipientName, request.Address, request.Phone, request.Note)
    {
        Status = "ordered", At = TimeProvider.System.GetUtcNow(),
    };
    orders[waybill] = order;
    return Results.Ok(order.Answer());
});

app.MapGet("/api/orders/{waybill}", (string waybill, HttpRequest http) =>
    down ? Results.StatusCode(503)
    : !Authorised(http) ? Results.Json(new { error = "invalid api key" }, statusCode: 401)
    : orders.TryGetValue(waybill, out var o) ? Results.Ok(o.Answer()) : Results.NotFound());

// ---- control endpoints for tests
app.MapPost("/sim/config", (SimConfig config) =>
{
    callbackUrl = config.CallbackUrl ?? callbackUrl;
    return Results.Ok();
});
app.MapPost("/sim/down", () =>
{
    down = true;
    return Results.Ok();
});
app.MapPost("/sim/up", () =>
{
    down = false;
    return Results.Ok();
});
app.MapGet("/sim/orders", () => Results.Ok(orders.Values.OrderBy(o => o.Waybill, StringComparer.Ordinal).Select(o => o.Answer() with { }).ToList()));
app.MapGet("/sim/orders/detail", () => Results.Ok(orders.Values.OrderBy(o => o.Waybill, StringComparer.Ordinal).ToList()));
app.MapGet("/sim/callbacks", () => Results.Ok(callbacks.ToList()));

// Moves an order to a status and, unless told not to, sends the signed callback (the sweep test keeps it quiet).
app.MapPost("/sim/orders/{waybill}/advance", async (string waybill, SimAdvance advance, IHttpClientFactory clients) =>
{
    if (!orders.TryGetValue(waybill, out var o))
    {
        return Results.NotFound();
    }
    o.Status = advance.Status;
    o.At = advance.At ?? TimeProvider.System.GetUtcNow();
    return advance.Callback ? Results.Ok(await SendAsync(clients, new Callback(waybill, advance.Status, o.At), forged: false)) : Results.Ok(o.Answer());
});

// A callback that does not change the order: repeated, out of order, or forged (signed with another key).
app.MapPost("/sim/callback/send", async (SimCallback c, IHttpClientFactory clients) =>
    Results.Ok(await SendAsync(clients, new Callback(c.Waybill, c.Status, c.At ?? TimeProvider.System.GetUtcNow()), c.Forged)));

app.Run();

async Task<object> SendAsync(IHttpClientFactory clients, Callback callback, bool forged)
{
    if (callbackUrl is null)
    {
        return new { status = 0, answer = "no callback url" };
    }
    var body = JsonSerializer.Serialize(callback, JsonSerializerOptions.Web);
    var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(forged ? "not-the-secret" : callbackSecret), Encoding.UTF8.GetBytes(body)));
    using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    request.Headers.Add("X-Signature", signature);
    using var response = await clients.CreateClient().SendAsync(request);
    var answer = new { status = (int)response.StatusCode, answer = await response.Content.ReadAsStringAsync(), body, forged };
    callbacks.Enqueue(answer);
    return answer;
}

internal sealed record OrderRequest(string Reference, string? Kind, string RecipientName, string Address, string? Phone, string? Note);

internal sealed record OrderAnswer(string Waybill, string Reference, string Status, DateTimeOffset At);

internal sealed record Callback(string Waybill, string Status, DateTimeOffset At);

internal sealed record SimConfig(string? CallbackUrl);

internal sealed record SimAdvance(string Status, DateTimeOffset? At = null, bool Callback = true);

internal sealed record SimCallback(string Waybill, string Status, DateTimeOffset? At = null, bool Forged = false);

internal sealed class Order(string waybill, string reference, string kind, string recipientName, string address, string? phone, string? note)
{
    public string Waybill { get; } = waybill;

    public string Reference { get; } = reference;

    public string Kind { get; } = kind;

    public string RecipientName { get; } = recipientName;

    public string Address { get; } = address;

    public string? Phone { get; } = phone;

    public string? Note { get; } = note;

    public required string Status { get; set; }

    public DateTimeOffset At { get; set; }

    public OrderAnswer Answer() => new(Waybill, Reference, Status, At);
}
