using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>
/// One step of the process snapshot a dossier was pinned to (kept as JSON on the dossier). <paramref name="AtDesk"/>: the
/// process places the step at the one-stop desk itself (e.g. its hand-over); plans stored before it was kept read false.
/// <paramref name="ByLeader"/>: the leader's own step (phê duyệt, ký duyệt), taken while the dossier awaits approval; such
/// steps follow the processing steps, which alone are forwarded between (<see cref="ProcessingStepCount"/>).
/// </summary>
public sealed record PlannedStep(string Name, int? UnitId, string? UnitName, decimal DurationValue, TimeUnit DurationUnit, bool AtDesk = false,
    bool ByLeader = false)
{
    public ProcessingTime Duration => new(DurationValue, DurationUnit);

    /// <summary>The steps a dossier is forwarded between before it is submitted for approval (at least one).</summary>
    public static int ProcessingStepCount(IEnumerable<PlannedStep> plan) => Math.Max(1, plan.Count(s => !s.ByLeader));

    /// <summary>The index of the leader's first step in the plan, or null when the process names none.</summary>
    public static int? FirstLeaderStep(IReadOnlyList<PlannedStep> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        for (var i = 0; i < plan.Count; i++)
        {
            if (plan[i].ByLeader)
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>
    /// The unit a dossier is handed to when the officer names none (the transfer action, and the unit the receipt and
    /// dossier pages preselect): the first planned unit that <paramref name="canTake"/> it now (active, of the agency,
    /// and <see cref="MayTake"/>).
    /// </summary>
    public static int? FirstHandOverUnit(IEnumerable<PlannedStep> plan, Func<int, bool> canTake) =>
        plan.Where(s => !s.ByLeader).Select(s => s.UnitId).FirstOrDefault(id => id is { } unit && canTake(unit));

    /// <summary>
    /// Whether a unit may be given a dossier on this plan, the one rule behind the transfer check, its default and the
    /// pages' unit lists: any unit but the one-stop desk, and the desk only when the process has it do every routed step
    /// itself. Otherwise the desk receives and hands over, and a dossier "transferred" to it would sit at a step nobody
    /// there is meant to take (plans stored before <see cref="AtDesk"/> was kept mark nothing: the desk is refused).
    /// </summary>
    public static bool MayTake(IReadOnlyCollection<PlannedStep> plan, bool unitIsDesk) =>
        !unitIsDesk || (plan.Any(s => !s.ByLeader) && plan.Where(s => !s.ByLeader).All(s => s.AtDesk));
}
