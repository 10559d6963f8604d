using System.Globalization;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace MotCua.Web.Shared;

/// <summary>
/// Security headers, reverse-proxy support, HTTPS and rate limits. Limits are per client address and configurable
/// (<c>MotCua:RateLimits:*</c>); a refused request gets 429 with a Vietnamese message.
/// </summary>
public static class Security
{
    public const string LoginPolicy = "login";
    public const string PublicFormPolicy = "public-form";
    public const string LookupPolicy = "lookup";
    private const string NonceKey = "motcua.csp-nonce";
    private const string FramedBySelfKey = "motcua.framed-by-self";
    private const string ControlCharacterDetail = "Dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự NUL hoặc ký tự điều khiển).";
    private const string MalformedBodyDetail = "Dữ liệu gửi lên không đúng định dạng hoặc không đầy đủ (biểu mẫu, tệp đính kèm hoặc JSON bị hỏng).";

    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PublicUrls>();
        var (proxies, networks) = ReverseProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The framework's defaults trust loopback, and empty lists would trust everyone: X-Forwarded-For then chose
            // the rate limiter's partition. Only the configured proxies may speak for a client; with none, nobody.
            // X-Forwarded-Host is never read: absolute URLs come from the configured base (PublicUrls).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardedHeaders = proxies.Count + networks.Count > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        var limits = configuration.GetSection("MotCua:RateLimits");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    http.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }
                const string message = "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.";
                if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = { Status = 429, Title = "Quá nhiều yêu cầu.", Detail = message },
                    });
                }
                else
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Quá nhiều yêu cầu</title><body style=\"font-family:sans-serif;padding:40px\"><h1>Quá nhiều yêu cầu</h1><p>{message}</p><p><a href=\"/\">Về trang chủ</a></p></body></html>", ct);
                }
            };
            AddPerClient(o, LoginPolicy, limits.GetValue("LoginPerMinute", 20));
            AddPerClient(o, PublicFormPolicy, limits.GetValue("PublicFormPerMinute", 20));
            AddPerClient(o, LookupPolicy, limits.GetValue("LookupPerMinute", 60));
        });
        return services;
    }

    private static void AddPerClient(RateLimiterOptions o, string name, int perMinute) =>
        o.AddPolicy(name, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>
    /// <c>MotCua:ReverseProxy:KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR). A value that does not
    /// parse stops start-up: silently dropping it would leave the proxy untrusted or, worse, be mistaken for trust.
    /// </summary>
    public static (IReadOnlyList<System.Net.IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks) ReverseProxies(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("MotCua:ReverseProxy");
        var proxies = new List<System.Net.IPAddress>();
        foreach (var value in section.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            proxies.Add(System.Net.IPAddress.TryParse(value.Trim(), out var ip)
                ? ip : throw new InvalidOperationException($"MotCua:ReverseProxy:KnownProxies: \"{value}\" is not an IP address."));
        }
        var networks = new List<System.Net.IPNetwork>();
        foreach (var value in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            networks.Add(System.Net.IPNetwork.TryParse(value.Trim(), out var network)
                ? network : throw new InvalidOperationException($"MotCua:ReverseProxy:KnownNetworks: \"{value}\" is not a network such as 10.0.0.0/24."));
        }
        return (proxies, networks);
    }

    /// <summary>
    /// Settings a public deployment must not run without, as warnings written at start-up outside Development and
    /// Testing: a wildcard <c>AllowedHosts</c> and a missing public base URL (QR codes and links would carry a path only).
    /// </summary>
    public static IReadOnlyList<string> StartupWarnings(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            return [];
        }
        var warnings = new List<string>();
        var hosts = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*", StringComparer.Ordinal))
        {
            warnings.Add("AllowedHosts is \"*\": any Host header is accepted. Set AllowedHosts to the public host name(s), e.g. AllowedHosts=dichvucong.example.gov.vn.");
        }
        if (PublicUrls.Parse(configuration) is null)
        {
            warnings.Add($"{PublicUrls.Key} is not set: receipt QR codes and links in messages carry a path only. Set it to the portal's public address, e.g. {PublicUrls.Key}=https://dichvucong.example.gov.vn.");
        }
        return warnings;
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<PublicUrls>(); // a malformed base URL stops start-up here
        foreach (var warning in StartupWarnings(app.Configuration, app.Environment))
        {
            app.Logger.LogWarning("Security setting missing: {Warning}", warning);
        }
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders != ForwardedHeaders.None)
        {
            app.UseForwardedHeaders();
        }
        if (app.Configuration.GetValue("MotCua:Https:Redirect", false))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use(async (http, next) =>
        {
            var nonce = CspNonces.Next();
            http.Items[NonceKey] = nonce;
            http.Response.OnStarting(() =>
            {
                var h = http.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                // A file previewed inside one of our own pages may be framed by them, and by no one else.
                var framed = http.Items.ContainsKey(FramedBySelfKey);
                h.XFrameOptions = framed ? "SAMEORIGIN" : "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                h.ContentSecurityPolicy = $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors {(framed ? "'self'" : "'none'")}; base-uri 'self'; object-src 'none'";
                return Task.CompletedTask;
            });
            await next(http);
        });
        // NUL never belongs in any input, and PostgreSQL refuses it in text ("invalid byte sequence"): answer 400 at the
        // door rather than a 500 from deep inside a query. JSON bodies carry it escaped (\u0000), so they are decoded too.
        // A body that cannot be read at all (truncated multipart, bad boundary, broken JSON) is refused here as well, on
        // every route, so no handler, antiforgery check or model binder meets it as an exception.
        app.Use(async (http, next) =>
        {
            string? refusal = http.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true ? ControlCharacterDetail : null;
            var status = StatusCodes.Status400BadRequest;
            if (refusal is null && http.Request.HasFormContentType)
            {
                try
                {
                    var form = await http.Request.ReadFormAsync(http.RequestAborted);
                    refusal = form.Any(f => f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)) ? ControlCharacterDetail : null;
                }
                catch (BadHttpRequestException e)
                {
                    (status, refusal) = (e.StatusCode, MalformedBodyDetail); // e.g. 413 over the body size limit
                }
                catch (IOException) when (http.RequestAborted.IsCancellationRequested)
                {
                    return; // the client went away mid-body: there is no one to answer, and nothing went wrong here
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    // The form reader refuses control characters, bad boundaries, too many parts and a body that ends early.
                    refusal = MalformedBodyDetail;
                }
            }
            if (refusal is null && http.Request.HasJsonContentType())
            {
                refusal = await JsonControlCharacters.InspectAsync(http.Request, http.RequestAborted) switch
                {
                    JsonBody.ControlCharacter => ControlCharacterDetail,
                    JsonBody.Malformed => MalformedBodyDetail,
                    _ => null,
                };
            }
            if (refusal is not null)
            {
                http.Response.StatusCode = status;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = status, Title = "Yêu cầu không hợp lệ.", Detail = refusal },
                });
                return;
            }
            await next(http);
        });
        return app;
    }

    /// <summary>
    /// CSP nonces: 16 cryptographically random bytes each, taken from a per-thread buffer refilled 64 nonces at a time,
    /// because a call into the OS random source per request is a visible share of a cheap page's CPU. Each slice of the
    /// buffer is handed out once.
    /// </summary>
    internal static class CspNonces
    {
        private const int Size = 16;
        private const int PerFill = 64;
        [ThreadStatic] private static byte[]? buffer;
        [ThreadStatic] private static int next;

        public static string Next()
        {
            if (buffer is null || next >= buffer.Length)
            {
                buffer ??= new byte[Size * PerFill];
                RandomNumberGenerator.Fill(buffer);
                next = 0;
            }
            var nonce = Convert.ToBase64String(buffer, next, Size);
            next += Size;
            return nonce;
        }
    }

    /// <summary>Lets this response be shown in a frame of the same origin (a file preview on an officer page).</summary>
    public static void AllowFramingBySelf(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[FramedBySelfKey] = true;
    }

    /// <summary>The per-request nonce for the rare inline script: <c>&lt;script nonce="@Context.CspNonce()"&gt;</c>.</summary>
    public static string CspNonce(this HttpContext http) => http.Items[NonceKey] as string ?? "";
}
