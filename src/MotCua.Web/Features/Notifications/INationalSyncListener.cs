using MotCua.Web.Data;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// A feature's reaction to the national portal acknowledging a dossier update, registered in that feature's
/// <c>AddX()</c>; the outbox calls every listener after it records the delivery.
/// </summary>
public interface INationalSyncListener
{
    Task OnAcknowledgedAsync(AppDbContext db, int agencyId, string dossierCode, DateTimeOffset acknowledgedAt, CancellationToken ct);
}
