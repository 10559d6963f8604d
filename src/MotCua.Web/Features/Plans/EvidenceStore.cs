using System.Security.Cryptography;

namespace MotCua.Web.Features.Plans;

/// <summary>
/// Evidence files live outside the web root under the app's data folder (data/files/evidence/ab/abcdef…), named by
/// their SHA-256 so the same file uploaded twice is stored once and a stored file can be checked against its record.
/// A file written for a note whose save then fails stays as an unreferenced blob; it is harmless and never served.
/// </summary>
public sealed class EvidenceStore(IConfiguration configuration, IHostEnvironment environment)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static readonly IReadOnlyList<string> AllowedExtensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".jpg", ".jpeg", ".png", ".txt", ".zip"];

    private string Root => Path.GetFullPath(configuration["MotCua:Files:Root"] ?? Path.Combine("data", "files"), environment.ContentRootPath);

    public async Task<(string Sha256, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var tempDir = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(tempDir);
        var temp = Path.Combine(tempDir, Guid.NewGuid().ToString("N"));
        string hash;
        long size;
        await using (var file = File.Create(temp))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            size = 0;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        var target = PathFor(hash);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(temp);
        }
        else
        {
            File.Move(temp, target);
        }
        return (hash, size);
    }

    public Stream? Open(string sha256) => File.Exists(PathFor(sha256)) ? File.OpenRead(PathFor(sha256)) : null;

    private string PathFor(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("Not a SHA-256 hex string.", nameof(sha256));
        }
        return Path.Combine(Root, "evidence", sha256[..2], sha256);
    }
}
