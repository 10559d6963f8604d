using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Boundary;

public sealed record ResultHandBackPanelModel(string Code, string Place, ResultHandBackStage Stage, ResultHandBackRecord? HandBack, bool MaySend, bool Returned = false,
    bool MayMove = false);

/// <summary>On the deciding agency's dossier page: the applicant collects the result at the receiving centre, and where the result stands on its way there.</summary>
public sealed class ResultHandBackPanelViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long dossierId)
    {
        var ct = HttpContext.RequestAborted;
        var d = await db.Dossiers.AsNoTracking().SingleAsync(x => x.Id == dossierId, ct);
        if (!ResultHandBack.ReturnsAtCentre(d.ReturnAtCentreId, d.ReturnChoice))
        {
            return Content("");
        }
        var h = await db.ResultHandBacks.AsNoTracking().SingleOrDefaultAsync(x => x.DossierId == dossierId, ct);
        var stage = h?.Stage ?? ResultHandBackStage.AwaitingDispatch;
        var place = await DossierDocuments.ReturnCentreAsync(db, d, ct) ?? "";
        var user = HttpContext.User;
        var desk = user.IsInRole(Roles.OneStopOfficer) && user.AgencyId() == d.AgencyId;
        var maySend = desk && h is null && d.Status == DossierStatus.ResultIssued;
        // Offered exactly when the rule would accept it with a reason, so the form never leads to a refusal.
        var mayMove = desk && ResultHandBack.MoveProblem(d.Status, returnsAtCentre: true, stage, "-") is null;
        return View("/Features/Dossiers/Boundary/_ResultHandBackPanel.cshtml",
            new ResultHandBackPanelModel(d.Code, place, stage, h, maySend, d.Status == DossierStatus.Returned, mayMove));
    }
}
