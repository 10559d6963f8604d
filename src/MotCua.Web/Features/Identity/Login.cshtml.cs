using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Identity;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Shared.Security.LoginPolicy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, LoginThrottle throttle) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string? Error { get; private set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
        [Display(Name = "Tên đăng nhập")]
        [StringLength(100, ErrorMessage = "Tên đăng nhập quá dài.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [Display(Name = "Mật khẩu")]
        [DataType(DataType.Password)]
        [StringLength(200, ErrorMessage = "Mật khẩu quá dài.")]
        public string Password { get; set; } = "";

        [Display(Name = "Ghi nhớ đăng nhập")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // One answer for every failure (unknown name, wrong password, inactive account, too many tries from here),
        // and each costs the same password hash, so the page tells nobody which accounts exist.
        var name = Input.UserName.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var user = throttle.IsBlocked(name, address) ? null : await users.FindByNameAsync(name);
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (user is null)
        {
            IdentityModule.HashAnyway(users, Input.Password);
        }
        else if (!user.IsActive)
        {
            await users.CheckPasswordAsync(user, Input.Password);
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        }
        if (result.RequiresTwoFactor)
        {
            throttle.Succeeded(name, address);
            var query = QueryString.Create(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["returnUrl"] = Url.IsLocalUrl(returnUrl) ? returnUrl : "/can-bo",
                ["rememberMe"] = Input.RememberMe ? "true" : "false",
            });
            return LocalRedirect(LoginTwoFactorModel.Path + query.ToUriComponent());
        }
        if (!result.Succeeded)
        {
            if (!throttle.IsBlocked(name, address))
            {
                throttle.Failed(name, address);
            }
            Error = IdentityModule.LoginFailed;
            return Page();
        }
        throttle.Succeeded(name, address);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/can-bo");
    }
}
