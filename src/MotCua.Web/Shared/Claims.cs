using System.Security.Claims;

namespace MotCua.Web.Shared;

/// <summary>Claims added to the principal so every request knows its agency without a query.</summary>
public static class MotCuaClaims
{
    public const string AgencyId = "motcua:agency";
    public const string UnitId = "motcua:unit";
    public const string FullName = "motcua:fullname";

    /// <summary>Present while the officer still signs in with a password an administrator set (a stored user claim).</summary>
    public const string MustChangePassword = "motcua:must-change-password";

    /// <summary>Present when the account has authenticator two-factor login turned on.</summary>
    public const string TwoFactor = "motcua:2fa";
}

/// <summary>The agency, unit and name every request carries (read by every feature, so kept outside Identity).</summary>
public static class ClaimsPrincipalExtensions
{
    public static int? AgencyId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(MotCuaClaims.AgencyId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static int? UnitId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(MotCuaClaims.UnitId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(MotCuaClaims.FullName) ?? user.Identity?.Name ?? "";
}
