using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>One step's planned window whose deadline moved, with the window it had.</summary>
public sealed record StepReplan(int StepIndex, string StepName, DateTimeOffset StartAt, DateTimeOffset DueAt, DateTimeOffset OldDueAt);

/// <summary>A step as planned now: its index, name and window.</summary>
public sealed record PlannedWindow(int StepIndex, string StepName, DateTimeOffset StartAt, DateTimeOffset DueAt);

/// <summary>
/// The step deadlines of a dossier's pinned plan. The default plan (no approved process: no step times) gives its one
/// step the whole processing time; otherwise each step takes the process's own time (an hour where none is set).
/// </summary>
public static class StepPlanning
{
    /// <summary>The deadlines of every step of <paramref name="plan"/>, the first starting at <paramref name="start"/>.</summary>
    public static IReadOnlyList<StepDeadline> Deadlines(IReadOnlyList<PlannedStep> plan, ProcessingTime? processingTime, DateTimeOffset start, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calculator);
        IReadOnlyList<ProcessingTime> times = plan.All(p => p.DurationValue <= 0)
            ? [processingTime ?? ProcessingTime.WorkingDays(1)]
            : plan.Select(p => p.DurationValue > 0 ? p.Duration : ProcessingTime.WorkingHours(1)).ToList();
        var deadlines = calculator.SplitSteps(start, times);
        return plan.Select((_, i) => deadlines[Math.Min(i, deadlines.Count - 1)] with { Index = i }).ToList();
    }

    /// <summary>
    /// After a receipt correction changed the processing time or the clock's start: the steps already planned, planned
    /// again from the same start with the corrected time; only the steps whose window moved, so an unchanged plan
    /// writes nothing and the history names exactly what changed.
    /// </summary>
    public static IReadOnlyList<StepReplan> Replan(IReadOnlyList<PlannedStep> plan, ProcessingTime? processingTime, IReadOnlyList<PlannedWindow> planned,
        DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (planned.Count == 0)
        {
            return [];
        }
        var start = planned.OrderBy(s => s.StepIndex).First().StartAt;
        var fresh = Deadlines(plan, processingTime, start, calculator);
        return planned.OrderBy(s => s.StepIndex)
            .Where(s => s.StepIndex < fresh.Count && (fresh[s.StepIndex].StartAt != s.StartAt || fresh[s.StepIndex].DueAt != s.DueAt))
            .Select(s => new StepReplan(s.StepIndex, s.StepName, fresh[s.StepIndex].StartAt, fresh[s.StepIndex].DueAt, s.DueAt))
            .ToList();
    }
}
