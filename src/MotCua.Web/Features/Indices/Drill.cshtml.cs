using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Indices;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Indices;

/// <summary>/chi-so-766/{indicator}: the dossiers (procedures, ballots) that lost an indicator's points, paged.</summary>
public sealed class DrillModel(ReportingDb reporting, TimeProvider time) : PeriodPageModel(reporting, time)
{
    public const int PageSize = 50;

    [FromRoute(Name = "indicator")]
    public string Indicator { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public Index766View? View { get; private set; }

    public Index766IndicatorResult? Result { get; private set; }

    public IReadOnlyList<LostItemView> Items { get; private set; } = [];

    public int PageCount => Result is null ? 0 : Math.Max(1, (Result.LostCount + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Index766Definitions.Default.Any(d => string.Equals(d.Code, Indicator, StringComparison.Ordinal)))
        {
            return NotFound();
        }
        if (!await ResolveAsync(ct))
        {
            return Page();
        }
        View = await Index766View.ComputeAsync(Reporting, AgencyId, Period, UnitId, ct);
        Result = View.Result.Indicator(Indicator);
        if (Result is null)
        {
            Error = "Chỉ tiêu này không áp dụng cho kỳ đã chọn.";
            return Page();
        }
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Items = await View.LabelAsync(Reporting, Result, (PageNumber - 1) * PageSize, PageSize, ct);
        return Page();
    }

    public string PageHref(int page) => "/chi-so-766/" + Uri.EscapeDataString(Indicator) + "?" + Query + "&trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
