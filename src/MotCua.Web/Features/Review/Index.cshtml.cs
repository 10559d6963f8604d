using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Plans;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Review;

[Authorize(Roles = PlanAccess.ReaderRoles)]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<ReviewRound> Rounds { get; private set; } = [];

    [BindProperty]
    public RoundInput Input { get; set; } = new();

    public sealed class RoundInput
    {
        [Range(2000, 2100, ErrorMessage = "Năm từ 2000 đến 2100.")]
        [Display(Name = "Năm")]
        public int Year { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập tên đợt rà soát.")]
        [StringLength(500, ErrorMessage = "Tên tối đa 500 ký tự.")]
        [Display(Name = "Tên đợt rà soát")]
        public string Title { get; set; } = "";

        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Quyết định phê duyệt kế hoạch rà soát")]
        public string? PlanDecision { get; set; }

        [Display(Name = "Căn cứ lựa chọn")]
        public ReviewBasis Basis { get; set; } = ReviewBasis.OwnChoice;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Year = time.Today().Year;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ReviewModule.CanManage(User))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var round = new ReviewRound
        {
            AgencyId = User.AgencyId() ?? throw new InvalidOperationException("Officer without agency."),
            Year = Input.Year,
            Title = ReviewModule.Clean(Input.Title)!,
            PlanDecision = ReviewModule.Clean(Input.PlanDecision),
            Basis = Input.Basis,
            CreatedAt = time.GetUtcNow(),
        };
        db.ReviewRounds.Add(round);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Append(db, time, User, "review.round.create", nameof(ReviewRound), round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Tạo đợt rà soát «{round.Title}».");
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Redirect($"/ra-soat/{round.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        Rounds = await db.ReviewRounds.AsNoTracking().Include(r => r.Items).Where(r => r.AgencyId == agency)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
    }
}
