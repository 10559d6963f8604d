using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Indices;

/// <summary>
/// Base of the pages with a period picker (766 index, drill-down, scoring, targets): reads ky/nam/so/donvi, checks the
/// unit belongs to the caller's agency, and leaves a Vietnamese error instead of a period when the input is bad.
/// </summary>
public abstract class PeriodPageModel(ReportingDb reporting, TimeProvider time) : PageModel
{
    protected ReportingDb Reporting { get; } = reporting;

    protected TimeProvider Time { get; } = time;

    [BindProperty(SupportsGet = true, Name = "ky")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "so")]
    public int? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "donvi")]
    public int? UnitId { get; set; }

    public PeriodChoice Choice { get; private set; } = new(PeriodChoice.MonthKind, 2025, 1);

    /// <summary>The chosen period as reported now: one that has not ended is counted up to this moment (provisional).</summary>
    public ReportPeriod Period => Choice.Period.AsOf(_now ??= Time.GetUtcNow());

    private DateTimeOffset? _now;

    public IReadOnlyDictionary<string, string> Units { get; private set; } = new Dictionary<string, string>();

    /// <summary>The units the picker offers: those merged into another before the period began are left out, the chosen one kept.</summary>
    public IReadOnlyDictionary<string, string> PickerUnits { get; private set; } = new Dictionary<string, string>();

    public string? Error { get; protected set; }

    protected int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    /// <summary>Query string that keeps the picker's choice (and unit) on links.</summary>
    public string Query => Choice.Query + (UnitId is { } u ? "&donvi=" + u.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>Reads the picker. False (with <see cref="Error"/> set) when the input is bad: the page shows the error, not a period.</summary>
    protected async Task<bool> ResolveAsync(CancellationToken ct)
    {
        Units = await IndexQueries.UnitNamesAsync(Reporting, AgencyId, ct);
        PickerUnits = Units;
        // A bad number in the query leaves the property null and a model error: say so rather than silently use today.
        if (!ModelState.IsValid)
        {
            Error = "Tham số kỳ báo cáo không hợp lệ: tháng, quý, năm và đơn vị phải là số.";
            Choice = PeriodChoice.Containing(PeriodChoice.MonthKind, Time.Today());
            return false;
        }
        var (choice, error) = PeriodChoice.Parse(Kind, Year, Number, Time.Today());
        Choice = choice ?? PeriodChoice.Containing(PeriodChoice.MonthKind, Time.Today());
        if (error is not null)
        {
            Error = error;
            return false;
        }
        var closed = await IndexQueries.ClosedUnitKeysAsync(Reporting, AgencyId, Choice.Period.Start, ct);
        var chosen = UnitId?.ToString(CultureInfo.InvariantCulture);
        PickerUnits = Units.Where(x => !closed.Contains(x.Key) || x.Key == chosen).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        if (UnitId is { } u && (u == 0 || !Units.ContainsKey(u.ToString(CultureInfo.InvariantCulture))))
        {
            Error = "Không có đơn vị này trong cơ quan.";
            UnitId = null;
            return false;
        }
        return true;
    }
}
