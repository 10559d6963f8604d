using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace MotCua.Web.Features.Dossiers;

/// <summary>An upload before it is stored.</summary>
public sealed record IncomingFile(string FileName, byte[] Content);

/// <summary>
/// Stores dossier files outside the web root under <c>{content root}/data/files/{agency}/{yyyy}/{code}/</c>. The type is
/// decided by the content (magic bytes), never by the name or the browser's content type: PDF, JPG, PNG, DOCX.
/// </summary>
public sealed class DossierFileStore(IWebHostEnvironment env, IConfiguration config)
{
    public long MaxBytes => config.GetValue<long?>("MotCua:Files:MaxBytes") ?? 20L * 1024 * 1024;

    /// <summary>The content type by magic bytes, or null for anything not accepted.</summary>
    public static string? Sniff(byte[] content)
    {
        ReadOnlySpan<byte> c = content;
        if (c.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        if (c.Length >= 3 && c[0] == 0xFF && c[1] == 0xD8 && c[2] == 0xFF)
        {
            return "image/jpeg";
        }
        if (c.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }
        if (c.StartsWith("PK\u0003\u0004"u8) && IsDocx(content))
        {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return null;
    }

    private static bool IsDocx(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>A Vietnamese reason the file is refused, or null when acceptable.</summary>
    public string? Check(IncomingFile file)
    {
        if (file.Content.Length == 0)
        {
            return $"Tệp \"{file.FileName}\" rỗng.";
        }
        if (file.Content.Length > MaxBytes)
        {
            return $"Tệp \"{file.FileName}\" vượt quá dung lượng cho phép ({(MaxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MB).";
        }
        return Sniff(file.Content) is null
            ? $"Tệp \"{file.FileName}\" không đúng định dạng cho phép (PDF, JPG, PNG, DOCX) theo nội dung tệp."
            : null;
    }

    /// <summary>Writes the file and returns its record (not yet added to a context). Call <see cref="Check"/> first.</summary>
    public DossierFile Save(Dossier dossier, IncomingFile file, DossierFileKind kind, DateTimeOffset at, string? user)
    {
        var type = Sniff(file.Content) ?? throw new InvalidOperationException("Unchecked file.");
        var hash = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        var safeName = string.Concat(Path.GetFileName(file.FileName).Select(ch => Path.GetInvalidFileNameChars().Contains(ch) ? '_' : ch));
        if (safeName.Length == 0)
        {
            safeName = "tep";
        }
        var relative = Path.Combine("data", "files", dossier.AgencyId.ToString(CultureInfo.InvariantCulture),
            at.ToOffset(TimeSpan.FromHours(7)).Year.ToString(CultureInfo.InvariantCulture), dossier.Code,
            hash[..12] + "-" + safeName);
        var full = Path.Combine(env.ContentRootPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, file.Content);
        return new DossierFile
        {
            Dossier = dossier,
            AgencyId = dossier.AgencyId,
            Kind = kind,
            FileName = safeName,
            ContentType = type,
            Size = file.Content.Length,
            Sha256 = hash,
            StoragePath = relative,
            UploadedAt = at,
            UploadedBy = user,
        };
    }

    public string FullPath(DossierFile file) => Path.Combine(env.ContentRootPath, file.StoragePath);

    /// <summary>Removes files written for a save that failed.</summary>
    public void Discard(IEnumerable<DossierFile> written)
    {
        foreach (var f in written)
        {
            try
            {
                File.Delete(FullPath(f));
            }
            catch (IOException)
            {
                // A stray file is harmless; the record was never committed.
            }
        }
    }
}
