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

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// The agencies of the installation by province, level and kind, and a new one (a commune's service centre or People's
/// Committee) created with its one-stop desk unit in one audited save.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AgenciesModel(AppDbContext db, TimeProvider time) : PageModel
{
    public const string CreateAudit = "agency.create";

    public List<Agency> Agencies { get; private set; } = [];

    [BindProperty]
    public NewAgencyInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class NewAgencyInput
    {
        [Required(ErrorMessage = "Vui lòng nhập mã cơ quan.")]
        [RegularExpression("^[A-Z0-9][A-Z0-9_-]{1,31}$", ErrorMessage = "Mã cơ quan gồm 2–32 chữ in hoa không dấu, chữ số, gạch ngang, ví dụ TTPVHCC-HOAPHU.")]
        [Display(Name = "Mã cơ quan (dùng trong mã hồ sơ)")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập tên cơ quan.")]
        [StringLength(300, ErrorMessage = "Tên cơ quan tối đa 300 ký tự.")]
        [Display(Name = "Tên cơ quan")]
        public string? Name { get; set; }

        [Display(Name = "Cấp chính quyền")]
        public AgencyLevel Level { get; set; } = AgencyLevel.Commune;

        [Display(Name = "Loại cơ quan")]
        public AgencyKind Kind { get; set; } = AgencyKind.ServiceCentre;

        [Required(ErrorMessage = "Vui lòng nhập mã tỉnh.")]
        [RegularExpression("^[0-9]{2}$", ErrorMessage = "Mã tỉnh là mã đơn vị hành chính cấp tỉnh gồm 2 chữ số, ví dụ 66 (Đắk Lắk).")]
        [Display(Name = "Mã tỉnh (mã đơn vị hành chính)")]
        public string? ProvinceCode { get; set; }

        [StringLength(500, ErrorMessage = "Địa chỉ tối đa 500 ký tự.")]
        [Display(Name = "Địa chỉ")]
        public string? Address { get; set; }

        [StringLength(100, ErrorMessage = "Địa danh tối đa 100 ký tự.")]
        [Display(Name = "Địa danh (ghi trước ngày, tháng, năm)")]
        public string? PlaceName { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập tên Bộ phận Một cửa.")]
        [StringLength(300, ErrorMessage = "Tên đơn vị tối đa 300 ký tự.")]
        [Display(Name = "Tên Bộ phận Một cửa")]
        public string? DeskName { get; set; } = "Bộ phận Một cửa";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var code = Input.Code?.Trim() ?? "";
        if (Agencies.Exists(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Code", "Đã có cơ quan với mã này.");
        }
        if (!Enum.IsDefined(Input.Level) || !Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Cấp chính quyền hoặc loại cơ quan không hợp lệ.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var agency = new Agency
        {
            Code = code, Name = TextSearch.Nfc(Input.Name!.Trim()), Level = Input.Level, Kind = Input.Kind, ProvinceCode = Input.ProvinceCode!.Trim(),
            Address = TextSearch.NfcOrNull(Input.Address?.Trim()), PlaceName = TextSearch.NfcOrNull(Input.PlaceName?.Trim()),
        };
        agency.Units.Add(new Unit { Name = TextSearch.Nfc(Input.DeskName!.Trim()), Kind = UnitKind.OneStopDesk });
        db.Agencies.Add(agency);
        AuditLog.Append(db, time, User, CreateAudit, "Agency", code, $"Thêm cơ quan {agency.Name} ({AgencyNames.Level(agency.Level)}, {AgencyNames.Kind(agency.Kind)}) cùng {Input.DeskName}",
            new { agency.Code, agency.Name, Level = agency.Level.ToString(), Kind = agency.Kind.ToString(), agency.ProvinceCode, Input.DeskName });
        await db.SaveChangesAsync(ct);
        Message = $"Đã thêm cơ quan {agency.Name} và {Input.DeskName}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.ProvinceCode).ThenBy(a => a.Level).ThenBy(a => a.Name).ToListAsync(ct);
}
