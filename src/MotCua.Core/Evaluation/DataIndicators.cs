using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;

namespace MotCua.Core.Evaluation;

/// <summary>
/// What the dossiers themselves say about an agency in a period, so the applicant is never asked what only the
/// records know. Counts follow the reports: received and resolved as Biểu 06 classifies them, on time against the
/// original appointment.
/// </summary>
/// <param name="Received">Received in the period.</param>
/// <param name="ReceivedOnline">Of those, received online (trực tuyến, including through the national portal).</param>
/// <param name="Resolved">Resolved in the period.</param>
/// <param name="ResolvedOnTime">Of those, early or on time.</param>
/// <param name="ResolvedWithSupplement">Resolved dossiers the applicant had to supplement at least once.</param>
/// <param name="ResolvedWithRepeatedSupplement">Resolved dossiers supplemented more than once.</param>
/// <param name="SupplementRounds">Supplement requests over the resolved dossiers.</param>
/// <param name="ReceivedWithFee">Received dossiers that bear a fee or charge.</param>
/// <param name="FeePaidOnline">Of those, paid online.</param>
/// <param name="ResolvedWithApology">Resolved dossiers for which an apology letter set a new appointment.</param>
/// <param name="PendingWithinTime">Still being handled at the period's cut-off and not yet past their due instant.</param>
/// <param name="PendingOverdue">Still being handled at the period's cut-off and past their due instant then.</param>
public sealed record DataIndicatorResult(
    int Received,
    int ReceivedOnline,
    int Resolved,
    int ResolvedOnTime,
    int ResolvedWithSupplement,
    int ResolvedWithRepeatedSupplement,
    int SupplementRounds,
    int ReceivedWithFee,
    int FeePaidOnline,
    int ResolvedWithApology,
    int PendingWithinTime,
    int PendingOverdue)
{
    /// <summary>Early or on time over resolved, in percent; null when nothing was resolved.</summary>
    public decimal? OnTimePercent => Percent(ResolvedOnTime, Resolved);

    /// <summary>Online over received, in percent.</summary>
    public decimal? OnlinePercent => Percent(ReceivedOnline, Received);

    /// <summary>Paid online over received with a fee, in percent.</summary>
    public decimal? PaidOnlinePercent => Percent(FeePaidOnline, ReceivedWithFee);

    /// <summary>Supplement rounds per resolved dossier, two decimals.</summary>
    public decimal? RoundsPerDossier => Resolved == 0 ? null : Math.Round((decimal)SupplementRounds / Resolved, 2, MidpointRounding.AwayFromZero);

    private static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Computes <see cref="DataIndicatorResult"/> from the report facts of a period.</summary>
public static class DataIndicators
{
    /// <summary>The indicators of the counted facts standing in <paramref name="period"/>.</summary>
    public static DataIndicatorResult Compute(IEnumerable<DossierFact> facts, ReportPeriod period, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        var standings = facts.Where(f => f.IsCounted)
            .Select(f => (Fact: f, Standing: DossierReport.Classify(f, period, options)))
            .Where(x => x.Standing is not null)
            .Select(x => (x.Fact, Standing: x.Standing!.Value))
            .ToList();
        var received = standings.Where(x => x.Standing.IsReceived).Select(x => x.Fact).ToList();
        var resolved = standings.Where(x => x.Standing.IsResolved).ToList();
        return new DataIndicatorResult(
            received.Count,
            received.Count(f => f.Channel.CountsAsOnline()),
            resolved.Count,
            resolved.Count(x => x.Standing.Timeliness is ResolutionTimeliness.Early or ResolutionTimeliness.OnTime),
            resolved.Count(x => x.Fact.SupplementRequests > 0),
            resolved.Count(x => x.Fact.SupplementRequests > 1),
            resolved.Sum(x => x.Fact.SupplementRequests),
            received.Count(f => f.FeeCharged),
            received.Count(f => f.FeeCharged && f.PaidOnline),
            resolved.Count(x => x.Fact.RescheduledDueAt is not null),
            standings.Count(x => x.Standing.Closing == PeriodClosing.PendingWithinTime),
            standings.Count(x => x.Standing.Closing == PeriodClosing.PendingOverdue));
    }
}
