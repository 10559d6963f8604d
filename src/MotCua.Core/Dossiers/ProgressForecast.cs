using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>Where a step's expected completion comes from.</summary>
public enum ForecastBasis
{
    /// <summary>The step is finished: the instant is when it was.</summary>
    Done,

    /// <summary>The median of the step's durations in the procedure's recent closed dossiers.</summary>
    History,

    /// <summary>Too few closed dossiers to learn from: the step's planned duration.</summary>
    Plan,
}

/// <summary>
/// One step of a dossier's pinned plan as the forecast reads it: its planned duration, when it started and finished (if it
/// did), and its legal due instant (the step's planned window, when one was set).
/// </summary>
public sealed record ForecastStep(string Name, ProcessingTime PlannedDuration, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    DateTimeOffset? LegalDueAt);

/// <summary>
/// A step's expected completion. <paramref name="Samples"/>: closed dossiers the median was taken over (0 on the plan).
/// <paramref name="Capped"/>: the history says later than the legal limit, so the legal limit is shown instead.
/// <paramref name="Overdue"/>: the legal limit has passed with the step unfinished, so no instant before it can be promised.
/// </summary>
public sealed record StepOutlook(int Index, string Name, ForecastBasis Basis, int Samples, DateTimeOffset ExpectedAt, DateTimeOffset? LatestAt,
    bool Capped, bool Overdue);

/// <summary>The steps' outlooks and the whole dossier's: expected result and the legal last instant ("chậm nhất").</summary>
public sealed record ProgressOutlook(IReadOnlyList<StepOutlook> Steps, DateTimeOffset? ExpectedAt, DateTimeOffset? LatestAt, bool Capped, bool Overdue);

/// <summary>
/// "Dự kiến có kết quả": each remaining step of the pinned plan is expected to take the median working time that step
/// took for the same procedure and unit in recent closed dossiers, or its planned time when there are fewer than
/// <see cref="MinSamples"/> of them; steps follow one another from the current step's start, and no expectation is ever
/// later than the step's or the dossier's legal due instant, because a prediction past the law would tell the citizen
/// the delay is normal.
/// </summary>
public static class ProgressForecast
{
    /// <summary>Fewer closed dossiers than this say more about chance than about the unit.</summary>
    public const int MinSamples = 5;

    /// <summary>The median of <paramref name="samples"/> (the mean of the two middle values for an even count); null for none.</summary>
    public static TimeSpan? Median(IReadOnlyCollection<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return null;
        }
        var sorted = samples.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : TimeSpan.FromTicks((sorted[mid - 1].Ticks + sorted[mid].Ticks) / 2);
    }

    /// <summary>
    /// The outlook of <paramref name="steps"/> at <paramref name="now"/>. <paramref name="history"/>[i] holds the working
    /// durations step i took in closed dossiers (missing entries count as none). <paramref name="dossierDue"/> is the
    /// dossier's legal due instant (rescheduled if it was); <paramref name="wholeHistory"/> the whole processing times of
    /// closed dossiers, used only when the plan has no steps, counted from <paramref name="clockStart"/>.
    /// </summary>
    public static ProgressOutlook Predict(IReadOnlyList<ForecastStep> steps, IReadOnlyList<IReadOnlyCollection<TimeSpan>> history,
        DateTimeOffset now, DateTimeOffset? dossierDue, DeadlineCalculator calculator,
        IReadOnlyCollection<TimeSpan>? wholeHistory = null, DateTimeOffset? clockStart = null, ProcessingTime? processingTime = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(calculator);
        if (steps.Count == 0)
        {
            return WholeOnly(wholeHistory ?? [], now, dossierDue, calculator, clockStart, processingTime);
        }
        var lines = new List<StepOutlook>(steps.Count);
        var cursor = now;
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (s.FinishedAt is { } finished)
            {
                lines.Add(new StepOutlook(i, s.Name, ForecastBasis.Done, 0, finished, s.LegalDueAt, false, false));
                continue;
            }
            var samples = i < history.Count ? history[i] : [];
            var (basis, duration) = Duration(samples, s.PlannedDuration);
            // A step under way counts from its own start; one not started yet from when the step before it is expected.
            var start = s.StartedAt is { } started && started < cursor ? started : cursor;
            var expected = Later(calculator.SplitSteps(start, [duration])[0].DueAt, now);
            var latest = Earlier(s.LegalDueAt, dossierDue);
            var (at, capped, overdue) = Cap(expected, latest, now);
            lines.Add(new StepOutlook(i, s.Name, basis, basis == ForecastBasis.History ? samples.Count : 0, at, latest, capped, overdue));
            cursor = at;
        }
        var last = lines[^1];
        // Every step done but no result yet: the result can come any time now, still no later than the law allows.
        var (whole, wholeCapped, wholeOverdue) = Cap(Later(last.ExpectedAt, now), dossierDue, now);
        return new ProgressOutlook(lines, whole, dossierDue, wholeCapped || lines.Any(l => l.Capped), wholeOverdue || lines.Any(l => l.Overdue));
    }

    /// <summary>A plan without steps: the whole processing time learnt from closed dossiers, else the legal time itself.</summary>
    private static ProgressOutlook WholeOnly(IReadOnlyCollection<TimeSpan> samples, DateTimeOffset now, DateTimeOffset? due, DeadlineCalculator calculator,
        DateTimeOffset? clockStart, ProcessingTime? processingTime)
    {
        var start = clockStart is { } c && c < now ? c : now;
        DateTimeOffset? expected = samples.Count >= MinSamples
            ? calculator.SplitSteps(start, [ProcessingTime.WorkingHours(Hours(Median(samples)!.Value))])[0].DueAt
            : processingTime is { } t ? calculator.SplitSteps(start, [t])[0].DueAt : due;
        if (expected is not { } e)
        {
            return new ProgressOutlook([], null, due, false, false);
        }
        var (at, capped, overdue) = Cap(Later(e, now), due, now);
        return new ProgressOutlook([], at, due, capped, overdue);
    }

    private static (ForecastBasis Basis, ProcessingTime Duration) Duration(IReadOnlyCollection<TimeSpan> samples, ProcessingTime planned) =>
        samples.Count >= MinSamples
            ? (ForecastBasis.History, ProcessingTime.WorkingHours(Hours(Median(samples)!.Value)))
            : (ForecastBasis.Plan, planned.Value > 0 ? planned : ProcessingTime.WorkingHours(1));

    /// <summary>Working hours to two decimals (under a minute), never negative.</summary>
    private static decimal Hours(TimeSpan t) => Math.Max(0m, Math.Round((decimal)t.TotalHours, 2));

    /// <summary>
    /// Never later than <paramref name="latest"/>; when the legal limit is already behind <paramref name="now"/>, the step
    /// is overdue and the expectation stays as computed (from now on), since nothing before the limit can be promised.
    /// </summary>
    private static (DateTimeOffset At, bool Capped, bool Overdue) Cap(DateTimeOffset expected, DateTimeOffset? latest, DateTimeOffset now) =>
        latest is not { } l ? (expected, false, false)
        : l < now ? (expected, false, true)
        : expected > l ? (l, true, false)
        : (expected, false, false);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y ? (x < y ? x : y) : a ?? b;
}
