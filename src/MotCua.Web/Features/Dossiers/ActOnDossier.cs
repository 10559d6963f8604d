using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// An officer's action on a dossier (every transition after receipt): load and check through <see cref="DossierStore"/>,
/// decide with <see cref="DossierDecider"/>, apply, save. Only the actions that need them read more: the step assignments
/// (moves between steps), the units (a transfer), the named officer (an assignee).
/// </summary>
public sealed class ActOnDossier(AppDbContext db, TimeProvider time, DossierFileStore files, DossierReferences references, DossierStore store,
    IDeskResultReadiness results)
{
    /// <summary>
    /// Applies one action. <paramref name="expectedVersion"/> is the version the caller saw: if someone acted in between,
    /// the caller loses with the concurrency message. <paramref name="alongside"/> adds the caller's own rows (the answer's
    /// read audit) to the same save, after the decision is applied.
    /// </summary>
    public async Task<WorkflowOutcome> ApplyAsync(string code, DossierAction action, ActionInput input, long? expectedVersion, ClaimsPrincipal user, CancellationToken ct,
        Action<Dossier>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (dossier, actor, refused) = await store.LoadAsync(user, code, DossierChange.Transition, expectedVersion,
            $"Không có hồ sơ mã \"{code}\" của cơ quan.", ct);
        if (dossier is null)
        {
            return refused!;
        }

        var now = time.GetUtcNow();
        var calculator = await references.CalculatorAsync(await references.AgencyAsync(dossier.AgencyId, ct), ct);
        var command = new DossierCommand(action)
        {
            Note = TextSearch.NfcOrNull(input.Note),
            Assignee = input.Assignee?.Trim(),
            TargetStep = input.TargetStep,
            NewAppointment = input.NewAppointment,
            Delivery = input.Delivery,
            Partner = TextSearch.NfcOrNull(input.Partner),
            UnitId = input.UnitId,
            SupplementItems = SupplementItems.Clean(input.SupplementItems),
            LeaderUserId = input.LeaderUserId?.Trim(),
            SupplementAct = input.SupplementAct,
            RepeatReason = TextSearch.NfcOrNull(input.RepeatReason),
        };
        var context = new DecisionContext(now, calculator, actor!);
        string? assigneeId = null;
        if (!string.IsNullOrWhiteSpace(command.Assignee))
        {
            // One read both checks the specialist and gives the id the queue alert needs; the desk and the administrator do not handle dossiers.
            assigneeId = await DossierOfficers.SpecialistIdAsync(db, dossier.AgencyId, command.Assignee, ct);
            context = context with { AssigneeIsSpecialist = assigneeId is not null };
        }
        if (action == DossierAction.Appraise && !string.IsNullOrWhiteSpace(command.LeaderUserId)
            && await DossierOfficers.LeaderAsync(db, dossier.AgencyId, command.LeaderUserId, ct) is { } leader)
        {
            context = context with { Leader = leader.Leader };
            assigneeId = leader.UserId;
        }
        if (action == DossierAction.Approve)
        {
            var id = dossier.Id;
            context = context with { ResultReadyForDesk = await results.Ready(db.Set<Dossier>().AsNoTracking().Where(d => d.Id == id)).AnyAsync(ct) };
        }
        if (action == DossierAction.Transfer || (action == DossierAction.Receive && input.UnitId is not null))
        {
            var plan = dossier.StepPlan;
            context = context with { Units = await references.UnitsAsync(plan.Select(s => s.UnitId).Append(input.UnitId), ct) };
        }
        var steps = await store.StepsAsync(dossier, action, ct);

        var snapshot = await store.SnapshotAsync(dossier, steps, ct);
        if (action == DossierAction.RequestSupplement)
        {
            snapshot = snapshot with { EarlierSupplements = await Supplement.SupplementRequestQueries.EarlierAsync(db, dossier.Id, ct) };
        }
        var decision = DossierDecider.Decide(snapshot, command, context);
        if (decision.Refusal is { } refusal)
        {
            return Refusals.Of(refusal);
        }
        DossierFile? written = null;
        if (action == DossierAction.DigitiseResult && input.ResultFile is { } resultFile)
        {
            if (files.Check(resultFile) is { } problem)
            {
                return WorkflowOutcome.Invalid("resultFile", problem);
            }
            written = files.Save(dossier, resultFile, DossierFileKind.Result, now, user.Identity?.Name);
            db.Add(written);
        }
        var from = decision.Transition!.From;
        store.Apply(dossier, decision, steps, user, now, isNew: false);
        var transferred = decision.Then is not null;
        var audit = new DossierAuditEntry(decision.Audit!.Action, decision.Audit.Summary,
            new { dossier.Code, Action = action.ToString(), From = from.ToString(), To = dossier.Status.ToString(), command.Note, TransferredToUnitId = transferred ? dossier.CurrentUnitId : null });
        if (decision.SupplementRepeat is { } repeat)
        {
            // The leader and the control officer review repeated requests; the audit keeps who asked again and why.
            Audit.AuditLog.Append(db, time, user, "dossier.supplement.repeat", nameof(Dossier), dossier.Code,
                $"Hồ sơ {dossier.Code}: yêu cầu bổ sung lần {decision.Supplement!.Round} yêu cầu lại giấy tờ đã có trong hồ sơ khi yêu cầu bổ sung lần trước: "
                + string.Join("; ", repeat.Papers.Select(p => p.Paper)) + ". Lý do: " + repeat.Reason,
                new { dossier.Code, decision.Supplement.Round, Papers = repeat.Papers.Select(p => new { p.Paper, p.EarlierRound }), repeat.Reason });
        }
        alongside?.Invoke(dossier);
        try
        {
            await store.SaveAsync(dossier, decision, user, audit, ct, assigneeId);
        }
        catch (DbUpdateConcurrencyException)
        {
            files.Discard(written is null ? [] : [written]);
            return WorkflowOutcome.Concurrency();
        }
        // The command's own transition is the one the caller reports (its warnings); the dossier shows where it went.
        return new WorkflowOutcome(OutcomeKind.Ok, dossier, Transition: decision.Transition);
    }

    /// <summary>The actions the caller could perform on the dossier now (<see cref="DossierDecider.AvailableActions"/>).</summary>
    public async Task<IReadOnlyList<DossierAction>> AvailableActionsAsync(ClaimsPrincipal user, Dossier dossier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (user.AgencyId() != dossier.AgencyId)
        {
            return [];
        }
        var calculator = await references.CalculatorAsync(await references.AgencyAsync(dossier.AgencyId, ct), ct);
        var actor = await store.ActorAsync(user, ct);
        return DossierDecider.AvailableActions(await store.SnapshotAsync(dossier, [], ct), actor, new DecisionContext(time.GetUtcNow(), calculator, actor));
    }
}
