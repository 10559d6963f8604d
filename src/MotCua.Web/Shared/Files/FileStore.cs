using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace MotCua.Web.Shared.Files;

/// <summary>An upload before it is stored.</summary>
public sealed record IncomingFile(string FileName, byte[] Content);

/// <summary>What was written: the record a feature keeps (path relative to the content root, never served directly).</summary>
public sealed record StoredFile(string FileName, string ContentType, long Size, string Sha256, string StoragePath);

/// <summary>
/// The one place uploads are checked and written: the type is decided by the content (magic bytes), never by the name
/// or the browser's content type (PDF, JPG, PNG, DOCX); every file gets a SHA-256; files live outside the web root
/// under <c>MotCua:Files:Root</c> (default <c>data/files</c> in the content root) and no stored path can leave it.
/// Dossier files, PAKN attachments, online-submission drafts and plan evidence all go through here.
/// </summary>
public sealed class FileStore(IConfiguration config, IHostEnvironment env)
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public long MaxBytes => config.GetValue<long?>("MotCua:Files:MaxBytes") ?? 20L * 1024 * 1024;

    private string ContentRoot => Path.GetFullPath(env.ContentRootPath);

    /// <summary>The storage root (absolute).</summary>
    public string Root => Path.GetFullPath(config["MotCua:Files:Root"] ?? Path.Combine("data", "files"), ContentRoot);

    /// <summary>The content type by magic bytes, or null for anything not accepted.</summary>
    public static string? Sniff(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
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
            return DocxType;
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
        ArgumentNullException.ThrowIfNull(file);
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

    /// <summary>The name without directories or characters a file system refuses; "tep" when nothing is left.</summary>
    public static string SafeName(string? fileName)
    {
        var name = string.Concat(Path.GetFileName(fileName ?? "").Select(ch => Path.GetInvalidFileNameChars().Contains(ch) ? '_' : ch)).Trim();
        if (name.Length > 150)
        {
            name = name[^150..];
        }
        return name.Length == 0 || name is "." or ".." ? "tep" : name;
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Writes a checked file under <c>{root}/{folder…}/{hash12}-{name}</c> and returns its record. Folder segments are
    /// made safe too, so a code or id cannot walk out of the root. Call <see cref="Check"/> first.
    /// </summary>
    public StoredFile Save(IncomingFile file, params string[] folder)
    {
        ArgumentNullException.ThrowIfNull(file);
        var type = Sniff(file.Content) ?? throw new InvalidOperationException("Unchecked file.");
        var hash = Sha256(file.Content);
        var name = SafeName(file.FileName);
        var full = Path.Combine([Root, .. folder.Select(SafeName), hash[..12] + "-" + name]);
        if (!IsInside(full, Root))
        {
            throw new InvalidOperationException("A stored file path must stay inside the storage root.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, file.Content);
        return new StoredFile(name, type, file.Content.Length, hash, Path.GetRelativePath(ContentRoot, full));
    }

    /// <summary>The absolute path of a stored file; refuses a path that points outside the content root.</summary>
    public string FullPath(string storagePath)
    {
        var full = Path.GetFullPath(storagePath, ContentRoot);
        if (!IsInside(full, Root))
        {
            EnsureInside(full);
        }
        return full;
    }

    /// <summary>Reads a stored file back, or null when it is gone.</summary>
    public byte[]? Read(string storagePath)
    {
        var full = FullPath(storagePath);
        return File.Exists(full) ? File.ReadAllBytes(full) : null;
    }

    /// <summary>Removes files written for a save that failed, or whose record was deleted.</summary>
    public void Discard(IEnumerable<string> storagePaths)
    {
        foreach (var p in storagePaths)
        {
            try
            {
                File.Delete(FullPath(p));
            }
            catch (IOException)
            {
                // A stray file is harmless: no record points at it and nothing serves it.
            }
        }
    }

    /// <summary>
    /// Streams content to <c>{root}/{area}/ab/abcdef…</c>, named by its SHA-256 so the same file is stored once
    /// (plan evidence). The type is not checked here: the caller decides what it accepts.
    /// </summary>
    public async Task<(string Sha256, long Size)> SaveByHashAsync(string area, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
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
        var target = PathByHash(area, hash);
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

    public Stream? OpenByHash(string area, string sha256) => File.Exists(PathByHash(area, sha256)) ? File.OpenRead(PathByHash(area, sha256)) : null;

    private string PathByHash(string area, string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("Not a SHA-256 hex string.", nameof(sha256));
        }
        return Path.Combine(Root, SafeName(area), sha256[..2], sha256);
    }

    private static bool IsInside(string full, string folder) =>
        full.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private void EnsureInside(string full)
    {
        if (!IsInside(full, Root) && !IsInside(full, ContentRoot))
        {
            throw new InvalidOperationException("A stored file path must stay inside the storage root.");
        }
    }
}
