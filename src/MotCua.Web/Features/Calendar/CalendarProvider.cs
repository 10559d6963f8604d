using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Calendar;

/// <summary>
/// The effective working calendar, built once from the stored official schedules and shared (it is immutable). Other
/// app instances notice an edit through the schedules' stamp: pages check it at most every <see cref="RecheckAfter"/>,
/// a deadline that is stored checks it every time (<see cref="CurrentAsync"/>).
/// </summary>
public sealed class CalendarProvider(TimeProvider time, TimeLimitRule limits) : IDisposable
{
    /// <summary>The province's dated time-limit settings every calculator of this app counts by.</summary>
    public TimeLimitRule Limits => limits;

    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Built? _built;
    private DateTimeOffset _checkedAt;

    private sealed record Built(WorkingCalendar Calendar, CalendarStamp Stamp);

    /// <summary>The calendar for display and queues: an edit saved on another instance shows within <see cref="RecheckAfter"/>.</summary>
    public Task<WorkingCalendar> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var built = _built;
        return built is not null && time.GetUtcNow() - _checkedAt < RecheckAfter ? Task.FromResult(built.Calendar) : CurrentAsync(db, cancellationToken);
    }

    /// <summary>
    /// The calendar for a deadline that is stored on a dossier: the stamp is read now (one small query, no lock), so a
    /// holiday saved on another instance a moment ago already counts instead of up to <see cref="RecheckAfter"/> later.
    /// </summary>
    public async Task<WorkingCalendar> CurrentAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        await CurrentAsync(db, await StampAsync(db, cancellationToken), cancellationToken);

    /// <summary>
    /// The calendar as of a stamp the caller read in its own statement (a dossier command reads it with the dossier,
    /// <see cref="CalendarStamp"/>), so the freshness check costs no round trip of its own.
    /// </summary>
    public async Task<WorkingCalendar> CurrentAsync(AppDbContext db, CalendarStamp stamp, CancellationToken cancellationToken = default)
    {
        var built = _built;
        if (built is null || stamp != built.Stamp)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                built = _built;
                if (built is null || stamp != built.Stamp)
                {
                    // Built after the stamp was read, so it is never older than its stamp; a newer build is rebuilt once more.
                    built = new Built(await BuildAsync(db, cancellationToken), stamp);
                    _built = built;
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        _checkedAt = time.GetUtcNow();
        return built.Calendar;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>After an edit in this instance: rebuild on next use.</summary>
    public void Invalidate() => _built = null;

    public async Task<DeadlineCalculator> CalculatorAsync(AppDbContext db, int? agencyId, CancellationToken cancellationToken = default)
    {
        var calendar = await GetAsync(db, cancellationToken);
        var hours = OfficeHours.Default;
        if (agencyId is { } id && await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.MorningStart, a.MorningEnd, a.AfternoonStart, a.AfternoonEnd }).SingleOrDefaultAsync(cancellationToken) is { } a)
        {
            hours = new OfficeHours(a.MorningStart, a.MorningEnd, a.AfternoonStart, a.AfternoonEnd);
        }
        return new DeadlineCalculator(calendar, hours, limits);
    }

    /// <summary>The calculator for office hours the caller read beside its own data, so they cost no round trip of their own.</summary>
    public async Task<DeadlineCalculator> CalculatorAsync(AppDbContext db, OfficeHours hours, CancellationToken cancellationToken = default) =>
        new(await GetAsync(db, cancellationToken), hours, limits);

    internal static async Task<WorkingCalendar> BuildAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var byYear = days.ToLookup(d => d.Year);
        var schedules = years.ToDictionary(
            y => y,
            y => (IReadOnlyList<ScheduleEntry>)byYear[y].OrderBy(d => d.Date).Select(d => new ScheduleEntry(d.Date, d.Kind, d.Name)).ToList());
        return new WorkingCalendar(schedules);
    }

    private static Task<CalendarStamp> StampAsync(AppDbContext db, CancellationToken cancellationToken) =>
        StampQuery.For(db)(db, cancellationToken);

    // The same three aggregates as a dossier command's load (DossierStore.FindAsync); no row when no year is stored.
    // Compiled once: a query built per call makes EF walk and evaluate its expression again on every receipt.
    private static readonly CompiledPerModel<Func<AppDbContext, CancellationToken, Task<CalendarStamp>>> StampQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, CancellationToken ct) => db.Set<CalendarYear>()
            .Select(_ => new CalendarStamp(db.Set<CalendarYear>().Count(), db.Set<CalendarDay>().Count(), db.Set<CalendarYear>().Max(y => (long?)y.UpdatedAtTicks) ?? 0))
            .FirstOrDefault()));
}

/// <summary>
/// What tells a built calendar from the stored one: the number of official years and of their days, and the latest
/// update of a year (every edit of a schedule stamps its year). Read in one statement, alone or beside a dossier.
/// </summary>
public readonly record struct CalendarStamp(int Years, int Days, long LatestTicks);

/// <summary>The agency's office hours live on the agency (one set per agency, default 07:00–11:30 / 13:30–17:00).</summary>
public static class AgencyOfficeHours
{
    public static OfficeHours Of(Agency agency) => new(agency.MorningStart, agency.MorningEnd, agency.AfternoonStart, agency.AfternoonEnd);
}
