using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Core.Notifications;

/// <summary>
/// Webhook signatures: <c>X-MotCua-Signature: sha256=&lt;lower-case hex HMAC-SHA256(secret, timestamp + "." + body)&gt;</c>
/// with <c>X-MotCua-Timestamp</c> = Unix seconds. Signing the timestamp with the body lets a receiver reject replays of an
/// old delivery (check the timestamp is recent) without trusting the network.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    /// <summary>The exact bytes that are signed: "{timestamp}.{body}" in UTF-8.</summary>
    public static byte[] SignedContent(long unixSeconds, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var all = new byte[head.Length + body.Length];
        head.CopyTo(all, 0);
        body.CopyTo(all.AsSpan(head.Length));
        return all;
    }

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), SignedContent(unixSeconds, body));
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// True when <paramref name="signature"/> is the signature of the body at <paramref name="unixSeconds"/> and that
    /// timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>. Compared in constant time.
    /// </summary>
    public static bool Verify(string secret, long unixSeconds, ReadOnlySpan<byte> body, string? signature, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(signature))
        {
            return false;
        }
        if (Math.Abs(now.ToUnixTimeSeconds() - unixSeconds) > tolerance.TotalSeconds)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, unixSeconds, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
