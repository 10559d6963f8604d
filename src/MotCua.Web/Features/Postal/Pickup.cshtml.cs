using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Postal;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Postal;

/// <summary>"Gửi yêu cầu bưu điện đến lấy": the desk asks the carrier to pick the result up; back to the dossier, or the reason.</summary>
[Authorize(Roles = Roles.OneStopOfficer)]
public sealed class PickupModel(PostalDesk desk) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>"ho-so" asks the carrier to fetch the applicant's paper dossier; anything else, to pick the result up.</summary>
    [BindProperty]
    public string? Kind { get; set; }

    public bool ForPapers => Kind == PaperKind;

    public const string PaperKind = "ho-so";

    public string? Error { get; private set; }

    public IActionResult OnGet() => Redirect("/mot-cua");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await desk.RequestPickupAsync(User, Code ?? "", ForPapers ? PostalDirection.DossierPickup : PostalDirection.ResultDelivery, ct);
        if (outcome.Order is not null)
        {
            return Redirect("/ho-so/" + Uri.EscapeDataString(outcome.Order.DossierCode) + (ForPapers ? "#buu-chinh-ho-so" : "#buu-chinh"));
        }
        Error = outcome.Problem;
        Response.StatusCode = outcome.Status;
        return Page();
    }
}
