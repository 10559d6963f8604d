using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Shared.Api;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Shared;

public static class SharedModule
{
    /// <summary>Where the app listens when nothing says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The host's options: the content root (where appsettings.json, data/ and the pages are looked for) is the working
    /// directory as usual, except when that directory has no appsettings.json and the app's own folder has one — a
    /// service or cron job started elsewhere then still reads its settings and keeps its data beside the app instead of
    /// silently running on defaults. <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> decide when given.
    /// </summary>
    public static WebApplicationOptions HostOptions(string[] args) =>
        new()
        {
            Args = args,
            ContentRootPath = ContentRoot(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
            EnvironmentName = DefaultEnvironment(args),
        };

    /// <summary>
    /// The developer's launch profile names its environment in <see cref="DefaultEnvironmentVariable"/> rather than in
    /// ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT, which <c>dotnet run</c> would set over the operator's exported
    /// value (DOTNET_ENVIRONMENT even wins over ASPNETCORE_ENVIRONMENT). It applies only when neither is exported and
    /// no <c>--environment</c> argument is given, so <c>export ASPNETCORE_ENVIRONMENT=Production</c> always holds.
    /// </summary>
    internal static string? DefaultEnvironment(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var given = args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/environment", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"));
        return given ? null : Environment.GetEnvironmentVariable(DefaultEnvironmentVariable) is { Length: > 0 } name ? name : null;
    }

    /// <summary>Set by <c>Properties/launchSettings.json</c> for <c>dotnet run</c>; meant for nothing else.</summary>
    public const string DefaultEnvironmentVariable = "MOTCUA_DEFAULT_ENVIRONMENT";

    /// <summary>The content root to impose, or null to leave the host's own choice.</summary>
    internal static string? ContentRoot(string[] args, string workingDirectory, string appDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        if (given || File.Exists(Path.Combine(workingDirectory, "appsettings.json")) || !File.Exists(Path.Combine(appDirectory, "appsettings.json")))
        {
            return null;
        }
        return appDirectory;
    }

    /// <summary>
    /// Listens on <see cref="DefaultUrl"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or a <c>Urls</c> setting gives
    /// the addresses. The default is set in code rather than in appsettings.json, where it would silently override
    /// ASPNETCORE_URLS (the host reads that variable first, and appsettings wins over it).
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        return builder;
    }

    /// <summary>
    /// Serves wwwroot when the app runs from its build output in another folder (a service with its own working
    /// directory, the crash test): outside Development the host looks for wwwroot in the working directory only, and
    /// the pages came without their stylesheet. A build (not a publish) leaves a manifest of its static files beside
    /// the assembly; that manifest is used then. A published app has its own wwwroot and never needs it.
    /// </summary>
    public static WebApplicationBuilder UseBuildStaticFiles(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var manifest = Path.Combine(AppContext.BaseDirectory, builder.Environment.ApplicationName + ".staticwebassets.runtime.json");
        if (!builder.Environment.IsDevelopment() && !Directory.Exists(Path.Combine(builder.Environment.ContentRootPath, "wwwroot")) && File.Exists(manifest))
        {
            builder.WebHost.UseStaticWebAssets();
        }
        return builder;
    }

    /// <summary>The shell: vi-VN culture, ProblemDetails, pages rooted at Features/, health, OpenAPI.</summary>
    public static IServiceCollection AddShell(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Files.FileStore>();
        services.AddReferenceCache();
        services.AddPublicCache();
        services.AddProblemDetails();
        services.AddApiEdge();
        // Vietnamese text stays readable in the HTML instead of &#x...; entities for every diacritic.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // Secure by default: a page is for officers unless its model says [AllowAnonymous].
            o.Conventions.AuthorizeFolder("/", Features.Identity.Policies.Officer);
        }).AddMvcOptions(o =>
        {
            o.ModelBinderProviders.Insert(0, new SafeBooleanBinder.Provider());
            o.ModelBinderProviders.Insert(0, new Dates.DateModelBinder.Provider());
        });
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.PageViewLocationFormats.Add("/Shared/{0}.cshtml");
            o.ViewLocationFormats.Add("/Shared/{0}.cshtml");
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var vi = new CultureInfo("vi-VN");
            o.DefaultRequestCulture = new RequestCulture(vi);
            o.SupportedCultures = [vi];
            o.SupportedUICultures = [vi];
            o.RequestCultureProviders.Clear();
        });
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static WebApplication UseShell(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }
        else
        {
            app.UseExceptionHandler("/loi");
        }
        app.UseStatusCodePages(async ctx =>
        {
            // API errors without a body (401/403/404/405) still get ProblemDetails.
            var http = ctx.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = http.Response.StatusCode, Title = StatusTitle(http.Response.StatusCode) },
                });
            }
        });
        app.UseRequestLocalization();
        app.UsePublicCompression();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapShell(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        switch (OpenApiAccessOf(app.Configuration, app.Environment, app.Logger))
        {
            case OpenApiAccess.Public:
                app.MapOpenApi().AllowAnonymous();
                break;
            case OpenApiAccess.Officers:
                app.MapOpenApi().RequireAuthorization(Features.Identity.Policies.Officer);
                break;
            case OpenApiAccess.Off:
                break;
        }
        app.MapRazorPages();
        return app;
    }

    /// <summary>Who may read the OpenAPI document (<c>MotCua:OpenApi:Access</c>).</summary>
    public enum OpenApiAccess
    {
        /// <summary>Not served.</summary>
        Off,

        /// <summary>Any logged-in officer (cookie or bearer token).</summary>
        Officers,

        /// <summary>Anyone.</summary>
        Public,
    }

    public const string OpenApiAccessSetting = "MotCua:OpenApi:Access";

    /// <summary>
    /// The document maps every endpoint and its parameters for an attacker as well as for an integrator: public in
    /// Development, off elsewhere unless the setting says Public or Officers (an unknown value is logged and counts as Off).
    /// </summary>
    internal static OpenApiAccess OpenApiAccessOf(IConfiguration configuration, IHostEnvironment environment, ILogger log)
    {
        var text = configuration[OpenApiAccessSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return environment.IsDevelopment() ? OpenApiAccess.Public : OpenApiAccess.Off;
        }
        if (Enum.TryParse<OpenApiAccess>(text.Trim(), ignoreCase: true, out var access) && Enum.IsDefined(access))
        {
            return access;
        }
        log.LogWarning("Setting {Key} = '{Value}' is not Off, Officers or Public; the OpenAPI document is not served.", OpenApiAccessSetting, text);
        return OpenApiAccess.Off;
    }

    internal static string StatusTitle(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ.",
        401 => "Chưa đăng nhập hoặc mã truy cập không hợp lệ.",
        403 => "Bạn không có quyền thực hiện thao tác này.",
        404 => "Không tìm thấy.",
        405 => "Phương thức không được hỗ trợ.",
        409 => "Xung đột dữ liệu.",
        415 => "Định dạng dữ liệu không được hỗ trợ.",
        429 => "Quá nhiều yêu cầu, vui lòng thử lại sau.",
        _ => "Đã có lỗi xảy ra.",
    };

    private sealed class DatabaseHealthCheck(AppDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
    {
        public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
    }
}
