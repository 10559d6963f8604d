using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Shared;
using WebSecurity = MotCua.Web.Shared.Security;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Headers a client chooses never decide who the client is or where the receipt's QR code points: X-Forwarded-For is
/// honoured only from a configured proxy (not from loopback), and absolute URLs come from MotCua:PublicBaseUrl.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string BaseUrl = "https://dichvucong.example.gov.vn";

    private static async Task<List<HttpStatusCode>> TokenRequestsAsync(EdgeApp app, int count, Func<int, string> forwardedFor, string? peer = null)
    {
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { userName = "khongco" + i, password = "Sai@12345" }) };
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            if (peer is not null)
            {
                request.Headers.Add(EdgeApp.PeerHeader, peer);
            }
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task A_fresh_forwarded_for_from_loopback_does_not_reset_the_login_limit()
    {
        using var app = new EdgeApp { Settings = { ["MotCua:RateLimits:LoginPerMinute"] = "3" } };
        var statuses = await TokenRequestsAsync(app, 8, i => "203.113.10." + i);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_fresh_forwarded_for_from_loopback_does_not_reset_the_look_up_limit()
    {
        using var app = new EdgeApp { Settings = { ["MotCua:RateLimits:LookupPerMinute"] = "3" } };
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/thong-ke");
            request.Headers.Add("X-Forwarded-For", "203.113.20." + i);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Forwarded_for_from_a_configured_proxy_names_the_client()
    {
        using var app = new EdgeApp
        {
            Settings =
            {
                ["MotCua:RateLimits:LoginPerMinute"] = "3",
                ["MotCua:ReverseProxy:KnownProxies:0"] = "10.0.0.5",
            },
        };
        // Each client behind the proxy has its own allowance...
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, await TokenRequestsAsync(app, 8, i => "203.113.30." + i, peer: "10.0.0.5"));
        // ...and one client stays limited however many requests it sends through the proxy.
        Assert.Contains(HttpStatusCode.TooManyRequests, await TokenRequestsAsync(app, 6, _ => "203.113.31.1", peer: "10.0.0.5"));
        // A proxy not on the list speaks for nobody: everything it forwards counts as the proxy itself.
        Assert.Contains(HttpStatusCode.TooManyRequests, await TokenRequestsAsync(app, 6, i => "203.113.32." + i, peer: "10.0.0.6"));
    }

    [Fact]
    public async Task Forwarded_networks_are_configurable_and_a_bad_value_stops_start_up()
    {
        var good = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MotCua:ReverseProxy:KnownProxies:0"] = "10.0.0.5",
            ["MotCua:ReverseProxy:KnownNetworks:0"] = "172.18.0.0/16",
        }).Build();
        var (proxies, networks) = WebSecurity.ReverseProxies(good);
        Assert.Equal([IPAddress.Parse("10.0.0.5")], proxies);
        Assert.True(Assert.Single(networks).Contains(IPAddress.Parse("172.18.3.4")));
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MotCua:ReverseProxy:KnownProxies:0"] = "proxy.local" }).Build();
        Assert.Throws<InvalidOperationException>(() => WebSecurity.ReverseProxies(bad));

        using var app = new EdgeApp { Settings = { ["MotCua:RateLimits:LoginPerMinute"] = "3", ["MotCua:ReverseProxy:KnownNetworks:0"] = "10.0.0.0/24" } };
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, await TokenRequestsAsync(app, 8, i => "203.113.40." + i, peer: "10.0.0.9"));
    }

    private static async Task<(string Code, HttpClient Client)> ReceiveAsync(EdgeApp app, string host)
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await LookupAndEvaluationTests.ReceiveAsync(desk, "Nguyễn Văn Máy Chủ " + Guid.NewGuid().ToString("N")[..6]);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://" + host + "/"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = desk.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        return (code, client);
    }

    [Fact]
    public async Task Host_headers_do_not_change_the_receipt_link_or_qr_code()
    {
        using var app = new EdgeApp { Settings = { [PublicUrls.Key] = BaseUrl + "/" } };
        var (code, client) = await ReceiveAsync(app, "attacker.example");
        using (client)
        {
            var pdf = await client.GetByteArrayAsync("/api/dossiers/" + code + "/forms/tiep-nhan.pdf");
            Assert.Equal([BaseUrl + "/tra-cuu/" + code], Tools.DecodeQrCodes(pdf));
            Assert.DoesNotContain("attacker", Tools.PdfToText(pdf), StringComparison.Ordinal);
        }
        // The receipt's e-mail carries the same link.
        await using var db = app.CreateDbContext();
        var bodies = db.OutboxMessages.Where(m => m.DossierCode == code && m.Body.Contains("/tra-cuu/")).Select(m => m.Body).ToList();
        Assert.NotEmpty(bodies);
        Assert.All(bodies, b => Assert.Contains(BaseUrl + "/tra-cuu/" + code, b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_base_url_outside_development_the_qr_code_carries_a_path_not_the_request_host()
    {
        using var app = new EdgeApp();
        var (code, client) = await ReceiveAsync(app, "attacker.example");
        using (client)
        {
            var pdf = await client.GetByteArrayAsync("/api/dossiers/" + code + "/forms/tiep-nhan.pdf");
            Assert.Equal(["/tra-cuu/" + code], Tools.DecodeQrCodes(pdf));
        }
    }

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "MotCua.Web";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    [Fact]
    public void Production_warns_about_a_wildcard_allowed_hosts_and_a_missing_base_url()
    {
        static IConfiguration Config(params (string, string)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Item1, v.Item2))).Build();

        var warnings = WebSecurity.StartupWarnings(Config(("AllowedHosts", "*")), new Env("Production"));
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("AllowedHosts", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains(PublicUrls.Key, StringComparison.Ordinal));
        Assert.Equal(2, WebSecurity.StartupWarnings(Config(), new Env("Production")).Count);
        Assert.Empty(WebSecurity.StartupWarnings(Config(("AllowedHosts", "dichvucong.example.gov.vn"), (PublicUrls.Key, BaseUrl)), new Env("Production")));
        Assert.Empty(WebSecurity.StartupWarnings(Config(("AllowedHosts", "*")), new Env("Development")));
        Assert.Throws<InvalidOperationException>(() => PublicUrls.Parse(Config((PublicUrls.Key, "dichvucong.example.gov.vn"))));
        Assert.Equal(BaseUrl, PublicUrls.Parse(Config((PublicUrls.LegacyKey, BaseUrl + "/"))));
    }
}
