using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Plans;

/// <summary>The leader's view: for each lead unit, how its tasks stand, and which are overdue.</summary>
[Authorize(Roles = PlanAccess.ReaderRoles)]
public sealed class ByUnitModel(AppDbContext db, TimeProvider time) : PageModel
{
    public ControlPlan Plan { get; private set; } = null!;

    public IReadOnlyList<(Organisation.Unit Unit, PlanProgress Progress, IReadOnlyList<TaskView> Tasks)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        var plan = await PlanQueries.LoadPlanAsync(db, agency, id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        var views = PlanQueries.Views(plan, time.Today());
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agency).ToListAsync(cancellationToken);
        Units = [.. Organisation.OrganisationModule.AsTree(units)
            .Select(t => t.Unit)
            .Select(u => (u, Tasks: (IReadOnlyList<TaskView>)[.. views.Where(v => v.LeadUnitIds.Contains(u.Id))]))
            .Where(x => x.Tasks.Count > 0)
            .Select(x => (x.u, PlanProgress.Of(x.Tasks), x.Tasks))];
        return Page();
    }
}
