using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// The result documents sent to the national portal with a dossier that has its result (DanhSachGiayToKetQua);
/// implemented by the feature that keeps result documents, so the sync does not reach into it.
/// </summary>
public interface INationalResultPapers
{
    /// <summary>The dossier's results in force, each named with its number and date and linked to its public verification.</summary>
    Task<IReadOnlyList<NationalFile>> OfAsync(AppDbContext db, Dossier dossier, CancellationToken ct);
}
