using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Payments;

/// <summary>Hoàn tiền: the desk or an administrator refunds a fee paid online, with a reason, through the gateway.</summary>
[Authorize(Roles = Roles.OneStopOfficer + "," + Roles.Admin)]
public sealed class RefundModel(AppDbContext db, PaymentDesk desk) : PageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Error { get; private set; }

    public string? DossierCode { get; private set; }

    public IActionResult OnGet() => Redirect("/mot-cua");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        DossierCode = await db.OnlinePayments.AsNoTracking().Where(p => p.Reference == Reference && p.AgencyId == agencyId).Select(p => p.DossierCode).SingleOrDefaultAsync(ct);
        Error = await desk.RefundAsync(User, Reference ?? "", Reason, ct);
        return Error is null ? Redirect("/ho-so/" + Uri.EscapeDataString(DossierCode!) + "#thanh-toan") : Page();
    }
}
