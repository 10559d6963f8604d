using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.Identity;

public static class IdentityModule
{
    /// <summary>Picks the bearer handler for API clients that send a token, the cookie otherwise.</summary>
    private const string SmartScheme = "MotCua";

    public static IServiceCollection AddMotCuaIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<OfficerSessions>();
        services.AddScoped<IClaimsTransformation, OfficerSessions.Validation>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton(sp => AccountRules.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<OfficerClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Totp.TokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/dang-nhap";
            o.LogoutPath = "/dang-xuat";
            o.AccessDeniedPath = "/khong-co-quyen";
            o.Cookie.Name = "motcua.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure when the request is HTTPS (behind the proxy, X-Forwarded-Proto makes it so).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // API callers get status codes, never a redirect to an HTML login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Officer, p => p.RequireAuthenticatedUser().RequireClaim(MotCuaClaims.AgencyId))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        return services;
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueTokenAsync)
            .WithTags("Xác thực")
            .WithSummary("Cấp mã truy cập (bearer token) cho cán bộ")
            .RequireRateLimiting(Shared.Security.LoginPolicy)
            .AllowAnonymous()
            .WithValidation();
        return app;
    }

    /// <param name="TwoFactorCode">The authenticator app's 6-digit code (or a recovery code) for an account with two-factor login.</param>
    /// <param name="Password">Checked as given, spaces included: only a missing or empty one is refused here.</param>
    public sealed record TokenRequest(
        [property: Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")] string? UserName,
        [property: Required(AllowEmptyStrings = true, ErrorMessage = "Vui lòng nhập mật khẩu."), MinLength(1, ErrorMessage = "Vui lòng nhập mật khẩu.")] string? Password,
        string? TwoFactorCode = null);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

    internal static async Task<Results<Ok<TokenResponse>, ValidationProblem, UnauthorizedProblem, ForbiddenProblem>> IssueTokenAsync(
        TokenRequest? request,
        HttpContext http,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        LoginThrottle throttle,
        AccountRules rules,
        IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider time)
    {
        // WithValidation has answered a missing body, name or password already.
        ArgumentNullException.ThrowIfNull(request);
        var address = http.Connection.RemoteIpAddress?.ToString();
        var user = await CheckPasswordAsync(request.UserName!, request.Password!, address, users, throttle);
        if (user is null)
        {
            return Unauthorized(LoginFailed);
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
            {
                return Unauthorized("Tài khoản đã bật xác thực hai bước: gửi kèm mã 6 chữ số từ ứng dụng xác thực (hoặc một mã khôi phục) trong trường twoFactorCode.");
            }
            if (!await CheckSecondFactorAsync(user, request.TwoFactorCode, address, users, throttle))
            {
                return Unauthorized("Mã xác thực không đúng hoặc đã hết hạn.");
            }
        }
        if (await AccountRules.MustChangePasswordAsync(users, user))
        {
            return Forbidden("Phải đổi mật khẩu trước khi dùng tài khoản: mật khẩu hiện tại do quản trị viên đặt. Đăng nhập trang web và đổi mật khẩu tại /tai-khoan/doi-mat-khau.");
        }
        if (rules.AdminsNeedTwoFactor && !user.TwoFactorEnabled && await users.IsInRoleAsync(user, Roles.Admin))
        {
            return Forbidden("Tài khoản quản trị phải bật xác thực hai bước trước khi dùng: đăng nhập trang web và thiết lập tại /tai-khoan/xac-thuc-hai-buoc.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var now = time.GetUtcNow();
        var expires = now + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires }, IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expires));
    }

    /// <summary>The one answer to every failed login, whatever failed (unknown name, wrong password, inactive, waiting).</summary>
    public const string LoginFailed = "Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần sai liên tiếp phải chờ vài phút mới thử lại được.";

    /// <summary>
    /// The account when the name and password are right, the account is active and this client address is not waiting;
    /// null otherwise. Every failure costs the same work and counts the same, whether the name exists or not.
    /// </summary>
    internal static async Task<AppUser?> CheckPasswordAsync(string userName, string password, string? address, UserManager<AppUser> users, LoginThrottle throttle)
    {
        var name = userName.Trim();
        if (throttle.IsBlocked(name, address))
        {
            return null;
        }
        var user = await users.FindByNameAsync(name);
        bool ok;
        if (user is null)
        {
            HashAnyway(users, password);
            ok = false;
        }
        else
        {
            ok = await users.CheckPasswordAsync(user, password) && user.IsActive && !await users.IsLockedOutAsync(user);
        }
        if (!ok)
        {
            throttle.Failed(name, address);
            return null;
        }
        throttle.Succeeded(name, address);
        return user;
    }

    /// <summary>An authenticator code, or a recovery code (used up), counted against the same (name, address) pair.</summary>
    internal static async Task<bool> CheckSecondFactorAsync(AppUser user, string code, string? address, UserManager<AppUser> users, LoginThrottle throttle)
    {
        var name = user.UserName ?? "";
        if (throttle.IsBlocked(name, address))
        {
            return false;
        }
        var trimmed = code.Trim();
        var ok = trimmed.Replace(" ", "", StringComparison.Ordinal).Length == 6
            ? await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, trimmed)
            : (await users.RedeemTwoFactorRecoveryCodeAsync(user, trimmed.Replace(" ", "", StringComparison.Ordinal))).Succeeded;
        if (ok)
        {
            throttle.Succeeded(name, address);
        }
        else
        {
            throttle.Failed(name, address);
        }
        return ok;
    }

    /// <summary>
    /// A new cookie with fresh claims after the officer changed their own account (password, two-factor). Not
    /// RefreshSignInAsync: the changed security stamp already makes the current principal stale, which it refuses.
    /// </summary>
    internal static async Task SignInAgainAsync(HttpContext http, SignInManager<AppUser> signIn, AppUser user)
    {
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInAsync(user, current.Properties?.IsPersistent ?? false);
    }

    /// <summary>Spends the time of a password check, so that an unknown name answers as slowly as a known one.</summary>
    internal static void HashAnyway(UserManager<AppUser> users, string password) =>
        users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash.Value, password);

    private static readonly AppUser DummyUser = new() { FullName = "" };

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(DummyUser, Guid.NewGuid().ToString()));

    private static ForbiddenProblem Forbidden(string detail) => ApiProblems.Forbidden("Chưa được dùng tài khoản.", detail);

    private static UnauthorizedProblem Unauthorized(string detail) => ApiProblems.Unauthorized("Không xác thực được.", detail);

    /// <summary>The officer's agency, unit and name travel in the cookie/token so scoping needs no extra query.</summary>
    internal sealed class OfficerClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(MotCuaClaims.AgencyId, user.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (user.UnitId is { } unit)
            {
                identity.AddClaim(new Claim(MotCuaClaims.UnitId, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            identity.AddClaim(new Claim(MotCuaClaims.FullName, user.FullName));
            if (user.TwoFactorEnabled)
            {
                identity.AddClaim(new Claim(MotCuaClaims.TwoFactor, "true"));
            }
            return identity;
        }
    }
}
