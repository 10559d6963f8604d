using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Identity.Accounts;

/// <summary>Officer accounts of the admin's agency: list, create, and edit (roles, unit, lock, password reset).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, TimeProvider time, OfficerSessions sessions, LoginThrottle throttle, SignInManager<AppUser> signIn,
    IEnumerable<IAccountChangeListener> listeners) : PageModel
{
    public sealed record Row(string Id, string UserName, string FullName, string? Position, string? Unit, IReadOnlyList<string> Roles, bool IsActive, bool IsLockedOut);

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public IReadOnlyList<(Unit Unit, int Depth)> Units { get; private set; } = [];

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class AccountInput
    {
        public string? Id { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
        [RegularExpression(@"^[a-zA-Z0-9._@\-]{3,64}$", ErrorMessage = "Tên đăng nhập 3–64 ký tự, chỉ gồm chữ không dấu, chữ số và . _ - @.")]
        [Display(Name = "Tên đăng nhập")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
        [StringLength(200, ErrorMessage = "Họ và tên tối đa 200 ký tự.")]
        [Display(Name = "Họ và tên")]
        public string FullName { get; set; } = "";

        [StringLength(200, ErrorMessage = "Chức vụ tối đa 200 ký tự.")]
        [Display(Name = "Chức vụ")]
        public string? Position { get; set; }

        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        [Display(Name = "Thư điện tử")]
        public string? Email { get; set; }

        [Phone(ErrorMessage = "Số điện thoại không hợp lệ.")]
        [Display(Name = "Số điện thoại")]
        public string? PhoneNumber { get; set; }

        [Display(Name = "Đơn vị")]
        public int? UnitId { get; set; }

        [Display(Name = "Vai trò")]
        public List<string> Roles { get; set; } = [];

        [Display(Name = "Mật khẩu")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }

        [Display(Name = "Đang hoạt động")]
        public bool IsActive { get; set; } = true;

        public bool Unlock { get; set; }

        /// <summary>For an officer who lost the phone: turns two-factor login off so they can set it up again.</summary>
        public bool ResetTwoFactor { get; set; }
    }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(string? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (edit is not null && await users.Users.SingleOrDefaultAsync(u => u.Id == edit && u.AgencyId == AgencyId, cancellationToken) is { } user)
        {
            Input = new AccountInput
            {
                Id = user.Id,
                UserName = user.UserName ?? "",
                FullName = user.FullName,
                Position = user.Position,
                Email = user.Email,
                PhoneNumber = user.PhoneNumber,
                UnitId = user.UnitId,
                Roles = [.. await users.GetRolesAsync(user)],
                IsActive = user.IsActive,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Roles = Input.Roles.Where(Identity.Roles.All.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Vui lòng chọn ít nhất một vai trò.");
        }
        if (Input.UnitId is { } unitId && Units.All(u => u.Unit.Id != unitId))
        {
            ModelState.AddModelError("Input.UnitId", "Đơn vị không thuộc cơ quan.");
        }
        if (Input.Id is null && string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Vui lòng nhập mật khẩu cho tài khoản mới.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        AppUser user;
        if (Input.Id is null)
        {
            user = new AppUser { UserName = Input.UserName.Trim(), FullName = "", AgencyId = AgencyId };
        }
        else
        {
            user = await users.Users.SingleOrDefaultAsync(u => u.Id == Input.Id && u.AgencyId == AgencyId, cancellationToken)
                ?? throw new Shared.NotFoundException("Không tìm thấy tài khoản.");
            if (user.Id == users.GetUserId(User) && (!Input.IsActive || !Input.Roles.Contains(Identity.Roles.Admin)))
            {
                ModelState.AddModelError("", "Không thể tự khóa hoặc bỏ quyền quản trị của chính mình.");
                return Page();
            }
        }

        // Identity writes through its own SaveChanges calls; one transaction keeps a failed
        // role or password change from leaving a half-made account behind.
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        user.FullName = Input.FullName.Trim().Normalize(System.Text.NormalizationForm.FormC);
        user.Position = Input.Position?.Trim();
        user.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(Input.PhoneNumber) ? null : Input.PhoneNumber.Trim();
        user.UnitId = Input.UnitId;
        var wasActive = Input.Id is not null && user.IsActive;
        user.IsActive = Input.IsActive;

        var errors = new List<IdentityError>();
        if (Input.Id is null)
        {
            errors.AddRange((await users.CreateAsync(user, Input.Password!)).Errors);
            if (errors.Count == 0)
            {
                errors.AddRange((await AccountRules.RequirePasswordChangeAsync(users, user)).Errors);
            }
        }
        else
        {
            errors.AddRange((await users.UpdateAsync(user)).Errors);
            if (errors.Count == 0 && !string.IsNullOrEmpty(Input.Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                errors.AddRange((await users.ResetPasswordAsync(user, token, Input.Password)).Errors);
                if (errors.Count == 0)
                {
                    errors.AddRange((await AccountRules.RequirePasswordChangeAsync(users, user)).Errors);
                }
            }
            if (errors.Count == 0 && Input.ResetTwoFactor)
            {
                errors.AddRange((await users.SetTwoFactorEnabledAsync(user, false)).Errors);
                errors.AddRange((await users.ResetAuthenticatorKeyAsync(user)).Errors);
            }
            if (errors.Count == 0 && Input.Unlock)
            {
                errors.AddRange((await users.SetLockoutEndDateAsync(user, null)).Errors);
                errors.AddRange((await users.ResetAccessFailedCountAsync(user)).Errors);
            }
        }
        if (errors.Count == 0)
        {
            var current = await users.GetRolesAsync(user);
            errors.AddRange((await users.RemoveFromRolesAsync(user, current.Except(Input.Roles))).Errors);
            errors.AddRange((await users.AddToRolesAsync(user, Input.Roles.Except(current))).Errors);
        }
        if (errors.Count == 0 && Input.Id is not null)
        {
            // Sessions and tokens carry the roles, unit and name: any edit ends them (OfficerSessions checks the stamp).
            errors.AddRange((await users.UpdateSecurityStampAsync(user)).Errors);
        }
        if (errors.Count == 0)
        {
            var unitName = Input.UnitId is { } chosenUnit ? await db.Units.Where(u => u.Id == chosenUnit).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken) : null;
            var change = new AccountChange(user.Id, user.UserName ?? "",
                Input.Id is null ? AccountChangeKind.Created : wasActive && !Input.IsActive ? AccountChangeKind.Disabled : AccountChangeKind.Updated,
                $"{user.UserName} – {user.FullName}; đơn vị: {unitName ?? "chưa chọn"}; vai trò: {string.Join(", ", Input.Roles.Select(Identity.Roles.DisplayName))}; "
                + (Input.IsActive ? "đang hoạt động" : "ngừng sử dụng"));
            foreach (var listener in listeners)
            {
                listener.AccountChanged(User, change);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(cancellationToken);
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", e.Description);
            }
            return Page();
        }
        await tx.CommitAsync(cancellationToken);
        sessions.Forget(user.Id);
        if (user.Id == users.GetUserId(User))
        {
            // The new stamp ends the administrator's own other sessions, not the one making the edit.
            await IdentityModule.SignInAgainAsync(HttpContext, signIn, user);
        }
        if (Input.Unlock)
        {
            throttle.Release(user.UserName ?? "");
        }
        Message = Input.Id is null ? $"Đã tạo tài khoản {user.UserName}." : $"Đã cập nhật tài khoản {user.UserName}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId).ToListAsync(cancellationToken);
        // A unit merged into another is history, no longer offered for an account.
        Units = OrganisationModule.AsTree([.. units.Where(u => u.SucceededById is null)]);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var list = await db.Users.AsNoTracking().Where(u => u.AgencyId == AgencyId).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roleRows = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roleRows.ToLookup(x => x.UserId, x => x.Name!);
        var now = time.GetUtcNow();
        Accounts = list.Select(u => new Row(u.Id, u.UserName ?? "", u.FullName, u.Position,
            u.UnitId is { } id ? unitNames.GetValueOrDefault(id) : null,
            rolesByUser[u.Id].ToList(), u.IsActive, u.LockoutEnd > now)).ToList();
    }
}
