using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Core.Postal;

namespace MotCua.Web.Features.Postal;

/// <summary>MotCua:Postal: where the postal carrier's API is and the keys of the agency's account there; off while Url is unset.</summary>
public sealed class PostalOptions
{
    public const string Section = "MotCua:Postal";

    /// <summary>The carrier's API base address (orders under api/orders).</summary>
    public Uri? Url { get; set; }

    /// <summary>The API key the carrier issued to the agency (header X-Api-Key).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The shared secret the carrier signs its tracking callbacks with (HMAC-SHA256 of the body, header X-Signature).</summary>
    public string CallbackSecret { get; set; } = "";

    /// <summary>How often the sweep looks for orders whose status has not moved (0 turns it off).</summary>
    public double SweepMinutes { get; set; } = 30;

    /// <summary>How long an order may keep a status that is not final before the sweep asks the carrier about it.</summary>
    public double QueryAfterHours { get; set; } = 4;

    public bool Enabled => Url is not null && ApiKey.Length > 0 && CallbackSecret.Length > 0;
}

/// <summary>A pickup order as MotCua sends it.</summary>
public sealed record PickupRequest(string Reference, PostalDirection Direction, string RecipientName, string Address, string? Phone, string? Note);

/// <summary>The carrier's word on an order: its waybill, status and the instant of that status.</summary>
public sealed record CarrierReport(string Waybill, PostalStatus Status, DateTimeOffset At);

/// <summary>The carrier could not be reached or refused the call; nothing was ordered.</summary>
public sealed class CarrierUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The adapter to the public postal carrier: place a pickup order, ask an order's status, and verify a tracking callback.
/// One interface, so another carrier is another class behind the same calls.
/// </summary>
public interface IPostalCarrier
{
    bool Enabled { get; }

    /// <summary>Places the order (the carrier answers the same waybill for the same reference); throws <see cref="CarrierUnavailableException"/>.</summary>
    Task<CarrierReport> OrderAsync(PickupRequest request, CancellationToken ct);

    /// <summary>The order's status now; throws <see cref="CarrierUnavailableException"/>.</summary>
    Task<CarrierReport> StatusAsync(string waybill, CancellationToken ct);

    /// <summary>The report a callback makes, or null when its signature does not hold or it cannot be read.</summary>
    CarrierReport? ReadCallback(string body, string? signature);
}

/// <summary>The carrier's HTTP API: JSON orders authenticated by an API key, callbacks signed with HMAC-SHA256.</summary>
public sealed class PostalCarrierClient(HttpClient http, IOptions<PostalOptions> options) : IPostalCarrier
{
    private PostalOptions Options => options.Value;

    public bool Enabled => Options.Enabled;

    public async Task<CarrierReport> OrderAsync(PickupRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new
        {
            request.Reference,
            Kind = request.Direction == PostalDirection.ResultDelivery ? "delivery" : "pickup",
            request.RecipientName,
            request.Address,
            request.Phone,
            request.Note,
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Url!, "api/orders")) { Content = JsonContent.Create(body) };
        return await SendAsync(message, ct);
    }

    public async Task<CarrierReport> StatusAsync(string waybill, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(Options.Url!, "api/orders/" + Uri.EscapeDataString(waybill)));
        return await SendAsync(message, ct);
    }

    public CarrierReport? ReadCallback(string body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Enabled || string.IsNullOrEmpty(signature))
        {
            return null;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Options.CallbackSecret), Encoding.UTF8.GetBytes(body));
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return null;
        }
        return CryptographicOperations.FixedTimeEquals(expected, given) ? Parse(body) : null;
    }

    private async Task<CarrierReport> SendAsync(HttpRequestMessage message, CancellationToken ct)
    {
        message.Headers.Add("X-Api-Key", Options.ApiKey);
        try
        {
            using var response = await http.SendAsync(message, ct);
            var raw = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new CarrierUnavailableException($"The carrier answered {(int)response.StatusCode}: {raw}");
            }
            return Parse(raw) ?? throw new CarrierUnavailableException("The carrier's answer could not be read: " + raw);
        }
        catch (HttpRequestException e)
        {
            throw new CarrierUnavailableException("The carrier could not be reached.", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new CarrierUnavailableException("The carrier did not answer in time.", e);
        }
    }

    private sealed record Wire(string? Waybill, string? Status, DateTimeOffset? At);

    private static CarrierReport? Parse(string json)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
        return wire is { Waybill: { Length: > 0 } waybill, At: { } at } && StatusOf(wire.Status) is { } status ? new CarrierReport(waybill, status, at) : null;
    }

    /// <summary>The carrier's status codes.</summary>
    public static PostalStatus? StatusOf(string? code) => code switch
    {
        "ordered" => PostalStatus.Ordered,
        "accepted" => PostalStatus.Accepted,
        "in_transit" => PostalStatus.InTransit,
        "delivered" => PostalStatus.Delivered,
        "returned" => PostalStatus.Returned,
        _ => null,
    };
}
