using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Evaluation;
using MotCua.Core.Indices;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Indices;

/// <summary>One lost item as shown: the id the rule returned, a label (dossier code or procedure name) and a link.</summary>
public sealed record LostItemView(string Id, string Label, string? Href, string? Procedure = null, DateTimeOffset? ReceivedAt = null, DateTimeOffset? DueAt = null, DateTimeOffset? FinishedAt = null);

/// <summary>What the index of one scope reads: the database's counts, the procedures in force, the ballots and manual points.</summary>
public sealed record IndexData(
    IndexCounts Counts,
    IReadOnlyList<ProcedureFact> Procedures,
    IReadOnlyList<CitizenEvaluation> Ballots,
    IReadOnlyDictionary<string, decimal> ManualPoints);

/// <summary>
/// The 766 index of one scope and period with what the pages need to label it. The counting indicators come from one
/// SQL aggregate (<see cref="IndexSql"/>); the failing dossiers are listed page by page on demand.
/// </summary>
public sealed record Index766View(string ScopeName, int AgencyId, int? UnitId, ReportPeriod Period, Index766Result Result, IndexData Data)
{
    public static string StatusName(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Scored => "Đã chấm",
        IndicatorStatus.NoData => "Không có số liệu",
        IndicatorStatus.NotEntered => "Chưa nhập điểm",
    };

    public static string StatusCode(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Scored => "scored",
        IndicatorStatus.NoData => "noData",
        IndicatorStatus.NotEntered => "notEntered",
    };

    public static string KindCode(LostItemKind kind) => kind switch
    {
        LostItemKind.Dossier => "dossier",
        LostItemKind.Procedure => "procedure",
        LostItemKind.Ballot => "ballot",
    };

    public static string KindName(LostItemKind kind) => kind switch
    {
        LostItemKind.Dossier => "hồ sơ",
        LostItemKind.Procedure => "thủ tục hành chính",
        LostItemKind.Ballot => "phiếu đánh giá (theo hồ sơ)",
    };

    /// <summary>Points as shown: "12,5" (vi-VN, up to 2 decimals).</summary>
    public static string Points(decimal? points) => points is { } p ? p.ToString("0.##", VietnamTime.Culture) : "—";

    /// <summary>Labels the ids of an indicator's lost items, <paramref name="skip"/>/<paramref name="take"/> at a time.</summary>
    public async Task<IReadOnlyList<LostItemView>> LabelAsync(ReportingDb reporting, Index766IndicatorResult indicator, int skip, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.LostCount == 0)
        {
            return [];
        }
        if (indicator.LostItemKind == LostItemKind.Procedure)
        {
            var names = Data.Procedures.ToDictionary(p => p.Key, p => p.Name, StringComparer.Ordinal);
            return indicator.LostItems.Skip(skip).Take(take).Select(k => new LostItemView(k, names.GetValueOrDefault(k, k), null)).ToList();
        }
        // Ballots name the dossiers they rate (in memory); dossier measures are listed by the database, one page.
        List<long> ids = indicator.LostItemKind == LostItemKind.Ballot
            ? indicator.LostItems.Skip(skip).Take(take).Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList()
            : [.. await IndexSql.LostDossierIdsAsync(reporting, AgencyId, Period, UnitId, indicator.Definition.Measure, skip, take, ct)];
        var rows = await reporting.Context.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Code, d.ProcedureName, d.ReceivedAt, d.SubmittedAt, d.DueAt, d.CompletedAt, d.ReturnedAt })
            .ToDictionaryAsync(d => d.Id, ct);
        return ids.Select(id => rows.TryGetValue(id, out var d)
                ? new LostItemView(id.ToString(CultureInfo.InvariantCulture), d.Code, "/ho-so/" + Uri.EscapeDataString(d.Code), d.ProcedureName,
                    d.ReceivedAt ?? d.SubmittedAt, d.DueAt, d.CompletedAt ?? d.ReturnedAt)
                : new LostItemView(id.ToString(CultureInfo.InvariantCulture), id.ToString(CultureInfo.InvariantCulture), null))
            .ToList();
    }

    /// <summary>Each unit's index over its own dossiers, procedures and ballots (the units found in the counts and procedures, key order).</summary>
    public IReadOnlyList<Index766Result> ByUnit()
    {
        return Data.Counts.ByUnit.Keys.Concat(Data.Procedures.Select(p => p.UnitKey))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(unit => Index766.FromCounts(unit, Period, Data.Counts.Measures(unit, Data.Procedures, Data.Ballots, Period)))
            .ToList();
    }

    /// <summary>Computes the index for the agency (<paramref name="unitId"/> null) or one of its units.</summary>
    public static async Task<Index766View> ComputeAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        var counts = await IndexSql.CountAsync(reporting, agencyId, period, unitId, ct);
        IReadOnlyList<ProcedureFact> procedures = await IndexQueries.ProceduresAsync(reporting, agencyId, period, ct);
        var scopeKey = unitId?.ToString(CultureInfo.InvariantCulture);
        if (scopeKey is not null)
        {
            procedures = procedures.Where(p => string.Equals(p.UnitKey, scopeKey, StringComparison.Ordinal)).ToList();
        }
        var ballots = await IndexQueries.BallotsAsync(reporting, agencyId, period, unitId, ct);
        var manual = await IndexQueries.ManualPointsAsync(reporting.Context, agencyId, unitId, period, ct);
        var data = new IndexData(counts, procedures, ballots, manual);
        // The unit's rows are already the only ones counted, so the scope sums every row either way.
        var result = Index766.FromCounts(scopeKey ?? Index766.AgencyScope, period, counts.Measures(null, procedures, ballots, period), manual);
        string name;
        if (unitId is { } u)
        {
            name = await reporting.Context.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.Name).SingleAsync(ct);
        }
        else
        {
            name = await reporting.Context.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(ct);
        }
        return new Index766View(name, agencyId, unitId, period, result, data);
    }

    /// <summary>
    /// The agency's monthly trend over <paramref name="months"/>: one aggregate per month (each over an index range), the
    /// ballots of the whole span loaded once. Manual points are entered per period, so the trend compares what the
    /// system measures (earned / computable).
    /// </summary>
    /// <summary>A trend point's score as "earned / computable", or "chưa có dữ liệu" for a month with nothing to measure.</summary>
    public static string Score(Index766TrendPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.HasData ? Points(point.EarnedPoints) + " / " + Points(point.ComputedMaxPoints) : NoData;
    }

    public const string NoData = "chưa có dữ liệu";

    public static async Task<IReadOnlyList<Index766TrendPoint>> TrendAsync(ReportingDb reporting, int agencyId, IReadOnlyList<ReportPeriod> months, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0)
        {
            return [];
        }
        var span = ReportPeriod.Custom(months[0].Start, months[^1].End);
        var ballots = await IndexQueries.BallotsAsync(reporting, agencyId, span, null, ct);
        var points = new List<Index766TrendPoint>();
        foreach (var month in months)
        {
            var counts = await IndexSql.CountAsync(reporting, agencyId, month, null, ct);
            var procedures = await IndexQueries.ProceduresAsync(reporting, agencyId, month, ct);
            var r = Index766.FromCounts(Index766.AgencyScope, month, counts.Measures(null, procedures, ballots, month));
            points.Add(new Index766TrendPoint(month, r.EarnedPoints, r.ComputedMaxPoints, r.HasData));
        }
        return points;
    }
}
