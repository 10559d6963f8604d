using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// Result return at the receiving centre at the web edge: the deciding agency's desk records that the paper result left
/// for the centre, the centre's desk records that it arrived (the applicant is told), and then the centre's desk returns
/// it through the decider, the one action it may take on the deciding agency's dossier (<see cref="ResultHandBack"/>).
/// </summary>
public sealed class ResultHandBacks(AppDbContext db, TimeProvider time, DossierStore store, DossierReferences references)
{
    /// <summary>The history line of the hand-back steps starts with this, so the dossier page names the step.</summary>
    public const string HistoryLabel = "Chuyển kết quả về nơi tiếp nhận";

    /// <summary>The refusal when the deciding agency's desk names a dossier that is not its agency's or not returned at a centre (404 on the API).</summary>
    public const string NotTheDecider = "Không tìm thấy hồ sơ của cơ quan bạn có kết quả trả tại nơi tiếp nhận.";

    /// <summary>The refusal when a desk names a dossier whose result is not returned at its centre (404 on the API).</summary>
    public const string NotTheCentre = "Không tìm thấy hồ sơ có kết quả trả tại đơn vị bạn.";

    /// <summary>The refusal when another desk recorded the step first (409 on the API).</summary>
    public const string Raced = "Bước chuyển kết quả vừa được người khác ghi nhận; vui lòng tải lại trang.";

    /// <summary>The deciding agency's desk records that the result left for the centre; refused unless the dossier is its agency's.</summary>
    public async Task<string?> SendAsync(string code, DateTimeOffset? sentAt, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var d = await db.Dossiers.FirstOrDefaultAsync(x => x.AgencyId == agencyId && x.Code == code && x.ReturnAtCentreId != null, ct);
        if (d is null)
        {
            return NotTheDecider;
        }
        var existing = await db.ResultHandBacks.AsNoTracking().FirstOrDefaultAsync(h => h.DossierId == d.Id, ct);
        var now = time.GetUtcNow();
        var at = sentAt ?? now;
        if (ResultHandBack.SendProblem(d.Status, ResultHandBack.ReturnsAtCentre(d.ReturnAtCentreId, d.ReturnChoice),
                existing?.Stage ?? ResultHandBackStage.AwaitingDispatch, at, d.CompletedAt, now) is { } problem)
        {
            return problem;
        }
        if (note is { Length: > 500 })
        {
            return "Ghi chú dài tối đa 500 ký tự.";
        }
        var h = new ResultHandBackRecord
        {
            DossierId = d.Id, DecidingAgencyId = d.AgencyId, CentreAgencyId = d.ReturnAtCentreId!.Value, SentAt = at,
            SentBy = user.Identity?.Name, SentByName = user.DisplayName(), SentNote = TextSearch.NfcOrNull(note),
        };
        db.ResultHandBacks.Add(h);
        var centre = await db.Agencies.AsNoTracking().Where(a => a.Id == h.CentreAgencyId).Select(a => a.Name).SingleAsync(ct);
        var text = $"{HistoryLabel}: cơ quan giải quyết chuyển kết quả về {centre} lúc {at.ToVnDateTime()}" + (h.SentNote is { } n ? ". " + n : ".");
        AddEvent(d, now, user, text);
        AuditLog.Append(db, time, user, ResultHandBack.SendAudit, "Dossier", d.Code, text, new { h.SentAt, h.CentreAgencyId });
        return await SaveAsync(() => db.SaveChangesAsync(ct));
    }

    /// <summary>The centre's desk records that the result arrived; the applicant is told it waits there.</summary>
    public async Task<string?> ReceiveAsync(string code, DateTimeOffset? receivedAt, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var d = await db.Dossiers.FirstOrDefaultAsync(x => x.ReturnAtCentreId == agencyId && x.Code == code, ct);
        if (d is null)
        {
            return NotTheCentre;
        }
        var h = await db.ResultHandBacks.FirstOrDefaultAsync(x => x.DossierId == d.Id, ct);
        var now = time.GetUtcNow();
        var at = receivedAt ?? now;
        if (ResultHandBack.ReceiveProblem(h?.Stage ?? ResultHandBackStage.AwaitingDispatch, h?.SentAt, at, now) is { } problem)
        {
            return problem;
        }
        if (note is { Length: > 500 })
        {
            return "Ghi chú dài tối đa 500 ký tự.";
        }
        h!.ReceivedAt = at;
        h.ReceivedBy = user.Identity?.Name;
        h.ReceivedByName = user.DisplayName();
        h.ReceivedNote = TextSearch.NfcOrNull(note);
        h.Version++;
        var text = $"{HistoryLabel}: nơi tiếp nhận đã nhận kết quả lúc {at.ToVnDateTime()} (bên giao: {h.SentByName ?? h.SentBy}, bên nhận: {h.ReceivedByName})"
            + (h.ReceivedNote is { } n ? ". " + n : ".");
        AddEvent(d, now, user, text);
        var decision = ResultHandBack.AtCentre(d.ToState(), text);
        return await SaveAsync(() => store.SaveAsync(d, decision, user, new DossierAuditEntry(decision.Audit!.Action, text, new { h.SentAt, h.ReceivedAt }), ct));
    }

    /// <summary>
    /// The deciding agency's desk records that the applicant now collects the result at its own desk (they came there
    /// instead), before the centre has the result: the dossier leaves the hand-back lists and the ordinary return applies.
    /// </summary>
    public async Task<string?> CollectAtAgencyAsync(string code, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var d = await db.Dossiers.FirstOrDefaultAsync(x => x.AgencyId == agencyId && x.Code == code && x.ReturnAtCentreId != null, ct);
        if (d is null)
        {
            return NotTheDecider;
        }
        var h = await db.ResultHandBacks.AsNoTracking().FirstOrDefaultAsync(x => x.DossierId == d.Id, ct);
        if (ResultHandBack.MoveProblem(d.Status, ResultHandBack.ReturnsAtCentre(d.ReturnAtCentreId, d.ReturnChoice),
                h?.Stage ?? ResultHandBackStage.AwaitingDispatch, reason) is { } problem)
        {
            return problem;
        }
        var centreId = d.ReturnAtCentreId!.Value;
        var names = await db.Agencies.AsNoTracking().Where(a => a.Id == centreId || a.Id == d.AgencyId).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var why = TextSearch.NfcOrNull(reason)!.Trim();
        var now = time.GetUtcNow();
        d.ReturnAtCentreId = null;
        d.Version++;
        var text = $"{ResultHandBack.MoveName}: nhận kết quả tại Bộ phận Một cửa của {names.GetValueOrDefault(d.AgencyId, "")} thay cho {names.GetValueOrDefault(centreId, "")}"
            + (h is not null ? " (kết quả đã chuyển về nơi tiếp nhận lúc " + h.SentAt.ToVnDateTime() + ", Bộ phận Một cửa lấy lại để trả)" : "") + ". Lý do: " + why;
        AddEvent(d, now, user, text);
        AuditLog.Append(db, time, user, ResultHandBack.MoveAudit, "Dossier", d.Code, text, new { CentreAgencyId = centreId, Reason = why, SentAt = h?.SentAt });
        return await SaveAsync(() => db.SaveChangesAsync(ct));
    }

    /// <summary>The centre's desk returns the result to the applicant: the decider's Return, once the result is at the centre.</summary>
    public async Task<string?> ReturnAsync(string code, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var d = await db.Dossiers.FirstOrDefaultAsync(x => x.ReturnAtCentreId == agencyId && x.Code == code, ct);
        if (d is null)
        {
            return NotTheCentre;
        }
        if (!ResultHandBack.ReturnsAtCentre(d.ReturnAtCentreId, d.ReturnChoice))
        {
            return "Người nộp không đăng ký nhận kết quả tại nơi tiếp nhận hồ sơ.";
        }
        var h = await db.ResultHandBacks.AsNoTracking().FirstOrDefaultAsync(x => x.DossierId == d.Id, ct);
        if (ResultHandBack.ReturnProblem(h?.Stage ?? ResultHandBackStage.AwaitingDispatch) is { } problem)
        {
            return problem;
        }
        var now = time.GetUtcNow();
        var calculator = await references.CalculatorAsync(await references.AgencyAsync(d.AgencyId, ct), ct);
        var actor = await store.ActorAsync(user, ct);
        var command = new DossierCommand(DossierAction.Return) { Note = TextSearch.NfcOrNull(note), Delivery = ResultDelivery.AtDesk };
        var steps = await store.StepsAsync(d, DossierAction.Return, ct);
        var decision = DossierDecider.Decide(await store.SnapshotAsync(d, steps, ct), command, new DecisionContext(now, calculator, actor));
        if (decision.Refusal is { } refusal)
        {
            return refusal.Message;
        }
        var from = decision.Transition!.From;
        store.Apply(d, decision, steps, user, now, isNew: false);
        var audit = new DossierAuditEntry(decision.Audit!.Action, decision.Audit.Summary + " (tại nơi tiếp nhận)",
            new { d.Code, Action = nameof(DossierAction.Return), From = from.ToString(), To = d.Status.ToString(), command.Note, CentreAgencyId = agencyId });
        return await SaveAsync(() => store.SaveAsync(d, decision, user, audit, ct));
    }

    private void AddEvent(Dossier d, DateTimeOffset now, ClaimsPrincipal user, string note) =>
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = d.Id, At = now, Action = null, FromStatus = d.Status, ToStatus = d.Status, FromStep = d.CurrentStep, ToStep = d.CurrentStep,
            FromUnitId = d.CurrentUnitId, ToUnitId = d.CurrentUnitId, ActorUserName = user.Identity?.Name, ActorName = user.DisplayName(),
            Assignee = d.Assignee, Note = note,
        });

    private static async Task<string?> SaveAsync(Func<Task> save)
    {
        try
        {
            await save();
            return null;
        }
        catch (DbUpdateException)
        {
            // The unique hand-back per dossier or a concurrency token: someone recorded the step first.
            return Raced;
        }
    }
}
