using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// The national portal's and the webhooks' notice that a result document was signed for a dossier already approved
/// (<see cref="DossierEventKind.ResultIssued"/>): the portal gets the dossier again with its results. Raised by the
/// feature that signs results; added to the caller's context, saved with the caller's own change.
/// </summary>
public sealed class ResultIssuedNotice(Notifier notifier, INationalResultPapers papers)
{
    public async Task RaiseAsync(AppDbContext db, Dossier dossier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        if (DossierNotificationSubscriber.National(dossier) is not { } national)
        {
            return;
        }
        await notifier.RaiseAsync(db, new DossierNotice
        {
            AgencyId = dossier.AgencyId,
            DossierCode = dossier.Code,
            Kind = DossierEventKind.ResultIssued,
            Applicant = new ApplicantContact(dossier.ApplicantName),
            ProcedureName = dossier.ProcedureName,
            UnitId = dossier.CurrentUnitId,
            National = national with { DanhSachGiayToKetQua = await papers.OfAsync(db, dossier, ct) },
        }, ct);
    }
}
