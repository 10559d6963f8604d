using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Plans;

/// <summary>The control-plan tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class PlansTables
{
    extension(AppDbContext db)
    {
        public DbSet<ControlPlan> ControlPlans => db.Set<ControlPlan>();

        public DbSet<PlanTask> PlanTasks => db.Set<PlanTask>();

        public DbSet<PlanTaskUnit> PlanTaskUnits => db.Set<PlanTaskUnit>();

        public DbSet<PlanTarget> PlanTargets => db.Set<PlanTarget>();

        public DbSet<PlanProgressNote> PlanProgressNotes => db.Set<PlanProgressNote>();

        public DbSet<EvidenceFile> EvidenceFiles => db.Set<EvidenceFile>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class PlansTableNames : IEntityTypeConfiguration<ControlPlan>, IEntityTypeConfiguration<PlanTask>, IEntityTypeConfiguration<PlanTaskUnit>, IEntityTypeConfiguration<PlanTarget>, IEntityTypeConfiguration<PlanProgressNote>, IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<ControlPlan> builder) => builder.ToTable("ControlPlans");

    public void Configure(EntityTypeBuilder<PlanTask> builder) => builder.ToTable("PlanTasks");

    public void Configure(EntityTypeBuilder<PlanTaskUnit> builder) => builder.ToTable("PlanTaskUnits");

    public void Configure(EntityTypeBuilder<PlanTarget> builder) => builder.ToTable("PlanTargets");

    public void Configure(EntityTypeBuilder<PlanProgressNote> builder) => builder.ToTable("PlanProgressNotes");

    public void Configure(EntityTypeBuilder<EvidenceFile> builder) => builder.ToTable("EvidenceFiles");
}
