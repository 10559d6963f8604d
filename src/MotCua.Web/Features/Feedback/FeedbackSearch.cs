using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// The feedback register's search without diacritics: the title folded (<see cref="FeedbackItem.SearchText"/>) when the
/// item is received, matched as a phrase with LIKE on both databases ("thu tuc dat dai" finds "Thủ tục đất đai").
/// </summary>
public static class FeedbackSearch
{
    public const int BatchSize = 1000;

    public static string Fold(string title) => TextSearch.Normalize(title);

    /// <summary>
    /// Fills the column of up to <paramref name="batchSize"/> items received before it existed (null); returns how many,
    /// so a caller repeats until 0.
    /// </summary>
    public static async Task<int> BackfillOnceAsync(AppDbContext db, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.FeedbackItems.Where(f => f.SearchText == null).OrderBy(f => f.Id).Take(batchSize)
            .Select(f => new { f.Id, f.Title }).ToListAsync(ct);
        foreach (var r in rows)
        {
            var text = Fold(r.Title);
            await db.FeedbackItems.Where(f => f.Id == r.Id && f.SearchText == null).ExecuteUpdateAsync(s => s.SetProperty(f => f.SearchText, text), ct);
        }
        return rows.Count;
    }
}

/// <summary>Fills <see cref="FeedbackItem.SearchText"/> for items received before it existed, after start-up; off in the Testing environment.</summary>
internal sealed class FeedbackSearchBackfillService(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("MotCua:Feedback:BackfillSearchText", !environment.IsEnvironment("Testing")))
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await FeedbackSearch.BackfillOnceAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), FeedbackSearch.BatchSize, stoppingToken) == 0)
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
