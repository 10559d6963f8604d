namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Which approved dossiers (<see cref="Core.Dossiers.DossierStatus.ResultIssued"/>) have a result the one-stop desk can
/// hand over; implemented by the feature that keeps result documents, so the desk's list and the inbox count agree.
/// </summary>
public interface IDeskResultReadiness
{
    /// <summary>The dossiers of <paramref name="dossiers"/> whose result is ready for the desk.</summary>
    IQueryable<Dossier> Ready(IQueryable<Dossier> dossiers);

    /// <summary>The dossiers of <paramref name="dossiers"/> approved but whose result is not ready yet.</summary>
    IQueryable<Dossier> NotReady(IQueryable<Dossier> dossiers);
}
