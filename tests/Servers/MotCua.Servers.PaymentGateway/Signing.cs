using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Servers.PaymentGateway;

/// <summary>
/// The VNPAY-style signature: HMAC-SHA512 with the merchant's secret over the vnp_ parameters sorted by name, each
/// URL-encoded as name=value and joined with '&amp;', the hash parameters themselves left out.
/// </summary>
public static class Signing
{
    public const string HashKey = "vnp_SecureHash";

    public static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key.StartsWith("vnp_", StringComparison.Ordinal) && p.Key != HashKey && p.Key != "vnp_SecureHashType" && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)));

    public static string Sign(string secret, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var mac = HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Canonical(parameters)));
        return Convert.ToHexString(mac).ToLower(CultureInfo.InvariantCulture);
    }

    public static bool Verify(string secret, IReadOnlyDictionary<string, string> parameters) =>
        parameters.TryGetValue(HashKey, out var given)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, parameters)), Encoding.ASCII.GetBytes(given.ToLower(CultureInfo.InvariantCulture)));

    /// <summary>The parameters with their signature added, as a query string.</summary>
    public static string SignedQuery(string secret, IDictionary<string, string> parameters)
    {
        parameters[HashKey] = Sign(secret, parameters);
        return string.Join('&', parameters.Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)));
    }
}
