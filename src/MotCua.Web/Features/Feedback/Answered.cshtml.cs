using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>Published answers (ND20 Art. 19: publication on the agency's portal), without the sender's personal data.</summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
public sealed class AnsweredModel(AppDbContext db) : PageModel
{
    public List<FeedbackApi.PublishedDto> Items { get; private set; } = [];

    /// <summary>The agency whose list this is; an answer by an agency merged into it names that agency.</summary>
    public string? AgencyCodeShown { get; private set; }

    /// <summary>The agency whose answers these are (co-quan, as on the catalogue and the form); the first agency when absent.</summary>
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var agency = await Catalogue.CatalogueQueries.PublicAgencyAsync(db, AgencyCode, ct);
        if (!string.IsNullOrWhiteSpace(AgencyCode) && agency is null)
        {
            // A link naming no agency of this site: not found, as on the catalogue's pages (not an empty list).
            return NotFound();
        }
        AgencyCodeShown = agency?.Code;
        Items = await FeedbackApi.PublishedAsync(db, AgencyCode, ct);
        return Page();
    }
}
