using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Home;

/// <summary>/can-bo, where officers land after login: what waits for each of their roles (<see cref="OfficerInbox"/>).</summary>
public sealed class OfficerModel(AppDbContext db, CalendarProvider calendars, TimeProvider time) : PageModel
{
    public string AgencyName { get; private set; } = "";

    public string? UnitName { get; private set; }

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public IReadOnlyList<InboxSection> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencyId = User.AgencyId();
        var unitId = User.UnitId();
        AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        UnitName = unitId is null ? null : await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        RoleNames = Roles.All.Where(User.IsInRole).Select(Roles.DisplayName).ToList();
        var calculator = await calendars.CalculatorAsync(db, agencyId, cancellationToken);
        Sections = await new OfficerInbox(db, calculator, time.GetUtcNow()).ForAsync(User, cancellationToken);
    }
}
