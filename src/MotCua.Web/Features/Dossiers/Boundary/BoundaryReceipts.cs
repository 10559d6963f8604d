using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Legal;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>A procedure of another agency of the province that a service centre may receive, as the counter lists it.</summary>
public sealed record BoundaryChoice(int AgencyId, string AgencyCode, string AgencyName, string ProcedureCode, string ProcedureName, ProcessingTime? Time);

/// <summary>
/// Receipt regardless of administrative boundary at the web edge: the province's catalogue for a service centre, the
/// ownership check before a receipt (<see cref="BoundaryReceipt.Refusal"/>), the paper hand-over started with the
/// receipt, and the two recorded moments of the hand-over (sent by the centre, confirmed by the deciding agency).
/// </summary>
public sealed class BoundaryReceipts(AppDbContext db, TimeProvider time, CalendarProvider calendars)
{
    public const string SendAudit = "boundary.handover.send";
    public const string ConfirmAudit = "boundary.handover.confirm";
    public const string ListAudit = "boundary.procedures";

    /// <summary>The history line of the two hand-over moments starts with this, so the dossier page names the step.</summary>
    public const string HistoryLabel = "Bàn giao hồ sơ giấy";

    /// <summary>A service centre's view of an agency: id, province and kind.</summary>
    public static BoundaryAgency Of(Agency a) => new(a.Id, a.ProvinceCode, a.Kind == AgencyKind.ServiceCentre);

    /// <summary>
    /// The procedures in force today of the other agencies of the centre's province that the province lists for receipt
    /// regardless of boundary, matching <paramref name="q"/>; empty for an agency that is not a service centre.
    /// </summary>
    public async Task<List<BoundaryChoice>> CatalogueAsync(int receivingAgencyId, string? q, CancellationToken ct)
    {
        var me = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == receivingAgencyId, ct);
        if (me.Kind != AgencyKind.ServiceCentre || string.IsNullOrWhiteSpace(me.ProvinceCode))
        {
            return [];
        }
        var today = time.Today();
        var others = await db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == me.ProvinceCode && a.Id != me.Id)
            .OrderBy(a => a.Name).ToListAsync(ct);
        var result = new List<BoundaryChoice>();
        foreach (var other in others)
        {
            var listed = db.BoundaryProcedures.Where(p => p.AgencyId == other.Id && p.ListedFrom <= today).Select(p => p.ProcedureId);
            var versions = await CatalogueQueries.SearchAsync(db, CatalogueQueries.InForceOn(db, other.Id, today).Where(v => listed.Contains(v.ProcedureId)),
                CatalogueSearchTerms.Parse(q), null, null, limit: 50, allWithoutWords: false, ct);
            result.AddRange(versions.Select(v => new BoundaryChoice(other.Id, other.Code, other.Name, v.Procedure!.Code, v.Name, v.ProcessingTime)));
        }
        return result;
    }

    /// <summary>Why the caller's agency may not receive <paramref name="procedureCode"/> for <paramref name="decidingAgencyId"/>, or null.</summary>
    public async Task<string?> RefusalAsync(int receivingAgencyId, int decidingAgencyId, string procedureCode, bool transferRequested, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Id == receivingAgencyId || a.Id == decidingAgencyId).ToListAsync(ct);
        if (agencies.Find(a => a.Id == decidingAgencyId) is not { } deciding || agencies.Find(a => a.Id == receivingAgencyId) is not { } receiving)
        {
            return "Không tìm thấy cơ quan giải quyết thủ tục.";
        }
        var today = time.Today();
        var key = CatalogueQueries.NormalizeCode(procedureCode);
        var listed = await db.BoundaryProcedures.AnyAsync(b => b.AgencyId == decidingAgencyId && b.ListedFrom <= today
            && db.Set<Procedure>().Any(p => p.Id == b.ProcedureId && p.AgencyId == decidingAgencyId && p.Code == key), ct);
        return BoundaryReceipt.Refusal(Of(receiving), Of(deciding), listed, transferRequested);
    }

    /// <summary>The hand-over's limit and due instant for a receipt now at the centre (its calendar and office hours; the province's limit).</summary>
    public async Task<(DatedValue<ProcessingTime> Limit, DateTimeOffset DueAt)> PlanAsync(int receivingAgencyId, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var province = await db.Agencies.AsNoTracking().Where(a => a.Id == receivingAgencyId).Select(a => a.ProvinceCode).SingleAsync(ct);
        var own = province is null ? [] : await db.BoundaryHandOverLimits.AsNoTracking().Where(l => l.ProvinceCode == province).ToListAsync(ct);
        var limit = BoundaryReceipt.HandOverLimit(CatalogueQueries.LocalDay(receivedAt), Limits(own));
        var calculator = await calendars.CalculatorAsync(db, receivingAgencyId, ct);
        return (limit, BoundaryReceipt.HandOverDue(receivedAt, limit.Value, calculator));
    }

    /// <summary>
    /// The default limits followed by the province's own rows, by date: a province row applies from its day only, so one
    /// set for next year leaves today's receipts on the default.
    /// </summary>
    public static List<DatedValue<ProcessingTime>> Limits(IEnumerable<BoundaryHandOverLimit> province) =>
        BoundaryReceipt.DefaultHandOverLimits
            .Concat(province.Select(l => new DatedValue<ProcessingTime>(l.From, new ProcessingTime(l.Value, l.Unit),
                new LegalSource("PDG-" + l.ProvinceCode, l.Source, "Thời hạn bàn giao hồ sơ giấy", l.From, null, SourceCertainty.Confirmed))))
            .OrderBy(l => l.From).ToList();

    /// <summary>The tracked hand-over of a dossier just received at the centre (added to the receipt's own save).</summary>
    public static PaperHandOver Start(Dossier dossier, DatedValue<ProcessingTime> limit, DateTimeOffset dueAt, DateTimeOffset receivedAt) => new()
    {
        Dossier = dossier,
        ReceivingAgencyId = dossier.ReceivingAgencyId!.Value,
        ReceivingUnitId = dossier.ReceivingUnitId,
        DecidingAgencyId = dossier.AgencyId,
        ReceivedAt = receivedAt,
        DueAt = dueAt,
        Limit = CatalogueText.Time(limit.Value),
        Basis = limit.Basis,
    };

    /// <summary>The centre records that the originals left (who, when, how); refused unless the caller's agency received the dossier.</summary>
    public async Task<string?> SendAsync(string code, DateTimeOffset? sentAt, HandOverMethod method, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var h = await db.PaperHandOvers.Include(x => x.Dossier).SingleOrDefaultAsync(x => x.ReceivingAgencyId == agencyId && x.Dossier!.Code == code, ct);
        if (h is null)
        {
            return "Không tìm thấy hồ sơ do đơn vị bạn tiếp nhận hộ.";
        }
        var now = time.GetUtcNow();
        var at = sentAt ?? now;
        if (BoundaryReceipt.SendProblem(h.Stage, h.ReceivedAt, at, now) is { } problem)
        {
            return problem;
        }
        if (note is { Length: > 500 })
        {
            return "Ghi chú bàn giao dài tối đa 500 ký tự.";
        }
        h.SentAt = at;
        h.SentBy = user.Identity?.Name;
        h.SentByName = user.DisplayName();
        h.SentMethod = method;
        h.SentNote = TextSearch.NfcOrNull(note);
        h.Version++;
        var late = BoundaryReceipt.IsOverdue(h.DueAt, at, now);
        var text = $"{HistoryLabel}: nơi tiếp nhận gửi bản gốc cho cơ quan giải quyết ({BoundaryReceipt.MethodName(method)}) lúc {at.ToVnDateTime()}"
            + (late ? ", quá hạn bàn giao" : "") + (h.SentNote is { } n ? ". " + n : ".");
        AddEvent(h.Dossier!, now, user, text);
        AuditLog.Append(db, time, user, SendAudit, "Dossier", code, text, new { h.SentAt, Method = method.ToString(), h.DueAt, Late = late });
        return await SaveAsync(ct);
    }

    /// <summary>The deciding agency's desk confirms it received the originals (who, when).</summary>
    public async Task<string?> ConfirmAsync(string code, DateTimeOffset? receivedAt, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var h = await db.PaperHandOvers.Include(x => x.Dossier).SingleOrDefaultAsync(x => x.DecidingAgencyId == agencyId && x.Dossier!.Code == code, ct);
        if (h is null)
        {
            return "Không tìm thấy hồ sơ giấy bàn giao cho cơ quan bạn.";
        }
        var now = time.GetUtcNow();
        var at = receivedAt ?? now;
        if (BoundaryReceipt.ConfirmProblem(h.Stage, h.SentAt, at, now) is { } problem)
        {
            return problem;
        }
        if (note is { Length: > 500 })
        {
            return "Ghi chú dài tối đa 500 ký tự.";
        }
        h.ConfirmedAt = at;
        h.ConfirmedBy = user.Identity?.Name;
        h.ConfirmedByName = user.DisplayName();
        h.ConfirmedNote = TextSearch.NfcOrNull(note);
        h.Version++;
        var text = $"{HistoryLabel}: cơ quan giải quyết nhận bản gốc lúc {at.ToVnDateTime()} (bên giao: {h.SentByName ?? h.SentBy}, bên nhận: {h.ConfirmedByName})"
            + (h.ConfirmedNote is { } n ? ". " + n : ".");
        AddEvent(h.Dossier!, now, user, text);
        AuditLog.Append(db, time, user, ConfirmAudit, "Dossier", code, text, new { h.SentAt, h.ConfirmedAt });
        return await SaveAsync(ct);
    }

    private void AddEvent(Dossier d, DateTimeOffset now, ClaimsPrincipal user, string note) =>
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = d.Id, At = now, Action = null, FromStatus = d.Status, ToStatus = d.Status, FromStep = d.CurrentStep, ToStep = d.CurrentStep,
            FromUnitId = d.CurrentUnitId, ToUnitId = d.CurrentUnitId, ActorUserName = user.Identity?.Name, ActorName = user.DisplayName(),
            Assignee = d.Assignee, Note = note,
        });

    private async Task<string?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Bước bàn giao vừa được người khác ghi nhận; vui lòng tải lại trang.";
        }
    }
}
