using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Identity;

/// <summary>An officer account (cán bộ, công chức). Citizens do not log in here.</summary>
public sealed class AppUser : IdentityUser
{
    public required string FullName { get; set; }

    /// <summary>Chức vụ, e.g. "Chuyên viên", "Phó Giám đốc".</summary>
    public string? Position { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

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

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200);
        b.Property(u => u.Position).HasMaxLength(200);
        b.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
