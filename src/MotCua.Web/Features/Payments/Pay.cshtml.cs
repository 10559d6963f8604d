using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Payments;

/// <summary>
/// Starts an online payment for a dossier the citizen opened with its second factor, then hands the browser to the gateway
/// with a link (a form may only post to this site, so the gateway is reached by a plain navigation).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
public sealed class PayModel(AppDbContext db, TimeProvider time, PaymentDesk desk, IOptions<PaymentGatewayOptions> options) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Factor { get; set; }

    public Uri? GatewayUrl { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => Redirect("/tra-cuu");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await PaymentLookup.OwnAsync(HttpContext, db, Code, Factor, ct) is { } own)
        {
            return await StartAsync(own, ct);
        }
        var found = await PublicLookup.FindAsync(db, time, Code, Factor, ct, tracked: false);
        if (found.Value is not { } dossier)
        {
            Error = found.LockedUntil is not null ? PublicLookup.NoMatch : string.IsNullOrWhiteSpace(Factor) ? PublicLookup.NeedFactor : PublicLookup.NoMatch;
            return Page();
        }
        return await StartAsync(dossier, ct);
    }

    private async Task<IActionResult> StartAsync(Dossiers.Dossier dossier, CancellationToken ct)
    {
        var returnBase = options.Value.ReturnUrlBase ?? new Uri(Request.Scheme + "://" + Request.Host.Value + "/");
        var start = await desk.StartAsync(dossier, new Uri(returnBase, "thanh-toan/ket-qua"), HttpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1", ct);
        GatewayUrl = start.GatewayUrl;
        Error = start.Refusal;
        return Page();
    }
}
