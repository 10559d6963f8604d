using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace MotCua.Web.Shared;

/// <summary>
/// The anonymous public pages whose content depends only on the address and the catalogue (the catalogue, a procedure's
/// page, the public lists, the search and its API) are kept rendered for <see cref="Expiry"/> and sent compressed; every
/// other page is rendered per request and compressed never, so no secret rides beside reflected input (BREACH).
/// Writes that change the catalogue call <see cref="EvictCatalogueAsync"/> after their commit
/// (docs/decisions/ADR-018-public-page-cache-and-compression.md).
/// </summary>
public static class PublicCache
{
    /// <summary>The output cache policy of the catalogue's public pages and API.</summary>
    public const string CataloguePolicy = "public-catalogue";

    /// <summary>The tag every cached catalogue page carries, evicted by each write that changes what they show.</summary>
    public const string CatalogueTag = "catalogue";

    /// <summary>The longest an edit saved by another instance stays unseen on this one's cached pages.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(60);

    /// <summary>The setting that makes every response carry <c>Server-Timing: app;dur=…</c> (off by default; the bench turns it on).</summary>
    public const string ServerTimingSetting = "MotCua:Diagnostics:ServerTiming";

    private const string CompressibleKey = "motcua.compressible";

    /// <summary>Static types compressed whenever a file (no endpoint) answers; HTML and JSON only on a cacheable anonymous page.</summary>
    private static readonly string[] StaticTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml", "image/x-icon"];

    public static IServiceCollection AddPublicCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            // Procedure codes are matched exactly, so two spellings of a path are two pages.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(CataloguePolicy, new AnonymousPagePolicy());
        });
        services.AddSingleton<IResponseCompressionProvider, BreachSafeCompression>();
        services.AddResponseCompression(o =>
        {
            // BreachSafeCompression decides per response, so HTTPS behind the proxy is no reason to refuse.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. StaticTypes, "text/html", "application/json", "application/problem+json"];
        });
        return services;
    }

    /// <summary>Compression, outside the static files so a stylesheet is sent compressed too.</summary>
    public static WebApplication UsePublicCompression(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseResponseCompression();
        return app;
    }

    /// <summary>
    /// With <see cref="ServerTimingSetting"/> on, each response says how long the app took until its headers, so a load
    /// generator can tell the server's time from its own queue.
    /// </summary>
    public static WebApplication UseServerTiming(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue(ServerTimingSetting, false))
        {
            return app;
        }
        app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            http.Response.OnStarting(() =>
            {
                http.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F2}");
                return Task.CompletedTask;
            });
            await next(http);
        });
        return app;
    }

    /// <summary>Drops every cached catalogue page and API answer; called after the commit of a write that changes them.</summary>
    public static async Task EvictCatalogueAsync(this IOutputCacheStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.EvictByTagAsync(CatalogueTag, ct);
    }

    /// <summary>
    /// Anonymous GET and HEAD only: a request with a login cookie or an Authorization header is neither answered from the
    /// cache nor stored, because officers see their own menu and agency. Varies by the whole query string; a response that
    /// sets a cookie or is not 200 is not stored.
    /// </summary>
    internal sealed class AnonymousPagePolicy : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var anonymous = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization)
                && http.User.Identity?.IsAuthenticated != true;
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = anonymous;
            context.AllowCacheStorage = anonymous;
            context.AllowLocking = true;
            context.CacheVaryByRules.QueryKeys = "*";
            context.ResponseExpirationTimeSpan = Expiry;
            context.Tags.Add(CatalogueTag);
            if (anonymous)
            {
                http.Items[CompressibleKey] = true;
            }
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (!StringValues.IsNullOrEmpty(response.Headers.SetCookie) || response.StatusCode != StatusCodes.Status200OK)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Compresses a static file, or the HTML or JSON of a page <see cref="AnonymousPagePolicy"/> marked as anonymous and
    /// public; anything else (forms with antiforgery tokens, the look-up's answer, every officer page) goes uncompressed.
    /// </summary>
    internal sealed class BreachSafeCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (!base.ShouldCompressResponse(context))
            {
                return false;
            }
            if (context.Items.ContainsKey(CompressibleKey))
            {
                return true;
            }
            var type = context.Response.ContentType;
            return context.GetEndpoint() is null && type is not null
                && StaticTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase));
        }
    }
}
