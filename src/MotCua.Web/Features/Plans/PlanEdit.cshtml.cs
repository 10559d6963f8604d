using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Plans;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Plans;

/// <summary>Creates a plan, or edits its header (year, number, date, signer, title, status, basis, purposes, requirements).</summary>
[Authorize(Roles = PlanAccess.ManagerRoles)]
public sealed class PlanEditModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public ControlPlan? Plan { get; private set; }

    public sealed class PlanInput
    {
        [Range(2000, 2100, ErrorMessage = "Năm kế hoạch từ 2000 đến 2100.")]
        [Display(Name = "Năm kế hoạch")]
        public int Year { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập tên kế hoạch.")]
        [StringLength(500, ErrorMessage = "Tên kế hoạch tối đa 500 ký tự.")]
        [Display(Name = "Tên kế hoạch")]
        public string Title { get; set; } = "";

        [Display(Name = "Trạng thái")]
        public bool Issued { get; set; }

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
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Input.Year = time.Today().Year;
            return Page();
        }
        if (await FindAsync(id.Value, cancellationToken) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        Input = new PlanInput
        {
            Year = plan.Year,
            Title = plan.Title,
            Issued = PlanEditing.IsIssued(plan.Number, plan.IssuedOn),
            Number = plan.Number,
            IssuedOn = plan.IssuedOn,
            Signer = plan.Signer,
            LegalBasis = plan.LegalBasis,
            Purposes = plan.Purposes,
            Requirements = plan.Requirements,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        ControlPlan? plan = null;
        if (id is not null && (plan = await FindAsync(id.Value, cancellationToken)) is null)
        {
            return NotFound();
        }
        Plan = plan;
        if (PlanEditing.StatusProblem(Input.Issued, Input.Number, Input.IssuedOn) is { } problem)
        {
            ModelState.AddModelError(Input.Issued ? "Input.Number" : "Input.Issued", problem);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var agency = User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        if (plan is null)
        {
            plan = new ControlPlan { AgencyId = agency, Title = "", CreatedAt = time.GetUtcNow() };
            Apply(plan);
            db.ControlPlans.Add(plan);
            // The audit entry names the new plan's id, so the plan is saved first; one transaction keeps both or neither.
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            AuditLog.Append(db, time, User, "plan.create", nameof(ControlPlan), Id(plan.Id),
                $"Tạo kế hoạch «{plan.Title}» năm {Id(plan.Year)} ({StatusName(plan)}).", Snapshot(plan));
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            TempData["Message"] = "Đã tạo kế hoạch. Thêm các nhiệm vụ của phụ lục bằng nút «Thêm nhiệm vụ».";
            return Redirect($"/ke-hoach/{Id(plan.Id)}");
        }

        var before = Snapshot(plan);
        var wasIssued = PlanEditing.IsIssued(plan.Number, plan.IssuedOn);
        Apply(plan);
        AuditLog.Append(db, time, User, "plan.edit", nameof(ControlPlan), Id(plan.Id),
            $"Sửa thông tin kế hoạch «{plan.Title}»{(wasIssued ? " (kế hoạch đã ban hành)" : "")}: {StatusName(plan)}.", new { before, after = Snapshot(plan) });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Đã lưu thông tin kế hoạch.";
        return Redirect($"/ke-hoach/{Id(plan.Id)}");
    }

    private void Apply(ControlPlan plan)
    {
        plan.Year = Input.Year;
        plan.Title = Nfc(Input.Title)!;
        plan.Number = Nfc(Input.Number);
        plan.IssuedOn = Input.IssuedOn;
        plan.Signer = Nfc(Input.Signer);
        plan.LegalBasis = Nfc(Input.LegalBasis);
        plan.Purposes = Nfc(Input.Purposes);
        plan.Requirements = Nfc(Input.Requirements);
    }

    private Task<ControlPlan?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        return db.ControlPlans.SingleOrDefaultAsync(p => p.Id == id && p.AgencyId == agency, cancellationToken);
    }

    private static object Snapshot(ControlPlan p) => new { p.Year, p.Title, p.Number, p.IssuedOn, p.Signer, p.LegalBasis, p.Purposes, p.Requirements };

    private static string StatusName(ControlPlan plan) => PlansModule.PlanStatusName(plan);

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string? Nfc(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Normalize(NormalizationForm.FormC);
}
