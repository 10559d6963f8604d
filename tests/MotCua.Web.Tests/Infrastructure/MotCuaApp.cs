using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MotCua.Web.Data;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// The app under test with its own fresh database (real migrations) and a fake clock. Use one per test class
/// (IClassFixture) with data unique to each test, or one per test.
/// </summary>
public partial class MotCuaApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "MotCua@2025";

    /// <summary>PBKDF2 rounds of the test apps' password hashes (production: ASP.NET Core Identity's default).</summary>
    public const int TestHashIterations = 1_000;

    /// <summary>Monday 10 March 2025, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);

    public TestDatabase Database { get; } = new(deferCreation: true);

    /// <summary>
    /// Migrate and seed this app's own empty database at start-up instead of copying the run's seeded template (for tests
    /// of the migrations and the first seed themselves).
    /// </summary>
    public bool MigratesEmptyDatabase { get; init; }

    /// <summary>Off for the seeded template's own app, so the template is the database exactly as the seed leaves it.</summary>
    internal bool RunsBackgroundServices { get; init; } = true;

    /// <summary>
    /// Whether this app may start on a copy of the seeded template: only the plain app, whose start-up is the template's
    /// own; a subclass that changes services or settings says so itself by overriding this.
    /// </summary>
    protected virtual bool StartsFromSeededTemplate => GetType() == typeof(MotCuaApp);

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    /// <summary>Extra configuration for one test app (applied after the defaults above).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The template was seeded at the default clock with no extra settings; anything else seeds its own database.
        var copiesTemplate = StartsFromSeededTemplate && !MigratesEmptyDatabase && Settings.Count == 0 && Clock.GetUtcNow() == DefaultNow;
        Database.EnsureCreated(copiesTemplate ? SeededTemplate.Default : null);
        builder.UseSetting("MotCua:Database:Provider", Database.Provider);
        builder.UseSetting("MotCua:Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("MotCua:SeedDemoData", "true");
        builder.UseSetting("MotCua:SeedDemoDataOnPostgres", "true");
        // Tests count dossiers, PAKN and papers: the demo's generated year and catalogue details stay out.
        builder.UseSetting("MotCua:SeedDemoHistory", "false");
        // The route matrix and the API tests read the OpenAPI document (off by default outside Development).
        builder.UseSetting("MotCua:OpenApi:Access", "Public");
        // Tests seal the audit chain themselves and log in far more often than a person.
        builder.UseSetting("MotCua:Audit:RunSealer", "false");
        // Tests run the personal-data purge themselves (PersonalDataTests).
        builder.UseSetting("MotCua:Privacy:PurgeIntervalHours", "0");
        builder.UseSetting("MotCua:RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("MotCua:RateLimits:PublicFormPerMinute", "100000");
        builder.UseSetting("MotCua:RateLimits:LookupPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // The production hash is deliberately slow, and a test run logs in thousands of times: the test apps hash with
            // fewer rounds of the same algorithm and format (docs/performance.md, "Test time"); apps started as processes
            // (ProductionStartTests) keep the production default.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestHashIterations);
            if (!RunsBackgroundServices)
            {
                foreach (var hosted in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && d.ImplementationType?.Name != "GenericWebHostService").ToList())
                {
                    services.Remove(hosted);
                }
            }
            // A row limit without an ORDER BY fails the test instead of logging a warning nobody reads (the bell's unread
            // count logged one on every officer page): which rows it keeps would be up to the query plan.
            services.ConfigureDbContext<SqliteAppDbContext>(o => o.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
            services.ConfigureDbContext<PostgresAppDbContext>(o => o.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
        });
    }

    public AppDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();

    // Keeps the factory's base address, which names the real port when the app runs on Kestrel.
    public HttpClient CreateNoRedirectClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A client whose cookie jar holds an officer's login, obtained through the real login form.</summary>
    public async Task<HttpClient> LoginAsync(string userName, string password = DemoPassword)
    {
        var client = CreateNoRedirectClient();
        var response = await PostLoginAsync(client, userName, password);
        // On Kestrel the factory's client follows redirects whatever its options say: there a login lands off the login page.
        var landedAfterLogin = response.StatusCode == HttpStatusCode.OK && response.RequestMessage?.RequestUri?.AbsolutePath is { } path
            && !path.StartsWith("/dang-nhap", StringComparison.Ordinal);
        if (response.StatusCode != HttpStatusCode.Redirect && !landedAfterLogin)
        {
            var body = await response.Content.ReadAsStringAsync();
            var alert = Regex.Match(body, "class=\"(?:alert|field-error|validation-summary-errors)[^\"]*\"[^>]*>(.*?)</", RegexOptions.Singleline);
            var main = Regex.Replace(body[Math.Max(0, body.IndexOf("<main", StringComparison.Ordinal))..], "<[^>]+>", " ");
            throw new InvalidOperationException($"Login as {userName} failed: {response.StatusCode} {(alert.Success ? WebUtility.HtmlDecode(alert.Groups[1].Value).Trim() : WebUtility.HtmlDecode(Regex.Replace(main, "\\s+", " "))[..Math.Min(600, main.Length)])}");
        }
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/dang-nhap");
        return await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenRegex().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    public async Task<string> TokenAsync(string userName, string password = DemoPassword)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    public async Task<HttpClient> ApiClientAsync(string userName, string password = DemoPassword)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(userName, password));
        return client;
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
