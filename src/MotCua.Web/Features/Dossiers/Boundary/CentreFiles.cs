using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// What a receiving centre may open of a dossier it received for another agency: the files its own desk attached at
/// receipt, nothing the deciding agency added afterwards (its digitised copies, supplement papers, result drafts and
/// results are that agency's working files).
/// </summary>
public static class CentreFiles
{
    /// <summary>The dossier <paramref name="code"/> as received by the centre <paramref name="centreId"/> for another agency, or null.</summary>
    public static Task<Dossier?> ReceivedAsync(AppDbContext db, int? centreId, string code, CancellationToken ct) =>
        centreId is null ? Task.FromResult<Dossier?>(null)
            : db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code && d.ReceivingAgencyId == centreId && d.AgencyId != centreId, ct);

    /// <summary>The files the centre's desk attached when it received <paramref name="d"/>, in upload order.</summary>
    public static async Task<IReadOnlyList<DossierFile>> AttachedAtReceiptAsync(AppDbContext db, Dossier d, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(d);
        var centreOfficers = await db.Users.AsNoTracking().Where(u => u.AgencyId == d.ReceivingAgencyId).Select(u => u.UserName!).ToListAsync(ct);
        var files = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == d.Id && f.Kind == DossierFileKind.Component).OrderBy(f => f.Id).ToListAsync(ct);
        var receipt = d.ReceivedAt ?? d.SubmittedAt;
        // Compared in memory: SQLite cannot compare DateTimeOffset columns in SQL, and a dossier has few files.
        return [.. files.Where(f => f.UploadedAt <= receipt && f.UploadedBy is { } by && centreOfficers.Contains(by, StringComparer.Ordinal))];
    }
}
