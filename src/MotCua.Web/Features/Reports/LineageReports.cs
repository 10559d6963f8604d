using System.Globalization;
using MotCua.Core.Reports;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// The report of an agency with its predecessors (Organisation.Merging.AgencyLineage): each report row belongs to one
/// agency, so the agencies' reports over the same period add up without counting a dossier twice. Rows with the same key
/// (a procedure or unit that moved to the successor) are summed; the successor's name for it is kept.
/// </summary>
public static class LineageReports
{
    /// <summary>The sum of <paramref name="parts"/>, the successor's report first.</summary>
    public static DossierReport Combine(IReadOnlyList<DossierReport> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var first = parts[0];
        var rows = new Dictionary<string, DossierReportRow>(StringComparer.Ordinal);
        foreach (var row in parts.SelectMany(p => p.Rows))
        {
            rows[row.Key] = rows.TryGetValue(row.Key, out var seen) ? Plus(seen, row) : row;
        }
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        var ordered = rows.Values.OrderBy(r => r.Name, StringComparer.Create(culture, ignoreCase: false)).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var total = parts.Skip(1).Aggregate(first.Total, (sum, p) => Plus(sum, p.Total));
        return first with { Rows = ordered, Total = total };
    }

    internal static DossierReportRow Plus(DossierReportRow a, DossierReportRow b) => a with
    {
        CarriedOver = a.CarriedOver + b.CarriedOver,
        ReceivedOnline = a.ReceivedOnline + b.ReceivedOnline,
        ReceivedDirect = a.ReceivedDirect + b.ReceivedDirect,
        ReceivedPostal = a.ReceivedPostal + b.ReceivedPostal,
        ResolvedEarly = a.ResolvedEarly + b.ResolvedEarly,
        ResolvedOnTime = a.ResolvedOnTime + b.ResolvedOnTime,
        ResolvedLate = a.ResolvedLate + b.ResolvedLate,
        PendingWithinTime = a.PendingWithinTime + b.PendingWithinTime,
        PendingOverdue = a.PendingOverdue + b.PendingOverdue,
        Withdrawn = a.Withdrawn + b.Withdrawn,
        Refused = a.Refused + b.Refused,
        Stopped = a.Stopped + b.Stopped,
        RefusedAtDesk = a.RefusedAtDesk + b.RefusedAtDesk,
    };
}
