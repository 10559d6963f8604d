using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Identity;

/// <summary>The second login step of an account with two-factor login: the authenticator code or a recovery code.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Shared.Security.LoginPolicy)]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, LoginThrottle throttle) : PageModel
{
    public const string Path = "/dang-nhap/ma-xac-thuc";

    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập mã xác thực.")]
    [StringLength(20, ErrorMessage = "Mã xác thực quá dài.")]
    [Display(Name = "Mã xác thực")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/dang-nhap") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The first step expired (5 minutes) or never happened.
            return LocalRedirect("/dang-nhap");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (!user.IsActive || !await IdentityModule.CheckSecondFactorAsync(user, Code, address, users, throttle))
        {
            Error = "Mã xác thực không đúng hoặc đã hết hạn. Sau 5 lần sai liên tiếp phải chờ vài phút mới thử lại được.";
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, RememberMe, [new Claim("amr", "mfa")]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/can-bo");
    }
}
