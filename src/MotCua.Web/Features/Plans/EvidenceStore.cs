using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Plans;

/// <summary>
/// Evidence files live outside the web root under the app's data folder (data/files/evidence/ab/abcdef…), named by
/// their SHA-256 so the same file uploaded twice is stored once and a stored file can be checked against its record.
/// A file written for a note whose save then fails stays as an unreferenced blob; it is harmless and never served.
/// </summary>
public sealed class EvidenceStore(FileStore files)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Evidence is any working document (spreadsheets, archives, text), so it is accepted by extension rather than by
    /// the content sniffing the public uploads get; storage and hashing are the shared store's.
    /// </summary>
    public static readonly IReadOnlyList<string> AllowedExtensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".jpg", ".jpeg", ".png", ".txt", ".zip"];

    public Task<(string Sha256, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken) =>
        files.SaveByHashAsync("evidence", content, cancellationToken);

    public Stream? Open(string sha256) => files.OpenByHash("evidence", sha256);
}
