using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>
/// One step of the process snapshot a dossier was pinned to (kept as JSON on the dossier). <paramref name="AtDesk"/>: the
/// process places the step at the one-stop desk itself (e.g. its hand-over); plans stored before it was kept read false.
/// </summary>
public sealed record PlannedStep(string Name, int? UnitId, string? UnitName, decimal DurationValue, TimeUnit DurationUnit, bool AtDesk = false)
{
    public ProcessingTime Duration => new(DurationValue, DurationUnit);

    /// <summary>
    /// The unit a dossier is handed to when the officer names none (the transfer action, and the unit the receipt and
    /// dossier pages preselect): the first planned unit that <paramref name="canTake"/> it now (active, of the agency,
    /// and <see cref="MayTake"/>).
    /// </summary>
    public static int? FirstHandOverUnit(IEnumerable<PlannedStep> plan, Func<int, bool> canTake) =>
        plan.Select(s => s.UnitId).FirstOrDefault(id => id is { } unit && canTake(unit));

    /// <summary>
    /// Whether a unit may be given a dossier on this plan, the one rule behind the transfer check, its default and the
    /// pages' unit lists: any unit but the one-stop desk, and the desk only when the process has it do every routed step
    /// itself. Otherwise the desk receives and hands over, and a dossier "transferred" to it would sit at a step nobody
    /// there is meant to take (plans stored before <see cref="AtDesk"/> was kept mark nothing: the desk is refused).
    /// </summary>
    public static bool MayTake(IReadOnlyCollection<PlannedStep> plan, bool unitIsDesk) => !unitIsDesk || (plan.Count > 0 && plan.All(s => s.AtDesk));
}
