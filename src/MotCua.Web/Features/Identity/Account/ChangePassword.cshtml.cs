using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Identity.Account;

/// <summary>Every officer changes their own password here; one set by an administrator must be changed before anything else.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, OfficerSessions sessions) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Required { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
        [StringLength(200, ErrorMessage = "Mật khẩu quá dài.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu hiện tại")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
        [StringLength(200, ErrorMessage = "Mật khẩu quá dài.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu mới")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu mới.")]
        [Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nhập lại mật khẩu mới")]
        public string Confirm { get; set; } = "";
    }

    public void OnGet() => Required = User.HasClaim(c => c.Type == MotCuaClaims.MustChangePassword);

    public async Task<IActionResult> OnPostAsync()
    {
        Required = User.HasClaim(c => c.Type == MotCuaClaims.MustChangePassword);
        if (ModelState.IsValid && string.Equals(Input.Current, Input.New, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.New", "Mật khẩu mới phải khác mật khẩu hiện tại.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var changed = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (changed.Succeeded)
        {
            changed = await AccountRules.PasswordChangedAsync(users, user);
        }
        if (!changed.Succeeded)
        {
            foreach (var e in changed.Errors)
            {
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.Current" : "Input.New",
                    e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Mật khẩu hiện tại không đúng." : e.Description);
            }
            return Page();
        }
        // The new security stamp ends every other session and token of the account; this one gets fresh claims.
        sessions.Forget(user.Id);
        await IdentityModule.SignInAgainAsync(HttpContext, signIn, user);
        Message = "Đã đổi mật khẩu. Các phiên đăng nhập và mã truy cập khác của tài khoản đã hết hiệu lực.";
        return RedirectToPage();
    }
}
