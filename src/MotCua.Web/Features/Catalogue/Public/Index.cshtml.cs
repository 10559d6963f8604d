using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Public;

/// <summary>Public catalogue search: by name, code and field, with or without diacritics.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.CataloguePolicy)]
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

    /// <summary>Rows per page of the unsearched catalogue: a province's two thousand procedures on one page would cost a phone a megabyte.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many procedures the unsearched catalogue (with its filters) holds over all its pages.</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The address of another page of the list, keeping the filters.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if (FieldId is { } f)
        {
            query.Add("linh-vuc=" + f.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (Online is { } level)
        {
            query.Add("truc-tuyen=" + level);
        }
        if (!string.IsNullOrEmpty(AgencyCode))
        {
            query.Add("co-quan=" + Uri.EscapeDataString(AgencyCode));
        }
        query.Add("trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/thu-tuc?" + string.Join('&', query);
    }

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
        var inForce = CatalogueQueries.InForceOn(db, agency.Id, time.Today());
        if (Ranked)
        {
            Results = await CatalogueQueries.SearchAsync(db, inForce, terms, FieldId, Online, CatalogueSearchIndex.MaxResults, allWithoutWords: false, ct);
            Total = Results.Count;
            return Page();
        }
        var listed = CatalogueQueries.Listed(CatalogueQueries.Filtered(inForce, FieldId, Online));
        Total = await listed.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Results = await listed.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
