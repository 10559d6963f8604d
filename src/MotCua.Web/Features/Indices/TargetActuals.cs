using Microsoft.EntityFrameworkCore;
using MotCua.Core.Plans;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Plans;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Indices;

/// <summary>One plan's numeric targets next to the live figures.</summary>
public sealed record PlanTargetsView(int PlanId, string Title, IReadOnlyList<TargetActual> Targets);

/// <summary>Targets of the year's plans (read through <see cref="PlanQueries"/>) against the live figures of the year's report period.</summary>
public static class TargetActuals
{
    public static async Task<(ReportPeriod Period, IReadOnlyList<PlanTargetsView> Plans)> ComputeAsync(
        ReportingDb reporting, int agencyId, int year, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        var period = ReportPeriod.FullYear(year);
        var plans = await PlanQueries.ReportFiguresAsync(reporting.Context, agencyId, year, today, ct);
        if (plans.All(p => p.Targets.Count == 0))
        {
            return (period, plans.Select(p => new PlanTargetsView(p.PlanId, p.Title, [])).ToList());
        }
        var facts = await DossierFacts.LoadAsync(reporting, agencyId, period, null, ct);
        var procedures = await IndexQueries.ProceduresAsync(reporting, agencyId, period, ct);
        return (period, plans.Select(p => new PlanTargetsView(p.PlanId, p.Title, PlanTargetActuals.Compute(p.Targets, facts, procedures, period))).ToList());
    }

    /// <summary>The year whose targets to show by default: the current year if it has a plan, else the latest earlier plan year (a plan is often issued late).</summary>
    public static async Task<int> DefaultYearAsync(ReportingDb reporting, int agencyId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        var years = await reporting.Context.ControlPlans.AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.Year <= today.Year).Select(p => p.Year).ToListAsync(ct);
        return years.Count == 0 ? today.Year : years.Max();
    }

    /// <summary>"≥ 90%" as the plan states the target.</summary>
    public static string TargetText(PlanTargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var sign = target.Comparison switch
        {
            TargetComparison.AtLeast => "≥",
            TargetComparison.AtMost => "≤",
            _ => "",
        };
        return $"{sign} {target.Value.ToString("0.##", VietnamTime.Culture)}{(string.Equals(target.Unit, "%", StringComparison.Ordinal) ? "%" : " " + target.Unit)}";
    }

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.##", VietnamTime.Culture) + "%" : "—";
}
