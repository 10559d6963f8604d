using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Public;

/// <summary>The public page of one procedure as in force today: papers, fees, time, legal basis, how to submit.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.CataloguePolicy)]
public sealed class DetailModel(AppDbContext db, TimeProvider time, TimeLimitRule limits) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

    public ProcedureVersion Version { get; private set; } = null!;

    public string AgencyName { get; private set; } = "";

    /// <summary>The desk's time to check an online dossier of this procedure today, with its basis.</summary>
    public OnlineCheckLimit OnlineCheck { get; private set; } = null!;

    /// <summary>The agency parameter to carry into links (empty when the page was opened without one).</summary>
    public string AgencyQuery(string separator) => CatalogueText.AgencyQuery(AgencyCode, separator);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var agency = await CatalogueQueries.PublicAgencyAsync(db, AgencyCode, ct);
        var version = agency is null ? null : await CatalogueQueries.VersionInForceAsync(db, agency.Id, code, time.GetUtcNow(), ct);
        if (version is null)
        {
            return NotFound();
        }
        AgencyName = agency!.Name;
        Version = version;
        OnlineCheck = OnlineCheckLimit.For(limits, DateOnly.FromDateTime(time.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset).DateTime),
            version.OnlineCheckWorkingHours, version.OnlineCheckSource);
        return Page();
    }
}
