using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Results;

/// <summary>
/// The applicant downloads the electronic result: the dossier code and the same second factor as the dossier look-up
/// (phone or ID number, posted, counted against the code's lock); only a signed result still in force is given.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
public sealed class DownloadModel(AppDbContext db, TimeProvider time, FileStore files) : PageModel
{
    public const string NoResult = "Hồ sơ chưa có văn bản kết quả điện tử đã ký số còn hiệu lực.";

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Factor { get; set; }

    public List<string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Factor))
        {
            Errors.Add(PublicLookup.NeedFactor);
            return Page();
        }
        var found = await PublicLookup.FindAsync(db, time, Code, Factor, ct);
        if (found.LockedUntil is { } until)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Errors.Add(LookupThrottles.LockedMessage(until));
            return Page();
        }
        if (found.Value is not { } dossier)
        {
            Errors.Add(PublicLookup.NoMatch);
            return Page();
        }
        var result = await db.ResultDocuments.AsNoTracking()
            .Where(r => r.AgencyId == dossier.AgencyId && r.DossierId == dossier.Id && r.Status == ResultStatus.InForce && r.SignedPath != null)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var pdf = result?.SignedPath is { } path ? files.Read(path) : null;
        if (result is null || pdf is null)
        {
            Errors.Add(NoResult);
            return Page();
        }
        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf", ResultFiles.DownloadName(result));
    }
}
