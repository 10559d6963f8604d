using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.Web.Tests.Notifications.Fakes;

/// <summary>One request a fake endpoint received, and whether it answered success.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] BodyBytes, bool Accepted)
{
    public string Body => Encoding.UTF8.GetString(BodyBytes);

    public string? IdempotencyKey => Headers.GetValueOrDefault("Idempotency-Key");
}

/// <summary>
/// A loopback HTTP endpoint (Kestrel on 127.0.0.1, a free port) standing in for the SMS gateway, Zalo, the national
/// portal or a webhook receiver. It records every request; it can be told to fail the next N requests or to answer
/// with a given body.
/// </summary>
public sealed class FakeHttpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private int _failNext;

    /// <summary>The JSON answered on success; the default is both the national portal's and Zalo's success form.</summary>
    public string SuccessBody { get; set; } = """{"error_code":"0","error":0,"acknowledged":true}""";

    public string Url { get; private set; } = "";

    private FakeHttpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public static async Task<FakeHttpReceiver> StartAsync()
    {
        var fake = new FakeHttpReceiver();
        await fake._app.StartAsync();
        fake.Url = fake._app.Urls.First();
        return fake;
    }

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    /// <summary>Accepted requests counted once per idempotency key: what a receiver that dedupes would have processed.</summary>
    public IReadOnlyDictionary<string, int> AcceptedByKey =>
        _requests.Where(r => r.Accepted).GroupBy(r => r.IdempotencyKey ?? "").ToDictionary(g => g.Key, g => g.Count());

    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var fail = Interlocked.Decrement(ref _failNext) >= 0;
        if (!fail)
        {
            Interlocked.Exchange(ref _failNext, 0);
        }
        _requests.Enqueue(new ReceivedRequest(context.Request.Path, headers, buffer.ToArray(), !fail));
        if (fail)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("gateway down");
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(SuccessBody);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
