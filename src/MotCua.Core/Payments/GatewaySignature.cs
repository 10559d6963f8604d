using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Core.Payments;

/// <summary>
/// The payment gateway's message signature (VNPAY 2.1.0 style): HMAC-SHA512 with the merchant's secret over the
/// <c>vnp_</c> parameters sorted by name, each URL-encoded as name=value and joined with '&amp;', the hash itself left out.
/// </summary>
public static class GatewaySignature
{
    public const string HashKey = "vnp_SecureHash";

    public static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key.StartsWith("vnp_", StringComparison.Ordinal) && p.Key != HashKey && p.Key != "vnp_SecureHashType" && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)));

    public static string Sign(string secret, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Canonical(parameters)));
        return Convert.ToHexString(mac).ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the message carries the signature its parameters and the secret give (compared in constant time).</summary>
    public static bool Verify(string secret, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.TryGetValue(HashKey, out var given) && given.Length == 128
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, parameters)), Encoding.ASCII.GetBytes(given.ToLower(CultureInfo.InvariantCulture)));
    }

    /// <summary>The parameters with their signature, as a query string.</summary>
    public static string SignedQuery(string secret, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var all = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Append(new(HashKey, Sign(secret, parameters)));
        return string.Join('&', all.Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)));
    }
}
