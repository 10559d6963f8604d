using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>
/// Chromium processes, each with its own Playwright driver, lent to one test class at a time and kept for the next:
/// starting a driver and a browser costs seconds on every class, while the fresh context each page opens already isolates
/// cookies and storage. A class that ends closes its contexts before the browser goes back; a browser that has
/// disconnected is replaced. At most as many are started as classes run at once.
/// </summary>
internal static class SharedChromium
{
    private static readonly ConcurrentBag<Instance> Idle = [];
    private static readonly ConcurrentBag<Instance> Started = [];

    static SharedChromium()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => CloseAll();
    }

    public static async Task<Instance> RentAsync()
    {
        while (Idle.TryTake(out var idle))
        {
            if (idle.Browser.IsConnected)
            {
                return idle;
            }
            idle.Dispose();
        }
        var playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("MOTCUA_CHROMIUM") ?? "/usr/bin/chromium";
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var instance = new Instance(playwright, browser);
        Started.Add(instance);
        return instance;
    }

    /// <summary>Closes what the class left open (its contexts and their pages) and lends the browser to the next class.</summary>
    public static async Task ReturnAsync(Instance instance)
    {
        foreach (var context in instance.Browser.Contexts.ToList())
        {
            await context.CloseAsync();
        }
        if (instance.Browser.IsConnected)
        {
            Idle.Add(instance);
        }
        else
        {
            instance.Dispose();
        }
    }

    private static void CloseAll()
    {
        foreach (var instance in Started)
        {
            instance.Dispose();
        }
    }

    internal sealed class Instance(IPlaywright playwright, IBrowser browser) : IDisposable
    {
        public IBrowser Browser { get; } = browser;

        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }
            // Closing the browser politely can wait on a driver that is going away; the driver's exit ends the browser anyway.
            _ = Task.WaitAny([Browser.CloseAsync()], TimeSpan.FromSeconds(5));
            playwright.Dispose();
        }
    }
}
