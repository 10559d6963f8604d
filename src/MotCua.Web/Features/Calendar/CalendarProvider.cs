using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Calendar;

/// <summary>
/// The effective working calendar, built once from the stored official schedules and shared (it is immutable). Other
/// app instances notice an edit through the schedules' stamp, checked at most every <see cref="RecheckAfter"/>.
/// </summary>
public sealed class CalendarProvider(TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkingCalendar? _calendar;
    private string? _stamp;
    private DateTimeOffset _checkedAt;

    public async Task<WorkingCalendar> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var calendar = _calendar;
        if (calendar is not null && time.GetUtcNow() - _checkedAt < RecheckAfter)
        {
            return calendar;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stamp = await StampAsync(db, cancellationToken);
            if (_calendar is null || !string.Equals(stamp, _stamp, StringComparison.Ordinal))
            {
                _calendar = await BuildAsync(db, cancellationToken);
                _stamp = stamp;
            }
            _checkedAt = time.GetUtcNow();
            return _calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>After an edit in this instance: rebuild on next use.</summary>
    public void Invalidate() => _calendar = null;

    public async Task<DeadlineCalculator> CalculatorAsync(AppDbContext db, int? agencyId, CancellationToken cancellationToken = default)
    {
        var calendar = await GetAsync(db, cancellationToken);
        var hours = OfficeHours.Default;
        if (agencyId is { } id && await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.MorningStart, a.MorningEnd, a.AfternoonStart, a.AfternoonEnd }).SingleOrDefaultAsync(cancellationToken) is { } a)
        {
            hours = new OfficeHours(a.MorningStart, a.MorningEnd, a.AfternoonStart, a.AfternoonEnd);
        }
        return new DeadlineCalculator(calendar, hours);
    }

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

    private static async Task<string> StampAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Count and latest update of the official years: any edit bumps the year's UpdatedAt.
        var years = await db.CalendarYears.AsNoTracking().Select(y => new { y.Year, y.UpdatedAt }).ToListAsync(cancellationToken);
        var count = await db.CalendarDays.CountAsync(cancellationToken);
        var latest = years.Count == 0 ? 0 : years.Max(y => y.UpdatedAt.UtcTicks);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{years.Count}:{count}:{latest}");
    }
}

/// <summary>The agency's office hours live on the agency (one set per agency, default 07:00–11:30 / 13:30–17:00).</summary>
public static class AgencyOfficeHours
{
    public static OfficeHours Of(Agency agency) => new(agency.MorningStart, agency.MorningEnd, agency.AfternoonStart, agency.AfternoonEnd);
}
