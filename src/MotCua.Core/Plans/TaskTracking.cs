namespace MotCua.Core.Plans;

/// <summary>Trạng thái nhiệm vụ.</summary>
public enum PlanTaskStatus
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>Due dates and overdue flags of a plan task, given what has been reported and today's date.</summary>
public static class TaskTracking
{
    /// <summary>
    /// Periods whose due date has passed without delivery. A one-off task is late when it is not completed after its
    /// window; a recurring or continuous task is late for each past period that has no progress note for it.
    /// A completed task is never late.
    /// </summary>
    public static IReadOnlyList<TaskPeriod> OverduePeriods(TimeFrame frame, PlanTaskStatus status, IReadOnlySet<string> reportedPeriods, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(reportedPeriods);
        if (status == PlanTaskStatus.Completed)
        {
            return [];
        }
        return frame.Kind switch
        {
            TimeFrameKind.Window or TimeFrameKind.WithinYear => [.. frame.Periods().Where(p => p.Due < today)],
            TimeFrameKind.Continuous or TimeFrameKind.Recurring => [.. frame.Periods().Where(p => p.Due < today && !reportedPeriods.Contains(p.Key))],
            _ => throw new InvalidOperationException($"Unknown time frame kind {frame.Kind}."),
        };
    }

    public static bool IsOverdue(TimeFrame frame, PlanTaskStatus status, IReadOnlySet<string> reportedPeriods, DateOnly today) =>
        OverduePeriods(frame, status, reportedPeriods, today).Count > 0;

    /// <summary>The next period still to deliver (due today or later), or null when nothing is left.</summary>
    public static TaskPeriod? NextDue(TimeFrame frame, PlanTaskStatus status, IReadOnlySet<string> reportedPeriods, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(reportedPeriods);
        if (status == PlanTaskStatus.Completed)
        {
            return null;
        }
        return frame.Periods().FirstOrDefault(p => p.Due >= today && (frame.Kind is TimeFrameKind.Window or TimeFrameKind.WithinYear || !reportedPeriods.Contains(p.Key)));
    }

    /// <summary>The status a progress percentage implies: 0 not started, 100 completed, in between in progress.</summary>
    public static PlanTaskStatus StatusFor(int percent) => percent switch
    {
        <= 0 => PlanTaskStatus.NotStarted,
        >= 100 => PlanTaskStatus.Completed,
        _ => PlanTaskStatus.InProgress,
    };

    /// <summary>Plan progress: the mean of its tasks' percentages, to one decimal (half away from zero); 0 for an empty plan.</summary>
    public static decimal PlanPercent(IReadOnlyCollection<int> taskPercents)
    {
        ArgumentNullException.ThrowIfNull(taskPercents);
        if (taskPercents.Count == 0)
        {
            return 0m;
        }
        return Math.Round(taskPercents.Sum(p => (decimal)Math.Clamp(p, 0, 100)) / taskPercents.Count, 1, MidpointRounding.AwayFromZero);
    }
}
