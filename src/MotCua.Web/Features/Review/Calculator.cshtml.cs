using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Review;

namespace MotCua.Web.Features.Review;

/// <summary>Máy tính chi phí tuân thủ: try a simplification's effect before recording it on a review item.</summary>
public sealed class CalculatorModel : PageModel
{
    [BindProperty]
    public string? HourlyValue { get; set; } = "40000";

    [BindProperty]
    public bool Abolish { get; set; }

    [BindProperty]
    public CostPhaseInput Before { get; set; } = new();

    [BindProperty]
    public CostPhaseInput After { get; set; } = new();

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public CostSaving? Result { get; private set; }

    public decimal PerComplianceBefore { get; private set; }

    public decimal PerComplianceAfter { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var hourly = CostForm.Number(HourlyValue);
        if (hourly is null)
        {
            Errors["HourlyValue"] = $"Giá trị một giờ làm việc: «{HourlyValue}» không phải số không âm hợp lệ.";
        }
        var before = CostForm.Read(Before, CostPhase.Before, "Before", Errors);
        var after = CostForm.Read(After, CostPhase.After, "After", Errors);
        if (Errors.Count > 0)
        {
            return Page();
        }
        var b = new ComplianceCostInput(hourly!.Value, [.. before.Items.Select(Requirement)], before.Subjects, before.Frequency);
        var a = new ComplianceCostInput(hourly.Value, [.. after.Items.Select(Requirement)], after.Subjects, after.Frequency);
        PerComplianceBefore = ComplianceCost.PerCompliance(b);
        PerComplianceAfter = Abolish ? 0 : ComplianceCost.PerCompliance(a);
        Result = ComplianceCost.Saving(b, Abolish ? null : a);
        return Page();
    }

    internal static CostRequirement Requirement(ComplianceCostItem c) => new(c.Name, c.Hours, c.OutsourcingCost, c.Fees, c.OtherCosts);
}
