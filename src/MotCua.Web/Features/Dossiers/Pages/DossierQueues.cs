using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>
/// What a queue line shows of a dossier: its columns, not the whole entity (the queue page reads 50 per request).
/// <paramref name="CheckDue"/>: <paramref name="DueAt"/> is the desk's check deadline of an online dossier, not a processing due instant.
/// </summary>
public sealed record QueueItem(long Id, string Code, string ProcedureName, string ApplicantName, DossierStatus Status, DateTimeOffset? DueAt, bool CheckDue = false,
    int? UnitId = null, string? Assignee = null, DossierChannel Channel = DossierChannel.Direct, DateTimeOffset? ReceivedAt = null);

/// <summary>One queue line: the dossier and how it stands against its legal due instant.</summary>
public sealed record QueueRow(QueueItem Dossier, QueueStanding? Standing);

/// <summary>
/// How many dossiers of a whole queue stand where (not only those of the page shown), each standing counted up to
/// <see cref="Cap"/> (<see cref="DossierQueues.CountsAsync"/>).
/// </summary>
public sealed record QueueCounts(CappedCount WithinTime, CappedCount DueSoon, CappedCount Overdue, CappedCount Undated, int Cap)
{
    /// <summary>Dossiers with a due instant: read first, in due order (<see cref="DossierQueues.PageAsync"/>).</summary>
    public CappedCount Dated => CappedCount.Sum(Overdue, DueSoon, WithinTime);

    public CappedCount Total => CappedCount.Sum(Dated, Undated);

    /// <summary>
    /// How many rows the pages list: all of them when the total is exact, else the first <see cref="Cap"/>. A capped
    /// total is at least the cap, and if a dated standing is capped the dated rows alone number at least the cap, so
    /// every listed offset keeps its exact place among dated-then-undated rows.
    /// </summary>
    public int Listed => Total.AtLeast ? Cap : Total.Value;
}

/// <summary>
/// Which page of a paged queue is shown, and the query-string parameter that picks another. <paramref name="More"/>:
/// the queue holds more dossiers than its <paramref name="PageCount"/> pages list.
/// </summary>
public sealed record QueuePaging(int Page, int PageCount, string Parameter, IReadOnlyDictionary<string, int> OtherPages, bool More = false);

/// <summary>A titled queue with its counts per standing; a paged queue carries the counts of all its dossiers.</summary>
public sealed record Queue(string Title, string TestId, IReadOnlyList<QueueRow> Rows, QueueCounts? Counts = null, QueuePaging? Paging = null)
{
    /// <summary>Names of the agency's units, for the "Đơn vị xử lý" column.</summary>
    public IReadOnlyDictionary<int, string> UnitNames { get; init; } = new Dictionary<int, string>();

    /// <summary>Whether each line has a box to tick for a bulk action (the rows sit inside the page's bulk form).</summary>
    public bool Selectable { get; init; }

    /// <summary>The bulk action the boxes are for, when only dossiers whose status allows it get a box.</summary>
    public DossierAction? SelectFor { get; init; }

    /// <summary>Whether <paramref name="dossier"/>'s line has a box to tick.</summary>
    public bool Pickable(QueueItem dossier) =>
        Selectable && (SelectFor is not { } action || DossierStateMachine.IsAllowedInStatus(dossier.Status, action));

    /// <summary>Query-string pairs the paging links keep (the search, filters and sort).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Keep { get; init; } = [];

    public string UnitName(int? id) => id is { } u && UnitNames.TryGetValue(u, out var n) ? n : "–";

    /// <summary>
    /// "Còn lại": the working time left to the due instant in working days ("3 ngày"), hours on the last day ("5 giờ"),
    /// and past it "Quá 2 ngày" ("Quá hạn" before any working time has run past it); empty without a running clock.
    /// </summary>
    public static string Remaining(QueueStanding? standing)
    {
        if (standing is not { } s)
        {
            return "–";
        }
        var r = s.Remaining;
        if (s.Status == PendingTimeliness.Overdue && r is { Days: 0, Hours: 0, Minutes: 0 })
        {
            // Past the due instant with no working time since (a night or a weekend): "Quá 0 phút" reads as a fault.
            return "Quá hạn";
        }
        var amount = r.Days > 0 ? r.Days.ToVnNumber() + " ngày" : r.Hours > 0 ? r.Hours.ToVnNumber() + " giờ" : r.Minutes.ToVnNumber() + " phút";
        return s.Status == PendingTimeliness.Overdue ? "Quá " + amount : amount;
    }

    public CappedCount Total => Counts?.Total ?? new(Rows.Count, false);

    public CappedCount Count(PendingTimeliness s) => Counts is { } c
        ? s switch { PendingTimeliness.WithinTime => c.WithinTime, PendingTimeliness.DueSoon => c.DueSoon, PendingTimeliness.Overdue => c.Overdue }
        : new(Rows.Count(r => r.Standing?.Status == s), false);
}

public static class DossierQueues
{
    /// <summary>Rows per page of a paged queue (/ho-so/hang-doi).</summary>
    public const int PageSize = 50;

    /// <summary>
    /// Where a paged queue's counts stop (a unit with a very large number of open dossiers must not count them all on every
    /// request; nobody reads an exact "153.212"). Above it a figure reads "10.000+" and the pages list the first ones.
    /// </summary>
    public const int CountCap = 10_000;

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
    public static readonly Expression<Func<Dossier, bool>> IsOpen = BuildIsOpen();

    /// <summary>Open dossiers of the agency, the status list inlined as constants (matches the partial queue indexes).</summary>
    public static IQueryable<Dossier> OpenOf(AppDbContext db, int? agencyId) =>
        db.Dossiers.AsNoTracking().Where(d => d.AgencyId == agencyId).Where(IsOpen);

    /// <summary>Rows sorted by due instant (SQL on UTC ticks), undated last, coloured by <see cref="DossierQueue.Standing"/>.</summary>
    public static async Task<List<QueueRow>> RowsAsync(IQueryable<Dossier> query, DeadlineCalculator calculator, DateTimeOffset now, CancellationToken ct)
    {
        var list = await Items(query.AsNoTracking().OrderBy(d => d.DueAt == null).ThenBy(d => d.DueAt).ThenBy(d => d.Id).Take(500)).ToListAsync(ct);
        return Rows(list, now, calculator);
    }

    /// <summary>
    /// Dossiers submitted online or by post that the desk has yet to check, oldest first: an online one against its check
    /// time (<see cref="DossierQueue.OnlineCheckStanding"/>), a postal one untimed until it is received.
    /// </summary>
    public static async Task<List<QueueRow>> AwaitingCheckAsync(AppDbContext db, IQueryable<Dossier> query, DeadlineCalculator calculator, DateTimeOffset now, CancellationToken ct)
    {
        var list = await query.AsNoTracking().Where(d => d.Status == DossierStatus.Submitted).OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id).Take(500)
            .Select(d => new { d.Id, d.Code, d.ProcedureName, d.ApplicantName, d.Status, d.Channel, d.SubmittedAt, d.OnlineCheckWorkingHours }).ToListAsync(ct);
        // One sent back for a supplement at the check comes back to it when the applicant hands the supplement in; its
        // check time starts again then, not at the first submission.
        var online = list.Where(d => d.Channel.CountsAsOnline()).Select(d => d.Id).ToList();
        var resubmitted = online.Count == 0 ? [] : (await db.DossierEvents.AsNoTracking()
                .Where(e => online.Contains(e.DossierId) && e.FromStatus == DossierStatus.AwaitingSupplement && e.ToStatus == DossierStatus.Submitted)
                .Select(e => new { e.DossierId, e.At }).ToListAsync(ct))
            .GroupBy(e => e.DossierId).ToDictionary(g => g.Key, g => g.Max(e => e.At));
        return list.Select(d =>
        {
            if (!d.Channel.CountsAsOnline())
            {
                return new QueueRow(new QueueItem(d.Id, d.Code, d.ProcedureName, d.ApplicantName, d.Status, null, Channel: d.Channel), null);
            }
            var standing = DossierQueue.OnlineCheckStanding(resubmitted.GetValueOrDefault(d.Id, d.SubmittedAt), now, calculator,
                d.OnlineCheckWorkingHours is { } hours ? ProcessingTime.WorkingHours(hours) : null);
            return new QueueRow(new QueueItem(d.Id, d.Code, d.ProcedureName, d.ApplicantName, d.Status, standing.DueAt, CheckDue: true, Channel: d.Channel), standing);
        }).ToList();
    }

    internal static IQueryable<QueueItem> Items(IQueryable<Dossier> query) =>
        query.Select(d => new QueueItem(d.Id, d.Code, d.ProcedureName, d.ApplicantName, d.Status, d.DueAt, false, d.CurrentUnitId, d.Assignee, d.Channel, d.ReceivedAt));

    /// <summary>A queue in a chosen order (<see cref="QueueSort"/>); the due order is the index order, undated last.</summary>
    public static IQueryable<Dossier> Sorted(IQueryable<Dossier> query, QueueSort sort) => sort switch
    {
        QueueSort.Received => query.OrderBy(d => d.ReceivedAt == null).ThenByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id),
        QueueSort.Code => query.OrderBy(d => d.Code).ThenBy(d => d.Id),
        _ => query.OrderBy(d => d.DueAt == null).ThenBy(d => d.DueAt).ThenBy(d => d.Id),
    };

    /// <summary>
    /// One page of a queue in an order other than by due instant, never past the <see cref="QueueCounts.Listed"/> first rows.
    /// </summary>
    public static async Task<List<QueueRow>> SortedPageAsync(IQueryable<Dossier> query, QueueSort sort, int page, QueueCounts counts, DeadlineCalculator calculator, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var offset = (Math.Max(1, page) - 1) * PageSize;
        var take = Math.Min(PageSize, counts.Listed - offset);
        if (take <= 0)
        {
            return [];
        }
        var list = await Items(Sorted(query, sort).Skip(offset).Take(PageSize)).ToListAsync(ct);
        return Rows(list.Take(take).ToList(), now, calculator);
    }

    /// <summary>The first <paramref name="limit"/> rows of a queue in the chosen order (the export).</summary>
    public static async Task<List<QueueRow>> AllAsync(IQueryable<Dossier> query, QueueSort sort, int limit, DeadlineCalculator calculator, DateTimeOffset now, CancellationToken ct) =>
        Rows(await Items(Sorted(query, sort).Take(limit)).ToListAsync(ct), now, calculator);

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
    /// The queue's counts per standing, each an index range of the partial queue index read up to
    /// <paramref name="cap"/> + 1 rows, so the database stops early however long the queue is: overdue
    /// <c>DueAt &lt; now</c>, due soon <c>now ≤ DueAt ≤ soon</c> (<see cref="DueSoonUntil"/>), within time
    /// <c>DueAt &gt; soon</c>, undated. One statement of four scalar subqueries.
    /// </summary>
    public static async Task<QueueCounts> CountsAsync(AppDbContext db, IQueryable<Dossier> query, DateTimeOffset now, DateTimeOffset soon, int cap = CountCap, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        var c = await CountsQuery(db, query, now, soon, cap).SingleAsync(ct);
        return new QueueCounts(CappedCount.Of(c.Within, cap), CappedCount.Of(c.Soon, cap), CappedCount.Of(c.Overdue, cap), CappedCount.Of(c.Undated, cap), cap);
    }

    /// <summary>
    /// The statement of <see cref="CountsAsync"/> (its SQL is checked by the tests). The subqueries hang on a constant
    /// one-row select, not on the queue itself: a "first row of the queue" probe (LIMIT 1) is a plan the PostgreSQL
    /// planner may answer with a sequential scan.
    /// </summary>
    internal static IQueryable<StandingCounts> CountsQuery(AppDbContext db, IQueryable<Dossier> query, DateTimeOffset now, DateTimeOffset soon, int cap)
    {
        ArgumentNullException.ThrowIfNull(db);
        var limit = cap + 1;
        // Each range in the partial index's own order (DueAt, Id): the order costs nothing there, and a LIMIT without
        // ORDER BY makes EF Core log a warning every time the query is compiled.
        return db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").Select(_ => new StandingCounts(
            query.Where(d => d.DueAt < now).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(limit).Count(),
            query.Where(d => d.DueAt >= now && d.DueAt <= soon).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(limit).Count(),
            query.Where(d => d.DueAt > soon).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(limit).Count(),
            query.Where(d => d.DueAt == null).OrderBy(d => d.Id).Take(limit).Count()));
    }

    internal sealed record StandingCounts(int Overdue, int Soon, int Within, int Undated);

    /// <summary>
    /// One page of a queue of open dossiers: dated ones by due instant, then undated ones, each read in index order
    /// (however many dossiers are stored, a page is read through an index), never past the <see cref="QueueCounts.Listed"/> first rows of <paramref name="counts"/>.
    /// </summary>
    public static async Task<List<QueueRow>> PageAsync(IQueryable<Dossier> query, int page, QueueCounts counts, DeadlineCalculator calculator, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var offset = (Math.Max(1, page) - 1) * PageSize;
        var take = Math.Min(PageSize, counts.Listed - offset);
        if (take <= 0)
        {
            return [];
        }
        // Exact when nothing is capped; when a dated standing is capped, Listed <= dated (QueueCounts.Listed).
        var dated = counts.Dated.Value;
        var list = new List<QueueItem>(PageSize);
        if (offset < dated)
        {
            // Take(PageSize) stays a literal in the SQL; a shorter last listed page is trimmed here.
            list.AddRange(await Items(query.Where(d => d.DueAt != null).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Skip(offset).Take(PageSize)).ToListAsync(ct));
            if (list.Count > take)
            {
                list.RemoveRange(take, list.Count - take);
            }
        }
        if (list.Count < take)
        {
            var skip = Math.Max(0, offset - dated);
            list.AddRange(await Items(query.Where(d => d.DueAt == null).OrderBy(d => d.Id).Skip(skip).Take(take - list.Count)).ToListAsync(ct));
        }
        return Rows(list, now, calculator);
    }

    /// <summary>
    /// The last due instant that still counts as "due soon" at <paramref name="now"/>: due soon is a prefix of the
    /// future (the working time left grows with the due instant), so the standing's counts become SQL ranges.
    /// </summary>
    public static DateTimeOffset DueSoonUntil(DeadlineCalculator calculator, DateTimeOffset now) => DossierQueue.DueSoonUntil(now, calculator);

    public static IQueryable<Dossier> OfAgency(AppDbContext db, int? agencyId) => db.Dossiers.Where(d => d.AgencyId == agencyId);
}
