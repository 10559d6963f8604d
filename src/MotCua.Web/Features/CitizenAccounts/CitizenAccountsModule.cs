using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.CitizenAccounts;

/// <summary>
/// Citizen login with VNeID through OpenID Connect (authorization code with PKCE), kept in a cookie of its own: a citizen
/// session never reaches officer pages and an officer session never opens a citizen's pages.
/// </summary>
public static class CitizenAccountsModule
{
    public const string CookieScheme = Citizen.CookieScheme;

    public const string VNeIDScheme = "VNeID";

    public const string CallbackPath = "/cong-dan/vneid/callback";

    public const string LoginPath = "/cong-dan/dang-nhap";

    public const string MyDossiersPath = "/cong-dan/ho-so-cua-toi";

    public const string LoginFailed = "Không đăng nhập được bằng VNeID: phiên đăng nhập không hợp lệ, đã hết hạn hoặc bị hệ thống định danh từ chối. Vui lòng đăng nhập lại; nếu vẫn không được, Ông/Bà có thể tra cứu hồ sơ bằng mã hồ sơ và số điện thoại.";

    public const string NoIdNumber = "Tài khoản VNeID không cung cấp số định danh cá nhân hợp lệ (12 chữ số) nên không dùng được để đăng nhập.";

    public static IServiceCollection AddCitizenAccounts(this IServiceCollection services, IConfiguration config)
    {
        var options = VNeIDOptions.From(config);
        services.AddSingleton(options);
        var auth = services.AddAuthentication();
        auth.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = Citizen.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = LoginPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(2);
            o.SlidingExpiration = true;
        });
        if (options.Enabled)
        {
            auth.AddOpenIdConnect(VNeIDScheme, "VNeID", o =>
            {
                o.SignInScheme = CookieScheme;
                o.Authority = options.Authority;
                o.ClientId = options.ClientId;
                o.ClientSecret = options.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // The answer comes back as a top-level GET, so the Lax correlation cookies travel without SameSite=None.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.CallbackPath = CallbackPath;
                o.RequireHttpsMetadata = !IsLoopback(options.Authority!);
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false;
                o.Scope.Clear();
                foreach (var scope in options.Scopes)
                {
                    o.Scope.Add(scope);
                }
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.TokenValidationParameters.NameClaimType = "name";
                o.Events.OnTokenValidated = CitizenLogins.OnTokenValidatedAsync;
                o.Events.OnRemoteFailure = ctx =>
                {
                    ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CitizenAccountsModule))
                        .LogWarning(ctx.Failure, "VNeID login failed");
                    ctx.Response.Redirect(LoginPath + "?loi=1");
                    ctx.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }
        return services;
    }

    /// <summary>Plain HTTP is allowed only to a provider on this machine (the stand-in provider of the tests).</summary>
    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}

/// <summary>Turns a verified ID token into the citizen's account row and cookie.</summary>
internal static class CitizenLogins
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var options = services.GetRequiredService<VNeIDOptions>();
        var token = ctx.Principal!;
        var subject = token.FindFirstValue("sub");
        var idNumber = ApplicantNumbers.NormalizeIdNumber(token.FindFirstValue(options.IdNumberClaim), organisation: false);
        if (string.IsNullOrWhiteSpace(subject) || idNumber is not { Length: 12 } || !idNumber.All(char.IsAsciiDigit))
        {
            ctx.Fail(CitizenAccountsModule.NoIdNumber);
            return;
        }
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = await db.CitizenAccounts.SingleOrDefaultAsync(a => a.Subject == subject, ctx.HttpContext.RequestAborted);
        if (account is null)
        {
            account = new CitizenAccount { Subject = subject, IdNumber = idNumber, Name = "", FirstLoginAt = now };
            db.CitizenAccounts.Add(account);
        }
        account.IdNumber = idNumber;
        account.Name = TextSearch.NfcOrNull(token.FindFirstValue("name")?.Trim()) ?? "";
        account.Phone = ApplicantNumbers.NormalizePhone(token.FindFirstValue("phone_number"));
        account.Email = TextSearch.NfcOrNull(token.FindFirstValue("email")?.Trim());
        account.Address = TextSearch.NfcOrNull(FormattedAddress(token.FindFirstValue("address"))?.Trim());
        account.LastLoginAt = now;
        await db.SaveChangesAsync(ctx.HttpContext.RequestAborted);

        var claims = new List<Claim>
        {
            new(CitizenClaims.AccountId, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(CitizenClaims.IdNumber, account.IdNumber),
            new(CitizenClaims.Name, account.Name),
        };
        void Add(string type, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                claims.Add(new Claim(type, value));
            }
        }
        Add(CitizenClaims.Phone, account.Phone);
        Add(CitizenClaims.Email, account.Email);
        Add(CitizenClaims.Address, account.Address);
        ctx.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CitizenAccountsModule.VNeIDScheme, CitizenClaims.Name, null));
    }

    /// <summary>The OpenID "address" claim is a JSON object; its "formatted" member is the one-line address.</summary>
    private static string? FormattedAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!value.TrimStart().StartsWith('{'))
        {
            return value;
        }
        try
        {
            using var doc = JsonDocument.Parse(value);
            return doc.RootElement.TryGetProperty("formatted", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
