using System.Diagnostics;
using System.Globalization;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// One of the project's stand-in servers for an external system (under <c>tests/Servers/</c>: the national portal, the
/// identity provider, the payment gateway…) run as a real process on a free loopback port, as the journeys need: no
/// external system is replaced by an in-process mock. Each server answers <c>GET /health</c> when it is ready.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly Process process;

    private LoopbackServer(Process process, Uri url, HttpClient client)
    {
        this.process = process;
        Url = url;
        Client = client;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>A client on <see cref="Url"/> for the test's own calls (control endpoints, assertions).</summary>
    public HttpClient Client { get; }

    /// <summary>The built server's dll: tests/Servers/&lt;project&gt;/bin/&lt;Configuration&gt;/net10.0/&lt;project&gt;.dll.</summary>
    public static string DllPath(string project) =>
        Path.Combine(AppProcess.RepoRoot(), "tests", "Servers", project, "bin", AppProcess.Configuration, "net10.0", project + ".dll");

    /// <summary>Starts <paramref name="project"/> with its extra arguments and waits until it is healthy.</summary>
    public static async Task<LoopbackServer> StartAsync(string project, IEnumerable<string>? args = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var dll = DllPath(project);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The stand-in server {project} is not built (expected {dll}); build the solution first.", dll);
        }
        var port = AppProcess.FreePort();
        var url = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var info = AppProcess.Info("dotnet", [dll, .. args ?? []], env, Path.GetDirectoryName(dll)!);
        var process = await AppProcess.StartServerAsync(info, client);
        return new LoopbackServer(process, url, client);
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        AppProcess.Stop(process);
        return ValueTask.CompletedTask;
    }
}
