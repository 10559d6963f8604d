using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace MotCua.Web.Features.Reuse;

/// <summary>A document the national data store holds for a person: its own id and reference, what it is, who issued it, its validity.</summary>
public sealed record NationalDocument(string Id, string Name, string? Issuer, DateOnly IssuedOn, DateOnly? ValidFrom, DateOnly? ValidTo,
    string FileName, string? Reference);

/// <summary>
/// The national data store (kho dữ liệu của công dân): "documents held for ID number X" and the content of one of them.
/// A store that cannot be reached throws; the caller decides what the citizen sees.
/// </summary>
public interface INationalDataStore
{
    /// <summary>False when no endpoint is configured: MotCua then offers its own documents only.</summary>
    bool Configured { get; }

    Task<IReadOnlyList<NationalDocument>> DocumentsAsync(string idNumber, CancellationToken ct);

    /// <summary>The document's content, or null when the store holds no such document for <paramref name="idNumber"/>.</summary>
    Task<byte[]?> ContentAsync(string idNumber, string documentId, CancellationToken ct);
}

/// <summary>MotCua:NationalDataStore: the store's base address and the key MotCua presents [U: the store's real protocol is not published].</summary>
public sealed class NationalDataStoreOptions
{
    public const string Section = "MotCua:NationalDataStore";

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>How long the online form waits for the store before offering MotCua's own documents only.</summary>
    public int TimeoutSeconds { get; set; } = 5;
}

/// <summary>The store over HTTP: <c>GET {endpoint}/api/documents?idNumber=</c> and <c>GET {endpoint}/api/documents/{id}/content?idNumber=</c>.</summary>
public sealed class HttpNationalDataStore(HttpClient http, Microsoft.Extensions.Options.IOptions<NationalDataStoreOptions> options) : INationalDataStore
{
    private readonly NationalDataStoreOptions settings = options.Value;

    public bool Configured => Uri.TryCreate(settings.Endpoint, UriKind.Absolute, out _);

    private sealed record Item(string Id, string Name, string? Issuer, string IssuedOn, string? ValidFrom, string? ValidTo, string? FileName, string? Reference);

    public async Task<IReadOnlyList<NationalDocument>> DocumentsAsync(string idNumber, CancellationToken ct)
    {
        using var request = Request("api/documents?idNumber=" + Uri.EscapeDataString(idNumber));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var items = await response.Content.ReadFromJsonAsync<List<Item>>(ct) ?? [];
        return [.. items.Where(i => !string.IsNullOrWhiteSpace(i.Id) && !string.IsNullOrWhiteSpace(i.Name))
            .Select(i => new NationalDocument(i.Id, i.Name.Normalize(), i.Issuer, Day(i.IssuedOn) ?? DateOnly.MinValue, Day(i.ValidFrom), Day(i.ValidTo),
                string.IsNullOrWhiteSpace(i.FileName) ? "giay-to.pdf" : i.FileName, i.Reference))];
    }

    public async Task<byte[]?> ContentAsync(string idNumber, string documentId, CancellationToken ct)
    {
        using var request = Request("api/documents/" + Uri.EscapeDataString(documentId) + "/content?idNumber=" + Uri.EscapeDataString(idNumber));
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    private HttpRequestMessage Request(string relative)
    {
        var baseUri = new Uri(settings.Endpoint!.TrimEnd('/') + "/");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, relative));
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Add("X-API-Key", settings.ApiKey);
        }
        return request;
    }

    private static DateOnly? Day(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
