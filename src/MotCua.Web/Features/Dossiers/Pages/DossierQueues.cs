using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>One queue line: the dossier and how it stands against its legal due instant.</summary>
public sealed record QueueRow(Dossier Dossier, QueueStanding? Standing);

/// <summary>A titled queue with its counts per standing.</summary>
public sealed record Queue(string Title, string TestId, IReadOnlyList<QueueRow> Rows)
{
    public int Count(PendingTimeliness s) => Rows.Count(r => r.Standing?.Status == s);
}

public static class DossierQueues
{
    /// <summary>Open statuses (not terminal).</summary>
    public static readonly DossierStatus[] Open = Enum.GetValues<DossierStatus>().Where(s => !DossierStateMachine.IsTerminal(s) && s != DossierStatus.Draft).ToArray();

    /// <summary>Rows sorted by due instant (SQL on UTC ticks), undated last, coloured by <see cref="DossierQueue.Standing"/>.</summary>
    public static async Task<List<QueueRow>> RowsAsync(IQueryable<Dossier> query, DeadlineCalculator calculator, DateTimeOffset now, CancellationToken ct)
    {
        var list = await query.AsNoTracking().OrderBy(d => d.DueAt == null).ThenBy(d => d.DueAt).ThenBy(d => d.Id).Take(500).ToListAsync(ct);
        return list.Select(d => new QueueRow(d, DossierQueue.Standing(d.ToState(), now, calculator))).ToList();
    }

    public static IQueryable<Dossier> OfAgency(AppDbContext db, int? agencyId) => db.Dossiers.Where(d => d.AgencyId == agencyId);
}
