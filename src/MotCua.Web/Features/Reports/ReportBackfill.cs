using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Scaling;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Brings dossiers stored before the report projection existed into the reports: a dossier never pinned
/// (<c>ReportProcedureId == 0</c>, not a draft) gets its keys pinned from its procedure version and field and its
/// counted flag and closing events refreshed, exactly as a new dossier would. Idempotent (a pinned dossier is never
/// selected again); batches of <see cref="BatchSize"/>, each under the job lease so several instances do not do the
/// same batch twice. Runs once after startup (<see cref="ReportBackfillService"/>) and on demand
/// (<c>backfill-reports</c> maintenance command).
/// </summary>
public static class ReportBackfill
{
    public const int BatchSize = 500;

    /// <summary>Advisory-lock key of the backfill (next to <see cref="JobLease.DeadlineScan"/>).</summary>
    public const long LeaseKey = 48151625;

    /// <summary>
    /// The filter of the partial index <c>IX_Dossiers_ReportBackfill</c> (same SQL on both providers): the query below
    /// repeats it as a constant, so the check at every start is one probe of an index that is empty once backfilled.
    /// </summary>
    public const string PendingFilter = "\"ReportProcedureId\" = 0";

    /// <summary>Re-projects every never-pinned dossier; returns how many were pinned (0 when another instance holds the lease).</summary>
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
            var batch = await db.Dossiers
                .Where(d => d.ReportProcedureId == 0 && d.Status != DossierStatus.Draft)
                .OrderBy(d => d.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }
            var versionIds = batch.Select(d => d.ProcedureVersionId).Distinct().ToList();
            var versions = await db.ProcedureVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
                .Select(v => new { Version = v, FieldName = v.Field!.Name })
                .ToDictionaryAsync(v => v.Version.Id, ct);
            foreach (var dossier in batch)
            {
                // The foreign key guarantees the version; the guard keeps a damaged row from stopping the rest.
                if (versions.TryGetValue(dossier.ProcedureVersionId, out var v))
                {
                    DossierProjection.Pin(dossier, v.Version, v.FieldName);
                    await DossierProjection.RefreshAsync(db, dossier, ct);
                }
            }
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                total += batch.Count(d => d.ReportProcedureId != 0);
            }
            catch (DbUpdateConcurrencyException) when (++conflicts <= 3)
            {
                // A dossier changed under the batch (its state moved on): read the batch again.
                await tx.RollbackAsync(ct);
                continue;
            }
            if (batch.All(d => d.ReportProcedureId == 0))
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
