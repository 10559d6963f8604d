using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Indices;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Indices;

/// <summary>One lost item as shown: the id the rule returned, a label (dossier code or procedure name) and a link.</summary>
public sealed record LostItemView(string Id, string Label, string? Href, string? Procedure = null, DateTimeOffset? ReceivedAt = null, DateTimeOffset? DueAt = null, DateTimeOffset? FinishedAt = null);

/// <summary>The 766 index of one scope and period with what the pages need to label it.</summary>
public sealed record Index766View(string ScopeName, int? UnitId, ReportPeriod Period, Index766Result Result, IndexInputs Inputs)
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
        var page = indicator.LostItems.Skip(skip).Take(take).ToList();
        if (indicator.LostItemKind == LostItemKind.Procedure)
        {
            var names = Inputs.Procedures.ToDictionary(p => p.Key, p => p.Name, StringComparer.Ordinal);
            return page.Select(k => new LostItemView(k, names.GetValueOrDefault(k, k), null)).ToList();
        }
        // Dossiers and ballots both name dossiers by id: the facts know most codes; ballots may rate dossiers received earlier.
        var codes = Inputs.Facts.ToDictionary(f => f.Id, f => f.Code, StringComparer.Ordinal);
        var missing = page.Where(id => !codes.ContainsKey(id)).Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
        if (missing.Count > 0)
        {
            foreach (var d in await reporting.Context.Dossiers.AsNoTracking().Where(d => missing.Contains(d.Id)).Select(d => new { d.Id, d.Code }).ToListAsync(ct))
            {
                codes[d.Id.ToString(CultureInfo.InvariantCulture)] = d.Code;
            }
        }
        var facts = Inputs.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        return page.Select(id => codes.TryGetValue(id, out var code)
            ? facts.TryGetValue(id, out var f)
                ? new LostItemView(id, code, "/ho-so/" + Uri.EscapeDataString(code), f.ProcedureName, f.ReceivedAt, f.DueAt, DossierReport.FinishedAt(f, ReportOptions.Default.CountFinishAt))
                : new LostItemView(id, code, "/ho-so/" + Uri.EscapeDataString(code))
            : new LostItemView(id, id, null)).ToList();
    }

    /// <summary>Computes the index for the agency (<paramref name="unitId"/> null) or one of its units.</summary>
    public static async Task<Index766View> ComputeAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        var inputs = await IndexQueries.LoadAsync(reporting, agencyId, period, unitId, ct);
        var result = Index766.Compute(inputs.Input, period);
        string name;
        if (unitId is { } u)
        {
            name = await reporting.Context.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.Name).SingleAsync(ct);
        }
        else
        {
            name = await reporting.Context.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(ct);
        }
        return new Index766View(name, unitId, period, result, inputs);
    }

    /// <summary>The agency's monthly trend over <paramref name="months"/>: one load over the whole span, then per month in memory.</summary>
    public static async Task<IReadOnlyList<Index766TrendPoint>> TrendAsync(ReportingDb reporting, int agencyId, IReadOnlyList<ReportPeriod> months, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0)
        {
            return [];
        }
        var span = ReportPeriod.Custom(months[0].Start, months[^1].End);
        var inputs = await IndexQueries.LoadAsync(reporting, agencyId, span, null, ct);
        // Manual points are entered per period; the monthly trend compares what the system measures (earned / computable).
        return Index766.Trend(inputs.Input with { ManualPoints = null }, months);
    }
}
