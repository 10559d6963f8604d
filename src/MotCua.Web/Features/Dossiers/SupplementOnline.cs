using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The applicant hands in the requested supplement online (nộp bổ sung trực tuyến, after the look-up's second factor):
/// the files join the dossier and the dossier goes back to the desk check (or resumes processing), decided by
/// <see cref="DossierDecider"/> and saved through <see cref="DossierStore"/>.
/// </summary>
public sealed class SupplementOnline(Data.AppDbContext db, TimeProvider time, DossierReferences references, DossierFileStore files, DossierStore store)
{
    public async Task<WorkflowOutcome> SupplementAsync(Dossier dossier, IReadOnlyList<IncomingFile> incoming, string? note, ClaimsPrincipal applicant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(incoming);
        if (incoming.Count == 0)
        {
            return WorkflowOutcome.Invalid("files", "Vui lòng tải lên ít nhất một tệp giấy tờ bổ sung.");
        }
        foreach (var f in incoming)
        {
            if (files.Check(f) is { } problem)
            {
                return WorkflowOutcome.Invalid("files", problem);
            }
        }
        var now = time.GetUtcNow();
        var calculator = await references.CalculatorAsync(await references.AgencyAsync(dossier.AgencyId, ct), ct);
        var text = TextSearch.NfcOrNull(note);
        var command = new DossierCommand(DossierAction.ResubmitSupplement)
        {
            Note = text,
            HistoryNote = text ?? "Nộp bổ sung trực tuyến " + incoming.Count.ToString(CultureInfo.InvariantCulture) + " tệp.",
        };
        var actor = new DossierActor(applicant.Identity?.Name, [DossierRoles.Applicant], null, InLeadership: false);
        var decision = DossierDecider.Decide(DossierStore.SnapshotOf(dossier, []), command, new DecisionContext(now, calculator, actor));
        if (decision.Refusal is { } refusal)
        {
            return Refusals.Of(refusal);
        }
        store.Apply(dossier, decision, [], applicant, now, isNew: false);
        var written = incoming.Select(f => files.Save(dossier, f, DossierFileKind.Supplement, now, applicant.Identity?.Name)).ToList();
        db.AddRange(written);
        var audit = new DossierAuditEntry(decision.Audit!.Action, decision.Audit.Summary,
            new { dossier.Code, Action = nameof(DossierAction.ResubmitSupplement), Files = written.Select(w => new { w.FileName, w.Sha256, w.Size }) });
        try
        {
            await store.SaveAsync(dossier, decision, applicant, audit, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            files.Discard(written);
            return WorkflowOutcome.Concurrency();
        }
        catch
        {
            files.Discard(written);
            throw;
        }
        return new WorkflowOutcome(OutcomeKind.Ok, dossier, Transition: decision.Transition);
    }
}
