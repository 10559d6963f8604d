using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.CitizenAccounts;

/// <summary>Đăng nhập bằng VNeID: sends the citizen to the identity provider, or says why the last attempt failed.</summary>
[AllowAnonymous]
public sealed class CitizenLoginModel(VNeIDOptions options) : PageModel
{
    public string? Error { get; private set; }

    public bool Enabled => options.Enabled;

    public IActionResult OnGet(string? loi, string? returnUrl)
    {
        if (!options.Enabled)
        {
            Error = "Đăng nhập bằng VNeID chưa được cấu hình trên hệ thống này. Ông/Bà có thể tra cứu hồ sơ bằng mã hồ sơ và số điện thoại.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (!string.IsNullOrEmpty(loi))
        {
            Error = CitizenAccountsModule.LoginFailed;
            return Page();
        }
        var target = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : CitizenAccountsModule.MyDossiersPath;
        return Challenge(new AuthenticationProperties { RedirectUri = target }, CitizenAccountsModule.VNeIDScheme);
    }
}
