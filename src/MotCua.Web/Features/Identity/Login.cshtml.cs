using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Identity;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Shared.Security.LoginPolicy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
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
        var user = await users.FindByNameAsync(Input.UserName.Trim());
        if (user is null || !user.IsActive)
        {
            Error = "Tên đăng nhập hoặc mật khẩu không đúng.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Error = "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị hệ thống.";
            return Page();
        }
        if (!result.Succeeded)
        {
            Error = "Tên đăng nhập hoặc mật khẩu không đúng.";
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/can-bo");
    }
}
