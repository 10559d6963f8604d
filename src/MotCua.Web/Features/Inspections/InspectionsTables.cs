using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Inspections;

/// <summary>The inspection tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class InspectionsTables
{
    extension(AppDbContext db)
    {
        public DbSet<Inspection> Inspections => db.Set<Inspection>();

        public DbSet<DisciplineRecord> DisciplineRecords => db.Set<DisciplineRecord>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class InspectionsTableNames : IEntityTypeConfiguration<Inspection>, IEntityTypeConfiguration<DisciplineRecord>
{
    public void Configure(EntityTypeBuilder<Inspection> builder) => builder.ToTable("Inspections");

    public void Configure(EntityTypeBuilder<DisciplineRecord> builder) => builder.ToTable("DisciplineRecords");
}
