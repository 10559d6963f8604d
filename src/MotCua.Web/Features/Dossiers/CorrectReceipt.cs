using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The desk's correction of a receipt: the right procedure, or the right processing time, and the reason.</summary>
public sealed record ReceiptCorrectionInput(string? Reason, string? ProcedureCode, decimal? TimeValue, TimeUnit? TimeUnit, long? ExpectedVersion);

/// <summary>
/// Corrects a wrong procedure or due date right after receipt (<see cref="ReceiptCorrection"/> decides): the dossier
/// takes the right procedure's snapshot or time, the due date is recounted from the original receipt, a history row
/// and a re-issued receipt are added (the earlier receipt row stays), and the audit keeps the values before and after,
/// all in the one save.
/// </summary>
public sealed class CorrectReceipt(AppDbContext db, TimeProvider time, DossierReferences references, DossierStore store)
{
    /// <summary>How the row of a receipt that a correction replaced begins; what the earlier receipt said follows it.</summary>
    public const string ReplacedMark = "Đã được thay thế";

    public static bool IsReplaced(DossierForm form) =>
        form is { Kind: OfficialFormKind.ReceiptAndAppointment, Content: { } c } && c.StartsWith(ReplacedMark, StringComparison.Ordinal);

    public async Task<WorkflowOutcome> CorrectAsync(string code, ReceiptCorrectionInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dossier = await store.FindAsync(user, code, ct);
        if (dossier is null)
        {
            return new WorkflowOutcome(OutcomeKind.NotFound, Title: "Không tìm thấy hồ sơ.");
        }
        if (input.ExpectedVersion is { } v && v != dossier.Version)
        {
            return WorkflowOutcome.Concurrency();
        }
        var now = time.GetUtcNow();
        var actions = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id && e.Action != null)
            .OrderBy(e => e.Id).Select(e => e.Action!.Value).ToListAsync(ct);
        var sinceReceipt = actions.SkipWhile(a => a != DossierAction.Receive).ToList();

        // The right procedure is the one in force on the day of receipt, read as the receipt read it.
        var newCode = string.IsNullOrWhiteSpace(input.ProcedureCode) ? null : input.ProcedureCode.Trim();
        DossierReferences.ReceiptBasis? basis = null;
        if (newCode is not null && !string.Equals(newCode, dossier.ProcedureCode, StringComparison.OrdinalIgnoreCase))
        {
            basis = await references.ReceiptBasisAsync(dossier.AgencyId, newCode, dossier.ReceivedAt ?? now, ct);
            if (basis.Eligibility.Version is null || basis.Effective is null)
            {
                return WorkflowOutcome.Invalid("procedureCode", basis.Eligibility.Message ?? "Không tìm thấy thủ tục hành chính đang có hiệu lực với mã này.");
            }
        }
        ProcessingTime? newTime = input.TimeValue is { } value && input.TimeUnit is { } unit ? new ProcessingTime(value, unit) : basis?.Effective?.Time;
        var agency = await references.AgencyAsync(dossier.AgencyId, ct);
        var calculator = await references.CalculatorAsync(agency, ct);
        var facts = new ReceiptCorrectionFacts(dossier.Code, dossier.Status, dossier.ReceivedAt, dossier.ClockStartedAt, dossier.ProcedureCode, dossier.Terms,
            dossier.DueAt, sinceReceipt);
        var decision = ReceiptCorrection.Decide(facts, new ReceiptCorrectionRequest(input.Reason, basis is null ? null : newCode, newTime),
            await store.ActorAsync(user, ct), now, calculator);
        if (decision.Refusal is { } refusal)
        {
            return Refusals.Of(refusal);
        }

        // The receipt handed out before stays on record with what it said, marked replaced (the PDF is always drawn from
        // the dossier as it is now, so the earlier one's data is kept on its row).
        var replaced = await db.DossierForms.Where(f => f.DossierId == dossier.Id && f.Kind == OfficialFormKind.ReceiptAndAppointment)
            .OrderByDescending(f => f.Id).FirstOrDefaultAsync(ct);
        var number = dossier.Code + "/TN-" + now.ToOffset(VietnamTime.Offset).ToString("HHmmss", CultureInfo.InvariantCulture);
        if (replaced is not null && !IsReplaced(replaced))
        {
            replaced.Content = $"{ReplacedMark} bởi giấy số {number} lúc {now.ToVnDateTime()}. Giấy đã cấp ghi: thủ tục {dossier.ProcedureCode} – {dossier.ProcedureName}; "
                + $"hẹn trả kết quả {(dossier.AppointmentAt ?? dossier.DueAt)?.ToVnDateTime() ?? "không có"}."
                + (string.IsNullOrWhiteSpace(replaced.Content) ? "" : " " + replaced.Content);
        }

        var before = new { dossier.ProcedureCode, dossier.ProcedureName, dossier.ProcessingTimeValue, ProcessingTimeUnit = dossier.ProcessingTimeUnit?.ToString(), dossier.DueAt, dossier.FeeAmount };
        if (basis is { Eligibility.Version: { } version, Effective: { } effective })
        {
            dossier.ProcedureVersionId = version.Id;
            dossier.ProcedureCode = version.Procedure!.Code;
            dossier.ProcedureName = version.Name;
            dossier.ProcessingTimeVerified = effective.Verified;
            dossier.StepPlan = basis.Plan;
            if (dossier.FeeNote is null)
            {
                // The fee followed the catalogue: it follows the right procedure's.
                dossier.FeeAmount = (long)version.Fees.Sum(f => f.Amount);
            }
        }
        if (newTime is { } t)
        {
            dossier.ProcessingTimeValue = t.Value;
            dossier.ProcessingTimeUnit = t.Unit;
        }
        dossier.DueAt = decision.DueAt;
        dossier.AppointmentAt = decision.DueAt;
        dossier.Version++;
        // The steps already planned (a dossier transferred on receipt) are planned again with the corrected time.
        var steps = await db.Set<DossierStepAssignment>().Where(s => s.DossierId == dossier.Id).ToListAsync(ct);
        var replanned = StepPlanning.Replan(dossier.StepPlan, dossier.Terms.ProcessingTime,
            steps.Select(s => new PlannedWindow(s.StepIndex, s.StepName, s.PlannedStartAt, s.PlannedDueAt)).ToList(), calculator);
        foreach (var r in replanned)
        {
            var step = steps.Single(s => s.StepIndex == r.StepIndex);
            step.PlannedStartAt = r.StartAt;
            step.PlannedDueAt = r.DueAt;
        }
        var reason = TextSearch.Nfc(input.Reason!.Trim());
        var note = "Sửa thông tin tiếp nhận và cấp lại Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Lý do: " + reason
            + (replanned.Count == 0 ? "" : " Tính lại hạn bước xử lý: "
                + string.Join("; ", replanned.Select(r => $"{r.StepName} hạn {r.OldDueAt.ToVnDateTime()} → {r.DueAt.ToVnDateTime()}")) + ".");
        note = note.Length > 2000 ? note[..2000] : note;
        dossier.Events.Add(new DossierEvent
        {
            At = now, Action = DossierAction.Receive, FromStatus = dossier.Status, ToStatus = dossier.Status, FromStep = dossier.CurrentStep,
            ToStep = dossier.CurrentStep, FromUnitId = dossier.CurrentUnitId, ToUnitId = dossier.CurrentUnitId, ActorUserName = user.Identity?.Name,
            ActorName = user.DisplayName(), Assignee = dossier.Assignee, Note = note,
        });
        db.Add(new DossierForm
        {
            Dossier = dossier, Kind = OfficialFormKind.ReceiptAndAppointment, IssuedAt = now, IssuedBy = user.Identity?.Name, Content = note,
            Number = number,
        });
        var after = new { dossier.ProcedureCode, dossier.ProcedureName, dossier.ProcessingTimeValue, ProcessingTimeUnit = dossier.ProcessingTimeUnit?.ToString(), dossier.DueAt, dossier.FeeAmount };
        try
        {
            await store.SaveAsync(dossier, null, user, new DossierAuditEntry("dossier.receipt.correct", decision.Summary!, new
            {
                Before = before, After = after, Reason = reason,
                Steps = replanned.Select(r => new { r.StepIndex, r.StepName, r.OldDueAt, r.DueAt }).ToList(),
            }), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowOutcome.Concurrency();
        }
        return new WorkflowOutcome(OutcomeKind.Ok, dossier);
    }
}
