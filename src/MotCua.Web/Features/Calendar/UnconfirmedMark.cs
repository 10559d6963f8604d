using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Calendar;

/// <summary>A due date's note that the schedule of its year is computed by law, not yet announced.</summary>
/// <param name="Year">The due date's year (Vietnam time).</param>
/// <param name="LinkToCalendar">Officers get a link to that year's calendar; citizens the explanation alone.</param>
public sealed record UnconfirmedMark(int Year, bool LinkToCalendar)
{
    /// <summary>The mark's words, as every page prints them.</summary>
    public string Text => $"(lịch năm {Year} chưa được công bố chính thức)";

    /// <summary>What the mark means, shown as its tooltip and read by screen readers.</summary>
    public string Explanation =>
        $"Chưa có văn bản thông báo lịch nghỉ lễ, Tết năm {Year}: ngày nghỉ của năm này được tính theo Bộ luật Lao động và các văn bản về ngày lễ, nên ngày hẹn có thể thay đổi khi có thông báo chính thức.";

    /// <summary>The mark for <paramref name="due"/>, or null when there is no due date or its year's schedule is confirmed.</summary>
    public static UnconfirmedMark? For(DateTimeOffset? due, WorkingCalendar calendar, bool officer)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (due is not { } at)
        {
            return null;
        }
        var year = at.ToVietnam().Year;
        return year < WorkingCalendar.MinDate.Year || year > WorkingCalendar.MaxDate.Year || calendar.IsConfirmed(year) ? null : new UnconfirmedMark(year, officer);
    }
}

/// <summary>
/// The mark beside a due date whose year has no official schedule yet; hosted by name ("UnconfirmedMark") by the pages
/// that show a due date, so none of them needs a calendar of its own.
/// </summary>
public sealed class UnconfirmedMarkViewComponent(AppDbContext db, CalendarProvider calendars) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DateTimeOffset? due)
    {
        if (due is null)
        {
            return Content("");
        }
        var calendar = await calendars.GetAsync(db, HttpContext.RequestAborted);
        var mark = UnconfirmedMark.For(due, calendar, UserClaimsPrincipal.Identity?.IsAuthenticated == true);
        return mark is null ? Content("") : View("/Features/Calendar/_UnconfirmedMark.cshtml", mark);
    }
}
