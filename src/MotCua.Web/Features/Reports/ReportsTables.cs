using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Reports;

/// <summary>The report roll-up tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class ReportsTables
{
    extension(AppDbContext db)
    {
        public DbSet<ReportDayCount> ReportDayCounts => db.Set<ReportDayCount>();

        public DbSet<ReportMonthCount> ReportMonthCounts => db.Set<ReportMonthCount>();

        public DbSet<ReportDossier> ReportDossiers => db.Set<ReportDossier>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class ReportsTableNames : IEntityTypeConfiguration<ReportDayCount>, IEntityTypeConfiguration<ReportMonthCount>
{
    public void Configure(EntityTypeBuilder<ReportDayCount> builder) => builder.ToTable("ReportDayCounts");

    public void Configure(EntityTypeBuilder<ReportMonthCount> builder) => builder.ToTable("ReportMonthCounts");
}
