using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Scaling;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Brings dossiers stored before the report projection into the reports: the migration that created
/// <see cref="ReportDossier"/> copied one row per dossier, and a row never pinned (<c>ProcedureId == 0</c>, not a draft)
/// gets its keys pinned from its procedure version and field and its classification refreshed from its dossier, exactly
/// as a new dossier would, with its roll-up delta. Idempotent (a pinned row is never selected again); batches of
/// <see cref="BatchSize"/>, each under the job lease so several instances do not do the same batch twice. Runs once
/// after startup (<see cref="ReportBackfillService"/>) and on demand (<c>backfill-reports</c> maintenance command).
/// </summary>
public static class ReportBackfill
{
    public const int BatchSize = 500;

    /// <summary>Advisory-lock key of the backfill (next to <see cref="JobLease.DeadlineScan"/>).</summary>
    public const long LeaseKey = 48151625;

    /// <summary>
    /// The filter of the partial index <c>IX_ReportDossiers_Backfill</c> (same SQL on both providers): the query below
    /// repeats it as a constant, so the check at every start is one probe of an index that is empty once backfilled.
    /// </summary>
    public const string PendingFilter = "\"ProcedureId\" = 0";

    /// <summary>Pins every never-pinned row; returns how many were pinned (0 when another instance holds the lease).</summary>
    public static async Task<int> RunAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = 0;
        var conflicts = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var tx = await JobLease.TryAcquireAsync(db, LeaseKey, ct);
            if (tx is null)
            {
                return total;
            }
            var batch = await db.ReportDossiers
                .Where(r => r.ProcedureId == 0)
                .Join(db.Dossiers.Where(d => d.Status != DossierStatus.Draft), r => r.DossierId, d => d.Id, (r, d) => new { Row = r, Dossier = d })
                .OrderBy(x => x.Row.DossierId).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }
            var versionIds = batch.Select(x => x.Dossier.ProcedureVersionId).Distinct().ToList();
            var pins = new Dictionary<int, DossierProjection.Pins>();
            foreach (var id in versionIds)
            {
                pins[id] = await ReportProjectionSubscriber.PinsOfAsync(db, id, ct);
            }
            foreach (var (row, dossier) in batch.Select(x => (x.Row, x.Dossier)))
            {
                var before = ReportRollup.Snapshot.Of(row);
                var pinned = DossierProjection.NewRow(dossier, pins[dossier.ProcedureVersionId]);
                row.ProcedureId = pinned.ProcedureId;
                row.FieldId = pinned.FieldId;
                row.FieldName = pinned.FieldName;
                row.OnlineLevel = pinned.OnlineLevel;
                row.ProcedureName = pinned.ProcedureName;
                row.UnitId = pinned.UnitId;
                row.UnitName = pinned.UnitName;
                if (row.UnitId is null && dossier.CurrentUnitId is { } unitId)
                {
                    row.UnitId = unitId;
                    row.UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
                }
                DossierProjection.Apply(row, DossierProjection.Classify(DossierProjection.State.Of(dossier)));
                ReportRollup.AddDelta(db, before, ReportRollup.Snapshot.Of(row));
            }
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                total += batch.Count(x => x.Row.ProcedureId != 0);
            }
            catch (DbUpdateConcurrencyException) when (++conflicts <= 3)
            {
                // A row changed under the batch (the outbox recorded a sync): read the batch again.
                await tx.RollbackAsync(ct);
                continue;
            }
            if (batch.All(x => x.Row.ProcedureId == 0))
            {
                // Nothing in this batch could be pinned: stop rather than read it forever.
                return total;
            }
        }
    }
}

/// <summary>Runs <see cref="ReportBackfill"/> once after startup (after migrations), off the request path.</summary>
public sealed class ReportBackfillService(IServiceScopeFactory scopes, ILogger<ReportBackfillService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pinned = await ReportBackfill.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            if (pinned > 0 && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Report backfill pinned {Count} dossiers stored before the report projection.", pinned);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the next start resumes where this one stopped.
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogError(ex, "Report backfill failed; it runs again at the next start or with the backfill-reports command.");
        }
    }
}
