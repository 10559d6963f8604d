using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Projects Core <see cref="DossierFact"/>s and <see cref="ProcedureFact"/>s from the database for one agency (optionally
/// one unit) and one period, through <see cref="ReportingDb"/>. Only the candidate rows are loaded: received in the period,
/// open at its start (under either finish mode), or refused at the desk in it. This is the in-memory path (drill-downs,
/// the 766 index, scoring, the narrative); the large tables go through <c>ReportQueries</c>.
/// </summary>
public static class DossierFacts
{
    /// <summary>Key of the agency as reports print it.</summary>
    public static string AgencyKey(int agencyId) => agencyId.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(
        long Id, string Code, int AgencyId, int? UnitId, string? UnitName, int FieldId, string FieldName, int ProcedureId, string ProcedureName,
        DossierChannel Channel, DossierStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt,
        DateTimeOffset? RescheduledDueAt, DateTimeOffset? CompletedAt, DateTimeOffset? ReturnedAt, DateTimeOffset? ClosedAt,
        ResultDelivery? ReturnMethod, OnlineServiceLevel OnlineLevel, bool ComponentsDigitised, bool ResultDigitised, bool ReusedDigitisedData, long FeeAmount,
        PaymentStatus Payment, bool Imported);

    /// <summary>The dossiers a period's report, index or scoring can see, as Core facts, with those of the agencies merged into it by the period's end.</summary>
    public static Task<IReadOnlyList<DossierFact>> LoadAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId, CancellationToken ct) =>
        LoadAsync(reporting, agencyId, period, unitId, null, ct);

    /// <summary>As <see cref="LoadAsync(ReportingDb, int, ReportPeriod, int?, CancellationToken)"/>; with <paramref name="only"/>, just those of these dossiers.</summary>
    public static async Task<IReadOnlyList<DossierFact>> LoadAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId,
        IReadOnlyCollection<long>? only, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        var facts = new List<DossierFact>();
        // A unit's scope covers the units merged into it by the period's end, whose facts count under it.
        var successors = await Organisation.Merging.UnitLineage.SuccessorsOnAsync(reporting.Context, period.End, ct);
        IReadOnlyList<int>? units = unitId is { } scope ? await Organisation.Merging.UnitLineage.UnitIdsForReportAsync(reporting.Context, scope, period.End, ct) : null;
        foreach (var id in await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(reporting.Context, agencyId, period.Start, period.End, ct))
        {
            facts.AddRange((await OneAgencyAsync(reporting, id, period, units, only, ct)).Select(f => UnitLineageReports.Fold(f, successors)));
        }
        return facts;
    }

    private static async Task<IReadOnlyList<DossierFact>> OneAgencyAsync(ReportingDb reporting, int agencyId, ReportPeriod period, IReadOnlyList<int>? unitIds,
        IReadOnlyCollection<long>? only, CancellationToken ct)
    {
        var db = reporting.Context;
        DateTimeOffset s = period.StartInstant, e = period.CutoffInstant;
        long sTicks = s.UtcTicks;
        var projected = db.ReportDossiers.AsNoTracking().Where(r => r.AgencyId == agencyId
            && ((r.Counted && r.ReceivedAt >= s && r.ReceivedAt < e)
                || (r.Counted && r.ReceivedAt < s && (r.ClosedAt >= sTicks || r.ClosedAtReturn >= sTicks))
                || (r.DeskRefusedAt >= s && r.DeskRefusedAt < e)));
        if (unitIds is { Count: 1 } one)
        {
            var u = one[0];
            projected = projected.Where(r => r.UnitId == u);
        }
        else if (unitIds is not null)
        {
            projected = projected.Where(r => r.UnitId != null && unitIds.Contains(r.UnitId.Value));
        }
        if (only is not null)
        {
            projected = projected.Where(r => only.Contains(r.DossierId));
        }
        var candidates = projected.Join(db.Dossiers.AsNoTracking(), r => r.DossierId, d => d.Id, (r, d) => new { r, d });

        var rows = await candidates
            .Select(x => new Row(x.d.Id, x.d.Code, x.d.AgencyId, x.r.UnitId, x.r.UnitName, x.r.FieldId, x.r.FieldName, x.r.ProcedureId,
                x.d.ProcedureName, x.d.Channel, x.d.Status, x.d.SubmittedAt, x.d.ReceivedAt, x.d.DueAt, x.d.RescheduledDueAt, x.d.CompletedAt, x.d.ReturnedAt,
                x.d.ClosedAt, x.d.ReturnMethod, x.r.OnlineLevel, x.d.ComponentsDigitised, x.d.ResultDigitised, x.d.ReusedDigitisedData, x.d.FeeAmount, x.d.PaymentStatus, x.d.Imported))
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = projected.Select(r => r.DossierId);
        var supplements = await db.DossierEvents.AsNoTracking()
            .Where(x => ids.Contains(x.DossierId) && x.Action == DossierAction.RequestSupplement)
            .GroupBy(x => x.DossierId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var steps = (await db.DossierStepAssignments.AsNoTracking()
                .Where(x => ids.Contains(x.DossierId))
                .OrderBy(x => x.DossierId).ThenBy(x => x.StepIndex)
                .Select(x => new { x.DossierId, x.UnitId, x.PlannedDueAt, x.FinishedAt })
                .ToListAsync(ct))
            .ToLookup(x => x.DossierId);
        // Synced = the portal acknowledged at least one update before the period's end (QĐ 766 indicator 1.2).
        var codes = candidates.Select(x => x.d.Code);
        var synced = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.AgencyId == agencyId && m.Channel == OutboxChannel.NationalPortal && m.AcknowledgedAt != null && m.AcknowledgedAt < e
                    && m.DossierCode != null && codes.Contains(m.DossierCode))
                .Select(m => m.DossierCode!).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(ct);

        return rows.Select(r =>
        {
            var closed = DossierProjection.Instants.Of(r.Status, r.ClosedAt);
            return new DossierFact(
                r.Id.ToString(CultureInfo.InvariantCulture), r.Code, AgencyKey(agencyId), agencyName,
                r.UnitId?.ToString(CultureInfo.InvariantCulture) ?? DossierProjection.NoUnitKey, r.UnitName ?? DossierProjection.NoUnitName,
                r.FieldId.ToString(CultureInfo.InvariantCulture), r.FieldName,
                r.ProcedureId.ToString(CultureInfo.InvariantCulture), r.ProcedureName,
                r.Channel, r.ReceivedAt ?? r.SubmittedAt, r.DueAt)
            {
                CompletedAt = r.CompletedAt,
                ReturnedAt = r.ReturnedAt,
                WithdrawnAt = closed.Withdrawn,
                RefusedAt = closed.Refused,
                StoppedAt = closed.Stopped,
                DeskRefusedAt = closed.DeskRefused,
                RescheduledDueAt = r.RescheduledDueAt,
                OnlineLevel = r.OnlineLevel,
                ComponentsDigitised = r.ComponentsDigitised,
                ResultDigitised = r.ResultDigitised,
                ReusedDigitisedData = r.ReusedDigitisedData,
                ElectronicResult = r.ReturnMethod == ResultDelivery.Online,
                FeeCharged = r.FeeAmount > 0,
                PaidOnline = r.Payment == PaymentStatus.PaidOnline,
                SyncedToNationalPortal = synced.Contains(r.Code),
                // This system keeps one record per inter-agency dossier, at the lead agency: there are no partner copies.
                InterAgencyPartnerCopy = false,
                Imported = r.Imported,
                SupplementRequests = supplements.GetValueOrDefault(r.Id),
                Steps = [.. steps[r.Id].Where(x => x.UnitId is not null)
                    .Select(x => new StepTiming(x.UnitId!.Value.ToString(CultureInfo.InvariantCulture), x.PlannedDueAt, x.FinishedAt))],
            };
        }).ToList();
    }

    /// <summary>
    /// The agency's procedures as the period's report counts them: the published versions in force on the period's last
    /// day (a published version is never edited, so a closed period gives the same list later). The disclosure and
    /// one-stop flags come from the catalogue:
    /// <list type="bullet">
    /// <item><c>DisclosedOnTime</c>: the version was published by a recorded decision signed within the ND63 Art. 15 lead
    /// (<see cref="PublicationDeadline"/>); a version imported without a decision has no evidence and is not on time.</item>
    /// <item><c>PublishedElectronically</c>: the version was on the public catalogue page (it is from the moment it is
    /// published in this system: the decision's or the import's recording) by the period's end.</item>
    /// <item><c>PostedAtOffice</c>: posted (niêm yết) at the one-stop section on or before the period's last day.</item>
    /// <item><c>EligibleForFullOnline</c>: not listed by the province as unable to go fully online, or already fully online.</item>
    /// <item><c>DecidedAtOneStop</c>: the approved internal process has an approving step and every one is done by a
    /// one-stop desk unit (one-stop scoring indicator 5, OneStopEvaluation: the section itself receives, appraises and approves).</item>
    /// </list>
    /// </summary>
    public static async Task<IReadOnlyList<ProcedureFact>> ProceduresAsync(ReportingDb reporting, int agencyId, ReportPeriod period, CancellationToken ct,
        TimeLimitRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        rule ??= reporting.Limits;
        ArgumentNullException.ThrowIfNull(period);
        var db = reporting.Context;
        var versions = await CatalogueQueries.InForceOn(db, agencyId, period.End).AsNoTracking()
            .Select(v => new
            {
                v.Id, v.ProcedureId, v.Name, v.FieldId, v.OnlineLevel, v.PostalReceipt, v.PostalReturn, v.AtOneStop,
                ChargesFee = v.Fees.Any(f => f.Amount > 0),
                v.NotEligibleForFullOnline, v.PostedOn, v.CreatedAt,
                Decision = v.PublicationDecision == null ? null : new { v.PublicationDecision.Issuer, v.PublicationDecision.SignedOn, v.PublicationDecision.EffectiveFrom, v.PublicationDecision.CreatedAt },
            })
            .ToListAsync(ct);
        var versionIds = versions.Select(v => v.Id).ToList();
        // The unit in charge: the first unit of the version's approved process, as dossiers pin it.
        var processes = await db.InternalProcesses.AsNoTracking()
            .Where(p => versionIds.Contains(p.ProcedureVersionId) && (p.State == ProcessState.InForce || p.State == ProcessState.Approved))
            .Select(p => new { p.Id, p.ProcedureVersionId })
            .ToListAsync(ct);
        var processIds = processes.Select(p => p.Id).ToList();
        var processSteps = (await db.Set<ProcessStep>().AsNoTracking()
                .Where(s => processIds.Contains(s.InternalProcessId))
                .Select(s => new { s.InternalProcessId, s.Seq, s.UnitId, s.Kind, OneStop = s.Unit != null && s.Unit.Kind == UnitKind.OneStopDesk })
                .ToListAsync(ct))
            .GroupBy(s => s.InternalProcessId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Seq).ToList());
        var latestProcess = processes.GroupBy(p => p.ProcedureVersionId).ToDictionary(g => g.Key, g => g.Max(p => p.Id));
        int? FirstUnit(int versionId)
        {
            if (!latestProcess.TryGetValue(versionId, out var pid) || !processSteps.TryGetValue(pid, out var st))
            {
                return null;
            }
            // As dossiers pin it: the first unit the process routes dossiers to, not the desk that receives and hands
            // them over; failing that, the first unit of any other step (the approver), and the desk only when it is all.
            return ProcessRouting.Routed(st, s => s.Kind, s => s.OneStop).FirstOrDefault(s => s.UnitId != null)?.UnitId
                ?? st.FirstOrDefault(s => s.UnitId != null && !s.OneStop)?.UnitId
                ?? st.FirstOrDefault(s => s.UnitId != null)?.UnitId;
        }
        bool DecidedAtOneStop(int versionId)
        {
            if (!latestProcess.TryGetValue(versionId, out var pid) || !processSteps.TryGetValue(pid, out var st))
            {
                return false;
            }
            var approving = st.Where(s => s.Kind == StepKind.Approve).ToList();
            return approving.Count > 0 && approving.All(s => s.OneStop);
        }
        var periodEnd = period.CutoffInstant;
        // The working calendar is built only when a decision is judged in working days.
        WorkingCalendar? calendar = versions.Any(v => v.Decision is { } d && rule.PublicationCountingOn(d.EffectiveFrom).Value == TimeUnit.WorkingDays)
            ? await CalendarProvider.BuildAsync(db, ct)
            : null;
        return versions
            .OrderBy(v => v.ProcedureId)
            .Select(v => new ProcedureFact(
                v.ProcedureId.ToString(CultureInfo.InvariantCulture), v.Name,
                FirstUnit(v.Id) is { } unit ? unit.ToString(CultureInfo.InvariantCulture) : DossierProjection.NoUnitKey,
                v.FieldId.ToString(CultureInfo.InvariantCulture), v.OnlineLevel)
            {
                PostalService = v.PostalReceipt || v.PostalReturn,
                ChargesFee = v.ChargesFee,
                ExemptFromOneStop = !v.AtOneStop,
                ReceivedAtOneStop = v.AtOneStop,
                EligibleForFullOnline = !v.NotEligibleForFullOnline || v.OnlineLevel == OnlineServiceLevel.Full,
                DisclosedOnTime = v.Decision is { } d && (calendar is null ? PublicationDeadline.OnTime(d.Issuer, d.SignedOn, d.EffectiveFrom) : PublicationDeadline.OnTime(d.Issuer, d.SignedOn, d.EffectiveFrom, calendar, rule)),
                PublishedElectronically = (v.Decision?.CreatedAt ?? v.CreatedAt) < periodEnd,
                PostedAtOffice = v.PostedOn is { } posted && posted <= period.End,
                DecidedAtOneStop = DecidedAtOneStop(v.Id),
            })
            .ToList();
    }
}
