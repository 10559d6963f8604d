using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Reports;

/// <summary>A dossier asked to supplement in the period: its rounds so far and whether a request was flagged as repeated.</summary>
public sealed record SupplementRoundsLine(string Code, int Rounds, bool Repeated);

/// <summary>The period's supplement rounds: dossiers with 1, 2 and 3 or more rounds, flagged repeated requests, and the dossiers asked more than once.</summary>
public sealed record SupplementRoundsFigures(ReportPeriod Period, int OneRound, int TwoRounds, int ThreeOrMore, int Repeated, IReadOnlyList<SupplementRoundsLine> SeveralRounds)
{
    public int MoreThanOne => TwoRounds + ThreeOrMore;
}

/// <summary>
/// Số lần yêu cầu bổ sung: the dossiers the agency (with its predecessors) asked to supplement in a period, by how many
/// rounds each has had up to the period's end. A dossier counts once whatever its rounds.
/// </summary>
public static class SupplementRoundsReport
{
    public static async Task<SupplementRoundsFigures> LoadAsync(AppDbContext db, int agencyId, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        DateTimeOffset s = period.StartInstant, e = period.CutoffInstant;
        var agencies = await AgencyLineage.AgencyIdsForReportAsync(db, agencyId, period.Start, period.End, ct);
        // A round is a supplement request in the dossier's history, as the evaluation's data indicators count it; the repeat
        // flag is on the stored request. Instants are compared in memory: the SQLite provider cannot compare DateTimeOffset columns in SQL.
        var requests = await db.DossierEvents.AsNoTracking()
            .Where(x => x.Action == DossierAction.RequestSupplement)
            .Join(db.Dossiers.Where(d => agencies.Contains(d.AgencyId)), x => x.DossierId, d => d.Id, (x, d) => new { x.DossierId, d.Code, x.At })
            .ToListAsync(ct);
        var repeated = (await db.DossierSupplementRequests.AsNoTracking()
                .Where(r => r.RepeatedPapers != null && agencies.Contains(r.Dossier!.AgencyId))
                .Select(r => new { r.DossierId, r.RequestedAt }).ToListAsync(ct))
            .Where(r => r.RequestedAt < e).Select(r => r.DossierId).ToHashSet();
        var lines = requests.Where(r => r.At < e)
            .GroupBy(r => (r.DossierId, r.Code))
            .Where(g => g.Any(x => x.At >= s))
            .Select(g => new SupplementRoundsLine(g.Key.Code, g.Count(), repeated.Contains(g.Key.DossierId)))
            .ToList();
        return new SupplementRoundsFigures(period,
            lines.Count(l => SupplementRounds.Band(l.Rounds) == 1),
            lines.Count(l => SupplementRounds.Band(l.Rounds) == 2),
            lines.Count(l => SupplementRounds.Band(l.Rounds) == 3),
            lines.Count(l => l.Repeated),
            [.. lines.Where(l => l.Rounds > 1 || l.Repeated).OrderByDescending(l => l.Rounds).ThenBy(l => l.Code, StringComparer.Ordinal)]);
    }
}

/// <summary>The report page's section for <see cref="SupplementRoundsReport"/>.</summary>
public sealed class SupplementRoundsReportViewComponent(ReportingDb reporting) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ReportPeriod period)
    {
        var figures = UserClaimsPrincipal.AgencyId() is { } agencyId
            ? await SupplementRoundsReport.LoadAsync(reporting.Context, agencyId, period, HttpContext.RequestAborted)
            : new SupplementRoundsFigures(period, 0, 0, 0, 0, []);
        return View("/Features/Reports/_SupplementRoundsReport.cshtml", figures);
    }
}

/// <summary>The dashboard's card: dossiers asked to supplement more than once this month, linking to the report's list.</summary>
public sealed class SupplementRoundsCardViewComponent(ReportingDb reporting) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ReportPeriod period)
    {
        var figures = UserClaimsPrincipal.AgencyId() is { } agencyId
            ? await SupplementRoundsReport.LoadAsync(reporting.Context, agencyId, period, HttpContext.RequestAborted)
            : new SupplementRoundsFigures(period, 0, 0, 0, 0, []);
        return View("/Features/Reports/_SupplementRoundsCard.cshtml", figures);
    }
}
