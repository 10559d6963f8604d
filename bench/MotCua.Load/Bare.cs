using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.Load;

/// <summary>The HTTP baseline: Kestrel with one endpoint and nothing else (no auth, no database, no logging).</summary>
public static class Bare
{
    public static async Task<int> RunAsync(Options options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:" + options.Required("port"));
        var app = builder.Build();
        app.MapGet("/ping", () => Results.Text("{\"ok\":true}", "application/json"));
        await app.RunAsync();
        return 0;
    }
}
