using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>An API endpoint's page twin (the page that does the same thing), or why it has none.</summary>
public sealed record Twin(string? Page, string? NoTwinBecause = null)
{
    public static Twin None(string because) => new(null, because);
}

/// <summary>
/// The rule of docs/authorization.md: an API endpoint that does what a page does is at least as strict as that page
/// (the import page was administrators only, its API any officer). Every API endpoint that writes is listed
/// here with its page twin or the reason it has none, so a new one cannot ship without the comparison.
/// </summary>
public static class PageApiTwins
{
    /// <summary>(method, API route pattern as the app declares it) → twin. Every POST/PUT/PATCH/DELETE under /api must be here.</summary>
    public static readonly IReadOnlyDictionary<string, Twin> Writes = new Dictionary<string, Twin>(StringComparer.Ordinal)
    {
        ["POST /api/auth/token"] = new("/dang-nhap"),
        ["POST /api/dossiers/"] = new("/mot-cua/tiep-nhan"),
        ["POST /api/dossiers/{code}/actions"] = new("/ho-so/{code}"),
        ["POST /api/dossiers/{code}/result-handback/sent"] = new("/mot-cua/ho-so-giay-tiep-nhan-ho"),
        ["POST /api/dossiers/{code}/result-handback/received"] = new("/mot-cua/tiep-nhan-ho/{code?}"),
        ["POST /api/dossiers/{code}/result-handback/returned"] = new("/mot-cua/tiep-nhan-ho/{code?}"),
        ["POST /api/dossiers/{code}/result-handback/collect-at-agency"] = new("/mot-cua/ho-so-giay-tiep-nhan-ho"),
        ["POST /api/dossiers/import"] = new("/ho-so/nhap"),
        ["POST /api/feedback/{code}/actions"] = new("/pakn/{id:long}"),
        ["POST /api/public/feedback/"] = new("/phan-anh-kien-nghi"),
        ["POST /api/public/dossiers/{code}/evaluation"] = new("/tra-cuu/{code?}"),
        ["POST /api/admin/outbox/{id:guid}/replay"] = new("/quan-tri/hang-doi-thong-bao"),
        ["POST /api/calendar/schedules"] = new("/lich-lam-viec"),
        ["POST /api/public/privacy-requests/"] = new("/quyen-du-lieu-ca-nhan"),
        ["POST /api/public/privacy-requests/follow"] = new("/quyen-du-lieu-ca-nhan/theo-doi"),
        ["POST /api/national/inbound/poll"] = new("/quan-tri/cong-dvcqg"),
        ["POST /api/national/inbound/{id:int}/reject"] = new("/quan-tri/cong-dvcqg"),
        ["POST /api/national/inbound/{id:int}/reprocess"] = new("/quan-tri/cong-dvcqg"),
        ["POST /api/reconciliation/{code}/resend"] = new("/doi-soat"),
        ["POST /api/reconciliation/{code}/explain"] = new("/doi-soat"),
        ["POST /api/dossiers/{code}/postal/pickup"] = new("/buu-chinh/yeu-cau-lay"),
        ["POST /api/dossiers/{code}/postal/dossier-pickup"] = new("/buu-chinh/yeu-cau-lay"),
        ["POST /api/postal/callback"] = new(null, "the postal carrier's signed tracking message, sent server to server: no person acts"),
    };

    /// <summary>Reads with a page twin (not required to be complete: a read shows, it does not change).</summary>
    public static readonly IReadOnlyDictionary<string, Twin> Reads = new Dictionary<string, Twin>(StringComparer.Ordinal)
    {
        ["GET /api/dossiers/"] = new("/ho-so/hang-doi"),
        ["GET /api/dossiers/{code}"] = new("/ho-so/{code}"),
        ["GET /api/dossiers/{code}/forms/{form}"] = new("/ho-so/{code}/bieu-mau/{form}"),
        ["GET /api/reports/dossiers"] = new("/bao-cao/ho-so"),
        ["GET /api/catalogue/export"] = new("/quan-tri/thu-tuc"),
        ["GET /api/admin/outbox/"] = new("/quan-tri/hang-doi-thong-bao"),
    };
}

/// <summary>
/// For every API endpoint with a page twin, each demo identity allowed by the API is allowed by the page too, found by
/// requesting both; and the list of twins covers every API endpoint that writes.
/// </summary>
public sealed class PageApiParityTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly string[] Identities = ["", "admin", "motcua", "chuyenvien", "lanhdao", "daumoi"];
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    private List<(string Method, string Pattern)> Endpoints()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var result = new List<(string, string)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            foreach (var m in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                result.Add((m, pattern));
            }
        }
        return result.Distinct().ToList();
    }

    [Fact]
    public void Every_api_endpoint_that_writes_is_declared_with_its_page_twin_or_why_it_has_none()
    {
        var endpoints = Endpoints();
        var writes = endpoints.Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && WriteMethods.Contains(e.Method))
            .Select(e => e.Method + " " + e.Pattern).ToHashSet(StringComparer.Ordinal);
        var undeclared = writes.Where(w => !PageApiTwins.Writes.ContainsKey(w)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undeclared.Count == 0, "API endpoints that write without a declared page twin (PageApiTwins.Writes):\n" + string.Join("\n", undeclared));

        var routes = endpoints.Select(e => e.Method + " " + e.Pattern).ToHashSet(StringComparer.Ordinal);
        var pages = endpoints.Select(e => e.Pattern).ToHashSet(StringComparer.Ordinal);
        var stale = PageApiTwins.Writes.Concat(PageApiTwins.Reads)
            .Where(t => !routes.Contains(t.Key) || (t.Value.Page is { } p && !pages.Contains(p)) || (t.Value.Page is null && string.IsNullOrWhiteSpace(t.Value.NoTwinBecause)))
            .Select(t => t.Key).ToList();
        Assert.True(stale.Count == 0, "Twins naming a route that does not exist, or without a twin and without a reason:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task An_api_endpoint_never_admits_an_identity_its_page_twin_refuses()
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var identity in Identities)
        {
            clients[identity] = identity.Length == 0 ? app.CreateNoRedirectClient() : await app.LoginAsync(identity);
        }
        var failures = new List<string>();
        var compared = 0;
        foreach (var (route, twin) in PageApiTwins.Writes.Concat(PageApiTwins.Reads))
        {
            if (twin.Page is not { } page)
            {
                continue;
            }
            var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            var apiUrl = AuthorizationMatrix.SampleUrl(route[(method.Length + 1)..]);
            var pageUrl = AuthorizationMatrix.SampleUrl(page);
            foreach (var identity in Identities)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), apiUrl);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var apiAllowed = !IsRefused(await clients[identity].SendAsync(request));
                var pageAllowed = !IsRefused(await clients[identity].GetAsync(pageUrl));
                compared++;
                if (apiAllowed && !pageAllowed)
                {
                    failures.Add($"{route} admits '{(identity.Length == 0 ? "anonymous" : identity)}', whom its page {page} refuses");
                }
            }
        }
        Assert.True(compared > 0);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsRefused(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/dang-nhap?ReturnUrl", StringComparison.Ordinal) || location.Contains("/khong-co-quyen", StringComparison.Ordinal));
    }
}
