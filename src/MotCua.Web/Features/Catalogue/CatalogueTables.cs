using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Catalogue;

/// <summary>The catalogue tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class CatalogueTables
{
    extension(AppDbContext db)
    {
        public DbSet<Field> CatalogueFields => db.Set<Field>();

        public DbSet<Procedure> Procedures => db.Set<Procedure>();

        public DbSet<ProcedureVersion> ProcedureVersions => db.Set<ProcedureVersion>();

        public DbSet<PublicationDecision> PublicationDecisions => db.Set<PublicationDecision>();

        public DbSet<InternalProcess> InternalProcesses => db.Set<InternalProcess>();

        public DbSet<CatalogueSettings> CatalogueSettings => db.Set<CatalogueSettings>();

        public DbSet<ProcedureTemplateFile> ProcedureTemplateFiles => db.Set<ProcedureTemplateFile>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class CatalogueTableNames : IEntityTypeConfiguration<Field>, IEntityTypeConfiguration<Procedure>, IEntityTypeConfiguration<ProcedureVersion>, IEntityTypeConfiguration<PublicationDecision>, IEntityTypeConfiguration<InternalProcess>, IEntityTypeConfiguration<CatalogueSettings>
{
    public void Configure(EntityTypeBuilder<Field> builder) => builder.ToTable("CatalogueFields");

    public void Configure(EntityTypeBuilder<Procedure> builder) => builder.ToTable("Procedures");

    public void Configure(EntityTypeBuilder<ProcedureVersion> builder) => builder.ToTable("ProcedureVersions");

    public void Configure(EntityTypeBuilder<PublicationDecision> builder) => builder.ToTable("PublicationDecisions");

    public void Configure(EntityTypeBuilder<InternalProcess> builder) => builder.ToTable("InternalProcesses");

    public void Configure(EntityTypeBuilder<CatalogueSettings> builder) => builder.ToTable("CatalogueSettings");
}
