using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organisation;

/// <summary>The agency and unit tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class OrganisationTables
{
    extension(AppDbContext db)
    {
        public DbSet<Agency> Agencies => db.Set<Agency>();

        public DbSet<Unit> Units => db.Set<Unit>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class OrganisationTableNames : IEntityTypeConfiguration<Agency>, IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Agency> builder) => builder.ToTable("Agencies");

    public void Configure(EntityTypeBuilder<Unit> builder) => builder.ToTable("Units");
}
