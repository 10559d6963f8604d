using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>Keeps every formatted log line (level and text) so a test can assert what an operator would read.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger<object>(this);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

    public bool Contains(LogLevel level, string text) =>
        Lines.Any(l => l.Level == level && l.Text.Contains(text, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger<T>(LogCapture owner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
