using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Reconciliation;

/// <summary>How an action on a ledger line ended: done, or why not (a Vietnamese sentence).</summary>
public enum LedgerActionOutcome
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>The ledger's two writes: put a dossier's status in the portal's outbox again, and record an explanation. Each is audited and saved once.</summary>
public static class LedgerActions
{
    public const int MaxNoteLength = 2000;

    /// <summary>The roles that may act on the ledger: the control focal officer and administrators.</summary>
    public static bool MayAct(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Identity.Roles.Admin) || user.IsInRole(Identity.Roles.ControlFocalOfficer);
    }

    /// <summary>Re-enqueues the dossier's current status through the portal sync's own path (a first push when the portal never acknowledged it).</summary>
    public static async Task<(LedgerActionOutcome Outcome, string? Error, Guid? MessageId)> ResendAsync(AppDbContext db, TimeProvider time, NationalPortalOptions portal,
        INationalResultPapers resultPapers, ClaimsPrincipal user, int agencyId, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code && d.AgencyId == agencyId, ct);
        if (dossier is null)
        {
            return (LedgerActionOutcome.NotFound, "Không có hồ sơ này trong cơ quan.", null);
        }
        if (DossierNotificationSubscriber.National(dossier) is not { } snapshot)
        {
            return (LedgerActionOutcome.Conflict, "Hồ sơ chưa nộp (bản nháp) không gửi lên Cổng DVCQG.", null);
        }
        if (dossier.Status is DossierStatus.ResultIssued or DossierStatus.Returned)
        {
            ArgumentNullException.ThrowIfNull(resultPapers);
            snapshot = snapshot with { DanhSachGiayToKetQua = await resultPapers.OfAsync(db, dossier, ct) };
        }
        var acknowledged = await db.OutboxMessages.AsNoTracking()
            .AnyAsync(m => m.Channel == OutboxChannel.NationalPortal && m.DossierCode == code && m.AcknowledgedAt != null, ct);
        var message = NationalSync.Enqueue(db, time, portal, agencyId, snapshot, acknowledged ? DossierEventKind.StatusChanged : DossierEventKind.Received);
        if (message is null)
        {
            return (LedgerActionOutcome.Conflict, "Chưa cấu hình kết nối Cổng DVCQG (MotCua:Notifications:NationalPortal:Url): không gửi được.", null);
        }
        var status = NationalStatus.From(dossier.Status)!;
        AuditLog.Append(db, time, user, "reconciliation.resend", "Dossier", code,
            $"Gửi lại trạng thái hồ sơ {code} lên Cổng DVCQG ({status.Code} – {status.Name}) từ sổ đối soát.",
            new { code, nationalStatus = status.Code, messageId = message.Id });
        await db.SaveChangesAsync(ct);
        return (LedgerActionOutcome.Done, null, message.Id);
    }

    /// <summary>Stores an explanation of one dossier's difference in one period.</summary>
    public static async Task<(LedgerActionOutcome Outcome, string? Error)> ExplainAsync(AppDbContext db, TimeProvider time, ClaimsPrincipal user, int agencyId,
        string code, ReportPeriod period, string? reason, string? text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(period);
        text = text?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (string.IsNullOrEmpty(text))
        {
            return (LedgerActionOutcome.Invalid, "Vui lòng nhập nội dung giải trình.");
        }
        if (text.Length > MaxNoteLength)
        {
            return (LedgerActionOutcome.Invalid, $"Nội dung giải trình tối đa {MaxNoteLength} ký tự.");
        }
        if (DossierLedger.ParseReason(reason) is not { } parsed)
        {
            return (LedgerActionOutcome.Invalid, "Lý do chênh lệch không hợp lệ.");
        }
        var exists = await db.Dossiers.AsNoTracking().AnyAsync(d => d.Code == code && (d.AgencyId == agencyId || d.ReceivingAgencyId == agencyId), ct);
        if (!exists)
        {
            return (LedgerActionOutcome.NotFound, "Không có hồ sơ này trong cơ quan.");
        }
        var by = user.Identity?.Name ?? "";
        db.Set<ReconciliationNote>().Add(new ReconciliationNote
        {
            AgencyId = agencyId,
            DossierCode = code,
            PeriodKey = period.Key,
            Reason = DossierLedger.ReasonCode(parsed),
            Text = text,
            WrittenBy = by,
            WrittenAt = time.GetUtcNow(),
        });
        AuditLog.Append(db, time, user, "reconciliation.explain", "Dossier", code,
            $"Giải trình chênh lệch số liệu hồ sơ {code} kỳ {period.Label} ({DossierLedger.ReasonName(parsed)}).",
            new { code, period = period.Key, reason = DossierLedger.ReasonCode(parsed), text });
        await db.SaveChangesAsync(ct);
        return (LedgerActionOutcome.Done, null);
    }
}
