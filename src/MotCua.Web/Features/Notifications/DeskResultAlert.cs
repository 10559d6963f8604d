using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// The desk's alert that a result is ready to hand over (<see cref="DossierEventKind.ResultAtDesk"/>), raised by the
/// feature that makes the result ready after approval (its document recorded, or signed for an electronic return);
/// added to the caller's context, saved with the caller's own change.
/// </summary>
public sealed class DeskResultAlert(Notifier notifier)
{
    public async Task RaiseAsync(AppDbContext db, Dossier dossier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        if (await DossierNotificationSubscriber.DeskUnitAsync(db, dossier.AgencyId, ct) is not { } desk)
        {
            return;
        }
        await notifier.RaiseAsync(db, new DossierNotice
        {
            AgencyId = dossier.AgencyId,
            DossierCode = dossier.Code,
            Kind = DossierEventKind.ResultAtDesk,
            Applicant = new ApplicantContact(dossier.ApplicantName),
            ProcedureName = dossier.ProcedureName,
            UnitId = desk,
            DueAt = dossier.AppointmentAt ?? dossier.DueAt,
        }, ct);
    }
}
