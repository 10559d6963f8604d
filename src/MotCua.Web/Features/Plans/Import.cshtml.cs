using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Plans;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Plans;

[Authorize(Roles = PlanAccess.ManagerRoles)]
[RequestSizeLimit(10 * 1024 * 1024)]
public sealed class ImportModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public IReadOnlyList<AppendixError> Errors { get; private set; } = [];

    public sealed class ImportInput
    {
        [Range(2000, 2100, ErrorMessage = "Năm kế hoạch từ 2000 đến 2100.")]
        [Display(Name = "Năm kế hoạch")]
        public int Year { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập tên kế hoạch.")]
        [StringLength(500, ErrorMessage = "Tên kế hoạch tối đa 500 ký tự.")]
        [Display(Name = "Tên kế hoạch")]
        public string Title { get; set; } = "";

        [StringLength(100, ErrorMessage = "Số ký hiệu tối đa 100 ký tự.")]
        [Display(Name = "Số ký hiệu")]
        public string? Number { get; set; }

        [Display(Name = "Ngày ban hành")]
        public DateOnly? IssuedOn { get; set; }

        [StringLength(200, ErrorMessage = "Người ký tối đa 200 ký tự.")]
        [Display(Name = "Người ký")]
        public string? Signer { get; set; }

        [StringLength(4000, ErrorMessage = "Căn cứ tối đa 4000 ký tự.")]
        [Display(Name = "Căn cứ")]
        public string? LegalBasis { get; set; }

        [StringLength(8000, ErrorMessage = "Mục đích tối đa 8000 ký tự.")]
        [Display(Name = "Mục đích")]
        public string? Purposes { get; set; }

        [StringLength(8000, ErrorMessage = "Yêu cầu tối đa 8000 ký tự.")]
        [Display(Name = "Yêu cầu")]
        public string? Requirements { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn tệp phụ lục (.xlsx hoặc .csv).")]
        [Display(Name = "Tệp phụ lục")]
        public IFormFile? File { get; set; }
    }

    public void OnGet() => Input.Year = time.Today().Year;

    public async Task<IActionResult> OnGetTemplateAsync(int? year, CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agency && u.IsActive)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => u.Name).ToListAsync(cancellationToken);
        var y = year is >= 2000 and <= 2100 ? year.Value : time.Today().Year;
        return File(PlanImportTemplate.Build(y, units), PlanExport.XlsxType, PlanImportTemplate.FileName(y));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.File is { } f && !PlanImporter.Extensions.Contains(Path.GetExtension(f.FileName).ToLowerInvariant()))
        {
            ModelState.AddModelError("Input.File", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var agency = User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        await using var stream = Input.File!.OpenReadStream();
        var header = new PlanHeader(Input.Year, Input.Title, Input.Number, Input.IssuedOn, Input.Signer, Input.LegalBasis, Input.Purposes, Input.Requirements);
        var result = await PlanImporter.ImportAsync(db, agency, header, Input.File.FileName, stream, time.GetUtcNow(), cancellationToken);
        if (!result.Success)
        {
            Errors = result.Errors;
            return Page();
        }
        var plan = result.Plan!;
        // The audit entry names the new plan's id, so the plan is saved first; one transaction keeps both or neither.
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Append(db, time, User, "plan.import", nameof(ControlPlan), plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Nhập kế hoạch «{plan.Title}» ({plan.Tasks.Count} nhiệm vụ) từ tệp {plan.SourceFileName}.", new { plan.Year, Tasks = plan.Tasks.Count, Targets = plan.Targets.Count });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        TempData["Message"] = $"Đã nhập kế hoạch với {plan.Tasks.Count} nhiệm vụ.";
        return Redirect($"/ke-hoach/{plan.Id}");
    }
}
