using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Results;

/// <summary>
/// Tra cứu văn bản kết quả (reached from the QR code on the result): the verification code tells whether the document
/// is genuine and in force, who signed it and when, its type and number; never the applicant or anything personal.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
public sealed class VerifyModel(AppDbContext db) : PageModel
{
    /// <summary>What the public may see of a result.</summary>
    public sealed record Answer(string TypeName, string NumberAndSymbol, DateOnly IssuedOn, string SignerName, string SignerPosition, string IssuerName,
        DateTimeOffset? SignedAt, string? CertificateSubject, ResultStatus Status, DateTimeOffset? WithdrawnAt, string? WithdrawnReason,
        string? ReplacementCode, string? ReplacementNumber, DateOnly? ValidFrom, DateOnly? ValidTo);

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public Answer? Result { get; private set; }

    public bool NotFoundAnswer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var key = (Code ?? "").Trim().ToUpperInvariant();
        if (key.Length == 0)
        {
            return;
        }
        if (key.Length > 32)
        {
            NotFoundAnswer = true;
            return;
        }
        var r = await db.ResultDocuments.AsNoTracking().Where(x => x.VerificationCode == key && x.Status != ResultStatus.Draft).SingleOrDefaultAsync(ct);
        if (r is null)
        {
            NotFoundAnswer = true;
            return;
        }
        var replacement = await db.ResultDocuments.AsNoTracking().Where(x => x.ReplacesId == r.Id).OrderByDescending(x => x.Id)
            .Select(x => new { x.VerificationCode, x.Status, Number = x.Number + "/" + x.Symbol }).FirstOrDefaultAsync(ct);
        var issuer = await db.Agencies.AsNoTracking().Where(a => a.Id == r.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(ct) ?? "";
        Result = new Answer(ResultPdfs.TypeName(r.Type), r.NumberAndSymbol, r.IssuedOn, r.SignerName, r.SignerPosition, issuer, r.SignedAt,
            r.CertificateSubject, r.Status, r.WithdrawnAt, r.WithdrawnReason,
            replacement is { Status: not ResultStatus.Draft } ? replacement.VerificationCode : null, replacement?.Number, r.ValidFrom, r.ValidTo);
    }
}
