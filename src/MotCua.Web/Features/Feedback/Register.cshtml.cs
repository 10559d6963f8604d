using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>Sổ tiếp nhận PAKN of the officer's agency: open items first by due date, with due-soon and overdue flags.</summary>
public sealed class RegisterModel(AppDbContext db, CalendarProvider calendars, TimeProvider time) : PageModel
{
    public List<(FeedbackItem Item, PendingTimeliness? Standing)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var items = await db.FeedbackItems.AsNoTracking().Where(f => f.AgencyId == agencyId)
            .OrderBy(f => f.ClosedAt != null).ThenBy(f => f.DueAt).Take(500).ToListAsync(ct);
        var calculator = await calendars.CalculatorAsync(db, agencyId, ct);
        var now = time.GetUtcNow();
        Rows = items.Select(i => (i, FeedbackDesk.Standing(i, now, calculator))).ToList();
    }
}
