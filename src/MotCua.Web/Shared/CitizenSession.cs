using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace MotCua.Web.Shared;

/// <summary>The claims of the citizen cookie, written from the verified ID token and the account row.</summary>
public static class CitizenClaims
{
    public const string AccountId = "motcua:citizen";
    public const string IdNumber = "motcua:citizen-id-number";
    public const string Name = "name";
    public const string Phone = "phone_number";
    public const string Email = "email";
    public const string Address = "motcua:citizen-address";
}

/// <summary>The logged-in citizen of a request, read from the citizen cookie only.</summary>
public sealed record Citizen(long AccountId, string IdNumber, string Name, string? Phone, string? Email, string? Address)
{
    /// <summary>The citizen's cookie scheme, never the default: officer pages do not even read it.</summary>
    public const string CookieScheme = "CongDan";

    public const string CookieName = "motcua.congdan";

    private static readonly object Key = new();

    /// <summary>The citizen of this request, or null; the cookie is read once per request.</summary>
    public static async Task<Citizen?> CurrentAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(Key, out var cached))
        {
            return cached as Citizen;
        }
        Citizen? citizen = null;
        if (http.Request.Cookies.ContainsKey(CookieName))
        {
            var result = await http.AuthenticateAsync(CookieScheme);
            citizen = result.Succeeded ? From(result.Principal) : null;
        }
        http.Items[Key] = citizen;
        return citizen;
    }

    private static Citizen? From(ClaimsPrincipal p) =>
        long.TryParse(p.FindFirstValue(CitizenClaims.AccountId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && p.FindFirstValue(CitizenClaims.IdNumber) is { Length: > 0 } number
            ? new Citizen(id, number, p.FindFirstValue(CitizenClaims.Name) ?? "", p.FindFirstValue(CitizenClaims.Phone),
                p.FindFirstValue(CitizenClaims.Email), p.FindFirstValue(CitizenClaims.Address))
            : null;
}

/// <summary>MotCua:VNeID settings; without an authority, client id and secret no login is offered.</summary>
public sealed class VNeIDOptions
{
    public string? Authority { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>The ID token claim that carries the personal identification number [U: VNeID's claim name is not published; configurable].</summary>
    public string IdNumberClaim { get; init; } = "so_dinh_danh";

    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "profile", "email", "phone", "address"];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public static VNeIDOptions From(IConfiguration config)
    {
        var s = config.GetSection("MotCua:VNeID");
        var scopes = s.GetSection("Scopes").Get<string[]>();
        return new VNeIDOptions
        {
            Authority = s["Authority"],
            ClientId = s["ClientId"],
            ClientSecret = s["ClientSecret"],
            IdNumberClaim = s["IdNumberClaim"] is { Length: > 0 } claim ? claim : "so_dinh_danh",
            Scopes = scopes is { Length: > 0 } ? scopes : ["openid", "profile", "email", "phone", "address"],
        };
    }
}
