using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Keeps a dossier's <see cref="ReportDossier"/> row and the roll-up in the dossier's own save: the row is created with
/// the dossier, and a later save rewrites it and adds the roll-up delta only when Core's classification of the state
/// before (the tracked original values) differs from the state after, so most transitions cost no read and no write.
/// </summary>
public sealed class ReportProjectionSubscriber(ReferenceCache cache) : IDossierSubscriber
{
    public async Task OnSavingAsync(AppDbContext db, DossierSaving change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var dossier = change.Dossier;
        var entry = EntryWithoutDetection(db, dossier);
        if (entry.State == EntityState.Deleted)
        {
            return; // dossiers are anonymised, never deleted; the row goes with it by cascade
        }
        var after = DossierProjection.Classify(DossierProjection.State.Of(dossier));
        ReportDossier? row = null;
        ReportRollup.Snapshot? before = null;
        if (entry.State != EntityState.Added)
        {
            // The row takes the unit of the first transfer only when the plan named none (a planned unit is pinned at receipt).
            var firstUnit = dossier.CurrentUnitId is not null && entry.OriginalValues.GetValue<int?>(nameof(Dossier.CurrentUnitId)) is null
                && !dossier.StepPlan.Any(s => s.UnitId is not null);
            if (!firstUnit && DossierProjection.Classify(DossierProjection.State.Original(entry)) == after)
            {
                return;
            }
            row = await db.ReportDossiers.FindAsync([dossier.Id], ct);
            if (row is not null)
            {
                before = ReportRollup.Snapshot.Of(row);
            }
        }
        if (row is null)
        {
            row = DossierProjection.NewRow(dossier, await PinsAsync(db, dossier.ProcedureVersionId, ct));
            db.ReportDossiers.Add(row);
        }
        if (row.UnitId is null && dossier.CurrentUnitId is { } unitId)
        {
            row.UnitId = unitId;
            row.UnitName = await UnitNameAsync(db, unitId, ct);
        }
        DossierProjection.Apply(row, after);
        var next = ReportRollup.Snapshot.Of(row);
        if (before != next)
        {
            ReportRollup.AddDelta(db, before, next);
        }
    }

    /// <summary>The grouping keys of a published version (immutable) and its field's name, cached like the receipt's catalogue reads.</summary>
    private Task<DossierProjection.Pins> PinsAsync(AppDbContext db, int versionId, CancellationToken ct) =>
        cache.GetAsync(FormattableString.Invariant($"report-pins:{versionId}"), (own, c) => PinsOfAsync(own, versionId, c), ct);

    internal static Task<DossierProjection.Pins> PinsOfAsync(AppDbContext db, int versionId, CancellationToken ct) =>
        db.ProcedureVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new DossierProjection.Pins(v.ProcedureId, v.FieldId, v.Field!.Name, v.OnlineLevel))
            .SingleAsync(ct);

    private Task<string?> UnitNameAsync(AppDbContext db, int unitId, CancellationToken ct) =>
        cache.GetAsync(FormattableString.Invariant($"report-unit-name:{unitId}"),
            (own, c) => own.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(c), ct);

    /// <summary>The dossier's tracker entry without a change-detection pass over the whole tracker.</summary>
    private static Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Dossier> EntryWithoutDetection(AppDbContext db, Dossier dossier)
    {
        var auto = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Entry(dossier);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }
}
