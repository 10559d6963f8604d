using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The dossier tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class DossiersTables
{
    extension(AppDbContext db)
    {
        public DbSet<Dossier> Dossiers => db.Set<Dossier>();

        public DbSet<DossierPaper> DossierPapers => db.Set<DossierPaper>();

        public DbSet<DossierFile> DossierFiles => db.Set<DossierFile>();

        public DbSet<DossierEvent> DossierEvents => db.Set<DossierEvent>();

        public DbSet<DossierStepAssignment> DossierStepAssignments => db.Set<DossierStepAssignment>();

        public DbSet<DossierForm> DossierForms => db.Set<DossierForm>();

        public DbSet<DossierApology> DossierApologies => db.Set<DossierApology>();

        public DbSet<DossierExplanation> DossierExplanations => db.Set<DossierExplanation>();

        public DbSet<DossierIdempotencyKey> DossierIdempotencyKeys => db.Set<DossierIdempotencyKey>();

        public DbSet<DossierCodeCounter> DossierCodeCounters => db.Set<DossierCodeCounter>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class DossiersTableNames : IEntityTypeConfiguration<Dossier>, IEntityTypeConfiguration<DossierPaper>, IEntityTypeConfiguration<DossierFile>, IEntityTypeConfiguration<DossierEvent>, IEntityTypeConfiguration<DossierStepAssignment>, IEntityTypeConfiguration<DossierForm>, IEntityTypeConfiguration<DossierApology>, IEntityTypeConfiguration<DossierExplanation>, IEntityTypeConfiguration<DossierIdempotencyKey>, IEntityTypeConfiguration<DossierCodeCounter>
{
    public void Configure(EntityTypeBuilder<Dossier> builder) => builder.ToTable("Dossiers");

    public void Configure(EntityTypeBuilder<DossierPaper> builder) => builder.ToTable("DossierPapers");

    public void Configure(EntityTypeBuilder<DossierFile> builder) => builder.ToTable("DossierFiles");

    public void Configure(EntityTypeBuilder<DossierEvent> builder) => builder.ToTable("DossierEvents");

    public void Configure(EntityTypeBuilder<DossierStepAssignment> builder) => builder.ToTable("DossierStepAssignments");

    public void Configure(EntityTypeBuilder<DossierForm> builder) => builder.ToTable("DossierForms");

    public void Configure(EntityTypeBuilder<DossierApology> builder) => builder.ToTable("DossierApologies");

    public void Configure(EntityTypeBuilder<DossierExplanation> builder) => builder.ToTable("DossierExplanations");

    public void Configure(EntityTypeBuilder<DossierIdempotencyKey> builder) => builder.ToTable("DossierIdempotencyKeys");

    public void Configure(EntityTypeBuilder<DossierCodeCounter> builder) => builder.ToTable("DossierCodeCounters");
}
