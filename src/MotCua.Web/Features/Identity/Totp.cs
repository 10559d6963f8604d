using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// Time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) as authenticator apps compute them,
/// read against the injected <see cref="TimeProvider"/> like every other clock in the app.
/// </summary>
public static class Totp
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static string Code(byte[] key, DateTimeOffset at) => Code(key, at.ToUnixTimeSeconds() / (long)Step.TotalSeconds);

    /// <summary>True when <paramref name="code"/> is the code of the current step or of the one before or after (clock drift).</summary>
    public static bool Matches(byte[] key, string code, DateTimeOffset now)
    {
        var step = now.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        var ok = false;
        for (var drift = -1; drift <= 1; drift++)
        {
            ok |= CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Code(key, step + drift)),
                System.Text.Encoding.ASCII.GetBytes(code));
        }
        return ok;
    }

    private static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1; HMAC keeps it sound.
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes the Base32 key Identity stores (RFC 4648 alphabet, spaces and padding ignored).</summary>
    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }

    /// <summary>Identity's authenticator provider, checking codes against the app's clock.</summary>
    internal sealed class TokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
    {
        public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
            !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

        // The code comes from the officer's app, never from the server.
        public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

        public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
        {
            var key = await manager.GetAuthenticatorKeyAsync(user);
            var code = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            return key is not null && code.Length == 6 && code.All(char.IsAsciiDigit) && Matches(FromBase32(key), code, time.GetUtcNow());
        }
    }
}
