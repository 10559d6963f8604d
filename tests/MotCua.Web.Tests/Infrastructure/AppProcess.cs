using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// The app run as an operator runs it: a separate process (<c>dotnet MotCua.Web.dll …</c> from the build output, or
/// <c>dotnet run</c> with the project's launch profile), with its own environment, working directory and standard input.
/// </summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Repository root (MotCua.slnx) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>bin/&lt;Configuration&gt;/net10.0 of the test assembly: the app was built in the same configuration.</summary>
    public static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The app's own build output folder (what a publish would hold, minus trimming).</summary>
    public static string AppDirectory() => Path.Combine(RepoRoot(), "src", "MotCua.Web", "bin", Configuration, "net10.0");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Environment for the app on the test's database, with nothing inherited that would change the outcome.</summary>
    public static Dictionary<string, string?> DatabaseEnvironment(TestDatabase database, string environment) => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = environment,
        ["DOTNET_ENVIRONMENT"] = null,
        ["MotCua__Database__Provider"] = database.Provider,
        ["MotCua__Database__ConnectionString"] = database.ConnectionString,
        ["MotCua__Outbox__RunWorker"] = "false",
        ["MotCua__Privacy__PurgeIntervalHours"] = "0",
        ["MotCua__Audit__RunSealer"] = "false",
        // Production refuses to start without the audit key (SECURITY.md, Audit); every process of a test shares this one.
        ["MotCua__Audit__Key"] = TestAuditKey,
    };

    /// <summary>A fixed audit key for processes started by tests (32 bytes, base64).</summary>
    public const string TestAuditKey = "bW90Y3VhLXRlc3QtYXVkaXQta2V5LTMyLWJ5dGVzISE=";

    public static ProcessStartInfo Info(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }
        return info;
    }

    /// <summary>Runs the app's dll with the arguments until it exits (a command, or a start-up that refuses).</summary>
    public static Task<Result> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null,
        string? standardInput = null, string? appDll = null) =>
        RunToExitAsync(Info("dotnet", [appDll ?? Path.Combine(AppDirectory(), "MotCua.Web.dll"), .. args], environment, workingDirectory ?? Path.GetTempPath()), standardInput);

    public static async Task<Result> RunToExitAsync(ProcessStartInfo info, string? standardInput = null)
    {
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not exit within 120 s: {await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts a server process and waits until /health answers; fails with its output if it exits first.</summary>
    public static async Task<Process> StartServerAsync(ProcessStartInfo info, HttpClient client)
    {
        var process = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"The app exited during start-up with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {output}");
                }
            }
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        Stop(process);
        throw new TimeoutException("The app did not become healthy within 120 s: " + output);
    }

    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
    }
}
