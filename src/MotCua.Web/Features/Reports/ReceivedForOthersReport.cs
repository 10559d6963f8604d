using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Reports;

/// <summary>One deciding agency's dossiers that a service centre received for it in a period.</summary>
public sealed record ReceivedForOthersLine(string AgencyName, int Received);

/// <summary>
/// Hồ sơ tiếp nhận hộ cơ quan khác: a service centre's count of dossiers it received regardless of boundary for other
/// agencies. The dossiers are the deciding agencies' and are counted in their reports only; this count stands apart and
/// is never added to the centre's own figures.
/// </summary>
public static class ReceivedForOthersReport
{
    public static async Task<IReadOnlyList<ReceivedForOthersLine>> LoadAsync(AppDbContext db, int agencyId, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        DateTimeOffset s = period.StartInstant, e = period.CutoffInstant;
        var counts = await db.Dossiers.AsNoTracking()
            .Where(d => d.ReceivingAgencyId == agencyId && d.AgencyId != agencyId && d.ReceivedAt >= s && d.ReceivedAt < e)
            .GroupBy(d => d.AgencyId)
            .Select(g => new { AgencyId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return counts.Select(c => new ReceivedForOthersLine(names.GetValueOrDefault(c.AgencyId, ""), c.Count))
            .OrderBy(l => l.AgencyName, StringComparer.Ordinal).ToList();
    }
}

/// <summary>The report page's section for <see cref="ReceivedForOthersReport"/>; shows nothing when the agency received none.</summary>
public sealed class ReceivedForOthersReportViewComponent(ReportingDb reporting) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ReportPeriod period)
    {
        var lines = UserClaimsPrincipal.AgencyId() is { } agencyId
            ? await ReceivedForOthersReport.LoadAsync(reporting.Context, agencyId, period, HttpContext.RequestAborted)
            : [];
        return View("/Features/Reports/_ReceivedForOthersReport.cshtml", lines);
    }
}
