using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Malformed, oversized and hostile input to every public endpoint and every public form (found from the routing and
/// the authorisation matrix): each answer is a 4xx or a normal page, never a 5xx, and nothing stored changes.
/// </summary>
public sealed partial class HostileInputTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly string Huge = new('A', 10 * 1024 * 1024);

    /// <summary>Values that have broken real systems: injection, script, traversal, odd numbers and dates, control characters.</summary>
    private static readonly string[] Nasty =
    [
        "' OR 1=1; DROP TABLE \"Agencies\"; --",
        "<script>alert('x')</script>",
        "../../../../etc/passwd",
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "-1",
        "-99999999999999999999999",
        "1e309",
        "NaN",
        "0001-01-01",
        "9999-12-31T23:59:59+14:00",
        "\u0000\u0001\u001f",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e",
        new string('đ', 5000),
    ];

    private List<(string Method, string Pattern)> PublicEndpoints()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Where(e => AuthorizationMatrix.Find(e.Item1, e.Item2) is { Public: true })
            .Distinct().ToList();
    }

    private async Task<Dictionary<string, int>> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned() && t.ClrType != typeof(Dictionary<string, object>)))
        {
            var name = entity.GetTableName()!;
            if (name == "AuditEntries" || counts.ContainsKey(name))
            {
                continue;
            }
            // Raw count per table: a generic query over every mapped table.
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM \"{name}\"";
            if (cmd.Connection!.State != System.Data.ConnectionState.Open)
            {
                await cmd.Connection.OpenAsync();
            }
            counts[name] = Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    [Fact]
    public async Task Public_endpoints_answer_hostile_route_and_query_values_without_a_server_error()
    {
        var before = await CountsAsync();
        using var client = app.CreateNoRedirectClient();
        var failures = new List<string>();
        foreach (var (method, pattern) in PublicEndpoints().Where(e => e.Method == "GET"))
        {
            foreach (var value in Nasty.Append("%C3%28%FF%FE"))
            {
                var encoded = value.StartsWith('%') ? value : Uri.EscapeDataString(value);
                // Control characters cannot appear in a request path at all (the client refuses); they go in the query.
                var url = ParameterRegex().Replace(pattern, value.Any(char.IsControl) ? "x" : encoded);
                url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "q=" + encoded + "&year=" + encoded + "&receivedAt=" + encoded + "&workingDays=" + encoded + "&field=" + encoded + "&onlineLevel=" + encoded + "&agency=" + encoded;
                var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"GET {url[..Math.Min(url.Length, 120)]} → {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Public_json_endpoints_refuse_malformed_oversized_and_mistyped_bodies_with_4xx()
    {
        var before = await CountsAsync();
        using var client = app.CreateNoRedirectClient();
        var bodies = new List<HttpContent>
        {
            new StringContent("{ this is not json", Encoding.UTF8, "application/json"),
            new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x3A, 0x31, 0x7D]) { Headers = { ContentType = new("application/json") } },
            new StringContent("{\"userName\": 12, \"password\": [1,2], \"procedureCode\": {}, \"channel\": -1}", Encoding.UTF8, "application/json"),
            new StringContent("{\"userName\": \"" + Huge + "\", \"password\": \"x\"}", Encoding.UTF8, "application/json"),
            new StringContent("[" + string.Join(",", Enumerable.Repeat("{}", 10000)) + "]", Encoding.UTF8, "application/json"),
            new StringContent("<xml/>", Encoding.UTF8, "application/xml"),
            new StringContent("", Encoding.UTF8, "application/json"),
        };
        var failures = new List<string>();
        foreach (var (method, pattern) in PublicEndpoints().Where(e => e.Method is "POST" or "PUT"))
        {
            foreach (var body in bodies)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), ParameterRegex().Replace(pattern, "x")) { Content = body });
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500)
                {
                    failures.Add($"{method} {pattern} with {body.Headers.ContentType} ({await Describe(body)}) → {status}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Public_forms_reject_hostile_field_values_without_a_server_error()
    {
        var before = await CountsAsync();
        var failures = new List<string>();
        var pages = PublicEndpoints().Where(e => e.Method == "GET" && !e.Pattern.Contains('{', StringComparison.Ordinal) && !e.Pattern.StartsWith("/api", StringComparison.Ordinal) && !e.Pattern.Contains(".json", StringComparison.Ordinal) && e.Pattern != "/health").Select(e => e.Pattern);
        foreach (var page in pages)
        {
            using var client = app.CreateNoRedirectClient();
            var get = await client.GetAsync(page);
            if (get.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            var html = await get.Content.ReadAsStringAsync();
            foreach (Match form in FormRegex().Matches(html))
            {
                if (!form.Groups[1].Value.Contains("post", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var action = ActionRegex().Match(form.Groups[1].Value) is { Success: true } a ? System.Net.WebUtility.HtmlDecode(a.Groups[1].Value) : page;
                var token = TokenRegex().Match(form.Value) is { Success: true } t ? System.Net.WebUtility.HtmlDecode(t.Groups[1].Value) : "";
                var names = NameRegex().Matches(form.Value).Select(m => m.Groups[1].Value).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
                foreach (var value in Nasty.Append(Huge[..200_000]))
                {
                    var fields = names.Select(n => new KeyValuePair<string, string>(n, value)).Append(new("__RequestVerificationToken", token));
                    var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"POST {action} ({string.Join(",", names)}) with {value[..Math.Min(20, value.Length)]} → {(int)response.StatusCode}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>Bodies that cannot be read: truncated or boundary-less multipart, a form over the value limit, broken JSON.</summary>
    private static IEnumerable<(string Name, Func<HttpContent> Body)> MalformedBodies()
    {
        static HttpContent Raw(string text, string contentType)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }
        yield return ("multipart without parts", () => Raw("junk", "multipart/form-data; boundary=x"));
        yield return ("multipart cut off mid-part", () => Raw("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", "multipart/form-data; boundary=x"));
        yield return ("multipart cut off in a file", () => Raw("--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7", "multipart/form-data; boundary=x"));
        yield return ("multipart without boundary", () => Raw("--x--", "multipart/form-data"));
        yield return ("form over the value count limit", () => Raw(string.Join("&", Enumerable.Range(0, 1100).Select(i => "a" + i + "=1")), "application/x-www-form-urlencoded"));
        yield return ("JSON cut off", () => Raw("{\"userName\": \"admin\", \"password\": ", "application/json"));
        yield return ("JSON with trailing junk", () => Raw("{} junk", "application/json"));
    }

    [Fact]
    public async Task Malformed_bodies_on_every_route_answer_400_without_an_error_log()
    {
        using var edge = new EdgeApp();
        var sources = edge.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var routes = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["POST"])
                .Where(m => m is not ("GET" or "HEAD" or "OPTIONS")).DefaultIfEmpty("POST")
                .Select(m => (Method: m, Path: ParameterRegex().Replace("/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), "x"))))
            .Append(("POST", "/")).Append(("POST", "/khong-co-trang-nay"))
            .Distinct().ToList();
        using var anonymous = edge.CreateNoRedirectClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        edge.Logs.Clear(); // start-up's own entries (PostgreSQL logs the first look for the migrations table as an error)
        var failures = new List<string>();
        foreach (var (method, path) in routes)
        {
            foreach (var (name, body) in MalformedBodies())
            {
                // The body is read before authentication, so an anonymous client reaches officers' routes the same way.
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body() };
                var response = await anonymous.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{method} {path} with {name} → {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)) + $"\n({failures.Count} in all)");
        var errors = edge.Logs.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Category}: {e.Message}")));
    }

    [Fact]
    public async Task A_truncated_multipart_body_gets_a_vietnamese_problem_details()
    {
        using var client = app.CreateNoRedirectClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("junk"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        var response = await client.PostAsync("/api/public/feedback", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Yêu cầu không hợp lệ.", problem.GetProperty("title").GetString());
        Assert.Contains("không đúng định dạng", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> Describe(HttpContent body)
    {
        var bytes = await body.ReadAsByteArrayAsync();
        return bytes.Length > 40 ? $"{bytes.Length} bytes" : Encoding.UTF8.GetString(bytes);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterRegex();

    [GeneratedRegex(@"<form([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ActionRegex();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<(?:input|select|textarea)[^>]*\\sname=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex NameRegex();
}
