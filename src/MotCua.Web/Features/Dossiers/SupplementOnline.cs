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
    /// <summary>
    /// Hands in the supplement. When the request was itemised, every item of its latest round must be answered (a file, a
    /// written answer, or "không có" with the reason) in <paramref name="answers"/> and <paramref name="itemFiles"/>;
    /// otherwise at least one file is needed.
    /// </summary>
    public async Task<WorkflowOutcome> SupplementAsync(Dossier dossier, IReadOnlyList<IncomingFile> incoming, string? note, ClaimsPrincipal applicant, CancellationToken ct,
        IReadOnlyList<Supplement.ItemAnswerInput>? answers = null, IReadOnlyList<(string Code, IncomingFile File)>? itemFiles = null)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(incoming);
        answers ??= [];
        itemFiles ??= [];
        var items = await Supplement.SupplementAnswerQueries.OpenItemsAsync(db, dossier.Id, ct);
        if (itemFiles.FirstOrDefault(f => !items.Any(i => string.Equals(i.Code, f.Code, StringComparison.Ordinal))) is { Code: { } unknown })
        {
            return WorkflowOutcome.Invalid("answers", $"Không có nội dung cần bổ sung mã \"{unknown}\".");
        }
        var sentBefore = await Supplement.SupplementAnswerQueries.SentBeforeAsync(db, dossier.Id, items, ct);
        if (items.Count > 0)
        {
            // Files kept from a refused earlier answer count as this answer's files.
            int Kept(Supplement.ItemAnswerInput a) => a.KeepFiles && sentBefore.TryGetValue(a.Code ?? "", out var before) ? before.Files.Count : 0;
            var given = items.Select(i => answers.FirstOrDefault(a => string.Equals(a.Code, i.Code, StringComparison.Ordinal)) is { } a
                ? new SupplementAnswer(i.Code, a.Text, a.None, itemFiles.Count(f => string.Equals(f.Code, i.Code, StringComparison.Ordinal)) + Kept(a))
                : new SupplementAnswer(i.Code, null, false, itemFiles.Count(f => string.Equals(f.Code, i.Code, StringComparison.Ordinal)))).ToList();
            if (SupplementRounds.Unanswered([.. items.Select(i => new CodedItem(i.Code, i.Paper))], given) is { } unanswered)
            {
                return WorkflowOutcome.Invalid("answers", unanswered);
            }
            if (answers.FirstOrDefault(a => (a.Text?.Length ?? 0) > 2000) is { } tooLong)
            {
                return WorkflowOutcome.Invalid("answers", $"Câu trả lời cho nội dung {tooLong.Code} dài tối đa 2.000 ký tự.");
            }
        }
        else if (incoming.Count == 0)
        {
            return WorkflowOutcome.Invalid("files", "Vui lòng tải lên ít nhất một tệp giấy tờ bổ sung.");
        }
        foreach (var f in incoming.Concat(itemFiles.Select(x => x.File)))
        {
            if (files.Check(f) is { } problem)
            {
                return WorkflowOutcome.Invalid("files", problem);
            }
        }
        var now = time.GetUtcNow();
        var calculator = await references.CalculatorAsync(await references.AgencyAsync(dossier.AgencyId, ct), ct);
        var text = TextSearch.NfcOrNull(note);
        var fileCount = incoming.Count + itemFiles.Count;
        var command = new DossierCommand(DossierAction.ResubmitSupplement)
        {
            Note = text,
            HistoryNote = text ?? "Nộp bổ sung trực tuyến " + fileCount.ToString(CultureInfo.InvariantCulture) + " tệp"
                + (items.Count > 0 ? ", trả lời " + items.Count.ToString(CultureInfo.InvariantCulture) + " nội dung." : "."),
        };
        var actor = new DossierActor(applicant.Identity?.Name, [DossierRoles.Applicant], null, InLeadership: false);
        var decision = DossierDecider.Decide(DossierStore.SnapshotOf(dossier, []), command, new DecisionContext(now, calculator, actor));
        if (decision.Refusal is { } refusal)
        {
            return Refusals.Of(refusal);
        }
        store.Apply(dossier, decision, [], applicant, now, isNew: false);
        var written = incoming.Select(f => files.Save(dossier, f, DossierFileKind.Supplement, now, applicant.Identity?.Name)).ToList();
        foreach (var (code, f) in itemFiles)
        {
            var file = files.Save(dossier, f, DossierFileKind.Supplement, now, applicant.Identity?.Name);
            file.SupplementItemCode = code;
            written.Add(file);
        }
        db.AddRange(written);
        Supplement.SupplementAnswerQueries.Record(items, answers, now, sentBefore);
        var audit = new DossierAuditEntry(decision.Audit!.Action, decision.Audit.Summary,
            new
            {
                dossier.Code, Action = nameof(DossierAction.ResubmitSupplement), Files = written.Select(w => new { w.FileName, w.Sha256, w.Size, Item = w.SupplementItemCode }),
                Answers = items.Select(i => new { i.Code, i.AnswerNone, i.KeptFilesOf })
            });
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
