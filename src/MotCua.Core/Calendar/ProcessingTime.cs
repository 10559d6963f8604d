namespace MotCua.Core.Calendar;

/// <summary>The unit a procedure's processing time is stated in.</summary>
public enum TimeUnit
{
    /// <summary>Ngày làm việc: one unit is one working day of office hours.</summary>
    WorkingDays,

    /// <summary>Ngày (lịch): days off are counted, but the due date may not fall on one.</summary>
    CalendarDays,

    /// <summary>Giờ làm việc.</summary>
    WorkingHours,
}

/// <summary>A processing time such as 5 working days, 0.5 working day, 4 working hours or 30 calendar days.</summary>
public readonly record struct ProcessingTime(decimal Value, TimeUnit Unit)
{
    /// <summary><paramref name="days"/> working days.</summary>
    public static ProcessingTime WorkingDays(decimal days) => new(days, TimeUnit.WorkingDays);

    /// <summary><paramref name="hours"/> working hours.</summary>
    public static ProcessingTime WorkingHours(decimal hours) => new(hours, TimeUnit.WorkingHours);

    /// <summary><paramref name="days"/> calendar days.</summary>
    public static ProcessingTime CalendarDays(int days) => new(days, TimeUnit.CalendarDays);
}
