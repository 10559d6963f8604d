using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The one definition of a dossier's folded search text, for the save below and for data loaded in bulk (the bench).</summary>
public static class DossierSearchText
{
    /// <summary>"Nguyễn Văn An", "Cấp giấy phép" → "nguyen van an / cap giay phep": the separator keeps a phrase from matching across the two names.</summary>
    public static string Fold(string applicantName, string procedureName) =>
        TextSearch.Normalize(applicantName) + " / " + TextSearch.Normalize(procedureName);
}

/// <summary>
/// The dossier's folded search text (<see cref="Dossier.SearchText"/>: applicant's and procedure's names without
/// diacritics, lower case), written in the dossier's one save so the queue's search ("nguyen van an" finds
/// "Nguyễn Văn An") reads one indexed column on both databases.
/// </summary>
internal sealed class DossierSearch : IDossierSubscriber
{
    /// <summary>Rows read and written per round of <see cref="BackfillOnceAsync"/>.</summary>
    public const int BatchSize = 1000;

    public static string Fold(string applicantName, string procedureName) => DossierSearchText.Fold(applicantName, procedureName);

    public Task OnSavingAsync(AppDbContext db, DossierSaving change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = Fold(change.Dossier.ApplicantName, change.Dossier.ProcedureName);
        if (!string.Equals(change.Dossier.SearchText, text, StringComparison.Ordinal))
        {
            change.Dossier.SearchText = text;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Fills the column of up to <paramref name="batchSize"/> dossiers stored before it existed (null), oldest first;
    /// returns how many it filled, so a caller repeats until 0.
    /// </summary>
    public static async Task<int> BackfillOnceAsync(AppDbContext db, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Dossiers.Where(d => d.SearchText == null).OrderBy(d => d.Id).Take(batchSize)
            .Select(d => new { d.Id, d.ApplicantName, d.ProcedureName }).ToListAsync(ct);
        // One commit per batch, not per row: on a durable database each commit waits for its flush, and an upgraded
        // installation may hold millions of rows to fill.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var r in rows)
        {
            var text = Fold(r.ApplicantName, r.ProcedureName);
            await db.Dossiers.Where(d => d.Id == r.Id && d.SearchText == null).ExecuteUpdateAsync(s => s.SetProperty(d => d.SearchText, text), ct);
        }
        await transaction.CommitAsync(ct);
        return rows.Count;
    }
}

/// <summary>
/// Fills <see cref="Dossier.SearchText"/> for dossiers stored before the column existed, in batches after start-up (the
/// migration cannot fold Vietnamese in SQL the same way on both databases); off in the Testing environment, where every
/// dossier is saved with it.
/// </summary>
internal sealed class DossierSearchBackfillService(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("MotCua:Dossiers:BackfillSearchText", !environment.IsEnvironment("Testing")))
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await using var scope = scopes.CreateAsyncScope();
                var filled = await DossierSearch.BackfillOnceAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), DossierSearch.BatchSize, stoppingToken);
                if (filled == 0)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
