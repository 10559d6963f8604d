using System.Globalization;
using MotCua.Core.Reports;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// A report by unit across unit merges (Organisation.Merging.UnitLineage): a report row keeps the unit pinned at
/// receipt, so for a period ending on or after a merge the merged unit's row is added to its successor's, under the
/// successor's name. Each dossier stays in exactly one row, so the totals do not change.
/// </summary>
public static class UnitLineageReports
{
    /// <summary><paramref name="report"/> with the rows of merged units (<paramref name="successors"/>: unit key → the answering unit) summed into their successors'.</summary>
    public static DossierReport Fold(DossierReport report, IReadOnlyDictionary<string, (string Key, string Name)> successors)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(successors);
        if (report.GroupBy != GroupBy.Unit || !report.Rows.Any(r => successors.ContainsKey(r.Key)))
        {
            return report;
        }
        var moved = report.Rows.Select(r => successors.TryGetValue(r.Key, out var s) ? r with { Key = s.Key, Name = s.Name } : r).ToList();
        var rows = moved.GroupBy(r => r.Key, StringComparer.Ordinal).Select(g => g.Aggregate(LineageReports.Plus)).ToList();
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        return report with
        {
            Rows = [.. rows.OrderBy(r => r.Name, StringComparer.Create(culture, ignoreCase: false)).ThenBy(r => r.Key, StringComparer.Ordinal)],
        };
    }

    /// <summary>A fact of a merged unit, counted under its successor.</summary>
    public static DossierFact Fold(DossierFact fact, IReadOnlyDictionary<string, (string Key, string Name)> successors)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(successors);
        if (successors.Count == 0)
        {
            return fact;
        }
        var folded = successors.TryGetValue(fact.UnitKey, out var s) ? fact with { UnitKey = s.Key, UnitName = s.Name } : fact;
        return folded.Steps.Any(t => successors.ContainsKey(t.UnitKey))
            ? folded with { Steps = [.. folded.Steps.Select(t => successors.TryGetValue(t.UnitKey, out var to) ? t with { UnitKey = to.Key } : t)] }
            : folded;
    }
}
