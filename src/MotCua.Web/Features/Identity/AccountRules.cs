using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// What an officer must do before anything else: change a password an administrator set, and (administrators, when
/// <c>MotCua:Identity:RequireAdminTwoFactor</c> is true, the default in Production) turn on two-factor login.
/// </summary>
public sealed record AccountRules(bool AdminsNeedTwoFactor)
{
    public const string ChangePasswordPath = "/tai-khoan/doi-mat-khau";

    public const string TwoFactorPath = "/tai-khoan/xac-thuc-hai-buoc";

    public static AccountRules From(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration.GetValue("MotCua:Identity:RequireAdminTwoFactor", environment.IsProduction()));

    private static readonly Claim MustChange = new(MotCuaClaims.MustChangePassword, "true");

    public static async Task<bool> MustChangePasswordAsync(UserManager<AppUser> users, AppUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == MotCuaClaims.MustChangePassword);

    /// <summary>After an administrator created the account or reset its password.</summary>
    public static async Task<IdentityResult> RequirePasswordChangeAsync(UserManager<AppUser> users, AppUser user) =>
        await MustChangePasswordAsync(users, user) ? IdentityResult.Success : await users.AddClaimAsync(user, MustChange);

    public static async Task<IdentityResult> PasswordChangedAsync(UserManager<AppUser> users, AppUser user)
    {
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == MotCuaClaims.MustChangePassword).ToList();
        return claims.Count == 0 ? IdentityResult.Success : await users.RemoveClaimsAsync(user, claims);
    }

    /// <summary>The page the officer must go to before any other, or null.</summary>
    public string? PendingStep(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        if (user.HasClaim(c => c.Type == MotCuaClaims.MustChangePassword))
        {
            return ChangePasswordPath;
        }
        if (AdminsNeedTwoFactor && user.IsInRole(Roles.Admin) && !user.HasClaim(c => c.Type == MotCuaClaims.TwoFactor))
        {
            return TwoFactorPath;
        }
        return null;
    }
}

public static class AccountGates
{
    /// <summary>Pages an officer with a pending step may still open.</summary>
    private static readonly string[] AlwaysOpen = ["/dang-xuat", "/dang-nhap", "/khong-co-quyen", "/loi", "/health"];

    /// <summary>
    /// Runs between authentication and authorisation. Sends an officer with a pending step (<see cref="AccountRules.PendingStep"/>) to it from every page, and refuses
    /// every API call with a 403 ProblemDetails saying what to do, until it is done.
    /// </summary>
    public static WebApplication UseAccountGates(this WebApplication app)
    {
        var rules = app.Services.GetRequiredService<AccountRules>();
        app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated != true
                && http.Features.Get<IAuthenticateResultFeature>() is { AuthenticateResult.Succeeded: true } authenticated)
            {
                // OfficerSessions found the account changed since the cookie or token was issued: no identity at all,
                // so authorisation challenges (401, or the login page) instead of refusing a known user (403).
                authenticated.AuthenticateResult = AuthenticateResult.NoResult();
            }
            var step = rules.PendingStep(http.User);
            var path = http.Request.Path;
            if (step is null || path.StartsWithSegments(step, StringComparison.OrdinalIgnoreCase)
                || AlwaysOpen.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            {
                await next(http);
                return;
            }
            var what = step == AccountRules.ChangePasswordPath
                ? "Mật khẩu hiện tại do quản trị viên đặt: phải đổi mật khẩu trước khi dùng tài khoản."
                : "Tài khoản quản trị phải bật xác thực hai bước trước khi dùng.";
            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await TypedResults.Problem(title: "Chưa được dùng tài khoản.", detail: what + " Mở " + step + " trên trang web.",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
                return;
            }
            http.Response.Redirect(step);
        });
        return app;
    }
}
