using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Plans;

public sealed class DetailsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public ControlPlan Plan { get; private set; } = null!;

    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    public PlanProgress Progress { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool CanManage => PlanAccess.CanManage(User);

    public bool Issued => MotCua.Core.Plans.PlanEditing.IsIssued(Plan.Number, Plan.IssuedOn);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == Plan.AgencyId, cancellationToken);
        return File(PlanExport.Docx(Plan, Tasks, agency), PlanExport.DocxType, PlanExport.FileName(Plan, "docx"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return File(PlanExport.Xlsx(Plan, Tasks, Today), PlanExport.XlsxType, PlanExport.FileName(Plan, "xlsx"));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var plan = await PlanQueries.LoadPlanAsync(db, User.AgencyId() ?? 0, id, cancellationToken);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        Today = time.Today();
        Tasks = PlanQueries.Views(plan, Today);
        Progress = PlanProgress.Of(Tasks);
        return true;
    }
}
