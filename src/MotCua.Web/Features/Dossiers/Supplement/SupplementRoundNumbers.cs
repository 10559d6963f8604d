using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Web.Features.Dossiers.Supplement;

/// <summary>
/// Numbers the supplement requests and items stored before requests had rounds (their round is 0): the desk's guidance at
/// receipt is round 1, a processing body's request is round 2 after a guidance and round 1 without one, and each item takes
/// the round of the request it was stored with: the dossier's items in the order stored, split where the numbering
/// restarts, are its requests' items in order (or, when the counts differ, the latest request made at or before the item). New requests are numbered by the decider.
/// </summary>
public static class SupplementRoundNumbers
{
    /// <summary>Numbers the rows still at round 0; returns how many requests and items were numbered.</summary>
    public static async Task<int> FixAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dossierIds = await db.DossierSupplementRequests.Where(r => r.Round == 0).Select(r => r.DossierId)
            .Union(db.Set<DossierSupplementItem>().Where(i => i.Round == 0).Select(i => i.DossierId))
            .ToListAsync(ct);
        var changed = 0;
        foreach (var batch in dossierIds.Chunk(500))
        {
            // Instants are compared in memory: the SQLite provider cannot compare DateTimeOffset columns in SQL.
            var requests = (await db.DossierSupplementRequests.Where(r => batch.Contains(r.DossierId)).ToListAsync(ct)).ToLookup(r => r.DossierId);
            var items = (await db.Set<DossierSupplementItem>().Where(i => batch.Contains(i.DossierId)).ToListAsync(ct)).ToLookup(i => i.DossierId);
            foreach (var dossierId in batch)
            {
                var own = requests[dossierId].OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ToList();
                foreach (var r in own.Where(r => r.Round == 0))
                {
                    r.Round = r.Act == SupplementAct.ProcessingRequest
                        && own.Any(x => x.Act == SupplementAct.DeskGuidance && (x.RequestedAt < r.RequestedAt || (x.RequestedAt == r.RequestedAt && x.Id < r.Id)))
                        ? 2 : 1;
                    changed++;
                }
                var groups = Groups(items[dossierId]);
                for (var g = 0; g < groups.Count; g++)
                {
                    foreach (var item in groups[g].Where(i => i.Round == 0))
                    {
                        item.Round = groups.Count == own.Count ? own[g].Round : own.LastOrDefault(r => r.RequestedAt <= item.RequestedAt)?.Round ?? 1;
                        changed++;
                    }
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return changed;
    }

    /// <summary>A dossier's items split into the requests they were stored with: a new request starts where the numbering restarts or the time changes.</summary>
    private static List<List<DossierSupplementItem>> Groups(IEnumerable<DossierSupplementItem> items)
    {
        var groups = new List<List<DossierSupplementItem>>();
        DossierSupplementItem? previous = null;
        foreach (var item in items.OrderBy(i => i.Id))
        {
            if (previous is null || item.Seq <= previous.Seq || item.RequestedAt != previous.RequestedAt)
            {
                groups.Add([]);
            }
            groups[^1].Add(item);
            previous = item;
        }
        return groups;
    }
}

/// <summary>Start-up step: supplement requests and items stored before rounds get their round numbers.</summary>
public static class SupplementRoundNumbersStartup
{
    public static async Task NumberSupplementRoundsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var numbered = await SupplementRoundNumbers.FixAsync(db, cancellationToken);
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SupplementRoundNumbers));
        if (numbered > 0 && log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Numbered {Count} supplement requests and items stored before rounds.", numbered);
        }
    }
}
