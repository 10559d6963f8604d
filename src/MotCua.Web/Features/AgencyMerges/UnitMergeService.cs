using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Organisation;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Plans;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.AgencyMerges;

/// <summary>What the administrator asks: merge unit <see cref="FromUnitId"/> into unit <see cref="IntoUnitId"/> of the same agency from <see cref="EffectiveFrom"/>.</summary>
public sealed record UnitMergeRequest(int FromUnitId, int IntoUnitId, DateOnly EffectiveFrom, string? DecisionReference);

/// <summary>An account of the merged unit as the preview lists it; <see cref="Review"/> names why its role needs the administrator's look.</summary>
public sealed record UnitMergeAccount(string UserName, string FullName, IReadOnlyList<string> Roles, string? Review);

/// <summary>What a unit merge would move, counted without changing anything; <see cref="Stamp"/> ties a confirmation to these counts.</summary>
public sealed record UnitMergePreview(string FromName, string IntoName, DateOnly EffectiveFrom, int OpenDossiers, int Processes, int Accounts,
    int PlanItems, int Feedback, int ChildUnits, IReadOnlyList<UnitMergeAccount> AccountList, string Stamp);

/// <summary>
/// Sáp nhập đơn vị: unit A of an agency merged into unit B of the same agency, in two steps as the agency merge
/// (<see cref="AgencyMergeService"/>): a dry-run preview that stores nothing, then a confirmation that moves everything
/// in one transaction. Open dossiers held by A or planned through A pass to B (codes, clocks and history unchanged, a
/// hand-over line in each timeline, each through the one save); an approved or in-force internal process that names A is
/// replaced by a copy naming B (an approved text is never edited; drafts are edited in place); A's accounts, control
/// plan items and open PAKN pass to B; A stays as a closed unit that names its successor, which reports follow
/// (<see cref="Organisation.Merging.UnitLineage"/>).
/// </summary>
public sealed class UnitMergeService(AppDbContext db, DossierStore store, ReferenceCache cache, TimeProvider time, IOutputCacheStore pages)
{
    /// <summary>The history line of each moved dossier.</summary>
    public static string HandoverNote(string fromName, string intoName, DateOnly from) =>
        $"Chuyển giao do sáp nhập {fromName} vào {intoName} từ ngày {from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.";

    private static readonly DossierStatus[] OpenStatuses = [.. Enum.GetValues<DossierStatus>().Where(s => !DossierStateMachine.IsTerminal(s))];

    /// <summary>The counts of what would move, or the reason the merge is refused (nothing stored either way).</summary>
    public async Task<(UnitMergePreview? Preview, string? Error)> PreviewAsync(UnitMergeRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var (from, into, error) = await CheckAsync(request, user, ct);
        if (error is not null)
        {
            return (null, error);
        }
        var a = from!.Id;
        var dossiers = await OpenDossiersAsync(from, tracked: false, ct);
        var processes = await ProcessesAsync(a, tracked: false, ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.UnitId == a).OrderBy(u => u.UserName).ToListAsync(ct);
        var accountIds = accounts.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where accountIds.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct)).ToLookup(x => x.UserId, x => x.Name!);
        var plans = await db.PlanTaskUnits.AsNoTracking().CountAsync(p => p.UnitId == a, ct);
        var feedback = await db.FeedbackItems.AsNoTracking().CountAsync(f => f.AssignedUnitId == a && f.ClosedAt == null, ct);
        var children = await db.Units.AsNoTracking().CountAsync(u => u.ParentId == a, ct);
        var list = accounts.Where(u => u.IsActive)
            .Select(u => new UnitMergeAccount(u.UserName ?? "", u.FullName, [.. roles[u.Id].Order(StringComparer.Ordinal)], ReviewOf(roles[u.Id].ToList(), from, into!)))
            .ToList();
        var stamp = string.Join('/', processes.Count, accounts.Count, plans, feedback, children,
            string.Join(',', dossiers.Select(d => d.Id.ToString(CultureInfo.InvariantCulture) + ":" + d.Version.ToString(CultureInfo.InvariantCulture))));
        return (new UnitMergePreview(from.Name, into!.Name, request.EffectiveFrom, dossiers.Count, processes.Count, list.Count, plans, feedback, children, list,
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stamp)))[..16]), null);
    }

    /// <summary>Applies the merge previewed with <paramref name="stamp"/>; nothing changes when the data moved since the preview or a rule refuses.</summary>
    public async Task<(UnitMergePreview? Done, string? Error)> ConfirmAsync(UnitMergeRequest request, string? stamp, ClaimsPrincipal user, CancellationToken ct)
    {
        var (preview, error) = await PreviewAsync(request, user, ct);
        if (preview is null)
        {
            return (null, error);
        }
        if (!string.Equals(stamp, preview.Stamp, StringComparison.Ordinal))
        {
            return (null, "Dữ liệu của đơn vị đã thay đổi từ khi xem trước: hãy xem trước lại rồi xác nhận.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await ApplyAsync(request, preview, user, ct);
            await tx.CommitAsync(ct);
            cache.Invalidate();
            await pages.EvictCatalogueAsync(ct);
            return (preview, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, "Có hồ sơ vừa được cập nhật trong lúc sáp nhập: không có gì thay đổi. Hãy xem trước lại rồi xác nhận.");
        }
    }

    private async Task ApplyAsync(UnitMergeRequest request, UnitMergePreview preview, ClaimsPrincipal user, CancellationToken ct)
    {
        var from = await db.Units.SingleAsync(u => u.Id == request.FromUnitId, ct);
        var into = await db.Units.SingleAsync(u => u.Id == request.IntoUnitId, ct);
        var now = time.GetUtcNow();
        var date = request.EffectiveFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        // The unit tree: A's sub-units hang under B (B itself, if it was one of them, takes A's place).
        foreach (var child in await db.Units.Where(u => u.ParentId == from.Id).ToListAsync(ct))
        {
            child.ParentId = child.Id == into.Id ? from.ParentId : into.Id;
        }
        from.SucceededById = into.Id;
        from.SucceededFrom = request.EffectiveFrom;
        from.IsActive = false;

        // Internal processes: an approved text is what its decision signed, so a process naming A is replaced by a copy naming B.
        foreach (var process in await ProcessesAsync(from.Id, tracked: true, ct))
        {
            if (ProcessStateMachine.StepsEditable(process.State))
            {
                process.Steps.Where(s => s.UnitId == from.Id).ToList().ForEach(s => s.UnitId = into.Id);
                continue;
            }
            var copy = new InternalProcess
            {
                ProcedureVersionId = process.ProcedureVersionId, State = process.State, ApprovalDecisionNumber = process.ApprovalDecisionNumber,
                ApprovedOn = process.ApprovedOn, InForceFrom = process.State == ProcessState.InForce ? time.Today() : process.InForceFrom,
            };
            copy.Steps.AddRange(process.Steps.OrderBy(s => s.Seq).Select(s => new ProcessStep
            {
                Seq = s.Seq, Kind = s.Kind, UnitId = s.UnitId == from.Id ? into.Id : s.UnitId, Actor = s.Actor, Description = s.Description,
                DurationValue = s.DurationValue, DurationUnit = s.DurationUnit, OutputForm = s.OutputForm,
            }));
            db.InternalProcesses.Add(copy);
            process.State = ProcessStateMachine.Next(process.State, ProcessTrigger.Retire) ?? process.State;
        }

        // Accounts: their sessions end, so the next sign-in carries the new unit.
        foreach (var account in await db.Users.Where(u => u.UnitId == from.Id).ToListAsync(ct))
        {
            account.UnitId = into.Id;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            AuditLog.Append(db, time, user, "unit.merge.account", "User", account.Id, $"Chuyển tài khoản {account.UserName} từ {from.Name} sang {into.Name} do sáp nhập đơn vị");
        }

        // Control plan items: B takes A's part, once per task and role.
        var items = await db.PlanTaskUnits.Where(p => p.UnitId == from.Id || p.UnitId == into.Id).ToListAsync(ct);
        foreach (var item in items.Where(p => p.UnitId == from.Id))
        {
            if (items.Any(p => p.UnitId == into.Id && p.TaskId == item.TaskId && p.Role == item.Role))
            {
                db.PlanTaskUnits.Remove(item);
            }
            else
            {
                item.UnitId = into.Id;
            }
        }
        var note = HandoverNote(from.Name, into.Name, request.EffectiveFrom);
        foreach (var feedback in await db.FeedbackItems.Where(f => f.AssignedUnitId == from.Id && f.ClosedAt == null).OrderBy(f => f.Id).ToListAsync(ct))
        {
            FeedbackHandover.HandOver(db, time, user, feedback, feedback.AgencyId, into.Id, request.EffectiveFrom, note, "feedback.unit-merge.handover");
        }
        AuditLog.Append(db, time, user, "unit.merge", "Unit", from.Id.ToString(CultureInfo.InvariantCulture),
            $"Sáp nhập {from.Name} vào {into.Name} từ ngày {date}: {preview.OpenDossiers} hồ sơ đang giải quyết, {preview.Processes} quy trình nội bộ, "
            + $"{preview.Accounts} tài khoản, {preview.PlanItems} nhiệm vụ kế hoạch, {preview.Feedback} phản ánh, kiến nghị",
            new
            {
                FromUnitId = from.Id, IntoUnitId = into.Id, request.EffectiveFrom,
                DecisionReference = string.IsNullOrWhiteSpace(request.DecisionReference) ? null : request.DecisionReference.Trim().Normalize(System.Text.NormalizationForm.FormC),
            });
        await db.SaveChangesAsync(ct);

        // Open dossiers, one save each: code, clock and history stay; the holding unit, the plan's remaining steps and the open step assignments move to B.
        foreach (var dossier in await OpenDossiersAsync(from, tracked: true, ct))
        {
            var fromUnit = dossier.CurrentUnitId;
            if (dossier.CurrentUnitId == from.Id)
            {
                dossier.CurrentUnitId = into.Id;
            }
            if (dossier.StepPlan.Any(s => s.UnitId == from.Id))
            {
                dossier.StepPlan = [.. dossier.StepPlan.Select(s => s.UnitId == from.Id ? s with { UnitId = into.Id, UnitName = into.Name } : s)];
            }
            foreach (var step in await db.DossierStepAssignments.Where(s => s.DossierId == dossier.Id && s.UnitId == from.Id && s.FinishedAt == null).ToListAsync(ct))
            {
                step.UnitId = into.Id;
            }
            dossier.Version++;
            dossier.Events.Add(new DossierEvent
            {
                At = now, Action = null, FromStatus = dossier.Status, ToStatus = dossier.Status, FromStep = dossier.CurrentStep, ToStep = dossier.CurrentStep,
                FromUnitId = fromUnit, ToUnitId = dossier.CurrentUnitId, ActorUserName = user.Identity?.Name, ActorName = user.DisplayName(),
                Assignee = dossier.Assignee, Note = note,
            });
            await store.SaveAsync(dossier, null, user, new DossierAuditEntry("dossier.unit-merge.handover", $"Hồ sơ {dossier.Code}: {note}",
                new { FromUnitId = from.Id, IntoUnitId = into.Id }), ct);
        }
    }

    /// <summary>The agency's open dossiers held by the unit, planned through it, or with an open step of it, by id.</summary>
    private async Task<List<Dossier>> OpenDossiersAsync(Unit from, bool tracked, CancellationToken ct)
    {
        var a = from.Id;
        var planned = "\"unitId\":" + a.ToString(CultureInfo.InvariantCulture) + ",";
        var query = db.Dossiers.Where(d => d.AgencyId == from.AgencyId && OpenStatuses.Contains(d.Status)
            && (d.CurrentUnitId == a || d.StepPlanJson.Contains(planned)
                || db.Set<DossierStepAssignment>().Any(s => s.DossierId == d.Id && s.UnitId == a && s.FinishedAt == null)));
        return await (tracked ? query : query.AsNoTracking()).OrderBy(d => d.Id).ToListAsync(ct);
    }

    /// <summary>The internal processes still in use (not retired) with a step handled by the unit.</summary>
    private async Task<List<InternalProcess>> ProcessesAsync(int unitId, bool tracked, CancellationToken ct)
    {
        var query = db.InternalProcesses.Include(p => p.Steps).Where(p => p.State != ProcessState.Retired && p.Steps.Any(s => s.UnitId == unitId));
        return await (tracked ? query : query.AsNoTracking()).OrderBy(p => p.Id).ToListAsync(ct);
    }

    private static string? ReviewOf(IReadOnlyList<string> roles, Unit from, Unit into)
    {
        if (roles.Contains(Roles.Leader, StringComparer.Ordinal) && from.Kind != into.Kind)
        {
            return $"Lãnh đạo chuyển từ {OrganisationModule.KindName(from.Kind)} sang {OrganisationModule.KindName(into.Kind)}: hãy xem lại vai trò.";
        }
        return roles.Contains(Roles.OneStopOfficer, StringComparer.Ordinal) && into.Kind != UnitKind.OneStopDesk
            ? "Cán bộ một cửa chuyển sang đơn vị không phải Bộ phận Một cửa: hãy xem lại vai trò."
            : null;
    }

    private async Task<(Unit? From, Unit? Into, string? Error)> CheckAsync(UnitMergeRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var agency = user.AgencyId();
        var from = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.FromUnitId, ct);
        var into = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.IntoUnitId, ct);
        // A unit of another agency is reported as not found unless the pair spans two agencies, which the rule names.
        if (from is null || into is null || (from.AgencyId != agency && into.AgencyId != agency))
        {
            return (null, null, "Không tìm thấy đơn vị đã chọn.");
        }
        if (UnitMergeRules.Refusal(Party(from), Party(into), request.EffectiveFrom, time.Today()) is { } refusal)
        {
            return (null, null, refusal);
        }
        return (from, into, null);
    }

    private static UnitMergeParty Party(Unit u) => new(u.Id, u.Name, u.AgencyId, u.SucceededById, u.IsActive);
}
