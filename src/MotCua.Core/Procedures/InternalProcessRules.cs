using MotCua.Core.Calendar;

namespace MotCua.Core.Procedures;

/// <summary>Quy trình nội bộ: draft → approved (by a decision) → in force → retired (when another takes its place).</summary>
public enum ProcessState
{
    Draft,
    Approved,
    InForce,
    Retired,
}

public enum ProcessTrigger
{
    /// <summary>The competent person signs the approving decision.</summary>
    Approve,

    /// <summary>Back to draft to correct an approved process before it is applied.</summary>
    Reopen,

    /// <summary>The approved process starts to apply to new dossiers.</summary>
    PutInForce,

    /// <summary>Another process of the same procedure version went in force.</summary>
    Retire,
}

/// <summary>One exhaustive table: every state change of an internal process goes through <see cref="Next"/>.</summary>
public static class ProcessStateMachine
{
    /// <summary>The next state, or null when the trigger is not allowed from <paramref name="state"/>.</summary>
    public static ProcessState? Next(ProcessState state, ProcessTrigger trigger) => (state, trigger) switch
    {
        (ProcessState.Draft, ProcessTrigger.Approve) => ProcessState.Approved,
        (ProcessState.Draft, ProcessTrigger.Reopen) => null,
        (ProcessState.Draft, ProcessTrigger.PutInForce) => null,
        (ProcessState.Draft, ProcessTrigger.Retire) => null,
        (ProcessState.Approved, ProcessTrigger.Approve) => null,
        (ProcessState.Approved, ProcessTrigger.Reopen) => ProcessState.Draft,
        (ProcessState.Approved, ProcessTrigger.PutInForce) => ProcessState.InForce,
        (ProcessState.Approved, ProcessTrigger.Retire) => ProcessState.Retired,
        (ProcessState.InForce, ProcessTrigger.Approve) => null,
        (ProcessState.InForce, ProcessTrigger.Reopen) => null,
        (ProcessState.InForce, ProcessTrigger.PutInForce) => null,
        (ProcessState.InForce, ProcessTrigger.Retire) => ProcessState.Retired,
        (ProcessState.Retired, ProcessTrigger.Approve) => null,
        (ProcessState.Retired, ProcessTrigger.Reopen) => null,
        (ProcessState.Retired, ProcessTrigger.PutInForce) => null,
        (ProcessState.Retired, ProcessTrigger.Retire) => null,
    };

    /// <summary>Steps may be edited only while the process is a draft: an approved text is what the decision signed.</summary>
    public static bool StepsEditable(ProcessState state) => state == ProcessState.Draft;
}

/// <summary>The outcome of checking an internal process's step times against the procedure's processing time.</summary>
public sealed record StepTimeCheck(bool Matches, decimal StepHours, decimal TotalHours, bool MixedUnits, bool HasNoSteps);

public static class StepTimeRules
{
    /// <summary>
    /// The sum of step times must equal the legal processing time (procedures.md §2.6), compared in working hours
    /// (1 working day = 8 working hours) or, for a time in calendar days, in calendar days. Calendar-day and working
    /// units cannot be mixed: the calendar between them is not known statically.
    /// </summary>
    public static StepTimeCheck Check(IReadOnlyList<ProcessingTime> steps, ProcessingTime total)
    {
        ArgumentNullException.ThrowIfNull(steps);
        bool calendar = total.Unit == TimeUnit.CalendarDays;
        bool mixed = steps.Any(s => (s.Unit == TimeUnit.CalendarDays) != calendar);
        decimal sum = mixed ? 0 : steps.Sum(InComparableUnit);
        bool matches = steps.Count > 0 && DeadlineCalculator.StepsMatchTotal(steps, total);
        return new StepTimeCheck(matches, sum, InComparableUnit(total), mixed, steps.Count == 0);
    }

    /// <summary>Working hours for working units, days for calendar days.</summary>
    public static decimal InComparableUnit(ProcessingTime t) => t.Unit switch
    {
        TimeUnit.WorkingDays => t.Value * 8,
        TimeUnit.WorkingHours => t.Value,
        TimeUnit.CalendarDays => t.Value,
    };
}
