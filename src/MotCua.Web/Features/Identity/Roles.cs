namespace MotCua.Web.Features.Identity;

/// <summary>The five roles of the brief. Names are stable codes; <see cref="DisplayName"/> is what users read.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string OneStopOfficer = "OneStopOfficer";
    public const string Specialist = "Specialist";
    public const string Leader = "Leader";
    public const string ControlFocalOfficer = "ControlFocalOfficer";

    public static readonly IReadOnlyList<string> All = [Admin, OneStopOfficer, Specialist, Leader, ControlFocalOfficer];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        OneStopOfficer => "Cán bộ một cửa",
        Specialist => "Chuyên viên",
        Leader => "Lãnh đạo",
        ControlFocalOfficer => "Cán bộ đầu mối kiểm soát TTHC",
        _ => role,
    };
}

/// <summary>Named authorization policies; pages and endpoints name these, never raw role strings.</summary>
public static class Policies
{
    public const string Officer = "Officer";
    public const string Admin = "AdminOnly";
}

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
