using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Plans;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<(ControlPlan Plan, PlanProgress Progress)> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        var plans = await db.ControlPlans.AsNoTracking().AsSplitQuery().Where(p => p.AgencyId == agency)
            .Include(p => p.Tasks).ThenInclude(t => t.Notes)
            .ToListAsync(cancellationToken);
        var today = time.Today();
        Plans = [.. plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Select(p => (p, PlanProgress.Of(PlanQueries.Views(p, today))))];
    }
}
