using MotCua.Core.Dossiers;
using MotCua.Core.Plans;
using MotCua.Core.Procedures;

namespace MotCua.Core.Reports;

/// <summary>A plan target next to the live figure. <see cref="Actual"/> and <see cref="Met"/> are null when the system cannot compute it (no data, or code <c>other</c>).</summary>
public sealed record TargetActual(PlanTargetSpec Target, int? Numerator, int? Denominator, decimal? Actual, bool? Met)
{
    /// <summary>Vietnamese name of the indicator.</summary>
    public string IndicatorName => PlanIndicators.DisplayName(Target.IndicatorCode);
}

/// <summary>Computes the live percentage behind each plan indicator code of <see cref="PlanIndicators"/>.</summary>
public static class PlanTargetActuals
{
    /// <summary>
    /// The live figure of every target for <paramref name="period"/>. Definitions (numerator / denominator):
    /// <list type="bullet">
    /// <item><c>digitised_records</c>: dossiers received in the period whose components are digitised and, once a result
    /// was issued by the period's end, whose result is digitised too / dossiers received.</item>
    /// <item><c>national_portal_sync</c>: dossiers resolved in the period acknowledged by the national portal / resolved.</item>
    /// <item><c>online_dossiers</c>: received online / received.</item>
    /// <item><c>online_payments</c>: fee-bearing dossiers received in the period paid online / fee-bearing dossiers received.</item>
    /// <item><c>full_online_services</c>: eligible procedures offered toàn trình / eligible procedures.</item>
    /// </list>
    /// The percentage is rounded to 2 decimals and the comparison uses the rounded figure, the one the report prints.
    /// </summary>
    public static IReadOnlyList<TargetActual> Compute(
        IEnumerable<PlanTargetSpec> targets, IEnumerable<DossierFact> facts, IEnumerable<ProcedureFact> procedures, ReportPeriod period, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(period);
        options ??= ReportOptions.Default;
        List<DossierFact> counted = facts.Where(f => f.IsCounted).ToList();
        List<DossierFact> received = counted.Where(f => period.Contains(f.ReceivedAt)).ToList();
        List<DossierFact> resolved = counted.Where(f => DossierReport.Classify(f, period, options) is { IsResolved: true }).ToList();
        List<ProcedureFact> eligible = procedures.Where(p => p.EligibleForFullOnline).ToList();

        (int, int)? Ratio(string code) => code switch
        {
            PlanIndicators.DigitisedRecords => (received.Count(f => f.ComponentsDigitised && (!HasResultBy(f, period) || f.ResultDigitised)), received.Count),
            PlanIndicators.NationalPortalSync => (resolved.Count(f => f.SyncedToNationalPortal), resolved.Count),
            PlanIndicators.OnlineDossiers => (received.Count(f => f.Channel.CountsAsOnline()), received.Count),
            PlanIndicators.OnlinePayments => (received.Count(f => f.FeeCharged && f.PaidOnline), received.Count(f => f.FeeCharged)),
            PlanIndicators.FullOnlineServices => (eligible.Count(p => p.OnlineLevel == OnlineServiceLevel.Full), eligible.Count),
            _ => null,
        };

        var result = new List<TargetActual>();
        foreach (PlanTargetSpec target in targets)
        {
            if (Ratio(target.IndicatorCode) is not (int part, int whole))
            {
                result.Add(new TargetActual(target, null, null, null, null));
                continue;
            }

            decimal? actual = Percent.Of(part, whole);
            result.Add(new TargetActual(target, part, whole, actual, actual is { } a ? target.IsMet(a) : null));
        }

        return result;
    }

    private static bool HasResultBy(DossierFact fact, ReportPeriod period) =>
        (fact.CompletedAt ?? fact.ReturnedAt) is { } at && at < period.CutoffInstant;
}
