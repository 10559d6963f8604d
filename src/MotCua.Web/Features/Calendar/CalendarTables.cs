using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Calendar;

/// <summary>The calendar tables on the one context: the feature adds its sets, so the context names no feature type.</summary>
public static class CalendarTables
{
    extension(AppDbContext db)
    {
        public DbSet<CalendarYear> CalendarYears => db.Set<CalendarYear>();

        public DbSet<CalendarDay> CalendarDays => db.Set<CalendarDay>();
    }
}

/// <summary>The table names: with no property on the context, EF would name each table after its class.</summary>
internal sealed class CalendarTableNames : IEntityTypeConfiguration<CalendarYear>, IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder) => builder.ToTable("CalendarYears");

    public void Configure(EntityTypeBuilder<CalendarDay> builder) => builder.ToTable("CalendarDays");
}
