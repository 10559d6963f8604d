using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.CitizenAccounts;

/// <summary>Ends the citizen's session here only; an officer session in the same browser is left as it is.</summary>
[AllowAnonymous]
public sealed class CitizenLogoutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CitizenAccountsModule.CookieScheme);
        return LocalRedirect("/");
    }
}
