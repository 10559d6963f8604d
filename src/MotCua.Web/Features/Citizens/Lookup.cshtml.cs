using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Tra cứu hồ sơ (reached from the receipt's QR code): the code is in the address, the second factor is posted, never
/// put in the address, so it stays out of logs and browser history. Returned dossiers can be rated here once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
public sealed class LookupModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Factor { get; set; }

    [BindProperty]
    public List<int>? Answers { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public PublicLookup.LookupDto? Result { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEvaluateAsync(CancellationToken ct)
    {
        var dossier = await PublicLookup.FindAsync(db, Code, Factor, ct);
        if (dossier is null)
        {
            Errors.Add(string.IsNullOrWhiteSpace(Factor) ? PublicLookup.NeedFactor : PublicLookup.NoMatch);
            return Page();
        }
        var (outcome, errors) = await CitizenEvaluations.SaveAsync(db, time, dossier, Answers, Comment, ct);
        if (outcome == EvaluationOutcome.Saved)
        {
            Message = "Cảm ơn Ông/Bà đã đánh giá mức độ hài lòng. Ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn.";
        }
        else
        {
            Errors.AddRange(errors);
        }
        Result = await PublicLookup.ToDtoAsync(db, dossier, ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Factor))
        {
            Errors.Add(PublicLookup.NeedFactor);
            return;
        }
        var dossier = await PublicLookup.FindAsync(db, Code, Factor, ct);
        if (dossier is null)
        {
            Errors.Add(PublicLookup.NoMatch);
            return;
        }
        Result = await PublicLookup.ToDtoAsync(db, dossier, ct);
    }
}
