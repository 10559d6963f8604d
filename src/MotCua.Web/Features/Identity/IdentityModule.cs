using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Identity;

public static class IdentityModule
{
    /// <summary>Picks the bearer handler for API clients that send a token, the cookie otherwise.</summary>
    private const string SmartScheme = "MotCua";

    public static IServiceCollection AddMotCuaIdentity(this IServiceCollection services)
    {
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
            .AddDefaultTokenProviders();

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
            .AllowAnonymous();
        return app;
    }

    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

    internal static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest? request,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider time)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(request?.UserName))
            {
                errors["userName"] = ["Vui lòng nhập tên đăng nhập."];
            }
            if (string.IsNullOrEmpty(request?.Password))
            {
                errors["password"] = ["Vui lòng nhập mật khẩu."];
            }
            return TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ.");
        }

        var user = await users.FindByNameAsync(request.UserName.Trim());
        if (user is null || !user.IsActive)
        {
            return Unauthorized("Tên đăng nhập hoặc mật khẩu không đúng.");
        }
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return Unauthorized("Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.");
        }
        if (!check.Succeeded)
        {
            return Unauthorized("Tên đăng nhập hoặc mật khẩu không đúng.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var now = time.GetUtcNow();
        var expires = now + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires }, IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expires));
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(title: "Không xác thực được.", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

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
            return identity;
        }
    }
}

public static class ClaimsPrincipalExtensions
{
    public static int? AgencyId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(MotCuaClaims.AgencyId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static int? UnitId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(MotCuaClaims.UnitId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(MotCuaClaims.FullName) ?? user.Identity?.Name ?? "";
}
