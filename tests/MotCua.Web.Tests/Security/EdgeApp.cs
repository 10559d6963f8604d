using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// The app as the network edge sees it: each request comes from the address in <see cref="PeerHeader"/> (default
/// 127.0.0.1, as behind nothing on the same machine), and every log entry is kept in <see cref="Logs"/>.
/// </summary>
public sealed class EdgeApp : MotCuaApp
{
    public const string PeerHeader = "X-Test-Peer";

    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new PeerFilter());
            services.AddSingleton<ILoggerProvider>(new CaptureProvider(Logs));
        });
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = http.Request.Headers.TryGetValue(PeerHeader, out var peer) ? IPAddress.Parse(peer.ToString()) : IPAddress.Loopback;
                await nextMiddleware(http);
            });
            next(app);
        };
    }

    private sealed class CaptureProvider(ConcurrentQueue<(LogLevel, string, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capture(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class Capture(string category, ConcurrentQueue<(LogLevel, string, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception.GetType().Name)));
            }
        }
    }
}
