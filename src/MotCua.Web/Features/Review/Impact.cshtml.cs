using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Plans;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Review;

/// <summary>Drafts of legal documents with procedures, and their impact assessments (one page: list, or one draft with ?draft=).</summary>
[Authorize(Roles = PlanAccess.ReaderRoles)]
public sealed class ImpactModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<LegalDraft> Drafts { get; private set; } = [];

    public LegalDraft? Draft { get; private set; }

    [BindProperty] public DraftInput NewDraft { get; set; } = new();

    [BindProperty] public AssessmentInput Assessment { get; set; } = new();

    public sealed class DraftInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên dự thảo văn bản.")]
        [StringLength(1000, ErrorMessage = "Tối đa 1000 ký tự.")]
        [Display(Name = "Tên dự thảo văn bản quy phạm pháp luật")]
        public string Title { get; set; } = "";

        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Đơn vị chủ trì soạn thảo")]
        public string? DraftingUnit { get; set; }
    }

    public sealed class AssessmentInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên thủ tục.")]
        [StringLength(1000, ErrorMessage = "Tối đa 1000 ký tự.")]
        [Display(Name = "Thủ tục hành chính trong dự thảo")]
        public string ProcedureName { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng đánh giá sự cần thiết.")]
        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        [Display(Name = "Sự cần thiết")]
        public string Necessity { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng đánh giá tính hợp lý.")]
        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        [Display(Name = "Tính hợp lý")]
        public string Reasonableness { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng đánh giá tính hợp pháp.")]
        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        [Display(Name = "Tính hợp pháp")]
        public string Legality { get; set; } = "";

        [Display(Name = "Chi phí tuân thủ ước tính (đồng/năm)")]
        public string? ComplianceCost { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        [Display(Name = "Cách tính chi phí tuân thủ")]
        public string? ComplianceCostNote { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        [Display(Name = "Kết luận")]
        public string? Conclusion { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? draft, CancellationToken cancellationToken) =>
        await LoadAsync(draft, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        if (!ReviewModule.CanManage(User))
        {
            return Forbid();
        }
        ModelState.Clear();
        if (!TryValidateModel(NewDraft, nameof(NewDraft)))
        {
            await LoadAsync(null, cancellationToken);
            return Page();
        }
        var d = new LegalDraft { AgencyId = User.AgencyId() ?? 0, Title = ReviewModule.Clean(NewDraft.Title)!, DraftingUnit = ReviewModule.Clean(NewDraft.DraftingUnit), CreatedAt = time.GetUtcNow() };
        db.LegalDrafts.Add(d);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/danh-gia-tac-dong?draft={d.Id}");
    }

    public async Task<IActionResult> OnPostAssessmentAsync(int draft, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(draft, cancellationToken) || Draft is null)
        {
            return NotFound();
        }
        if (!ReviewModule.CanManage(User))
        {
            return Forbid();
        }
        ModelState.Clear();
        var valid = TryValidateModel(Assessment, nameof(Assessment));
        var cost = CostForm.Number(Assessment.ComplianceCost);
        if (cost is null)
        {
            ModelState.AddModelError("Assessment.ComplianceCost", "Chi phí tuân thủ phải là số đồng không âm.");
            valid = false;
        }
        if (!valid)
        {
            return Page();
        }
        db.ImpactAssessments.Add(new ImpactAssessment
        {
            DraftId = Draft.Id,
            AgencyId = Draft.AgencyId,
            ProcedureName = ReviewModule.Clean(Assessment.ProcedureName)!,
            Necessity = ReviewModule.Clean(Assessment.Necessity)!,
            Reasonableness = ReviewModule.Clean(Assessment.Reasonableness)!,
            Legality = ReviewModule.Clean(Assessment.Legality)!,
            ComplianceCost = string.IsNullOrWhiteSpace(Assessment.ComplianceCost) ? null : Math.Round(cost!.Value, 0, MidpointRounding.AwayFromZero),
            ComplianceCostNote = ReviewModule.Clean(Assessment.ComplianceCostNote),
            Conclusion = ReviewModule.Clean(Assessment.Conclusion),
            AssessedBy = User.DisplayName(),
            AssessedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/danh-gia-tac-dong?draft={Draft.Id}");
    }

    private async Task<bool> LoadAsync(int? draft, CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        Drafts = await db.LegalDrafts.AsNoTracking().Include(d => d.Assessments).Where(d => d.AgencyId == agency).OrderByDescending(d => d.Id).ToListAsync(cancellationToken);
        if (draft is { } id)
        {
            Draft = Drafts.FirstOrDefault(d => d.Id == id);
            return Draft is not null;
        }
        return true;
    }
}
