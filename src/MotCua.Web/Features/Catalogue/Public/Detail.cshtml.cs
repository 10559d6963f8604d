using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Catalogue.Public;

/// <summary>The public page of one procedure as in force today: papers, fees, time, legal basis, how to submit.</summary>
[AllowAnonymous]
public sealed class DetailModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

    public ProcedureVersion Version { get; private set; } = null!;

    public string AgencyName { get; private set; } = "";

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
        return Page();
    }
}
