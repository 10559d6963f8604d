using MotCua.Web.Data;

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

    /// <summary>The password the demo accounts publish: the bootstrap refuses it and a Production start refuses accounts that keep it.</summary>
    public const string PublishedDemoPassword = "MotCua@2025";

    /// <summary>Creates the roles a database lacks (a new database, the bootstrap command, the demo seed).</summary>
    public static async Task EnsureAsync(Microsoft.AspNetCore.Identity.RoleManager<AppRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new AppRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                }
            }
        }
    }

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
