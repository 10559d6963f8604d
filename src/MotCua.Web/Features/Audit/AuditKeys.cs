using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// The secret that tells the application's own audit rows and checkpoints from rows written into the table by anyone
/// else: every entry carries an HMAC-SHA256 of its fields (with a random nonce, so two identical entries differ) and
/// every checkpoint an HMAC of the chain head it anchors. The key lives in configuration (<c>MotCua:Audit:Key</c>),
/// never in the database, so write access to the database is not enough to forge either.
/// Keys are named by an id derived from them; <c>MotCua:Audit:RetiredKeys</c> keeps earlier keys for verification.
/// </summary>
public sealed class AuditKeys
{
    public const string KeySetting = "MotCua:Audit:Key";
    public const string RetiredKeysSetting = "MotCua:Audit:RetiredKeys";
    public const int MinimumKeyBytes = 32;

    private readonly byte[] current;
    private readonly Dictionary<string, byte[]> byId = new(StringComparer.Ordinal);

    public AuditKeys(byte[] key, IEnumerable<byte[]>? retired = null)
    {
        current = key;
        CurrentKeyId = KeyId(key);
        byId[CurrentKeyId] = key;
        foreach (var old in retired ?? [])
        {
            byId.TryAdd(KeyId(old), old);
        }
    }

    /// <summary>Short public name of the current key, written into every MAC so a rotated key can still be found.</summary>
    public string CurrentKeyId { get; }

    public enum Check
    {
        Valid,
        Missing,
        UnknownKey,
        Wrong,
    }

    /// <summary>Fills <see cref="AuditEntry.Mac"/> for a new entry; its instant is first cut to what PostgreSQL keeps.</summary>
    public void Authenticate(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.At = Microseconds(entry.At);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        entry.Mac = $"{CurrentKeyId}.{nonce}.{Hmac(current, EntryText(entry, nonce))}";
    }

    public Check Verify(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrEmpty(entry.Mac))
        {
            return Check.Missing;
        }
        var parts = entry.Mac.Split('.');
        if (parts.Length != 3)
        {
            return Check.Wrong;
        }
        if (!byId.TryGetValue(parts[0], out var key))
        {
            return Check.UnknownKey;
        }
        return Equal(Hmac(key, EntryText(entry, parts[1])), parts[2]) ? Check.Valid : Check.Wrong;
    }

    /// <summary>Fills <see cref="AuditCheckpoint.Mac"/>.</summary>
    public void Sign(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        checkpoint.At = Microseconds(checkpoint.At);
        checkpoint.Mac = $"{CurrentKeyId}.{Hmac(current, CheckpointText(checkpoint))}";
    }

    public Check Verify(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (string.IsNullOrEmpty(checkpoint.Mac))
        {
            return Check.Missing;
        }
        var parts = checkpoint.Mac.Split('.');
        if (parts.Length != 2)
        {
            return Check.Wrong;
        }
        if (!byId.TryGetValue(parts[0], out var key))
        {
            return Check.UnknownKey;
        }
        return Equal(Hmac(key, CheckpointText(checkpoint)), parts[1]) ? Check.Valid : Check.Wrong;
    }

    /// <summary>What a person reads about a failed check, in Vietnamese.</summary>
    public static string Describe(Check check) => check switch
    {
        Check.Valid => "hợp lệ",
        Check.Missing => "không có mã xác thực của ứng dụng",
        Check.UnknownKey => "mã xác thực được tạo bằng một khóa không có trong cấu hình",
        Check.Wrong => "mã xác thực không khớp với nội dung",
    };

    /// <summary>
    /// The keys from configuration. Without <see cref="KeySetting"/> a production host refuses to start; any other
    /// environment uses (and on first start creates) <paramref name="developmentKeyFile"/>, outside the database.
    /// </summary>
    public static AuditKeys Load(IConfiguration configuration, bool production, string developmentKeyFile, ILogger? log)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var retired = configuration.GetSection(RetiredKeysSetting).GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => Parse(c.Value!, c.Path)).ToList();
        if (configuration[KeySetting] is { Length: > 0 } configured)
        {
            return new AuditKeys(Parse(configured, KeySetting), retired);
        }
        if (production)
        {
            throw new InvalidOperationException(
                $"{KeySetting} is required in Production: {MinimumKeyBytes} random bytes in base64 (openssl rand -base64 32), the same on every " +
                "instance and kept outside the database. It authenticates the audit log; see SECURITY.md.");
        }
        var key = DevelopmentKey(developmentKeyFile);
        log?.LogWarning(
            "{Setting} is not set: the audit log is authenticated with the development key in {File}. Anyone who can read that file can forge " +
            "audit entries. Production refuses to start without {Setting}.", KeySetting, developmentKeyFile, KeySetting);
        return new AuditKeys(key, retired);
    }

    /// <summary>Checks the configured keys without loading anything else, so a bad setting stops the host at start.</summary>
    public static void Validate(IConfiguration configuration, bool production)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[KeySetting] is { Length: > 0 } configured)
        {
            Parse(configured, KeySetting);
        }
        else if (production)
        {
            Load(configuration, production, "", null);
        }
        foreach (var c in configuration.GetSection(RetiredKeysSetting).GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            Parse(c.Value!, c.Path);
        }
    }

    private static byte[] DevelopmentKey(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var writer = new StreamWriter(file, Encoding.ASCII, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes)));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another instance on this machine created it first: use theirs.
            }
        }
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(file).Trim();
            if (text.Length > 0 || attempt == 20)
            {
                return Parse(text, file);
            }
            Thread.Sleep(50); // the other instance is still writing it
        }
    }

    private static byte[] Parse(string value, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} is not base64: it must hold {MinimumKeyBytes} or more random bytes in base64 (openssl rand -base64 32).");
        }
        return key.Length >= MinimumKeyBytes
            ? key
            : throw new InvalidOperationException($"{source} holds {key.Length} bytes: it must hold {MinimumKeyBytes} or more random bytes in base64 (openssl rand -base64 32).");
    }

    private static string KeyId(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, "motcua-audit-key-id"u8))[..8];

    private static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    private static string EntryText(AuditEntry e, string nonce) => Fields(
        "entry",
        nonce,
        e.AgencyId?.ToString(CultureInfo.InvariantCulture),
        (e.At.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        e.UserId,
        e.UserName,
        e.Action,
        e.EntityType,
        e.EntityId,
        e.Summary,
        e.Data);

    private static string CheckpointText(AuditCheckpoint c) => Fields(
        "checkpoint",
        (c.At.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        c.LastEntryId.ToString(CultureInfo.InvariantCulture),
        c.LastHash,
        c.Count.ToString(CultureInfo.InvariantCulture),
        c.LegacyUpToId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Length-prefixed, so no choice of field contents can make two different rows read alike.</summary>
    private static string Fields(params string?[] values)
    {
        var text = new StringBuilder();
        foreach (var v in values)
        {
            text.Append(v is null ? "-1" : v.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(v).Append(';');
        }
        return text.ToString();
    }

    private static string Hmac(byte[] key, string text) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));

    private static bool Equal(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
}
