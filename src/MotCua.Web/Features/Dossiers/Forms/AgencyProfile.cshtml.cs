using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>The agency as its documents print it (Decree 30/2020 heading and signature), edited by the administrator.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AgencyProfileModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string AgencyName { get; private set; } = "";

    public string DefaultHeadTitle { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    public const string AgencyLevelAudit = "agency.level";

    public sealed class ProfileInput
    {
        [Display(Name = "Cấp chính quyền")]
        public AgencyLevel Level { get; set; }

        [Display(Name = "Loại cơ quan")]
        public AgencyKind Kind { get; set; }

        [StringLength(8, ErrorMessage = "Mã tỉnh tối đa 8 ký tự.")]
        [RegularExpression("^[0-9]{2}$", ErrorMessage = "Mã tỉnh là mã đơn vị hành chính cấp tỉnh gồm 2 chữ số, ví dụ 66 (Đắk Lắk).")]
        [Display(Name = "Mã tỉnh (mã đơn vị hành chính)")]
        public string? ProvinceCode { get; set; }

        [StringLength(300, ErrorMessage = "Tên cơ quan chủ quản tối đa 300 ký tự.")]
        [Display(Name = "Cơ quan chủ quản (in phía trên tên cơ quan)")]
        public string? ParentBody { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập địa danh ghi trước ngày, tháng, năm của văn bản.")]
        [StringLength(100, ErrorMessage = "Địa danh tối đa 100 ký tự.")]
        [Display(Name = "Địa danh (ghi trước ngày, tháng, năm)")]
        public string? PlaceName { get; set; }

        [StringLength(100, ErrorMessage = "Chức vụ tối đa 100 ký tự.")]
        [Display(Name = "Chức vụ người đứng đầu")]
        public string? HeadTitle { get; set; }

        [StringLength(200, ErrorMessage = "Họ và tên tối đa 200 ký tự.")]
        [Display(Name = "Họ và tên người đứng đầu")]
        public string? HeadName { get; set; }

        [StringLength(100, ErrorMessage = "Chức vụ tối đa 100 ký tự.")]
        [Display(Name = "Chức vụ cấp phó ký thay (KT.)")]
        public string? DeputyTitle { get; set; }

        [StringLength(200, ErrorMessage = "Họ và tên tối đa 200 ký tự.")]
        [Display(Name = "Họ và tên cấp phó ký thay")]
        public string? DeputyName { get; set; }

        [Display(Name = "Cấp phó ký thay (KT.) văn bản gửi tổ chức, cá nhân (văn bản xin lỗi)")]
        public bool DeputySignsLetters { get; set; }
    }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var a = await LoadAsync(cancellationToken);
        Input = new ProfileInput
        {
            Level = a.Level, Kind = a.Kind, ProvinceCode = a.ProvinceCode,
            ParentBody = a.ParentBody, PlaceName = a.PlaceName, HeadTitle = a.HeadTitle, HeadName = a.HeadName,
            DeputyTitle = a.DeputyTitle, DeputyName = a.DeputyName, DeputySignsLetters = a.DeputySignsLetters,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var a = await LoadAsync(cancellationToken);
        var deputyTitle = Clean(Input.DeputyTitle);
        if (Input.DeputySignsLetters && deputyTitle is null)
        {
            ModelState.AddModelError("Input.DeputyTitle", "Vui lòng nhập chức vụ cấp phó khi cấp phó ký thay văn bản.");
        }
        if (!Enum.IsDefined(Input.Level) || !Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Cấp chính quyền hoặc loại cơ quan không hợp lệ.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var before = new { Level = a.Level.ToString(), Kind = a.Kind.ToString(), a.ProvinceCode };
        a.Level = Input.Level;
        a.Kind = Input.Kind;
        a.ProvinceCode = Clean(Input.ProvinceCode);
        if (before.Level != a.Level.ToString() || before.Kind != a.Kind.ToString() || before.ProvinceCode != a.ProvinceCode)
        {
            AuditLog.Append(db, time, User, AgencyLevelAudit, "Agency", a.Code, "Cập nhật cấp chính quyền, loại cơ quan, mã tỉnh của " + a.Name,
                new { Before = before, After = new { Level = a.Level.ToString(), Kind = a.Kind.ToString(), a.ProvinceCode } });
        }
        a.ParentBody = Clean(Input.ParentBody);
        a.PlaceName = Clean(Input.PlaceName);
        a.HeadTitle = Clean(Input.HeadTitle);
        a.HeadName = Clean(Input.HeadName);
        a.DeputyTitle = deputyTitle;
        a.DeputyName = Clean(Input.DeputyName);
        a.DeputySignsLetters = Input.DeputySignsLetters;
        AuditLog.Append(db, time, User, "agency.profile", "Agency", a.Code, "Cập nhật thể thức văn bản của " + a.Name,
            new { a.ParentBody, a.PlaceName, a.HeadTitle, a.HeadName, a.DeputyTitle, a.DeputyName, a.DeputySignsLetters });
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã cập nhật thông tin cơ quan trên văn bản.";
        return RedirectToPage();
    }

    private async Task<Agency> LoadAsync(CancellationToken ct)
    {
        var a = await db.Agencies.SingleAsync(x => x.Id == AgencyId, ct);
        AgencyName = a.Name;
        DefaultHeadTitle = a.HeadTitleOrDefault;
        return a;
    }

    private static string? Clean(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : s.Trim().Normalize(System.Text.NormalizationForm.FormC);
}
