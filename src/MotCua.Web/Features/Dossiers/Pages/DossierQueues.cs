using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>What a queue line shows of a dossier: six columns, not the whole entity (the queue page reads 50 per request).</summary>
public sealed record QueueItem(long Id, string Code, string ProcedureName, string ApplicantName, DossierStatus Status, DateTimeOffset? DueAt);

/// <summary>One queue line: the dossier and how it stands against its legal due instant.</summary>
public sealed record QueueRow(QueueItem Dossier, QueueStanding? Standing);

/// <summary>How many dossiers of a whole queue stand where (not only those of the page shown).</summary>
public sealed record QueueCounts(int Total, int WithinTime, int DueSoon, int Overdue);

/// <summary>Which page of a paged queue is shown, and the query-string parameter that picks another.</summary>
public sealed record QueuePaging(int Page, int PageCount, string Parameter, IReadOnlyDictionary<string, int> OtherPages);

/// <summary>A titled queue with its counts per standing; a paged queue carries the counts of all its dossiers.</summary>
public sealed record Queue(string Title, string TestId, IReadOnlyList<QueueRow> Rows, QueueCounts? Counts = null, QueuePaging? Paging = null)
{
    public int Total => Counts?.Total ?? Rows.Count;

    public int Count(PendingTimeliness s) => Counts is { } c
        ? s switch { PendingTimeliness.WithinTime => c.WithinTime, PendingTimeliness.DueSoon => c.DueSoon, PendingTimeliness.Overdue => c.Overdue }
        : Rows.Count(r => r.Standing?.Status == s);
}

public static class DossierQueues
{
    /// <summary>Rows per page of a paged queue (/ho-so/hang-doi).</summary>
    public const int PageSize = 50;

    /// <summary>Open statuses (not terminal).</summary>
    public static readonly DossierStatus[] Open = Enum.GetValues<DossierStatus>().Where(s => !DossierStateMachine.IsTerminal(s) && s != DossierStatus.Draft).ToArray();

    /// <summary>
    /// The SQL filter of the queue indexes (same text on SQLite and PostgreSQL). Queries must repeat it with constants
    /// (<see cref="OpenOf"/>) so that both planners can prove the partial index applies.
    /// </summary>
    public static string OpenIndexFilter => "\"Status\" IN (" + string.Join(", ", Open.Select(s => "'" + s.ToString() + "'")) + ")";

    /// <summary>
    /// "Status is open" with the list as a constant array in the expression tree: EF Core inlines it as an IN list
    /// (both planners can then prove the partial index applies) and, unlike <c>EF.Constant</c>, the query's SQL is
    /// generated once and cached instead of on every request.
    /// </summary>
    private static readonly Expression<Func<Dossier, bool>> IsOpen = BuildIsOpen();

    /// <summary>Open dossiers of the agency, the status list inlined as constants (matches the partial queue indexes).</summary>
    public static IQueryable<Dossier> OpenOf(AppDbContext db, int? agencyId) =>
        db.Dossiers.AsNoTracking().Where(d => d.AgencyId == agencyId).Where(IsOpen);

    /// <summary>Rows sorted by due instant (SQL on UTC ticks), undated last, coloured by <see cref="DossierQueue.Standing"/>.</summary>
    public static async Task<List<QueueRow>> RowsAsync(IQueryable<Dossier> query, DeadlineCalculator calculator, DateTimeOffset now, CancellationToken ct)
    {
        var list = await Items(query.AsNoTracking().OrderBy(d => d.DueAt == null).ThenBy(d => d.DueAt).ThenBy(d => d.Id).Take(500)).ToListAsync(ct);
        return Rows(list, now, calculator);
    }

    private static IQueryable<QueueItem> Items(IQueryable<Dossier> query) =>
        query.Select(d => new QueueItem(d.Id, d.Code, d.ProcedureName, d.ApplicantName, d.Status, d.DueAt));

    private static List<QueueRow> Rows(List<QueueItem> items, DateTimeOffset now, DeadlineCalculator calculator) =>
        items.Select(d => new QueueRow(d, DossierQueue.Standing(d.Status, d.DueAt, now, calculator))).ToList();

    private static Expression<Func<Dossier, bool>> BuildIsOpen()
    {
        var d = Expression.Parameter(typeof(Dossier), "d");
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(DossierStatus)],
            Expression.Constant(Open), Expression.Property(d, nameof(Dossier.Status)));
        return Expression.Lambda<Func<Dossier, bool>>(contains, d);
    }

    /// <summary>
    /// One page of a queue of open dossiers: dated ones by due instant, then undated ones, each read in index order
    /// (issue #10: the page used to load and render up to 500 rows; with 10M dossiers stored it must read one page
    /// through an index). <paramref name="dated"/> and <paramref name="total"/> come from <see cref="CountsAsync"/>.
    /// </summary>
    public static async Task<List<QueueRow>> PageAsync(IQueryable<Dossier> query, int page, int dated, int total, DeadlineCalculator calculator, DateTimeOffset now, CancellationToken ct)
    {
        var offset = (Math.Max(1, page) - 1) * PageSize;
        var list = new List<QueueItem>(PageSize);
        if (offset < dated)
        {
            list.AddRange(await Items(query.Where(d => d.DueAt != null).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Skip(offset).Take(PageSize)).ToListAsync(ct));
        }
        if (list.Count < PageSize && offset + list.Count < total)
        {
            var skip = Math.Max(0, offset - dated);
            list.AddRange(await Items(query.Where(d => d.DueAt == null).OrderBy(d => d.Id).Skip(skip).Take(PageSize - list.Count)).ToListAsync(ct));
        }
        return Rows(list, now, calculator);
    }

    /// <summary>
    /// The last due instant that still counts as "due soon" at <paramref name="now"/>: due soon is a prefix of the
    /// future (the working time left grows with the due instant), so the standing's counts become SQL ranges.
    /// </summary>
    public static DateTimeOffset DueSoonUntil(DeadlineCalculator calculator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var days = 2;
        var high = calculator.ComputeDue(now, ProcessingTime.WorkingDays(days));
        while (calculator.ClassifyPending(now, high).Status != PendingTimeliness.WithinTime && days < 30)
        {
            days++;
            high = calculator.ComputeDue(now, ProcessingTime.WorkingDays(days));
        }
        long lo = now.UtcTicks, hi = high.UtcTicks; // ClassifyPending(lo) is due soon, ClassifyPending(hi) within time
        if (calculator.ClassifyPending(now, now).Status != PendingTimeliness.DueSoon)
        {
            return now.AddTicks(-1); // nothing counts as due soon
        }
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (calculator.ClassifyPending(now, new DateTimeOffset(mid, TimeSpan.Zero)).Status == PendingTimeliness.DueSoon)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return new DateTimeOffset(lo, TimeSpan.Zero);
    }

    public static IQueryable<Dossier> OfAgency(AppDbContext db, int? agencyId) => db.Dossiers.Where(d => d.AgencyId == agencyId);
}
