using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organisation.Merging;

/// <summary>"Cơ quan tiền thân": the agencies merged into one, for its agency page (hosted there by name).</summary>
public sealed class AgencyPredecessorsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int agencyId)
    {
        var predecessors = await AgencyLineage.PredecessorsAsync(db, agencyId, HttpContext.RequestAborted);
        return View("/Features/Organisation/Merging/_AgencyPredecessors.cshtml", predecessors);
    }
}
