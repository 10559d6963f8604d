using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Keeps on the report row what the national portal acknowledged: the first acknowledgement, which QĐ 766 indicator 1.2
/// counts, and the status code of the latest one, which the reconciliation ledger compares with the dossier's own.
/// </summary>
public sealed class ReportSyncListener : INationalSyncListener
{
    public async Task OnAcknowledgedAsync(AppDbContext db, int agencyId, string dossierCode, DateTimeOffset acknowledgedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await ReportRollup.RecordSyncAsync(db, agencyId, dossierCode, acknowledgedAt.UtcTicks, ct);
        await RecordPortalCodeAsync(db, agencyId, dossierCode, ct);
    }

    /// <summary>
    /// Sets <see cref="ReportDossier.PortalCode"/> from the outbox itself, latest acknowledgement first (ties: the later
    /// message), as the ledger reads the messages: acknowledgements that arrive out of order cannot leave an older code.
    /// </summary>
    public static Task<int> RecordPortalCodeAsync(AppDbContext db, int agencyId, string dossierCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var channel = nameof(OutboxChannel.NationalPortal);
        return db.Database.ExecuteSqlAsync($"""
            UPDATE "ReportDossiers" SET "PortalCode" = (
              SELECT COALESCE(m."NationalStatusCode", 0) FROM "OutboxMessages" m
              WHERE m."AgencyId" = {agencyId} AND m."DossierCode" = {dossierCode} AND m."Channel" = {channel} AND m."AcknowledgedAt" IS NOT NULL
              ORDER BY m."AcknowledgedAt" DESC, m."CreatedAt" DESC LIMIT 1)
            WHERE "DossierId" = (SELECT d."Id" FROM "Dossiers" d WHERE d."AgencyId" = {agencyId} AND d."Code" = {dossierCode})
            """, ct);
    }
}
