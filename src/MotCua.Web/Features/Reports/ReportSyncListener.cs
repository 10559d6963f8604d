using MotCua.Web.Data;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Reports;

/// <summary>Keeps the portal's first acknowledgement on the report row, which QĐ 766 indicator 1.2 counts.</summary>
public sealed class ReportSyncListener : INationalSyncListener
{
    public Task OnAcknowledgedAsync(AppDbContext db, int agencyId, string dossierCode, DateTimeOffset acknowledgedAt, CancellationToken ct) =>
        ReportRollup.RecordSyncAsync(db, agencyId, dossierCode, acknowledgedAt.UtcTicks, ct);
}
