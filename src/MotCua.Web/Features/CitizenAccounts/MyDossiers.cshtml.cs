using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.CitizenAccounts;

/// <summary>
/// Hồ sơ của tôi: the dossiers whose applicant ID number is the one VNeID verified, and the drafts saved while logged in.
/// Officer sessions do not count here: only the citizen cookie is read.
/// </summary>
[AllowAnonymous]
public sealed class MyDossiersModel(AppDbContext db, TimeProvider time) : PageModel
{
    /// <summary>More than a person files in years; the page is a list, not an archive.</summary>
    private const int MaxRows = 200;

    public sealed record Row(string Code, string ProcedureName, DossierStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, DateTimeOffset? ReturnedAt);

    public sealed record DraftRow(long Id, string ProcedureCode, string? Name, DateTimeOffset UpdatedAt, DateTimeOffset ExpiresAt, int Files);

    public Citizen? Citizen { get; private set; }

    public IReadOnlyList<Row> Dossiers { get; private set; } = [];

    public IReadOnlyList<DraftRow> Drafts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Citizen = await Citizen.CurrentAsync(HttpContext);
        if (Citizen is null)
        {
            return Challenge(CitizenAccountsModule.CookieScheme);
        }
        Response.Headers.CacheControl = "no-store";
        var idNumber = Citizen.IdNumber;
        Dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.ApplicantIdNumber == idNumber && d.ApplicantKind != ApplicantKind.Organisation && d.Status != DossierStatus.Draft)
            .OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Id).Take(MaxRows)
            .Select(d => new Row(d.Code, d.ProcedureName, d.Status, d.SubmittedAt, d.RescheduledDueAt ?? d.AppointmentAt, d.ReturnedAt))
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        var account = Citizen.AccountId;
        Drafts = await db.OnlineDrafts.AsNoTracking()
            .Where(d => d.CitizenAccountId == account && d.ExpiresAt > now)
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Take(MaxRows)
            .Select(d => new DraftRow(d.Id, d.ProcedureCode, d.Name, d.UpdatedAt, d.ExpiresAt, d.Files.Count))
            .ToListAsync(ct);
        return Page();
    }
}
