using System.Globalization;
using MotCua.Core.Indices;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Indices;

/// <summary>/chi-so-766: the Decision 766 index of the agency or a unit for a period, per unit, and its monthly trend.</summary>
public sealed class Index766Model(ReportingDb reporting, TimeProvider time) : PeriodPageModel(reporting, time)
{
    public Index766View? View { get; private set; }

    public IReadOnlyList<(string Key, string Name, Index766Result Result)> ByUnit { get; private set; } = [];

    public IReadOnlyList<Index766TrendPoint> Trend { get; private set; } = [];

    public bool CanEnterPoints => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.ControlFocalOfficer);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct))
        {
            return;
        }
        var period = Period;
        View = await Index766View.ComputeAsync(Reporting, AgencyId, period, UnitId, ct);
        if (UnitId is null)
        {
            // Units from the agency's one aggregate (grouped by unit); each unit sees its own dossiers, procedures and ballots.
            ByUnit = View.ByUnit()
                .Select(r => (r.ScopeKey, Units.GetValueOrDefault(r.ScopeKey, r.ScopeKey), r))
                .OrderBy(x => x.ScopeKey == MotCua.Web.Features.Reports.DossierProjection.NoUnitKey)
                .ThenBy(x => x.Item2, StringComparer.Ordinal)
                .ToList();
        }
        var now = Time.GetUtcNow();
        Trend = await Index766View.TrendAsync(Reporting, AgencyId, [.. PeriodChoice.TwelveMonthsEnding(period).Select(m => m.AsOf(now))], ct);
    }

    public string DrillHref(string code) => "/chi-so-766/" + Uri.EscapeDataString(code) + "?" + Query;

    public static string Ratio(Index766IndicatorResult i) => i.Denominator is > 0
        ? i.Numerator!.Value.ToString("N0", MotCua.Web.Shared.VietnamTime.Culture) + " / " + i.Denominator.Value.ToString("N0", MotCua.Web.Shared.VietnamTime.Culture)
          + " (" + (Percent.Of(i.Numerator.Value, i.Denominator.Value) ?? 0).ToString("0.##", MotCua.Web.Shared.VietnamTime.Culture) + "%)"
        : "—";

    public static string Badge(Index766IndicatorResult i) => i.Status switch
    {
        IndicatorStatus.Scored => i.LostPoints > 0 ? "amber" : "green",
        IndicatorStatus.NoData => "",
        IndicatorStatus.NotEntered => "red",
        _ => "",
    };

    public static string UnitQuery(PeriodChoice choice, string key) => choice.Query + "&donvi=" + Uri.EscapeDataString(key);

    public static string MonthLabel(ReportPeriod month) => string.Create(CultureInfo.InvariantCulture, $"{month.Index:00}/{month.Year}");
}
