using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Results;

/// <summary>What the "Văn bản kết quả" panel shows, and which of its forms the officer may use.</summary>
public sealed record DossierResultModel(string DossierCode, DossierStatus Status, IReadOnlyList<ResultDocument> Results, bool CanRecord, bool CanSign,
    bool CanWithdraw, string SecretLabel, string DefaultSignerName, string DefaultSignerPosition, DateOnly Today, bool ApprovedWithoutResult)
{
    /// <summary>The kind the procedure issues, which the form proposes before the specialist chooses.</summary>
    public ResultDocumentType DefaultType { get; init; } = ResultDocumentType.Other;

    /// <summary>An example symbol of the agency for the proposed kind.</summary>
    public string SymbolExample { get; init; } = "";

    /// <summary>The largest PDF the form accepts, in megabytes.</summary>
    public long MaxFileMegabytes { get; init; }

    /// <summary>The result the panel is about: the draft in progress, else the one in force, else the latest.</summary>
    public ResultDocument? Current => Results.FirstOrDefault(r => r.Status == ResultStatus.Draft)
        ?? Results.FirstOrDefault(r => r.Status == ResultStatus.InForce) ?? (Results.Count > 0 ? Results[0] : null);
}

/// <summary>
/// The dossier page's result panel: the result recorded (or the specialist's form to record it), "Ký số" for the leader,
/// the signed file, revoke and correct. Results owns the documents, so it renders the panel; the dossier page invokes it
/// by name ("DossierResult") and needs no knowledge of Results.
/// </summary>
public sealed class DossierResultViewComponent(AppDbContext db, ResultDocuments results, PdfSignatures signatures, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long dossierId)
    {
        var ct = HttpContext.RequestAborted;
        var user = HttpContext.User;
        var agencyId = user.AgencyId();
        var dossier = await db.Set<Dossier>().AsNoTracking().Where(d => d.Id == dossierId && d.AgencyId == agencyId)
            .Select(d => new { d.Code, d.Status, d.AgencyId, d.ProcedureVersionId, d.CurrentUnitId, d.Assignee }).SingleOrDefaultAsync(ct);
        if (dossier is null)
        {
            return Content("");
        }
        var list = await results.ForDossierAsync(dossier.AgencyId, dossierId, ct);
        var signer = await SignerAsync(user, dossier.AgencyId, dossier.CurrentUnitId, dossier.Assignee, ct);
        var approved = dossier.Status is DossierStatus.ResultIssued or DossierStatus.Returned;
        var model = new DossierResultModel(dossier.Code, dossier.Status, list,
            CanRecord: ResultDocuments.MayRecord(user) && ResultDocuments.CanRecordAt(dossier.Status) && !list.Any(r => r.Status == ResultStatus.InForce),
            CanSign: ResultDocuments.MaySign(user) && ResultDocuments.CanSignAt(dossier.Status),
            CanWithdraw: ResultDocuments.MayWithdraw(user),
            signatures.SecretLabel,
            DefaultSignerName: signer?.FullName ?? "",
            DefaultSignerPosition: signer?.Position ?? "",
            DateOnly.FromDateTime(time.GetUtcNow().ToVietnam().DateTime),
            ApprovedWithoutResult: approved && !list.Any(r => r.Status is ResultStatus.InForce or ResultStatus.Draft));
        if (model.CanRecord)
        {
            var version = await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == dossier.ProcedureVersionId).Select(v => new { v.Result, v.Name }).SingleOrDefaultAsync(ct);
            var agencyCode = await db.Agencies.AsNoTracking().Where(a => a.Id == dossier.AgencyId).Select(a => a.Code).SingleAsync(ct);
            var kind = ResultDocuments.KindOf(version?.Result ?? version?.Name);
            model = model with { DefaultType = kind, SymbolExample = ResultDocuments.SymbolExample(kind, agencyCode), MaxFileMegabytes = results.MaxFileMegabytes };
        }
        return View("/Features/Results/_DossierResult.cshtml", model);
    }

    /// <summary>
    /// Who will sign: a leader signs themself; for a specialist, the leader the dossier was submitted to, else the first
    /// leader who may approve for the unit holding it (its own before the agency's leadership).
    /// </summary>
    private async Task<Signer?> SignerAsync(System.Security.Claims.ClaimsPrincipal user, int agencyId, int? unitId, string? assignee, CancellationToken ct)
    {
        var leaders = db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive);
        if (user.IsInRole(Identity.Roles.Leader))
        {
            return await leaders.Where(u => u.UserName == user.Identity!.Name).Select(u => new Signer(u.FullName, u.Position)).SingleOrDefaultAsync(ct);
        }
        if (assignee is not null && await DossierOfficers.LeaderAsync(db, agencyId, assignee, ct) is { Leader.IsLeader: true })
        {
            return await leaders.Where(u => u.UserName == assignee).Select(u => new Signer(u.FullName, u.Position)).SingleOrDefaultAsync(ct);
        }
        var first = (await DossierOfficers.LeadersAsync(db, agencyId, unitId, ct)).FirstOrDefault();
        return first is null ? null : await leaders.Where(u => u.UserName == first.UserName).Select(u => new Signer(u.FullName, u.Position)).SingleOrDefaultAsync(ct);
    }

    private sealed record Signer(string FullName, string? Position);
}
