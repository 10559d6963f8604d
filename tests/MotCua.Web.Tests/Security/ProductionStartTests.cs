using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// The paths an operator takes to production, run as separate processes: the environment
/// they export is the one the app runs in, no demo account is created there, the app refuses to start in Production
/// while an account has the published demo password, the first administrator's password never sits on the command
/// line, and the app reads the settings beside it whatever folder it is started from.
/// </summary>
public sealed class ProductionStartTests
{
    private const string StrongPassword = "Qu4n-Tri!Moi2026";

    private static HttpClient Http(int port) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Login names and password hashes straight from the database (no app in between).</summary>
    private static async Task<Dictionary<string, string?>> UsersAsync(TestDatabase database)
    {
        var users = new Dictionary<string, string?>(StringComparer.Ordinal);
        System.Data.Common.DbConnection connection = database.Provider == "Postgres"
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = """SELECT "UserName", "PasswordHash" FROM "AspNetUsers" """;
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                users[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }
        return users;
    }

    /// <summary>The PBKDF2 round count of an Identity V3 hash (format marker, PRF, rounds, salt size: big-endian).</summary>
    private static int HashRounds(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4));
    }

    private static bool Verifies(string? hash, string password) =>
        hash is not null && new PasswordHasher<AppUser>().VerifyHashedPassword(new AppUser { FullName = "" }, hash, password) != PasswordVerificationResult.Failed;

    [Fact]
    public async Task Dotnet_run_with_an_exported_Production_environment_runs_in_Production_and_creates_no_demo_account()
    {
        using var database = new TestDatabase();
        var root = AppProcess.RepoRoot();
        var port = AppProcess.FreePort();
        // The trap a README could lead into: export the environment, then dotnet run (the launch profile applies).
        var info = AppProcess.Info("dotnet",
            ["run", "--project", Path.Combine(root, "src", "MotCua.Web"), "-c", AppProcess.Configuration, "--no-build", "--",
                "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"],
            AppProcess.DatabaseEnvironment(database, "Production"), root);
        using var http = Http(port);
        var process = await AppProcess.StartServerAsync(info, http);
        try
        {
            using var token = await http.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = MotCuaApp.DemoPassword });
            Assert.NotEqual(HttpStatusCode.OK, token.StatusCode);
            // Production serves no OpenAPI document unless told to.
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/openapi/v1.json")).StatusCode);
        }
        finally
        {
            AppProcess.Stop(process);
        }
        Assert.Empty(await UsersAsync(database));
    }

    [Fact]
    public async Task Production_refuses_to_start_while_an_account_has_the_demo_password_and_starts_once_every_one_is_reset()
    {
        await using var seeded = new MotCuaApp();
        using (seeded.CreateClient())
        {
            // Started: the Testing environment created the demo organisation and accounts on this database.
        }
        var port = AppProcess.FreePort();
        var environment = AppProcess.DatabaseEnvironment(seeded.Database, "Production");
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        environment["MOTCUA_ADMIN_PASSWORD"] = null;

        var refused = await AppProcess.RunAsync([], environment);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("mật khẩu mẫu công khai", refused.Error, StringComparison.Ordinal);
        Assert.Contains("admin, chuyenvien, daumoi, lanhdao, motcua, motcuaxa", refused.Error, StringComparison.Ordinal);

        // The way out the message names: reset-password, the new password on standard input.
        var reset = await AppProcess.RunAsync(["reset-password", "--user", "admin"], environment, standardInput: StrongPassword + "\n");
        Assert.True(reset.ExitCode == 0, reset.Error);
        var resetHash = (await UsersAsync(seeded.Database))["admin"];
        Assert.True(Verifies(resetHash, StrongPassword));
        // The app itself hashes with Identity's production rounds; only the in-process test apps use fewer.
        Assert.True(HashRounds(resetHash!) >= 100_000, $"the reset password was hashed with {HashRounds(resetHash!)} PBKDF2 rounds");

        var stillRefused = await AppProcess.RunAsync([], environment);
        Assert.Equal(1, stillRefused.ExitCode);
        Assert.DoesNotContain("admin,", stillRefused.Error, StringComparison.Ordinal);
        using (var scope = seeded.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var name in new[] { "motcua", "chuyenvien", "lanhdao", "daumoi", "motcuaxa" })
            {
                var user = (await users.FindByNameAsync(name))!;
                Assert.True((await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), StrongPassword)).Succeeded);
            }
        }

        using var http = Http(port);
        var process = await AppProcess.StartServerAsync(AppProcess.Info("dotnet", [Path.Combine(AppProcess.AppDirectory(), "MotCua.Web.dll")], environment, Path.GetTempPath()), http);
        try
        {
            // An officer, not the administrator: Production requires administrators to log in with a second factor.
            using var token = await http.PostAsJsonAsync("/api/auth/token", new { userName = "motcua", password = StrongPassword });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }
        finally
        {
            AppProcess.Stop(process);
        }
    }

    private sealed class LoggingApp(LogCapture capture) : MotCuaApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(capture));
        }
    }

    [Fact]
    public async Task Outside_Production_the_demo_passwords_are_a_loud_warning_at_start_up()
    {
        var capture = new LogCapture();
        await using var app = new LoggingApp(capture);
        using (app.CreateClient())
        {
            // Started in the Testing environment with the demo accounts.
        }
        Assert.True(capture.Contains(LogLevel.Warning, "SECURITY: accounts admin, chuyenvien, daumoi, lanhdao, motcua, motcuaxa have the published demo password"),
            string.Join(Environment.NewLine, capture.Lines.Select(l => l.Text)));
    }

    [Fact]
    public async Task Bootstrap_takes_the_password_from_standard_input_and_refuses_it_on_the_command_line()
    {
        using var database = new TestDatabase();
        var environment = AppProcess.DatabaseEnvironment(database, "Production");
        environment["MOTCUA_ADMIN_PASSWORD"] = null;
        string[] bootstrap = ["bootstrap", "--agency-code", "STN", "--agency-name", "Sở Thử nghiệm tỉnh Phú Yên", "--admin", "quantri"];

        var onCommandLine = await AppProcess.RunAsync([.. bootstrap, "--password", StrongPassword], environment);
        Assert.NotEqual(0, onCommandLine.ExitCode);
        Assert.Contains("Không nhận mật khẩu trên dòng lệnh", onCommandLine.Error, StringComparison.Ordinal);

        var fromInput = await AppProcess.RunAsync(bootstrap, environment, standardInput: StrongPassword + "\n");
        Assert.True(fromInput.ExitCode == 0, fromInput.Error);
        var users = await UsersAsync(database);
        Assert.Equal(new[] { "quantri" }, users.Keys.ToArray());
        Assert.True(Verifies(users["quantri"], StrongPassword));
    }

    [Fact]
    public async Task The_app_started_from_another_folder_reads_the_settings_beside_it()
    {
        var app = Path.Combine(Path.GetTempPath(), "motcua-app-" + Guid.NewGuid().ToString("N"));
        var elsewhere = Path.Combine(Path.GetTempPath(), "motcua-cwd-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyDirectory(AppProcess.AppDirectory(), app);
            Directory.CreateDirectory(elsewhere);
            var settings = Path.Combine(app, "appsettings.json");
            var text = await File.ReadAllTextAsync(settings);
            Assert.Contains("Data Source=data/motcua.db", text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(settings, text.Replace("Data Source=data/motcua.db", "Data Source=data/beside-the-app.db", StringComparison.Ordinal));

            var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = null,
                ["MotCua__Database__Provider"] = null,
                ["MotCua__Database__ConnectionString"] = null,
                ["ASPNETCORE_CONTENTROOT"] = null,
                ["MotCua__Audit__Key"] = AppProcess.TestAuditKey,
            };
            // A service unit or cron job with its own working directory: a command that opens the database and exits.
            var result = await AppProcess.RunAsync(["verify-audit"], environment, elsewhere, appDll: Path.Combine(app, "MotCua.Web.dll"));
            Assert.True(result.ExitCode == 0, result.Error + result.Output);
            Assert.True(File.Exists(Path.Combine(app, "data", "beside-the-app.db")), "The app did not use the appsettings.json beside it.");
            Assert.False(Directory.Exists(Path.Combine(elsewhere, "data")), "The app put its data in the working directory.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var dir in new[] { app, elsewhere })
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            // The build folder's own database and backups (a developer's local runs) are not part of the app.
            if (name is not ("data" or "backups"))
            {
                CopyDirectory(dir, Path.Combine(to, name));
            }
        }
    }
}
