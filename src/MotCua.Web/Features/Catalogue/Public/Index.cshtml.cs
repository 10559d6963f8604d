using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Public;

/// <summary>Public catalogue search: by name, code and field, with or without diacritics.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "linh-vuc")]
    public int? FieldId { get; set; }

    [BindProperty(SupportsGet = true, Name = "truc-tuyen")]
    public OnlineServiceLevel? Online { get; set; }

    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

    /// <summary>The agency parameter to carry into links (empty on a single-agency site that was not given one).</summary>
    public string AgencyQuery(string separator) => CatalogueText.AgencyQuery(AgencyCode, separator);

    public string AgencyName { get; private set; } = "";

    public List<Field> Fields { get; private set; } = [];

    public List<ProcedureVersion> Results { get; private set; } = [];

    /// <summary>Results are ordered by how well they match the words, not by field and code.</summary>
    public bool Ranked { get; private set; }

    /// <summary>The query had no letter or digit to look for (only punctuation).</summary>
    public bool NoWords { get; private set; }

    public bool Truncated => Ranked && Results.Count >= CatalogueSearchIndex.MaxResults;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var agency = await CatalogueQueries.PublicAgencyAsync(db, AgencyCode, ct);
        if (agency is null)
        {
            return NotFound();
        }
        AgencyName = agency.Name;
        Fields = await db.CatalogueFields.AsNoTracking().Where(f => f.AgencyId == agency.Id).OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(ct);
        var terms = CatalogueSearchTerms.Parse(Q);
        Ranked = !terms.IsEmpty;
        if (terms.IsEmpty && !string.IsNullOrWhiteSpace(Q))
        {
            NoWords = true;
            return Page();
        }
        Results = await CatalogueQueries.SearchAsync(db, CatalogueQueries.InForceOn(db, agency.Id, time.Today()), terms, FieldId, Online, CatalogueSearchIndex.MaxResults, allWithoutWords: true, ct);
        return Page();
    }
}
