using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Results;

/// <summary>
/// A dossier's results in force as the national portal receives them: the document's type, number and date, and the
/// address of its public verification page (by verification code, no personal data). The signed file itself stays here,
/// given to the applicant on the second factor (<see cref="DownloadModel"/>).
/// </summary>
public sealed class NationalResultPapers(PublicUrls urls) : INationalResultPapers
{
    public async Task<IReadOnlyList<NationalFile>> OfAsync(AppDbContext db, Dossier dossier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        // Tracked and filtered here, not in SQL: a result signed in the caller's unsaved change counts already.
        var results = (await db.ResultDocuments.Where(r => r.AgencyId == dossier.AgencyId && r.DossierId == dossier.Id).ToListAsync(ct))
            .Where(r => r.Status == ResultStatus.InForce)
            .OrderBy(r => r.IssuedOn).ThenBy(r => r.Id)
            .ToList();
        return [.. results.Select(r => new NationalFile(
            $"{ResultPdfs.TypeName(r.Type)} số {r.Number}/{r.Symbol} ngày {r.IssuedOn.ToVnDate()}: {r.Summary}",
            urls.Absolute("/tra-cuu-ket-qua/" + Uri.EscapeDataString(r.VerificationCode))))];
    }
}
