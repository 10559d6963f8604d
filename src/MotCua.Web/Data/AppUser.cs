using Microsoft.AspNetCore.Identity;

namespace MotCua.Web.Data;

// The identity store's types: the context derives from IdentityDbContext over them, so they live with it; the Identity
// feature configures their relations to the organisation (AppUserConfiguration).

/// <summary>An officer account (cán bộ, công chức). Citizens do not log in here.</summary>
public sealed class AppUser : IdentityUser
{
    public required string FullName { get; set; }

    /// <summary>Chức vụ, e.g. "Chuyên viên", "Phó Giám đốc".</summary>
    public string? Position { get; set; }

    public int AgencyId { get; set; }

    public int? UnitId { get; set; }

    public bool IsActive { get; set; } = true;
}

public sealed class AppRole : IdentityRole
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
    }
}
