using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// Turns the notices a dossier decision raises (<see cref="DossierNoticeRecord"/>) into what <see cref="Notifier"/> fans
/// out: the citizen's messages, the officers' alerts, the national-portal sync and the webhooks, added to the dossier's
/// own save.
/// </summary>
public sealed class DossierNotificationSubscriber(Notifier notifier, INationalResultPapers resultPapers) : IDossierSubscriber
{
    public async Task OnSavingAsync(AppDbContext db, DossierSaving change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Decision is not { Notices.Count: > 0 } decision)
        {
            return;
        }
        var dossier = change.Dossier;
        string? assigneeId = null;
        if (decision.AssigneeChanged && dossier.Assignee is { } assignee)
        {
            assigneeId = change.AssigneeUserId
                ?? await db.Users.Where(u => u.UserName == assignee && u.AgencyId == dossier.AgencyId).Select(u => u.Id).SingleOrDefaultAsync(ct);
        }
        foreach (var record in decision.Notices)
        {
            if (record.Recipient == NoticeRecipient.Approver)
            {
                // One alert per leader who decides, each to that leader alone.
                var leaders = Approvers.Of(await Approvers.LeadersAsync(db, dossier.AgencyId, ct), dossier.CurrentUnitId, dossier.Assignee);
                foreach (var leader in leaders)
                {
                    await notifier.RaiseAsync(db, Notice(dossier, record, leader.UserId, decision.LastNote), ct);
                }
                continue;
            }
            var notice = record.Kind switch
            {
                DossierEventKind.OnlineSubmitted => await OnlineConfirmationAsync(db, dossier, ct),
                DossierEventKind.AwaitingCheck => await AwaitingCheckAsync(db, dossier, record.CheckDueAt!.Value, ct),
                DossierEventKind.ResultAtCentre => Notice(dossier, record, null, await DossierDocuments.ReturnCentreAsync(db, dossier, ct)),
                _ when record.Recipient == NoticeRecipient.Desk => await DeskUnitAsync(db, dossier.AgencyId, ct) is { } desk
                    ? Notice(dossier, record, null, null) with { UnitId = desk }
                    : null,
                _ => Notice(dossier, record, assigneeId, decision.LastNote),
            };
            if (notice is { National: { } national } && dossier.Status is DossierStatus.ResultIssued or DossierStatus.Returned)
            {
                // The portal learns of the result with the status that announces it, and again when it is returned.
                notice = notice with { National = national with { DanhSachGiayToKetQua = await resultPapers.OfAsync(db, dossier, ct) } };
            }
            if (notice is not null)
            {
                await notifier.RaiseAsync(db, notice, ct);
            }
        }
    }

    /// <summary>The agency's active one-stop desk unit (the first by the unit list's order), or null when it has none.</summary>
    internal static Task<int?> DeskUnitAsync(AppDbContext db, int agencyId, CancellationToken ct) =>
        db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId && u.Kind == UnitKind.OneStopDesk && u.IsActive)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);

    private static DossierNotice Notice(Dossier dossier, DossierNoticeRecord record, string? assigneeId, string? note) => new()
    {
        AgencyId = dossier.AgencyId,
        DossierCode = dossier.Code,
        Kind = record.Kind,
        Applicant = new ApplicantContact(dossier.ApplicantName, dossier.ApplicantPhone, dossier.ApplicantEmail),
        ProcedureName = dossier.ProcedureName,
        UnitId = dossier.CurrentUnitId,
        AssigneeUserId = assigneeId,
        DueAt = dossier.AppointmentAt ?? dossier.DueAt,
        Note = note,
        National = record.TellNationalPortal ? National(dossier) : null,
    };

    /// <summary>The dossier in the national format, for the statuses the portal knows.</summary>
    internal static NationalDossierSnapshot? National(Dossier dossier) => NationalStatus.From(dossier.Status) is { } ns
        ? new NationalDossierSnapshot
        {
            MaHoSo = dossier.Code,
            MaHoSoQG = dossier.NationalCode,
            MaTTHC = dossier.ProcedureCode,
            TenTTHC = dossier.ProcedureName,
            ChuHoSo = dossier.ApplicantName,
            LoaiDoiTuong = dossier.ApplicantKind == ApplicantKind.Organisation ? 2 : 1,
            NgayTiepNhan = dossier.ReceivedAt,
            NgayHenTra = dossier.AppointmentAt,
            TrangThaiHoSo = ns.Code,
            NgayTra = dossier.ReturnedAt,
        }
        : null;

    /// <summary>
    /// The citizen's confirmation of an online submission (waiting for the desk check); for "một phần" procedures it
    /// lists the originals to bring to the desk, as the confirmation page does.
    /// </summary>
    private static async Task<DossierNotice> OnlineConfirmationAsync(AppDbContext db, Dossier dossier, CancellationToken ct)
    {
        var level = await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == dossier.ProcedureVersionId).Select(v => v.OnlineLevel).SingleOrDefaultAsync(ct);
        var bring = level == OnlineServiceLevel.Partial
            ? "Dịch vụ công trực tuyến một phần: khi nhận kết quả, ông/bà mang bản chính các giấy tờ sau đến Bộ phận Một cửa để đối chiếu: "
              + string.Join("; ", dossier.Papers.OrderBy(p => p.Seq).Select(p => p.Name)) + "."
            : null;
        return new DossierNotice
        {
            AgencyId = dossier.AgencyId,
            DossierCode = dossier.Code,
            Kind = DossierEventKind.OnlineSubmitted,
            Applicant = new ApplicantContact(dossier.ApplicantName, dossier.ApplicantPhone, dossier.ApplicantEmail),
            ProcedureName = dossier.ProcedureName,
            Note = bring,
        };
    }

    /// <summary>
    /// The desk's alert of a dossier waiting for its check, with the instant by which it must be received or a supplement
    /// asked for; none when the agency has no active one-stop desk unit to alert.
    /// </summary>
    private static async Task<DossierNotice?> AwaitingCheckAsync(AppDbContext db, Dossier dossier, DateTimeOffset due, CancellationToken ct)
    {
        var desk = await DeskUnitAsync(db, dossier.AgencyId, ct);
        return desk is null
            ? null
            : new DossierNotice
            {
                AgencyId = dossier.AgencyId,
                DossierCode = dossier.Code,
                Kind = DossierEventKind.AwaitingCheck,
                Applicant = new ApplicantContact(dossier.ApplicantName),
                ProcedureName = dossier.ProcedureName,
                UnitId = desk,
                Note = "Hạn tiếp nhận hoặc yêu cầu bổ sung: " + due.ToVnDateTime() + ".",
            };
    }
}
