using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Organisation;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Features.Plans;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.AgencyMerges;

/// <summary>What the administrator asks: merge <see cref="FromAgencyId"/> into <see cref="IntoAgencyId"/> from <see cref="EffectiveFrom"/>.</summary>
public sealed record MergeRequest(int FromAgencyId, int IntoAgencyId, DateOnly EffectiveFrom, MergeAccountHandling Accounts, int? TargetUnitId,
    string? DecisionReference);

/// <summary>What a merge would move, counted without changing anything; <see cref="Stamp"/> ties a confirmation to these counts.</summary>
public sealed record MergePreview(string FromName, string FromCode, string IntoName, DateOnly EffectiveFrom, int Procedures, int ProceduresAlreadyInInto,
    int Processes, int OpenDossiers, int ClosedDossiers, int Accounts, int Plans, int Units, IReadOnlyList<string> UnitRenames, string Stamp)
{
    /// <summary>Open PAKN (not answered, transferred or closed as duplicates) that pass to the successor with their deadlines.</summary>
    public int OpenFeedback { get; init; }
}

/// <summary>
/// Hợp nhất cơ quan, in two steps: a dry-run preview that stores nothing, then a confirmation that moves everything in
/// one transaction. The catalogue (procedures with their versions and internal processes, fields, template files,
/// publication decisions), the units, the control plans from the merge year, the accounts (moved or closed), the
/// open dossiers and the open PAKN pass to the successor; closed dossiers and report rows stay with the agency that received them, which
/// <see cref="AgencyLineage"/> adds to the successor's reports. Each open dossier goes through the one save
/// (<see cref="DossierStore"/>) with a hand-over event in its timeline and its own audit entry; the merged agency stays
/// as a closed agency that names its successor, so its codes keep resolving.
/// </summary>
public sealed class AgencyMergeService(AppDbContext db, DossierStore store, ReferenceCache cache, TimeProvider time, IOutputCacheStore pages)
{
    /// <summary>The history line of each moved dossier.</summary>
    public static string HandoverNote(string fromName, string intoName, DateOnly from) =>
        $"Chuyển giao do hợp nhất cơ quan {fromName} vào {intoName} từ ngày {from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.";

    private static readonly DossierStatus[] OpenStatuses = [.. Enum.GetValues<DossierStatus>().Where(s => !DossierStateMachine.IsTerminal(s))];

    /// <summary>The counts of what would move, or the reason the merge is refused (nothing stored either way).</summary>
    public async Task<(MergePreview? Preview, string? Error)> PreviewAsync(MergeRequest request, ClaimsPrincipal user, bool recordingHistory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var (from, into, error) = await CheckAsync(request, user, recordingHistory, ct);
        if (error is not null)
        {
            return (null, error);
        }
        var intoCodes = await db.Procedures.AsNoTracking().Where(p => p.AgencyId == into!.Id).Select(p => p.Code).ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.AgencyId == from!.Id).Select(p => new { p.Id, p.Code }).ToListAsync(ct);
        var already = procedures.Count(p => intoCodes.Contains(p.Code, StringComparer.Ordinal));
        var movingIds = procedures.Where(p => !intoCodes.Contains(p.Code, StringComparer.Ordinal)).Select(p => p.Id).ToList();
        var processes = await db.InternalProcesses.AsNoTracking().CountAsync(x => movingIds.Contains(x.ProcedureVersion!.ProcedureId), ct);
        var open = await db.Dossiers.AsNoTracking().Where(d => d.AgencyId == from!.Id && OpenStatuses.Contains(d.Status))
            .Select(d => new { d.Id, d.Version }).ToListAsync(ct);
        var closed = await db.Dossiers.AsNoTracking().CountAsync(d => d.AgencyId == from!.Id && !OpenStatuses.Contains(d.Status), ct);
        var feedback = await db.FeedbackItems.AsNoTracking().Where(f => f.AgencyId == from!.Id && FeedbackHandover.OpenStatuses.Contains(f.Status))
            .Select(f => new { f.Id, f.Version }).ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking().CountAsync(u => u.AgencyId == from!.Id && u.IsActive, ct);
        var plans = await db.ControlPlans.AsNoTracking().CountAsync(p => p.AgencyId == from!.Id && p.Year >= request.EffectiveFrom.Year, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == from!.Id).Select(u => u.Name).ToListAsync(ct);
        var intoUnits = await db.Units.AsNoTracking().Where(u => u.AgencyId == into!.Id).Select(u => u.Name).ToListAsync(ct);
        var renames = units.Where(n => intoUnits.Contains(n, StringComparer.OrdinalIgnoreCase))
            .Select(n => $"{n} → {RenamedUnit(n, from!)}").ToList();
        var stamp = string.Join('/', procedures.Count, already, processes, accounts, plans, units.Count, closed,
            string.Join(',', open.OrderBy(o => o.Id).Select(o => o.Id.ToString(CultureInfo.InvariantCulture) + ":" + o.Version.ToString(CultureInfo.InvariantCulture))),
            string.Join(',', feedback.OrderBy(f => f.Id).Select(f => f.Id.ToString(CultureInfo.InvariantCulture) + ":" + f.Version.ToString(CultureInfo.InvariantCulture))));
        return (new MergePreview(from!.Name, from.Code, into!.Name, request.EffectiveFrom, procedures.Count - already, already, processes, open.Count, closed,
            accounts, plans, units.Count, renames, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stamp)))[..16])
        { OpenFeedback = feedback.Count }, null);
    }

    /// <summary>Applies the merge previewed with <paramref name="stamp"/>; nothing changes when the data moved since the preview or a rule refuses.</summary>
    public async Task<(AgencyMerge? Merge, string? Error)> ConfirmAsync(MergeRequest request, string? stamp, ClaimsPrincipal user, bool recordingHistory,
        CancellationToken ct)
    {
        var (preview, error) = await PreviewAsync(request, user, recordingHistory, ct);
        if (preview is null)
        {
            return (null, error);
        }
        if (!string.Equals(stamp, preview.Stamp, StringComparison.Ordinal))
        {
            return (null, "Dữ liệu của cơ quan đã thay đổi từ khi xem trước: hãy xem trước lại rồi xác nhận.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var merge = await ApplyAsync(request, preview, user, ct);
            await tx.CommitAsync(ct);
            cache.Invalidate();
            await pages.EvictCatalogueAsync(ct);
            return (merge, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, "Có hồ sơ vừa được cập nhật trong lúc hợp nhất: không có gì thay đổi. Hãy xem trước lại rồi xác nhận.");
        }
    }

    private async Task<AgencyMerge> ApplyAsync(MergeRequest request, MergePreview preview, ClaimsPrincipal user, CancellationToken ct)
    {
        var from = await db.Agencies.SingleAsync(a => a.Id == request.FromAgencyId, ct);
        var into = await db.Agencies.SingleAsync(a => a.Id == request.IntoAgencyId, ct);
        var now = time.GetUtcNow();

        // Units: a name the successor already uses gets the merged agency's name after it.
        var intoUnitNames = await db.Units.Where(u => u.AgencyId == into.Id).Select(u => u.Name).ToListAsync(ct);
        var units = await db.Units.Where(u => u.AgencyId == from.Id).ToListAsync(ct);
        foreach (var unit in units)
        {
            if (intoUnitNames.Contains(unit.Name, StringComparer.OrdinalIgnoreCase))
            {
                unit.Name = RenamedUnit(unit.Name, from);
            }
            unit.AgencyId = into.Id;
        }
        var unitIds = units.Select(u => u.Id).ToList();

        // Catalogue: a procedure the successor already has (same code) stays with the merged agency, replaced by the successor's.
        var intoProcedures = await db.Procedures.Where(p => p.AgencyId == into.Id).ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.Ordinal, ct);
        var procedures = await db.Procedures.Where(p => p.AgencyId == from.Id).ToListAsync(ct);
        var intoFields = await db.CatalogueFields.Where(f => f.AgencyId == into.Id).ToListAsync(ct);
        var fields = await db.CatalogueFields.Where(f => f.AgencyId == from.Id).ToListAsync(ct);
        var fieldMap = new Dictionary<int, int>();
        foreach (var field in fields)
        {
            if (intoFields.FirstOrDefault(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                fieldMap[field.Id] = same.Id;
            }
            else
            {
                field.AgencyId = into.Id;
            }
        }
        var moving = new List<int>();
        foreach (var procedure in procedures)
        {
            if (intoProcedures.TryGetValue(procedure.Code, out var replacement))
            {
                procedure.AbolishedFrom = procedure.AbolishedFrom is { } abolished && abolished < request.EffectiveFrom ? abolished : request.EffectiveFrom;
                procedure.ReplacedByProcedureId ??= replacement;
            }
            else
            {
                procedure.AgencyId = into.Id;
                moving.Add(procedure.Id);
            }
        }
        foreach (var version in await db.ProcedureVersions.Where(v => moving.Contains(v.ProcedureId)).ToListAsync(ct))
        {
            if (fieldMap.TryGetValue(version.FieldId, out var intoField))
            {
                version.FieldId = intoField;
            }
        }
        foreach (var file in await db.ProcedureTemplateFiles.Where(f => f.AgencyId == from.Id).ToListAsync(ct))
        {
            file.AgencyId = into.Id;
        }
        foreach (var decision in await db.PublicationDecisions.Where(d => d.AgencyId == from.Id).ToListAsync(ct))
        {
            decision.AgencyId = into.Id;
        }

        // Control plans of the merge year and later, with their tasks, notes and evidence.
        var plans = await db.ControlPlans.Where(p => p.AgencyId == from.Id && p.Year >= request.EffectiveFrom.Year).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        plans.ForEach(p => p.AgencyId = into.Id);
        var tasks = await db.PlanTasks.Where(t => planIds.Contains(t.PlanId)).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        tasks.ForEach(t => t.AgencyId = into.Id);
        var notes = await db.PlanProgressNotes.Where(n => taskIds.Contains(n.TaskId)).ToListAsync(ct);
        var noteIds = notes.Select(n => n.Id).ToList();
        notes.ForEach(n => n.AgencyId = into.Id);
        (await db.EvidenceFiles.Where(f => noteIds.Contains(f.NoteId)).ToListAsync(ct)).ForEach(f => f.AgencyId = into.Id);

        // Accounts: moved (their sessions end, so the next sign-in carries the new agency) or closed.
        var accounts = await db.Users.Where(u => u.AgencyId == from.Id && u.IsActive).ToListAsync(ct);
        var closedAccounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            switch (request.Accounts)
            {
                case MergeAccountHandling.KeepUnits:
                    account.AgencyId = into.Id;
                    break;
                case MergeAccountHandling.MoveToUnit:
                    account.AgencyId = into.Id;
                    account.UnitId = request.TargetUnitId;
                    break;
                case MergeAccountHandling.Close:
                    account.IsActive = false;
                    closedAccounts.Add(account.UserName ?? "");
                    break;
            }
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            AuditLog.Append(db, time, user, "agency.merge.account", "User", account.Id,
                request.Accounts == MergeAccountHandling.Close
                    ? $"Ngừng sử dụng tài khoản {account.UserName} do hợp nhất {from.Name} vào {into.Name}"
                    : $"Chuyển tài khoản {account.UserName} sang {into.Name} do hợp nhất {from.Name}");
        }

        // Open PAKN: the successor's officers answer them by the same deadlines; the reports keep counting them where they were received.
        var note = HandoverNote(from.Name, into.Name, request.EffectiveFrom);
        var feedback = await db.FeedbackItems.Where(f => f.AgencyId == from.Id && FeedbackHandover.OpenStatuses.Contains(f.Status)).OrderBy(f => f.Id).ToListAsync(ct);
        foreach (var item in feedback)
        {
            var unit = request.Accounts == MergeAccountHandling.MoveToUnit && item.AssignedUnitId is { } assigned && unitIds.Contains(assigned)
                ? request.TargetUnitId
                : item.AssignedUnitId;
            FeedbackHandover.HandOver(db, time, user, item, into.Id, unit, request.EffectiveFrom, note, "feedback.merge.handover");
        }

        from.SucceededById = into.Id;
        from.SucceededFrom = request.EffectiveFrom;
        var merge = new AgencyMerge
        {
            FromAgencyId = from.Id, IntoAgencyId = into.Id, EffectiveFrom = request.EffectiveFrom, ConfirmedAt = now, ConfirmedBy = user.Identity?.Name,
            DecisionReference = string.IsNullOrWhiteSpace(request.DecisionReference) ? null : request.DecisionReference.Trim().Normalize(System.Text.NormalizationForm.FormC),
            AccountHandling = request.Accounts, TargetUnitId = request.Accounts == MergeAccountHandling.MoveToUnit ? request.TargetUnitId : null,
            Procedures = preview.Procedures, Processes = preview.Processes, OpenDossiers = preview.OpenDossiers, OpenFeedback = feedback.Count, Plans = preview.Plans,
            Units = preview.Units,
            AccountsMoved = request.Accounts == MergeAccountHandling.Close ? 0 : accounts.Count,
            AccountsClosed = request.Accounts == MergeAccountHandling.Close ? accounts.Count : 0,
        };
        db.AgencyMerges.Add(merge);
        AuditLog.Append(db, time, user, "agency.merge", "Agency", from.Id.ToString(CultureInfo.InvariantCulture),
            $"Hợp nhất {from.Name} ({from.Code}) vào {into.Name} ({into.Code}) từ ngày {request.EffectiveFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: "
            + $"{merge.Procedures} thủ tục, {merge.Processes} quy trình, {merge.OpenDossiers} hồ sơ đang giải quyết, {merge.OpenFeedback} phản ánh, kiến nghị đang xử lý, "
            + $"{merge.Units} đơn vị, {merge.Plans} kế hoạch; "
            + $"{merge.AccountsMoved} tài khoản chuyển, {merge.AccountsClosed} tài khoản ngừng sử dụng",
            new { merge.FromAgencyId, merge.IntoAgencyId, merge.EffectiveFrom, merge.AccountHandling, merge.TargetUnitId, merge.DecisionReference });
        await db.SaveChangesAsync(ct);
        // The moved procedures are found under the successor's name and fields from now on, within the merge's transaction.
        await CatalogueSearchIndex.WriteAsync(db, await db.ProcedureVersions.Where(v => moving.Contains(v.ProcedureId)).Select(v => v.Id).ToListAsync(ct), ct);

        // Open dossiers, one save each: the code, clock and history stay; the agency, and with a target unit the holding unit, change.
        var dossiers = await db.Dossiers.Where(d => d.AgencyId == from.Id && OpenStatuses.Contains(d.Status)).OrderBy(d => d.Id).ToListAsync(ct);
        foreach (var dossier in dossiers)
        {
            var fromUnit = dossier.CurrentUnitId;
            dossier.AgencyId = into.Id;
            if (request.Accounts == MergeAccountHandling.MoveToUnit && dossier.CurrentUnitId is { } held && unitIds.Contains(held))
            {
                dossier.CurrentUnitId = request.TargetUnitId;
            }
            if (dossier.Assignee is { } assignee && closedAccounts.Contains(assignee))
            {
                dossier.Assignee = null;
            }
            dossier.Version++;
            dossier.Events.Add(new DossierEvent
            {
                At = now, Action = null, FromStatus = dossier.Status, ToStatus = dossier.Status, FromStep = dossier.CurrentStep, ToStep = dossier.CurrentStep,
                FromUnitId = fromUnit, ToUnitId = dossier.CurrentUnitId, ActorUserName = user.Identity?.Name, ActorName = user.DisplayName(),
                Assignee = dossier.Assignee, Note = note,
            });
            await store.SaveAsync(dossier, null, user, new DossierAuditEntry("dossier.merge.handover", $"Hồ sơ {dossier.Code}: {note}",
                new { FromAgencyId = from.Id, IntoAgencyId = into.Id, FromUnitId = fromUnit, ToUnitId = dossier.CurrentUnitId }), ct);
        }
        return merge;
    }

    private async Task<(Agency? From, Agency? Into, string? Error)> CheckAsync(MergeRequest request, ClaimsPrincipal user, bool recordingHistory, CancellationToken ct)
    {
        var from = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.FromAgencyId, ct);
        var into = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.IntoAgencyId, ct);
        if (from is null || into is null)
        {
            return (null, null, "Không tìm thấy cơ quan đã chọn.");
        }
        if (user.AgencyId() != into.Id)
        {
            return (null, null, "Chỉ quản trị viên của cơ quan tiếp nhận hợp nhất mới thực hiện được việc hợp nhất vào cơ quan đó.");
        }
        var today = time.Today();
        if (AgencyMergeRules.Refusal(Party(from), Party(into), request.EffectiveFrom, today, recordingHistory) is { } refusal)
        {
            return (null, null, refusal);
        }
        if (request.Accounts == MergeAccountHandling.MoveToUnit
            && (request.TargetUnitId is not { } target || !await db.Units.AnyAsync(u => u.Id == target && u.AgencyId == into.Id && u.IsActive, ct)))
        {
            return (null, null, $"Hãy chọn một đơn vị đang hoạt động của {into.Name} để chuyển tài khoản đến.");
        }
        return (from, into, null);
    }

    private static MergeParty Party(Agency a) => new(a.Id, a.Name, a.ProvinceCode, a.SucceededById);

    private static string RenamedUnit(string name, Agency from)
    {
        var renamed = $"{name} ({from.Name})";
        return renamed.Length <= 300 ? renamed : renamed[..300];
    }
}
