using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

// A stand-in for VNeID: a real OpenID Connect provider (OpenIddict) with one confidential client taken from
// configuration, the authorization code flow with PKCE, and a plain page where the tester picks a person.
var builder = WebApplication.CreateBuilder(args);
var client = ClientSettings.From(builder.Configuration);
var people = Person.From(builder.Configuration);
var idNumberClaim = builder.Configuration["IdNumberClaim"] ?? "so_dinh_danh";
var issued = new ConcurrentQueue<IssuedLogin>();

builder.Services.AddOpenIddict()
    .AddServer(o =>
    {
        o.SetAuthorizationEndpointUris("connect/authorize")
            .SetTokenEndpointUris("connect/token")
            .SetEndSessionEndpointUris("connect/logout");
        o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
        o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.Address);
        o.RegisterClaims(Claims.Name, Claims.Email, Claims.PhoneNumber, Claims.Birthdate, Claims.Address, idNumberClaim);
        o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
        o.DisableAccessTokenEncryption();
        if (builder.Configuration["Issuer"] is { Length: > 0 } issuer)
        {
            o.SetIssuer(new Uri(issuer));
        }
        // No application store: the one client is checked here against its configuration (and /sim/client).
        o.EnableDegradedMode();
        o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(ctx =>
        {
            if (!string.Equals(ctx.ClientId, client.Id, StringComparison.Ordinal))
            {
                ctx.Reject(Errors.InvalidClient, "Unknown client.");
            }
            else if (!string.Equals(ctx.RedirectUri, client.RedirectUri, StringComparison.Ordinal))
            {
                ctx.Reject(Errors.InvalidRequest, "Unregistered redirect_uri.");
            }
            return default;
        }));
        o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(h => h.UseInlineHandler(ctx =>
        {
            if (!string.Equals(ctx.ClientId, client.Id, StringComparison.Ordinal)
                || !string.Equals(ctx.ClientSecret, client.Secret, StringComparison.Ordinal))
            {
                ctx.Reject(Errors.InvalidClient, "Invalid client credentials.");
            }
            return default;
        }));
        o.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(h => h.UseInlineHandler(ctx =>
        {
            if (ctx.PostLogoutRedirectUri is { } uri && !string.Equals(uri, client.PostLogoutRedirectUri, StringComparison.Ordinal))
            {
                ctx.Reject(Errors.InvalidRequest, "Unregistered post_logout_redirect_uri.");
            }
            return default;
        }));
        o.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableEndSessionEndpointPassthrough()
            .DisableTransportSecurityRequirement();
    });

var app = builder.Build();

app.MapGet("/health", () => Results.Ok("ok"));

app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext http) =>
{
    var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
    var chosen = (string?)request.GetParameter("nguoi");
    if (chosen is null || people.FirstOrDefault(p => string.Equals(p.IdNumber, chosen, StringComparison.Ordinal)) is not { } person)
    {
        return Results.Content(LoginPage(request, people), "text/html; charset=utf-8");
    }
    var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
    identity.SetClaim(Claims.Subject, person.Subject)
        .SetClaim(Claims.Name, person.Name)
        .SetClaim(idNumberClaim, person.IdNumber)
        .SetClaim(Claims.PhoneNumber, person.Phone)
        .SetClaim(Claims.Email, person.Email)
        .SetClaim(Claims.Birthdate, person.BirthDate)
        .SetClaim(Claims.Address, JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["formatted"] = person.Address }));
    identity.SetScopes(request.GetScopes());
    identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
    issued.Enqueue(new IssuedLogin(person.Subject, person.IdNumber, request.ClientId));
    return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
});

app.MapMethods("/connect/logout", ["GET", "POST"], () =>
    Results.SignOut(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = client.PostLogoutRedirectUri ?? "/" },
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));

// Control endpoints for the tests: the people offered, the logins issued, and the client's registration.
app.MapGet("/sim/identities", () => people);
app.MapGet("/sim/logins", () => issued.ToArray());
app.MapPost("/sim/client", (ClientSettings changed) =>
{
    client.Id = changed.Id;
    client.Secret = changed.Secret;
    client.RedirectUri = changed.RedirectUri;
    client.PostLogoutRedirectUri = changed.PostLogoutRedirectUri;
    return Results.NoContent();
});

app.Run();

static string LoginPage(OpenIddictRequest request, IReadOnlyList<Person> people)
{
    var hidden = new StringBuilder();
    foreach (var (name, value) in request.GetParameters())
    {
        if (!string.Equals(name, "nguoi", StringComparison.Ordinal))
        {
            hidden.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode((string?)value)}\" />");
        }
    }
    var rows = new StringBuilder();
    foreach (var p in people)
    {
        rows.Append(CultureInfo.InvariantCulture,
            $"<li><form method=\"post\" action=\"/connect/authorize\">{hidden}<input type=\"hidden\" name=\"nguoi\" value=\"{WebUtility.HtmlEncode(p.IdNumber)}\" />"
            + $"<button type=\"submit\" data-id-number=\"{WebUtility.HtmlEncode(p.IdNumber)}\">{WebUtility.HtmlEncode(p.Name)} – {WebUtility.HtmlEncode(p.IdNumber)}</button></form></li>");
    }
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        + "<title>VNeID (máy chủ thử nghiệm)</title></head><body><main><h1>Đăng nhập VNeID (máy chủ thử nghiệm)</h1>"
        + "<p>Chọn người đăng nhập:</p><ul>" + rows + "</ul></main></body></html>";
}

/// <summary>The one client this provider knows; the tests may register another redirect URI at run time.</summary>
internal sealed class ClientSettings
{
    public string Id { get; set; } = "motcua";

    public string Secret { get; set; } = "motcua-secret";

    public string RedirectUri { get; set; } = "http://localhost/cong-dan/vneid/callback";

    public string? PostLogoutRedirectUri { get; set; }

    public static ClientSettings From(IConfiguration config) => config.GetSection("Client").Get<ClientSettings>() ?? new ClientSettings();
}

/// <summary>A person the login page offers: the level-2 identity's claims.</summary>
internal sealed record Person(string Subject, string Name, string IdNumber, string Phone, string Email, string BirthDate, string Address)
{
    public static IReadOnlyList<Person> From(IConfiguration config)
    {
        var configured = config.GetSection("Identities").Get<List<Person>>();
        return configured is { Count: > 0 }
            ?
            configured
            :
            [
                new("vneid-001", "Nguyễn Thị Thanh Hương", "079185003421", "0905318274", "huong.nguyen@example.vn", "1985-04-12", "12 Lê Lợi, phường Sài Gòn, TP Hồ Chí Minh"),
                new("vneid-002", "Trần Văn Bình", "052090017736", "0935471826", "binh.tran@example.vn", "1990-09-03", "45 Trần Phú, phường Quy Nhơn, Gia Lai"),
                new("vneid-003", "Lê Hoàng Nam", "001203009158", "0978264153", "nam.le@example.vn", "2003-01-27", "8 Hàng Bài, phường Hoàn Kiếm, Hà Nội"),
            ];
    }
}

internal sealed record IssuedLogin(string Subject, string IdNumber, string? ClientId);
