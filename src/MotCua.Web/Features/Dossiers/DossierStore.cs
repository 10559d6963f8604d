using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers;

/// <summary>What a save writes to the audit log besides the decision's own summary.</summary>
public sealed record DossierAuditEntry(string Action, string Summary, object? Data);

/// <summary>
/// The one place a dossier is loaded for a change and saved: the caller's scope is checked when it is loaded
/// (<see cref="DossierAccess.MayChange"/>, one rule for every mutation), and <see cref="SaveAsync"/> applies the decision,
/// bumps the concurrency version, appends history and audit, calls the registered <see cref="IDossierSubscriber"/>s and
/// saves everything with ONE SaveChanges, so the change and every reaction to it commit or roll back together.
/// </summary>
public sealed class DossierStore(AppDbContext db, TimeProvider time, DossierReferences references, IEnumerable<IDossierSubscriber> subscribers)
{
    public static IReadOnlyCollection<string> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    public static DossierHolding HoldingOf(Dossier dossier) => new(dossier.Status, dossier.CurrentUnitId, dossier.Assignee);

    /// <summary>
    /// Loads a dossier of the caller's agency by code (tracked), or null. The calendar's stamp (ADR-007) rides in the
    /// same statement and is handed to <see cref="DossierReferences"/>, so the command's deadlines cost no read of their own.
    /// </summary>
    public async Task<Dossier?> FindAsync(ClaimsPrincipal user, string code, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var key = (code ?? "").Trim();
        // Without its papers: no change reads them, and the JOIN made every step read, materialise and track them.
        // No AsNoTracking anywhere in it: that would untrack the dossier too, and its save would insert it again.
        var found = await FindQuery.For(db)(db, agencyId, key, ct);
        if (found is null)
        {
            return null;
        }
        references.CalendarStampRead(found.Stamp);
        return found.Dossier;
    }

    private sealed record Found(Dossier Dossier, CalendarStamp Stamp);

    /// <summary>
    /// Compiled once, because a query built per call makes EF walk and evaluate its expression again on every command
    /// (docs/performance.md). The dossier is tracked: its save updates it.
    /// </summary>
    private static readonly CompiledPerModel<Func<AppDbContext, int?, string, CancellationToken, Task<Found?>>> FindQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int? agencyId, string key, CancellationToken ct) => db.Set<Dossier>()
            .Where(d => d.AgencyId == agencyId && d.Code == key)
            .Select(d => new Found(d, new CalendarStamp(db.Set<CalendarYear>().Count(), db.Set<CalendarDay>().Count(),
                db.Set<CalendarYear>().Max(y => (long?)y.UpdatedAtTicks) ?? 0)))
            .SingleOrDefault()));

    /// <summary>
    /// Loads the dossier a change is about and checks it may be made: found (else 404 with <paramref name="notFoundDetail"/>),
    /// still at <paramref name="expectedVersion"/> when the caller saw one (else the concurrency conflict), in the caller's scope.
    /// </summary>
    public async Task<(Dossier? Dossier, DossierActor? Actor, WorkflowOutcome? Refusal)> LoadAsync(ClaimsPrincipal user, string code, DossierChange what,
        long? expectedVersion, string? notFoundDetail, CancellationToken ct)
    {
        var dossier = await FindAsync(user, code, ct);
        if (dossier is null)
        {
            return (null, null, new WorkflowOutcome(OutcomeKind.NotFound, Title: "Không tìm thấy hồ sơ.", Detail: notFoundDetail));
        }
        if (expectedVersion is { } v && v != dossier.Version)
        {
            return (null, null, WorkflowOutcome.Concurrency());
        }
        var actor = await ActorAsync(user, ct);
        return await RefusalAsync(user, actor, dossier, what) is { } refused ? (null, actor, refused) : (dossier, actor, null);
    }

    /// <summary>
    /// The one gate every change to an existing dossier passes (<see cref="DossierAccess.MayChange"/>): null when allowed,
    /// else the refusal (403 out of scope or role, 409 on a closed dossier).
    /// </summary>
    public async Task<WorkflowOutcome?> RefusalAsync(ClaimsPrincipal user, Dossier dossier, DossierChange what, CancellationToken ct) =>
        await RefusalAsync(user, await ActorAsync(user, ct), dossier, what);

    private static Task<WorkflowOutcome?> RefusalAsync(ClaimsPrincipal user, DossierActor actor, Dossier dossier, DossierChange what)
    {
        var refusal = user.AgencyId() != dossier.AgencyId
            ? new AccessRefusal(AccessRefusalKind.OutOfScope, "Hồ sơ không thuộc cơ quan của bạn.")
            : DossierAccess.MayChange(actor, HoldingOf(dossier), what);
        return Task.FromResult(refusal switch
        {
            null => null,
            { Kind: AccessRefusalKind.Closed } => new WorkflowOutcome(OutcomeKind.Conflict, Title: "Hồ sơ đã kết thúc.", Detail: refusal.Message),
            _ => new WorkflowOutcome(OutcomeKind.Forbidden, Title: "Không có quyền xử lý hồ sơ.", Detail: refusal.Message),
        });
    }

    /// <summary>Whether the dossier is in the caller's scope (<see cref="DossierAccess.InScope"/>), for showing what may be changed.</summary>
    public async Task<bool> InScopeAsync(ClaimsPrincipal user, Dossier dossier, CancellationToken ct) =>
        user.AgencyId() == dossier.AgencyId && DossierAccess.InScope(await ActorAsync(user, ct), HoldingOf(dossier));

    /// <summary>The caller as the scope rule sees them; the unit's kind comes from the cache (no query).</summary>
    public async Task<DossierActor> ActorAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var unitId = user.UnitId();
        var leadership = user.IsInRole(Roles.Leader) && unitId is { } u && (await references.UnitAsync(u, ct))?.Kind == Organisation.UnitKind.Leadership;
        return new DossierActor(user.Identity?.Name, RolesOf(user), unitId, leadership) { AgencyId = user.AgencyId() };
    }

    /// <summary>The step assignments of a dossier (tracked), read only for the actions that move between steps.</summary>
    public async Task<List<DossierStepAssignment>> StepsAsync(Dossier dossier, DossierAction action, CancellationToken ct) =>
        DossierDecider.NeedsSteps(action) && dossier.Id != 0
            ? await db.Set<DossierStepAssignment>().Where(s => s.DossierId == dossier.Id).ToListAsync(ct)
            : [];

    /// <summary>The dossier as the decider reads it; a new one starts as its channel has it (Draft online, else Submitted).</summary>
    public static DossierSnapshot SnapshotOf(Dossier dossier, IReadOnlyList<DossierStepAssignment> steps, bool isNew = false) =>
        new(isNew ? DossierState.Start(dossier.Channel, dossier.Terms) : dossier.ToState(), dossier.AgencyId, dossier.CurrentUnitId, dossier.StepPlan, isNew)
        {
            Code = dossier.Code,
            ProcedureCode = dossier.ProcedureCode,
            SubmittedAt = dossier.SubmittedAt,
            Steps = steps.Select(s => new StepAssignment(s.StepIndex, s.UnitId, s.Assignee, s.StartedAt, s.FinishedAt)).ToList(),
            ReturnChoice = dossier.ReturnChoice,
        };

    /// <summary>The snapshot with the centre where the applicant collects the result, so the decider can keep the result's return there.</summary>
    public async Task<DossierSnapshot> SnapshotAsync(Dossier dossier, IReadOnlyList<DossierStepAssignment> steps, CancellationToken ct)
    {
        var snapshot = SnapshotOf(dossier, steps);
        if (dossier.ReturnAtCentreId is not { } centreId)
        {
            return snapshot;
        }
        var name = await db.Set<Organisation.Agency>().AsNoTracking().Where(a => a.Id == centreId).Select(a => a.Name).SingleAsync(ct);
        return snapshot with { ReturnAtCentre = new CollectCentre(centreId, name) };
    }

    /// <summary>
    /// Applies a decision to the dossier and its rows: state and unit, the concurrency version (one step per transition),
    /// step assignments planned or updated, history, forms, explanations and the apology.
    /// </summary>
    public void Apply(Dossier dossier, DossierDecision decision, IReadOnlyList<DossierStepAssignment> tracked, ClaimsPrincipal user, DateTimeOffset now, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.Succeeded)
        {
            throw new InvalidOperationException("A refused decision has nothing to apply.");
        }
        var version = isNew ? 0 : dossier.Version;
        dossier.Apply(decision.State);
        dossier.Version = version + Math.Max(1, decision.Transitions.Count);
        dossier.CurrentUnitId = decision.UnitId;
        foreach (var p in decision.PlannedSteps)
        {
            db.Add(new DossierStepAssignment
            {
                Dossier = dossier, StepIndex = p.StepIndex, StepName = p.StepName, UnitId = p.UnitId, Assignee = p.Assignee,
                PlannedStartAt = p.PlannedStartAt, PlannedDueAt = p.PlannedDueAt, StartedAt = p.StartedAt,
            });
        }
        foreach (var u in decision.StepUpdates)
        {
            if (tracked.FirstOrDefault(s => s.StepIndex == u.StepIndex) is { } step)
            {
                step.Assignee = u.Assignee;
                step.StartedAt = u.StartedAt;
                step.FinishedAt = u.FinishedAt;
            }
        }
        foreach (var e in decision.Events)
        {
            dossier.Events.Add(new DossierEvent
            {
                At = now, Action = e.Action, FromStatus = e.From, ToStatus = e.To, FromStep = e.FromStep, ToStep = e.ToStep,
                FromUnitId = e.FromUnitId, ToUnitId = e.ToUnitId, ActorUserName = user.Identity?.Name, ActorName = user.DisplayName(),
                Assignee = e.Assignee, Note = e.Note,
            });
        }
        foreach (var f in decision.Forms)
        {
            db.Add(new DossierForm
            {
                Dossier = dossier, Kind = f.Kind, Number = FormNumber(dossier, f.Kind, now), IssuedAt = now, IssuedBy = user.Identity?.Name,
                Content = f.Note ?? LegalRegime.Of(dossier.Regime).Form(f.Kind).Title,
            });
        }
        foreach (var why in decision.Explanations)
        {
            db.Add(new DossierExplanation { Dossier = dossier, Case = why, RequiredAt = now });
        }
        if (decision.Apology is { } a)
        {
            db.Add(new DossierApology
            {
                Dossier = dossier, ResponsibleUnitId = a.ResponsibleUnitId, Reason = a.Reason, OriginalDueAt = a.OriginalDueAt,
                NewAppointmentAt = a.NewAppointmentAt, IssuedAt = now, IssuedBy = user.Identity?.Name,
            });
        }
    }

    /// <summary>
    /// THE save of every dossier change: the caller's scope checked (<see cref="ScopeRefusalAsync"/>), the audit entry,
    /// the subscribers' rows (notifications, national sync, report projection) and the dossier's own rows in ONE
    /// SaveChanges. A change that is not a transition (fees, files, explanations) passes no decision and names
    /// <paramref name="what"/>. Throws <see cref="DbUpdateConcurrencyException"/> when someone saved first, and
    /// <see cref="ForbiddenException"/> (nothing saved) when the caller may not change this dossier.
    /// </summary>
    public async Task SaveAsync(Dossier dossier, DossierDecision? decision, ClaimsPrincipal user, DossierAuditEntry audit, CancellationToken ct,
        string? assigneeUserId = null, DossierChange what = DossierChange.Transition)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(audit);
        var isNew = db.Entry(dossier).State == EntityState.Added;
        if (await ScopeRefusalAsync(user, dossier, decision, what, isNew, ct) is { } refused)
        {
            throw new ForbiddenException(refused);
        }
        AuditLog.Append(db, time, user, audit.Action, "Dossier", dossier.Code, audit.Summary, audit.Data);
        await NotifySubscribersAsync(new DossierSaving(dossier, isNew, decision?.Transitions ?? [], time.GetUtcNow())
        {
            Decision = decision,
            AssigneeUserId = assigneeUserId,
        }, ct);
        // No caller goes on in its transaction after a failed save (the receipt rolls back and retries whole), so EF's
        // savepoint would only add two round trips inside the receipt's hold on the day counter (ADR-004).
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    /// <summary>A change that is not a transition: the version moves so a concurrent editor loses, then the one save.</summary>
    public Task SaveChangeAsync(Dossier dossier, DossierChange what, ClaimsPrincipal user, DossierAuditEntry audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        dossier.Version++;
        return SaveAsync(dossier, null, user, audit, ct, what: what);
    }

    /// <summary>
    /// The insert path of dossiers made outside a decision (the historical import): each passes the subscribers as a new
    /// dossier (the report projection counts it; notices go only where a decision raised them, so none), then ONE save
    /// with the one audit entry, all or none. Throws <see cref="DbUpdateException"/> as the save does.
    /// </summary>
    public async Task SaveNewAsync(IReadOnlyList<Dossier> dossiers, ClaimsPrincipal user, DossierAuditEntry audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(audit);
        var now = time.GetUtcNow();
        foreach (var dossier in dossiers)
        {
            if (user.AgencyId() != dossier.AgencyId)
            {
                throw new ForbiddenException("Hồ sơ không thuộc cơ quan của bạn.");
            }
            db.Add(dossier);
            await NotifySubscribersAsync(new DossierSaving(dossier, IsNew: true, [], now), ct);
        }
        AuditLog.Append(db, time, user, audit.Action, "Dossier", "import", audit.Summary, audit.Data);
        await db.SaveChangesAsync(ct);
    }

    private async Task NotifySubscribersAsync(DossierSaving change, CancellationToken ct)
    {
        foreach (var subscriber in subscribers)
        {
            await subscriber.OnSavingAsync(db, change, ct);
        }
    }

    /// <summary>
    /// The scope rule of every save, so a handler that skipped <see cref="LoadAsync"/>'s check still cannot write: the
    /// dossier is of the caller's agency, and an officer may make <paramref name="what"/> to it as it was loaded (the
    /// decision may already have moved it to another unit). A new dossier's role was checked by its decision; the
    /// applicant on the portal (no officer role, after the look-up's second factor) may only hand in a supplement.
    /// </summary>
    private async Task<string?> ScopeRefusalAsync(ClaimsPrincipal user, Dossier dossier, DossierDecision? decision, DossierChange what, bool isNew, CancellationToken ct)
    {
        // A service centre creates a dossier for the deciding agency (receipt regardless of boundary), then acts on it no more.
        // ...except to return the result the applicant chose to collect there, once it is back (Boundary/ResultHandBacks checks that).
        if (user.AgencyId() != dossier.AgencyId && !(isNew && dossier.ReceivingAgencyId is { } centre && centre == user.AgencyId())
            && !(dossier.ReturnAtCentreId is { } returning && returning == user.AgencyId()
                && decision is not null && decision.Transitions.All(t => ResultHandBack.CentreMay(t.Action))))
        {
            return "Hồ sơ không thuộc cơ quan của bạn.";
        }
        if (isNew)
        {
            return null;
        }
        var actor = await ActorAsync(user, ct);
        if (actor.Roles.Count == 0)
        {
            return decision is { Transitions.Count: > 0 } && decision.Transitions.All(t => t.Action == DossierAction.ResubmitSupplement)
                ? null : "Chỉ cán bộ xử lý hồ sơ mới được thay đổi hồ sơ.";
        }
        var entry = db.Entry(dossier);
        var loaded = new DossierHolding(entry.Property(d => d.Status).OriginalValue, entry.Property(d => d.CurrentUnitId).OriginalValue,
            entry.Property(d => d.Assignee).OriginalValue);
        return DossierAccess.MayChange(actor, loaded, what)?.Message;
    }

    // Numbered by the dossier code and the instant, so two issues of one form (a new receipt after a supplement) differ.
    private static string FormNumber(Dossier dossier, OfficialFormKind kind, DateTimeOffset at) =>
        dossier.Code + "/" + kind switch
        {
            OfficialFormKind.ReceiptAndAppointment => "TN",
            OfficialFormKind.SupplementRequest => "BS",
            OfficialFormKind.Refusal => "TC",
            OfficialFormKind.ApologyAndReschedule => "XL",
            OfficialFormKind.ProcessControl => "KS",
            OfficialFormKind.TrackingBook => "STD",
            OfficialFormKind.StopNotice => "DG",
        } + "-" + at.ToOffset(VietnamTime.Offset).ToString("HHmmss", CultureInfo.InvariantCulture);
}
