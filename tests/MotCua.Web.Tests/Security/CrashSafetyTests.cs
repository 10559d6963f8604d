using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MotCua.Web.Tests.Security;

/// <summary>Runs only on PostgreSQL (the production database); says why when skipped.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!string.Equals(TestDatabase.CurrentProvider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "Crash safety is tested against PostgreSQL, the production database: run ./test.sh (MOTCUA_TEST_PROVIDER=Postgres).";
        }
    }
}

/// <summary>
/// The app as a separate process on PostgreSQL, receiving dossiers concurrently, killed with SIGKILL mid-load and
/// restarted: every receipt acknowledged with 201 exists exactly once, no dossier lacks its papers, events, audit
/// entry or outbox messages, and re-sending an Idempotency-Key after the restart returns the same dossier.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Workers = 8;

    private static readonly string AuditKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static string AppDll()
    {
        // Prefer the app's own build output (same configuration as this test assembly); the copy next to the tests works too.
        var testDir = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(testDir).Parent!.Parent!.Name; // bin/<Configuration>/net10.0
        for (var dir = new DirectoryInfo(testDir); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                var own = Path.Combine(dir.FullName, "src", "MotCua.Web", "bin", configuration, "net10.0", "MotCua.Web.dll");
                if (File.Exists(own))
                {
                    return own;
                }
                break;
            }
        }
        return Path.Combine(testDir, "MotCua.Web.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Start(TestDatabase database, int port)
    {
        var dll = AppDll();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Not Production: the demo accounts below have the published password, which Production refuses to start with.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        // ASPNETCORE_URLS, as an operator would set it: the app's own default address must not override it.
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        info.Environment["MotCua__Database__Provider"] = "Postgres";
        info.Environment["MotCua__Database__ConnectionString"] = database.ConnectionString;
        // The demo agency, its officers and catalogue stand in for a bootstrapped installation.
        info.Environment["MotCua__SeedDemoData"] = "true";
        // Production requires the audit key; the restarted process must use the same one.
        info.Environment["MotCua__Audit__Key"] = AuditKey;
        info.Environment["MotCua__SeedDemoDataOnPostgres"] = "true";
        info.Environment["MotCua__Outbox__RunWorker"] = "false";
        info.Environment["MotCua__Privacy__PurgeIntervalHours"] = "0";
        info.Environment["MotCua__RateLimits__LoginPerMinute"] = "100000";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                try
                {
                    output.WriteLine("[app] " + e.Data);
                }
                catch (InvalidOperationException)
                {
                    // The test already ended.
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient client, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, "The app exited during start-up (exit code " + (process.HasExited ? process.ExitCode : 0) + ").");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not become healthy within 60 s.");
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "motcua", password = MotCuaApp.DemoPassword });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static HttpRequestMessage Receipt(string token, string key, string marker)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers/")
        {
            Content = new StringContent(JsonSerializer.Serialize(new
            {
                procedureCode = "1.000173",
                channel = "direct",
                // The key in the name makes every request body distinct and lets the checks find each dossier.
                applicant = new { name = $"Người nộp {marker} {key}", idNumber = "079085001234", phone = "0905123456", address = "Tuy Hòa, Phú Yên" },
                papers = new[] { new { name = "Đơn đề nghị", present = true }, new { name = "Phiếu khai báo", present = true } },
            }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<string> CodeOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("code").GetString()!;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql, string marker)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("m", "%" + marker + "%");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [PostgresFact]
    public async Task Receipts_acknowledged_before_a_sigkill_exist_exactly_once_whole_and_replay_after_restart()
    {
        using var database = new TestDatabase();
        var port = FreePort();
        var marker = "crash" + Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(30) };

        var acknowledged = new ConcurrentDictionary<string, string>(StringComparer.Ordinal); // key → code
        var sent = new ConcurrentBag<string>();
        var process = Start(database, port);
        try
        {
            await WaitHealthyAsync(http, process);
            // Started from its build folder in Production, as a service would be: the pages still get their stylesheet.
            using (var css = await http.GetAsync("/css/site.css"))
            {
                Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            }
            var token = await TokenAsync(http);

            // Load: workers send receipts until the process dies under them.
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var key = $"{marker}-{w.ToString(CultureInfo.InvariantCulture)}-{i.ToString(CultureInfo.InvariantCulture)}";
                    sent.Add(key);
                    try
                    {
                        using var request = Receipt(token, key, marker);
                        using var response = await http.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged[key] = await CodeOfAsync(response);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
                    {
                        return; // the server is gone: this request's fate is unknown
                    }
                }
            })).ToList();

            var started = Stopwatch.StartNew();
            while (acknowledged.Count < 40 && started.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(20);
            }
            Assert.False(acknowledged.IsEmpty, "No receipt was acknowledged before the kill.");
            process.Kill(); // SIGKILL on Unix: no shutdown hooks, no flushing
            await process.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
            process.Dispose();
        }
        output.WriteLine($"Acknowledged {acknowledged.Count} of {sent.Count} sent before SIGKILL.");

        var restarted = Start(database, port);
        try
        {
            await WaitHealthyAsync(http, restarted);
            var token = await TokenAsync(http);

            await using var conn = new NpgsqlConnection(database.ConnectionString);
            await conn.OpenAsync();
            foreach (var (key, code) in acknowledged)
            {
                await using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM \"Dossiers\" WHERE \"Code\" = @c", conn);
                cmd.Parameters.AddWithValue("c", code);
                Assert.Equal(1L, Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
            }

            // Nothing half-written: every dossier of this run has both papers, its receipt event, its audit entry and its outbox rows.
            Assert.Equal(0L, await ScalarAsync(conn, """
                SELECT COUNT(*) FROM "Dossiers" d WHERE d."ApplicantName" LIKE @m AND (
                    (SELECT COUNT(*) FROM "DossierPapers" p WHERE p."DossierId" = d."Id") <> 2
                    OR NOT EXISTS (SELECT 1 FROM "DossierEvents" e WHERE e."DossierId" = d."Id")
                    OR NOT EXISTS (SELECT 1 FROM "AuditEntries" a WHERE a."EntityType" = 'Dossier' AND a."EntityId" = d."Code" AND a."Action" = 'dossier.receive')
                    OR NOT EXISTS (SELECT 1 FROM "OutboxMessages" o WHERE o."DossierCode" = d."Code"))
                """, marker));

            // Re-sending every key after the restart: acknowledged ones replay the same dossier; unknown ones are created
            // at most once (or replayed if they had committed); either way one dossier per key.
            foreach (var key in sent.Distinct(StringComparer.Ordinal))
            {
                using var request = Receipt(token, key, marker);
                using var response = await http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{key}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var code = await CodeOfAsync(response);
                if (acknowledged.TryGetValue(key, out var first))
                {
                    Assert.Equal(first, code);
                }
            }
            Assert.Equal(sent.Distinct(StringComparer.Ordinal).LongCount(), await ScalarAsync(conn, "SELECT COUNT(*) FROM \"Dossiers\" WHERE \"ApplicantName\" LIKE @m", marker));
            Assert.Equal(0L, await ScalarAsync(conn, "SELECT COUNT(*) FROM (SELECT \"Code\" FROM \"Dossiers\" WHERE \"ApplicantName\" LIKE @m GROUP BY \"Code\" HAVING COUNT(*) > 1) x", marker));
        }
        finally
        {
            if (!restarted.HasExited)
            {
                restarted.Kill();
                await restarted.WaitForExitAsync();
            }
            restarted.Dispose();
            NpgsqlConnection.ClearAllPools();
        }
    }
}
