namespace MotCua.Web.Shared;

/// <summary>
/// The one place absolute addresses for citizens are built (the receipt's QR code and link, messages, look-up and
/// draft links), from <c>MotCua:PublicBaseUrl</c> (older deployments: <c>MotCua:Notifications:PublicBaseUrl</c>).
/// A request's <c>Host</c> header is chosen by whoever sends it, so it never decides where a printed QR code points:
/// only in Development, with no setting, is the request's address used; elsewhere an unset base gives a path only
/// (and a start-up warning, <see cref="Security.StartupWarnings"/>).
/// </summary>
public sealed class PublicUrls
{
    public const string Key = "MotCua:PublicBaseUrl";
    public const string LegacyKey = "MotCua:Notifications:PublicBaseUrl";

    private readonly string? baseUrl;
    private readonly bool fromRequest;

    public PublicUrls(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        baseUrl = Parse(configuration);
        fromRequest = baseUrl is null && environment.IsDevelopment();
    }

    /// <summary>The configured base without a trailing slash, or null.</summary>
    public string? BaseUrl => baseUrl;

    /// <summary>
    /// The configured base, validated: an absolute http(s) URL without query, fragment or user info. A malformed value
    /// stops start-up rather than printing broken links on every receipt.
    /// </summary>
    public static string? Parse(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = string.IsNullOrWhiteSpace(configuration[Key]) ? LegacyKey : Key;
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{key} must be an absolute http(s) URL such as https://dichvucong.example.gov.vn (got \"{value}\").");
        }
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>An absolute URL for an application path ("/tra-cuu/…"); a path only when no base is known.</summary>
    public string Absolute(string path, HttpRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (baseUrl is not null)
        {
            return baseUrl + path;
        }
        return fromRequest && request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}{path}" : path;
    }

    /// <summary>The public look-up page of a dossier: the receipt's QR code and the link in citizen messages.</summary>
    public string Lookup(string dossierCode, HttpRequest? request = null) =>
        Absolute("/tra-cuu/" + Uri.EscapeDataString(dossierCode), request);
}
