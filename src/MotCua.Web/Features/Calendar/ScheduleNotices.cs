using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Calendar;

/// <summary>What the officer's home shows about next year's schedule; null when there is nothing to say.</summary>
/// <param name="Year">The year whose schedule is not confirmed.</param>
/// <param name="ForAdmin">An administrator gets the warning and the call to load it; others a quieter note.</param>
public sealed record ScheduleNotice(int Year, bool ForAdmin)
{
    /// <summary>From 1 November the next year's deadlines are being counted, so its schedule should be known by then.</summary>
    public const int WarnFromMonth = 11;

    /// <summary>The notice for <paramref name="today"/>, or null before November or when next year is confirmed.</summary>
    public static ScheduleNotice? For(DateOnly today, WorkingCalendar calendar, bool admin)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var next = today.Year + 1;
        return today.Month >= WarnFromMonth && next <= WorkingCalendar.MaxDate.Year && !calendar.IsConfirmed(next) ? new ScheduleNotice(next, admin) : null;
    }
}

/// <summary>The home page's warning that next year's schedule is not confirmed; hosted by name ("ScheduleNotice").</summary>
public sealed class ScheduleNoticeViewComponent(AppDbContext db, CalendarProvider calendars, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var calendar = await calendars.GetAsync(db, HttpContext.RequestAborted);
        var notice = ScheduleNotice.For(time.Today(), calendar, UserClaimsPrincipal.IsInRole(Roles.Admin));
        return notice is null ? Content("") : View("/Features/Calendar/_ScheduleNotice.cshtml", notice);
    }
}

/// <summary>The days of a due-date explanation that fall in a year without an official schedule.</summary>
/// <param name="Years">Those years, ascending.</param>
/// <param name="DaysOff">The computed days off skipped in them, e.g. "24/11/2027 (Ngày Văn hóa Việt Nam)".</param>
public sealed record UnconfirmedDays(IReadOnlyList<int> Years, IReadOnlyList<string> DaysOff)
{
    /// <summary>The unconfirmed part of <paramref name="lines"/>, or null when every year it spans is confirmed.</summary>
    public static UnconfirmedDays? Of(IReadOnlyList<ExplanationLine> lines, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(calendar);
        var years = lines.Select(l => l.Date.Year).Distinct().Where(y => !calendar.IsConfirmed(y)).Order().ToList();
        if (years.Count == 0)
        {
            return null;
        }
        var days = lines.Where(l => l.Kind == ExplanationKind.SkippedHoliday && years.Contains(l.Date.Year))
            .Select(l => l.Date).Distinct()
            .Select(d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + (calendar.EntryFor(d) is { } e ? " (" + e.Name + ")" : ""))
            .ToList();
        return new UnconfirmedDays(years, days);
    }
}

/// <summary>
/// The line under a due-date explanation saying which of its days are computed by law but not yet confirmed by an
/// official schedule; hosted by name ("UnconfirmedDays") so the explanation needs no calendar of its own.
/// </summary>
public sealed class UnconfirmedDaysViewComponent(AppDbContext db, CalendarProvider calendars) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(IReadOnlyList<ExplanationLine> lines)
    {
        var calendar = await calendars.GetAsync(db, HttpContext.RequestAborted);
        var unconfirmed = UnconfirmedDays.Of(lines, calendar);
        return unconfirmed is null ? Content("") : View("/Features/Calendar/_UnconfirmedDays.cshtml", unconfirmed);
    }
}
