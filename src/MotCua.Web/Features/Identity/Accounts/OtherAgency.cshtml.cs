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

/// <summary>
/// A one-stop desk account for another standing agency of the system (a commune's service centre, say), made by this
/// agency's administrator: the officer belongs to the chosen agency and unit and sees only that agency's dossiers, and
/// others' only as the boundary rules allow. Only the desk role is given, so no administrator can make another
/// agency's administrator. Audited through the account listeners.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class OtherAgencyModel(AppDbContext db, UserManager<AppUser> users, IEnumerable<IAccountChangeListener> listeners) : PageModel
{
    public const string Route = "/quan-tri/tai-khoan/co-quan-khac";

    public sealed record UnitChoice(int UnitId, string UnitName, int Depth);

    public sealed record AgencyChoice(int AgencyId, string AgencyName, IReadOnlyList<UnitChoice> Units);

    public sealed record Row(string UserName, string FullName, string AgencyName, string? UnitName, bool IsActive);

    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    [BindProperty]
    public DeskInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class DeskInput
    {
        [Required(ErrorMessage = "Vui lòng chọn cơ quan và đơn vị (bộ phận một cửa) của tài khoản.")]
        [Display(Name = "Cơ quan, đơn vị")]
        public int? UnitId { get; set; }

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

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu cho tài khoản mới.")]
        [Display(Name = "Mật khẩu")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var agency = Agencies.FirstOrDefault(a => a.Units.Any(u => u.UnitId == Input.UnitId));
        if (Input.UnitId is not null && agency is null)
        {
            ModelState.AddModelError("Input.UnitId", "Đơn vị không thuộc một cơ quan khác đang hoạt động.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var unit = agency!.Units.First(u => u.UnitId == Input.UnitId);
        var user = new AppUser
        {
            UserName = Input.UserName.Trim(),
            FullName = Input.FullName.Trim().Normalize(System.Text.NormalizationForm.FormC),
            Position = string.IsNullOrWhiteSpace(Input.Position) ? null : Input.Position.Trim(),
            AgencyId = agency.AgencyId,
            UnitId = unit.UnitId,
            IsActive = true,
        };
        // Identity writes through its own SaveChanges calls; one transaction keeps a refused password or role from
        // leaving a half-made account behind.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var errors = new List<IdentityError>((await users.CreateAsync(user, Input.Password!)).Errors);
        if (errors.Count == 0)
        {
            errors.AddRange((await AccountRules.RequirePasswordChangeAsync(users, user)).Errors);
        }
        if (errors.Count == 0)
        {
            errors.AddRange((await users.AddToRoleAsync(user, Roles.OneStopOfficer)).Errors);
        }
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", e.Description);
            }
            return Page();
        }
        var change = new AccountChange(user.Id, user.UserName ?? "", AccountChangeKind.Created,
            $"{user.UserName} – {user.FullName}; cơ quan khác: {agency.AgencyName}; đơn vị: {unit.UnitName}; vai trò: {Roles.DisplayName(Roles.OneStopOfficer)}; đang hoạt động");
        foreach (var listener in listeners)
        {
            listener.AccountChanged(User, change);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Message = $"Đã tạo tài khoản một cửa {user.UserName} cho {agency.AgencyName} – {unit.UnitName}. Người dùng phải đổi mật khẩu ở lần đăng nhập đầu.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Id != AgencyId && a.SucceededById == null)
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var ids = agencies.Select(a => a.Id).ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.AgencyId)).ToListAsync(ct);
        Agencies = agencies
            .Select(a => new AgencyChoice(a.Id, a.Name,
                OrganisationModule.AsTree(units.Where(u => u.AgencyId == a.Id).ToList()).Select(t => new UnitChoice(t.Unit.Id, t.Unit.Name, t.Depth)).ToList()))
            .ToList();
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var deskRole = await db.Roles.Where(r => r.Name == Roles.OneStopOfficer).Select(r => r.Id).SingleAsync(ct);
        var desk = db.UserRoles.Where(ur => ur.RoleId == deskRole).Select(ur => ur.UserId);
        var list = await db.Users.AsNoTracking().Where(u => ids.Contains(u.AgencyId) && desk.Contains(u.Id))
            .OrderBy(u => u.UserName).ToListAsync(ct);
        Accounts = list.Select(u => new Row(u.UserName ?? "", u.FullName, names.GetValueOrDefault(u.AgencyId, ""),
            u.UnitId is { } id ? unitNames.GetValueOrDefault(id) : null, u.IsActive)).ToList();
    }
}
