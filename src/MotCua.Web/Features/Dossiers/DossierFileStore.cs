using System.Globalization;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Dossier files through the shared <see cref="FileStore"/> (content sniffing, SHA-256, outside the web root), under
/// <c>{files root}/{agency}/{yyyy}/{code}/</c>.
/// </summary>
public sealed class DossierFileStore(FileStore store)
{
    public long MaxBytes => store.MaxBytes;

    /// <summary>The content type by magic bytes, or null for anything not accepted.</summary>
    public static string? Sniff(byte[] content) => FileStore.Sniff(content);

    /// <summary>A Vietnamese reason the file is refused, or null when acceptable.</summary>
    public string? Check(IncomingFile file) => store.Check(file);

    /// <summary>Writes the file and returns its record (not yet added to a context). Call <see cref="Check"/> first.</summary>
    public DossierFile Save(Dossier dossier, IncomingFile file, DossierFileKind kind, DateTimeOffset at, string? user)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var stored = store.Save(file, dossier.AgencyId.ToString(CultureInfo.InvariantCulture),
            at.ToOffset(TimeSpan.FromHours(7)).Year.ToString(CultureInfo.InvariantCulture), dossier.Code);
        return new DossierFile
        {
            Dossier = dossier,
            AgencyId = dossier.AgencyId,
            Kind = kind,
            FileName = stored.FileName,
            ContentType = stored.ContentType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            StoragePath = stored.StoragePath,
            UploadedAt = at,
            UploadedBy = user,
        };
    }

    public string FullPath(DossierFile file) => store.FullPath(file.StoragePath);

    /// <summary>Removes files written for a save that failed.</summary>
    public void Discard(IEnumerable<DossierFile> written) => store.Discard(written.Select(f => f.StoragePath));
}
