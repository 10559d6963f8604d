using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Every page and API endpoint, enumerated from the app's own routing, is checked against <see cref="AuthorizationMatrix"/>
/// for an anonymous visitor and each demo role: allowed identities are not refused, the others are. An endpoint
/// without an entry fails the first test, so nothing new ships without a decision on who may use it.
/// </summary>
public sealed class AuthorizationMatrixTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly string[] Identities = ["", "admin", "motcua", "chuyenvien", "lanhdao", "daumoi"];

    private List<(string Method, string Pattern)> Endpoints()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var result = new List<(string, string)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var m in methods)
            {
                result.Add((m, pattern));
            }
        }
        return result.Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Every_endpoint_has_an_entry_in_the_matrix()
    {
        var missing = Endpoints().Where(e => AuthorizationMatrix.Find(e.Method, e.Pattern) is null).Select(e => $"{e.Method} {e.Pattern}").ToList();
        Assert.True(missing.Count == 0, "No authorisation entry for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Each_identity_gets_exactly_what_the_matrix_allows()
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var identity in Identities)
        {
            clients[identity] = identity.Length == 0 ? app.CreateNoRedirectClient() : await app.LoginAsync(identity);
        }
        var failures = new List<string>();
        foreach (var (method, pattern) in Endpoints())
        {
            var rule = AuthorizationMatrix.Find(method, pattern);
            if (rule is null || rule.SkipProbe)
            {
                continue;
            }
            var url = AuthorizationMatrix.SampleUrl(pattern);
            foreach (var identity in Identities)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var response = await clients[identity].SendAsync(request);
                var refused = IsRefused(response);
                var allowed = rule.Allows(identity);
                if (allowed == refused)
                {
                    failures.Add($"{method} {url} as '{(identity.Length == 0 ? "anonymous" : identity)}': expected {(allowed ? "allowed" : "refused")}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
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
