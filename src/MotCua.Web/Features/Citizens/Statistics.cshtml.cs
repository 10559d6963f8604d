using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Public results of an agency for a chosen report period: dossiers received, resolved and on time (as the periodic
/// reports count them, lateness against the original appointment, so an apology letter does not turn a late dossier on
/// time), by field, and the citizens' satisfaction per question with the number of ballots.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
public sealed class StatisticsModel(ReportingDb reporting, TimeProvider time) : PageModel
{
    /// <summary>The agency whose results these are (co-quan, as on the catalogue); the first agency when absent.</summary>
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "ky")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "so")]
    public int? Number { get; set; }

    public IReadOnlyList<PublicResults.AgencyDto> Agencies { get; private set; } = [];

    public PublicResults.ResultsDto? Results { get; private set; }

    /// <summary>The period as these figures were counted: its as-of instant is the one the page prints.</summary>
    public ReportPeriod? Period { get; private set; }

    public string? Error { get; private set; }

    public string AgencyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var agency = await CatalogueQueries.PublicAgencyAsync(reporting.Context, AgencyCode, ct);
        if (agency is null)
        {
            return NotFound();
        }
        AgencyName = agency.Name;
        AgencyCode = agency.Code;
        Agencies = await PublicResults.AgenciesAsync(reporting.Context, ct);
        // A number that does not parse leaves the property null and a model error: say so rather than show today's period.
        if (!ModelState.IsValid)
        {
            Error = "Năm và số kỳ phải là số.";
            return Page();
        }
        var (period, error) = PublicResults.ParsePeriod(Kind, Year, Number, time.Today());
        if (period is null)
        {
            Error = error;
            return Page();
        }
        Kind = PublicResults.KindOf(period);
        Year = period.Year;
        Number = period.Index;
        Period = period.AsOf(time.GetUtcNow());
        Results = await PublicResults.BuildAsync(reporting, agency, Period, ct);
        return Page();
    }
}
