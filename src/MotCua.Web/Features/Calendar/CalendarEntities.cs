using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Calendar;

namespace MotCua.Web.Features.Calendar;

/// <summary>
/// A year whose official schedule (the Government Office's announcement) is stored. A year without this row uses the
/// schedule computed from the Labour Code; a year with it uses exactly its <see cref="CalendarDay"/> rows.
/// </summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    /// <summary>The announcement the schedule follows, as printed, e.g. "Công văn số 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ".</summary>
    public string? Source { get; set; }

    /// <summary>Number and symbol of the source document, e.g. "2450/VPCP-KGVX"; null for schedules stored before it was asked.</summary>
    public string? SourceNumber { get; set; }

    /// <summary>Date the source document was issued.</summary>
    public DateOnly? SourceDate { get; set; }

    /// <summary>The body that issued it, e.g. "Văn phòng Chính phủ", "Bộ Nội vụ".</summary>
    public string? SourceIssuer { get; set; }

    public DateTimeOffset UpdatedAt
    {
        get => _updatedAt;
        set
        {
            _updatedAt = value;
            UpdatedAtTicks = value.UtcTicks;
        }
    }

    private DateTimeOffset _updatedAt;

    /// <summary>
    /// <see cref="UpdatedAt"/> as UTC ticks, set with it: SQLite cannot take the maximum of a stored DateTimeOffset, so the
    /// calendar's freshness stamp (<see cref="CalendarStamp"/>) aggregates this column on both providers.
    /// </summary>
    public long UpdatedAtTicks { get; private set; }

    public string? UpdatedBy { get; set; }
}

/// <summary>One exceptional day of an official schedule (holiday, compensatory, swapped-off, make-up working day).</summary>
public sealed class CalendarDay
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public int Year { get; set; }

    public DayKind Kind { get; set; }

    public required string Name { get; set; }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Source).HasMaxLength(300);
        b.Property(y => y.UpdatedBy).HasMaxLength(256);
        b.Property(y => y.SourceNumber).HasMaxLength(100);
        b.Property(y => y.SourceIssuer).HasMaxLength(200);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasIndex(d => d.Date).IsUnique();
        b.HasIndex(d => d.Year);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Name).HasMaxLength(200);
        b.HasOne<CalendarYear>().WithMany().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class DayKindText
{
    public static string Name(DayKind kind) => kind switch
    {
        DayKind.Holiday => "Nghỉ lễ, Tết",
        DayKind.Compensatory => "Nghỉ bù",
        DayKind.SwappedOff => "Nghỉ hoán đổi",
        DayKind.MakeUpWorkingDay => "Làm bù",
    };

    public static string Css(DayKind kind) => kind switch
    {
        DayKind.Holiday => "holiday",
        DayKind.Compensatory => "compensatory",
        DayKind.SwappedOff => "swapped",
        DayKind.MakeUpWorkingDay => "makeup",
    };
}
