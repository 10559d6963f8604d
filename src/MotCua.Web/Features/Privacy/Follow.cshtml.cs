using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Core.Privacy;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Privacy;

/// <summary>
/// The citizen follows a request by its code and the factor sent with it (posted, never in the address); an answered
/// access request offers the person's data as a PDF to read and keep, or as JSON.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
public sealed class FollowModel(PrivacyDesk desk, AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Factor { get; set; }

    public DataSubjectRequest? Found { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        Found = await desk.FollowAsync(Code, Factor, ct);
        if (Found is null)
        {
            Error = PrivacyDesk.NoRequest;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var request = await desk.FollowAsync(Code, Factor, ct);
        if (request is not { Kind: DataSubjectRequestKind.Access, Status: DataSubjectRequestStatus.Done })
        {
            Error = PrivacyDesk.NoRequest;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var json = await desk.ExportAsync(request, ct);
        AuditLog.Append(db, time, null, "privacy.request.export", nameof(DataSubjectRequest), request.Code,
            $"Chủ thể dữ liệu tải bản sao dữ liệu cá nhân theo yêu cầu {request.Code}.");
        await db.SaveChangesAsync(ct);
        return File(json, "application/json", $"du-lieu-ca-nhan-{request.Code}.json");
    }

    public async Task<IActionResult> OnPostExportPdfAsync(CancellationToken ct)
    {
        var request = await desk.FollowAsync(Code, Factor, ct);
        if (request is not { Kind: DataSubjectRequestKind.Access, Status: DataSubjectRequestStatus.Done })
        {
            Error = PrivacyDesk.NoRequest;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var pdf = await desk.ExportPdfAsync(request, ct);
        AuditLog.Append(db, time, null, "privacy.request.export", nameof(DataSubjectRequest), request.Code,
            $"Chủ thể dữ liệu tải bản sao dữ liệu cá nhân (PDF) theo yêu cầu {request.Code}.");
        await db.SaveChangesAsync(ct);
        return File(pdf, "application/pdf", $"du-lieu-ca-nhan-{request.Code}.pdf");
    }
}
