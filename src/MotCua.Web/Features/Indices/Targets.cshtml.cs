using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Indices;

/// <summary>/chi-tieu: the year's plan targets against the live figures.</summary>
public sealed class TargetsModel(ReportingDb reporting, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    public int SelectedYear { get; private set; }

    public ReportPeriod? Period { get; private set; }

    public IReadOnlyList<PlanTargetsView> Plans { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SelectedYear = time.Today().Year;
        if (!ModelState.IsValid || Year is < 2000 or > 2100)
        {
            Error = "Năm phải là số từ 2000 đến 2100.";
            return;
        }
        var agencyId = User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        SelectedYear = Year ?? await TargetActuals.DefaultYearAsync(reporting, agencyId, time.Today(), ct);
        (Period, Plans) = await TargetActuals.ComputeAsync(reporting, agencyId, SelectedYear, time.Today(), ct);
    }
}
