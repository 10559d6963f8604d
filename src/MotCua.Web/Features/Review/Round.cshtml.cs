using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Plans;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Review;

[Authorize(Roles = PlanAccess.ReaderRoles)]
public sealed class RoundModel(AppDbContext db) : PageModel
{
    public ReviewRound Round { get; private set; } = null!;

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public sealed class ItemInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên thủ tục.")]
        [StringLength(1000, ErrorMessage = "Tên thủ tục tối đa 1000 ký tự.")]
        [Display(Name = "Tên thủ tục hành chính")]
        public string ProcedureName { get; set; } = "";

        [StringLength(50, ErrorMessage = "Mã thủ tục tối đa 50 ký tự.")]
        [Display(Name = "Mã thủ tục")]
        public string? ProcedureCode { get; set; }

        [Display(Name = "TTHC nội bộ")]
        public bool IsInternal { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        [Display(Name = "Lý do lựa chọn rà soát")]
        public string? SelectionReason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ReviewModule.CanManage(User))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var item = new ReviewItem
        {
            RoundId = Round.Id,
            AgencyId = Round.AgencyId,
            ProcedureName = ReviewModule.Clean(Input.ProcedureName)!,
            ProcedureCode = ReviewModule.Clean(Input.ProcedureCode),
            IsInternal = Input.IsInternal,
            SelectionReason = ReviewModule.Clean(Input.SelectionReason),
        };
        db.ReviewItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/ra-soat/muc/{item.Id}");
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == Round.AgencyId, cancellationToken);
        return File(ReviewModule.SimplificationPlanDocx(Round, agency.Name), PlanExport.DocxType,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"phuong-an-don-gian-hoa-{Round.Year}-{Round.Id}.docx"));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        var round = await db.ReviewRounds.AsNoTracking().AsSplitQuery().Include(r => r.Items).ThenInclude(i => i.Costs)
            .SingleOrDefaultAsync(r => r.Id == id && r.AgencyId == agency, cancellationToken);
        if (round is null)
        {
            return false;
        }
        Round = round;
        return true;
    }
}
