using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Identity.Account;

/// <summary>
/// Authenticator-app two-factor login for the signed-in officer: a key shown as a QR code and as text, confirmed with a
/// first code, then ten one-use recovery codes shown once.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class TwoFactorModel(UserManager<AppUser> users, IUserStore<AppUser> store, SignInManager<AppUser> signIn, OfficerSessions sessions, AccountRules rules) : PageModel
{
    public bool Enabled { get; private set; }

    /// <summary>True when this officer may not turn it off (administrators, when required).</summary>
    public bool Mandatory { get; private set; }

    public string? SharedKey { get; private set; }

    public string? QrDataUri { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public int RecoveryCodesLeft { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    [StringLength(20, ErrorMessage = "Mã xác thực quá dài.")]
    [Display(Name = "Mã xác thực")]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    /// <summary>Turns it on when the first code from the app matches the key shown.</summary>
    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }
        if (Enabled)
        {
            return RedirectToPage();
        }
        if (string.IsNullOrWhiteSpace(Code) || !ModelState.IsValid
            || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Code.Trim()))
        {
            ModelState.AddModelError(nameof(Code), "Mã xác thực không đúng. Nhập mã 6 chữ số đang hiển thị trong ứng dụng.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await SignedInAgainAsync(user);
        Enabled = true;
        RecoveryCodesLeft = RecoveryCodes.Count;
        Message = null;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }
        if (!Enabled)
        {
            return RedirectToPage();
        }
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        RecoveryCodesLeft = RecoveryCodes.Count;
        return Page();
    }

    /// <summary>Turns it off with a current code, and forgets the key so that turning it on again shows a new one.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }
        if (Mandatory)
        {
            ModelState.AddModelError(nameof(Code), "Tài khoản quản trị bắt buộc dùng xác thực hai bước.");
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Code) || !ModelState.IsValid
            || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Code.Trim()))
        {
            ModelState.AddModelError(nameof(Code), "Mã xác thực không đúng. Nhập mã 6 chữ số đang hiển thị trong ứng dụng.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await SignedInAgainAsync(user);
        Message = "Đã tắt xác thực hai bước.";
        return RedirectToPage();
    }

    private async Task SignedInAgainAsync(AppUser user)
    {
        sessions.Forget(user.Id);
        await IdentityModule.SignInAgainAsync(HttpContext, signIn, user);
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Mandatory = rules.AdminsNeedTwoFactor && await users.IsInRoleAsync(user, Roles.Admin);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return user;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A key not yet confirmed grants nothing, so it is stored without a new security stamp: merely opening
            // this page must not end the officer's other sessions and tokens.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        SharedKey = Grouped(key);
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("MotCua:" + user.UserName)}?secret={key}&issuer=MotCua&digits=6");
        QrDataUri = Shared.Documents.Qr.DataUri(uri);
        return user;
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
