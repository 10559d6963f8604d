using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.CitizenAccounts;

/// <summary>
/// A citizen who logged in with VNeID (tài khoản định danh điện tử mức 2): the provider's subject, the verified personal
/// identification number and the contacts the identity carried at the last login.
/// </summary>
public sealed class CitizenAccount
{
    public long Id { get; set; }

    /// <summary>The identity provider's stable subject (sub) for this person.</summary>
    public required string Subject { get; set; }

    /// <summary>Số định danh cá nhân (12 digits), as verified by the identity provider.</summary>
    public required string IdNumber { get; set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public DateTimeOffset FirstLoginAt { get; set; }

    public DateTimeOffset LastLoginAt { get; set; }
}

internal sealed class CitizenAccountConfiguration : IEntityTypeConfiguration<CitizenAccount>
{
    public void Configure(EntityTypeBuilder<CitizenAccount> b)
    {
        b.ToTable("CitizenAccounts");
        b.HasIndex(a => a.Subject).IsUnique();
        b.HasIndex(a => a.IdNumber);
        b.Property(a => a.Subject).HasMaxLength(200);
        b.Property(a => a.IdNumber).HasMaxLength(32);
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.Phone).HasMaxLength(32);
        b.Property(a => a.Email).HasMaxLength(200);
        b.Property(a => a.Address).HasMaxLength(500);
        b.HasMany<OnlineDraft>().WithOne().HasForeignKey(d => d.CitizenAccountId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }
}

public static class CitizenAccountsTables
{
    extension(AppDbContext db)
    {
        public DbSet<CitizenAccount> CitizenAccounts => db.Set<CitizenAccount>();
    }
}
