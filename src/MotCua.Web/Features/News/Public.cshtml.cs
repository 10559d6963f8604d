using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;

namespace MotCua.Web.Features.News;

/// <summary>The public "Cải cách hành chính" section: published articles only, newest first; one article when an id is given.</summary>
[AllowAnonymous]
public sealed class PublicModel(AppDbContext db) : PageModel
{
    /// <summary>The agency whose public pages these are (co-quan, as on the catalogue); the first agency when absent.</summary>
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

    public List<NewsArticle> Articles { get; private set; } = [];

    public NewsArticle? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        var agency = await CatalogueQueries.PublicAgencyAsync(db, AgencyCode, ct);
        if (agency is null)
        {
            return NotFound();
        }
        var published = db.Set<NewsArticle>().AsNoTracking().Where(n => n.AgencyId == agency.Id && n.PublishedAt != null);
        if (id is { } articleId)
        {
            Article = await published.SingleOrDefaultAsync(n => n.Id == articleId, ct);
            return Article is null ? NotFound() : Page();
        }
        Articles = await published.OrderByDescending(n => n.PublishedAt).Take(100).ToListAsync(ct);
        return Page();
    }
}
