using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>The public PAKN form, with the agency's PAKN address posted as Seed 001 VI.1 requires.</summary>
[AllowAnonymous]
[EnableRateLimiting(Security.PublicFormPolicy)]
public sealed class SubmitModel(AppDbContext db, FeedbackDesk desk) : PageModel
{
    [BindProperty]
    public FeedbackInput Input { get; set; } = new(null, null, null, null, null, null, null, null, null);

    public Agency? Agency { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = new(StringComparer.Ordinal);

    public FeedbackItem? Acknowledged { get; private set; }

    /// <summary>The consent box (Decree 13/2023); checked on the server.</summary>
    [BindProperty]
    public bool Consent { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Agency = await CatalogueQueries.PublicAgencyAsync(db, null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agency = await CatalogueQueries.PublicAgencyAsync(db, null, ct);
        if (!Consent)
        {
            // Nothing is stored without consent.
            Errors[Shared.Privacy.ConsentNotice.Field] = [Shared.Privacy.ConsentNotice.Missing];
            return Page();
        }
        var (item, errors) = await desk.SubmitAsync(Input, null, ct);
        Errors = errors;
        Acknowledged = item;
        return Page();
    }
}
