using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Dossiers;
using MotCua.Core.Postal;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Postal;

/// <summary>The outcome of a pickup request: the order (new or the one already open), or the Vietnamese reason and its HTTP status.</summary>
public sealed record PickupOutcome(PostalOrder? Order, bool Created, string? Problem, int Status);

/// <summary>What MotCua did with a tracking report.</summary>
public enum TrackingOutcome
{
    Applied,
    Repeat,
    Stale,
    UnknownWaybill,
}

/// <summary>
/// The public postal service both ways: the desk's pickup request to the carrier, for the result to the applicant or for
/// the applicant's paper dossier to the desk (one open order per dossier and direction), and the carrier's tracking applied
/// through <see cref="PostalTracking"/> (each status once, forward only): a history line per status, the dossier's return
/// when the result is delivered, the desk's alert when the paper dossier arrives or a parcel comes back.
/// </summary>
public sealed class PostalDesk(AppDbContext db, TimeProvider time, DossierStore store, DossierReferences references, IPostalCarrier carrier,
    IOptions<PostalOptions> options, ILogger<PostalDesk> log)
{
    /// <summary>The name the carrier's reports are recorded under in the dossier's history and the audit log.</summary>
    public const string CarrierActor = "buu-chinh-cong-ich";

    public const string CarrierDown = "Không kết nối được bưu chính công ích; chưa gửi yêu cầu bưu điện đến lấy. Vui lòng thử lại sau.";

    public bool Enabled => carrier.Enabled;

    /// <summary>The dossier's latest order of the direction, or null.</summary>
    public Task<PostalOrder?> LatestAsync(long dossierId, PostalDirection direction, CancellationToken ct) =>
        db.PostalOrders.Where(o => o.DossierId == dossierId && o.Direction == direction).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The desk asks the carrier to pick the result up at the desk, or the applicant's paper dossier up at their address.
    /// An order already open is answered as it is (no second pickup); the order is stored only once the carrier gave its
    /// waybill, so a carrier that is down leaves nothing behind.
    /// </summary>
    public async Task<PickupOutcome> RequestPickupAsync(ClaimsPrincipal user, string code, PostalDirection direction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (dossier, _, refused) = await store.LoadAsync(user, code, DossierChange.Postal, null, $"Không có hồ sơ mã \"{code}\" của cơ quan.", ct);
        if (dossier is null)
        {
            return new(null, false, refused!.Detail ?? refused.Title, refused.Kind switch
            {
                OutcomeKind.NotFound => StatusCodes.Status404NotFound,
                OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            });
        }
        var last = await LatestAsync(dossier.Id, direction, ct);
        if (!PostalTracking.MayOrderAgain(last?.Status))
        {
            return new(last, false, null, StatusCodes.Status200OK);
        }
        var fetchPapers = direction == PostalDirection.DossierPickup;
        var address = fetchPapers ? dossier.ApplicantAddress : dossier.ReturnAddress ?? dossier.ApplicantAddress;
        var problem = fetchPapers
            ? PostalTracking.DossierPickupProblem(dossier.Status, address)
            : PostalTracking.PickupProblem(dossier.Status, dossier.ReturnChoice, address);
        if (problem is not null)
        {
            return new(null, false, problem, StatusCodes.Status409Conflict);
        }
        if (!Enabled)
        {
            return new(null, false, "Cơ quan chưa cấu hình kết nối bưu chính công ích; chưa gửi được yêu cầu bưu điện đến lấy.", StatusCodes.Status503ServiceUnavailable);
        }
        var attempt = await db.PostalOrders.CountAsync(o => o.DossierId == dossier.Id, ct) + 1;
        var request = new PickupRequest(dossier.Code + "-" + attempt.ToString(CultureInfo.InvariantCulture), direction,
            dossier.ApplicantName, address!, dossier.ApplicantPhone,
            fetchPapers ? "Hồ sơ giấy thủ tục hành chính, hồ sơ " + dossier.Code + ", chuyển về Bộ phận Một cửa" : "Kết quả giải quyết thủ tục hành chính, hồ sơ " + dossier.Code);
        CarrierReport answer;
        try
        {
            answer = await carrier.OrderAsync(request, ct);
        }
        catch (CarrierUnavailableException e)
        {
            log.LogWarning(e, "Postal pickup for {Code} failed", dossier.Code);
            return new(null, false, CarrierDown, StatusCodes.Status503ServiceUnavailable);
        }
        var now = time.GetUtcNow();
        var order = new PostalOrder
        {
            AgencyId = dossier.AgencyId, DossierId = dossier.Id, DossierCode = dossier.Code, Direction = direction,
            Reference = request.Reference, Waybill = answer.Waybill, Status = PostalStatus.Ordered, StatusAt = now,
            RecipientName = request.RecipientName, Address = request.Address, Phone = request.Phone, CreatedAt = now, CreatedBy = user.Identity?.Name,
        };
        db.PostalOrders.Add(order);
        var text = PostalTracking.HistoryText(PostalStatus.Ordered, order.Waybill, now.ToVnDateTime(), direction);
        AddEvent(dossier, now, user, text);
        try
        {
            await store.SaveChangeAsync(dossier, DossierChange.Postal, user, new DossierAuditEntry(PostalTracking.PickupAudit, text,
                new { dossier.Code, order.Reference, order.Waybill, Attempt = attempt, Direction = direction.ToString() }), ct);
        }
        catch (DbUpdateException)
        {
            // Another request for the same dossier saved first with the same reference: its order is the answer.
            db.ChangeTracker.Clear();
            var saved = await LatestAsync(dossier.Id, direction, ct);
            return saved is null ? new(null, false, "Hồ sơ vừa được người khác cập nhật; vui lòng thử lại.", StatusCodes.Status409Conflict) : new(saved, false, null, StatusCodes.Status200OK);
        }
        return new(order, true, null, StatusCodes.Status200OK);
    }

    /// <summary>
    /// Applies one report of the carrier (a verified callback or a status query): an unknown waybill is only logged; a
    /// repeated or older status changes nothing; a new one is recorded once, with what <see cref="PostalTracking.Effect"/> says.
    /// </summary>
    public async Task<TrackingOutcome> ApplyAsync(CarrierReport report, string source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(report, source, ct);
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                // The callback and the sweep reported at the same moment: decide again on what the other saved.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<TrackingOutcome> ApplyOnceAsync(CarrierReport report, string source, CancellationToken ct)
    {
        var order = await db.PostalOrders.SingleOrDefaultAsync(o => o.Waybill == report.Waybill, ct);
        if (order is null)
        {
            log.LogWarning("Postal {Source} for unknown waybill {Waybill} refused", source, report.Waybill);
            return TrackingOutcome.UnknownWaybill;
        }
        var verdict = PostalTracking.Decide(order.Status, report.Status);
        if (verdict != PostalVerdict.Advance)
        {
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("Postal {Source} for {Waybill}: {Status} ignored ({Verdict}, order at {Current})", source, report.Waybill, report.Status, verdict, order.Status);
            }
            return verdict == PostalVerdict.Repeat ? TrackingOutcome.Repeat : TrackingOutcome.Stale;
        }
        var now = time.GetUtcNow();
        var at = report.At > now ? now : report.At;
        order.Status = report.Status;
        order.StatusAt = at;
        order.Version++;
        db.PostalOrderEvents.Add(new PostalOrderEvent { OrderId = order.Id, Status = report.Status, At = at, RecordedAt = now, Source = source });
        var system = CarrierPrincipal(order.AgencyId);
        var dossier = await store.FindAsync(system, order.DossierCode, ct)
            ?? throw new InvalidOperationException("The dossier of waybill " + order.Waybill + " is gone.");
        var text = PostalTracking.HistoryText(report.Status, order.Waybill, at.ToVnDateTime(), order.Direction);
        var data = new { dossier.Code, order.Waybill, Status = report.Status.ToString(), At = at, Source = source };
        var effect = PostalTracking.Effect(order.Direction, report.Status);
        switch (effect)
        {
            case PostalEffect.ResultHandedOver when dossier.Status == DossierStatus.ResultIssued:
                var calculator = await references.CalculatorAsync(await references.AgencyAsync(dossier.AgencyId, ct), ct);
                var actor = await store.ActorAsync(system, ct);
                var steps = await store.StepsAsync(dossier, DossierAction.Return, ct);
                var command = PostalTracking.ReturnCommand(order.Waybill);
                var decision = DossierDecider.Decide(await store.SnapshotAsync(dossier, steps, ct), command, new DecisionContext(at, calculator, actor));
                if (decision.Refusal is { } refusal)
                {
                    // The return cannot be recorded (a rule of the dossier refuses it): the delivery stays in the history for the desk.
                    log.LogWarning("Postal delivery of {Waybill} not recorded as the return of {Code}: {Reason}", order.Waybill, dossier.Code, refusal.Message);
                    AddEvent(dossier, now, system, text);
                    await store.SaveChangeAsync(dossier, DossierChange.Postal, system, new DossierAuditEntry(PostalTracking.TrackingAudit, text, data), ct);
                    break;
                }
                store.Apply(dossier, decision, steps, system, now, isNew: false);
                await store.SaveAsync(dossier, decision, system, new DossierAuditEntry(decision.Audit!.Action, decision.Audit.Summary + " " + text, data), ct);
                break;
            case PostalEffect.DeskAlert or PostalEffect.PapersArrived:
                AddEvent(dossier, now, system, text);
                dossier.Version++;
                var alert = PostalTracking.DeskNotice(order.Direction, effect, dossier.ToState(), text);
                await store.SaveAsync(dossier, alert, system, new DossierAuditEntry(alert.Audit!.Action, text, data), ct, what: DossierChange.Postal);
                break;
            case PostalEffect.ResultHandedOver or PostalEffect.None:
                AddEvent(dossier, now, system, text);
                await store.SaveChangeAsync(dossier, DossierChange.Postal, system, new DossierAuditEntry(PostalTracking.TrackingAudit, text, data), ct);
                break;
        }
        return TrackingOutcome.Applied;
    }

    /// <summary>
    /// One pass of the sweep: every order whose status is not final and has not moved for
    /// <see cref="PostalOptions.QueryAfterHours"/> (nor been asked about within that time) is asked of the carrier. Returns how many were asked.
    /// </summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        if (!Enabled)
        {
            return 0;
        }
        var before = time.GetUtcNow() - TimeSpan.FromHours(Math.Max(0.01, options.Value.QueryAfterHours));
        var open = await db.PostalOrders.AsNoTracking()
            .Where(o => o.Status != PostalStatus.Delivered && o.Status != PostalStatus.Returned && o.StatusAt < before
                && (o.LastQueriedAt == null || o.LastQueriedAt < before))
            .OrderBy(o => o.StatusAt).Select(o => o.Id).Take(200).ToListAsync(ct);
        foreach (var id in open)
        {
            db.ChangeTracker.Clear();
            var order = await db.PostalOrders.SingleAsync(o => o.Id == id, ct);
            order.LastQueriedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            CarrierReport report;
            try
            {
                report = await carrier.StatusAsync(order.Waybill, ct);
            }
            catch (CarrierUnavailableException e)
            {
                log.LogWarning(e, "Postal status query for {Waybill} failed", order.Waybill);
                continue;
            }
            db.ChangeTracker.Clear();
            await ApplyAsync(report with { Waybill = order.Waybill }, "query", ct);
        }
        db.ChangeTracker.Clear();
        return open.Count;
    }

    private void AddEvent(Dossier d, DateTimeOffset now, ClaimsPrincipal user, string note) =>
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = d.Id, At = now, Action = null, FromStatus = d.Status, ToStatus = d.Status, FromStep = d.CurrentStep, ToStep = d.CurrentStep,
            FromUnitId = d.CurrentUnitId, ToUnitId = d.CurrentUnitId, ActorUserName = user.Identity?.Name, ActorName = user.DisplayName(),
            Assignee = d.Assignee, Note = note,
        });

    private static ClaimsPrincipal CarrierPrincipal(int agencyId) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, CarrierActor),
            new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)),
            new Claim(MotCuaClaims.FullName, "Bưu chính công ích"),
            new Claim(ClaimTypes.Role, DossierRoles.PostalCarrier),
        ], "postal"));
}
