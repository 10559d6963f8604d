namespace MotCua.Core.Review;

/// <summary>
/// One requirement a citizen or business must meet to complete a procedure (prepare the form, travel, wait for the
/// decision…), with the time it takes and the money it costs per compliance. Money in đồng.
/// </summary>
public sealed record CostRequirement(string Name, decimal Hours, decimal OutsourcingCost = 0m, decimal Fees = 0m, decimal OtherCosts = 0m)
{
    /// <summary>Time × hourly income + outsourcing + fees and charges + other costs, for one compliance.</summary>
    public decimal Cost(decimal hourlyValue) => (Hours * hourlyValue) + OutsourcingCost + Fees + OtherCosts;
}

/// <summary>
/// The cost of one procedure, before or after simplification, by the standard cost method of TT 02/2017/TT-VPCP:
/// (Σ requirements) × subjects × yearly frequency. The provinces' short form ("processing working days × 8 hours ×
/// 40.000 đ × dossiers a year", Đồng Nai QĐ 2816/QĐ-UBND 2025) is the same formula with one requirement whose hours
/// are the processing days × 8, one subject per dossier and frequency 1; <see cref="ComplianceCost.FromProcessingDays"/> builds it.
/// </summary>
public sealed record ComplianceCostInput(decimal HourlyValue, IReadOnlyList<CostRequirement> Requirements, decimal Subjects, decimal FrequencyPerYear);

/// <summary>Saving between two yearly costs: đồng, and percent of the cost before.</summary>
public sealed record CostSaving(decimal CostBefore, decimal CostAfter, decimal Saving, decimal ReductionPercent);

public static class ComplianceCost
{
    /// <summary>"01 giờ làm việc = 40.000 đồng theo bình quân thu nhập năm 2024 của Tổng cục Thống kê" (Đồng Nai QĐ 2816/QĐ-UBND, 20/11/2025). Configurable per review.</summary>
    public const decimal DefaultHourlyValue = 40_000m;

    public const decimal HoursPerWorkingDay = 8m;

    /// <summary>Cost of one compliance (one subject, once), unrounded.</summary>
    public static decimal PerCompliance(ComplianceCostInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Requirements.Sum(r => r.Cost(input.HourlyValue));
    }

    /// <summary>
    /// Yearly cost in whole đồng: per-compliance cost × subjects × frequency, computed exactly in decimal and rounded
    /// once at the end, half away from zero (the documents state costs in whole đồng).
    /// </summary>
    public static decimal Annual(ComplianceCostInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        return Math.Round(PerCompliance(input) * input.Subjects * input.FrequencyPerYear, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>The provinces' short form as an input: processing days × 8 hours at <paramref name="hourlyValue"/>, for <paramref name="dossiersPerYear"/> dossiers.</summary>
    public static ComplianceCostInput FromProcessingDays(decimal processingWorkingDays, decimal dossiersPerYear, decimal hourlyValue = DefaultHourlyValue, decimal fees = 0m, decimal otherCosts = 0m) =>
        new(hourlyValue,
            [new CostRequirement("Thời gian giải quyết", processingWorkingDays * HoursPerWorkingDay, 0m, fees, otherCosts)],
            dossiersPerYear, 1m);

    /// <summary>Saving in đồng and reduction in percent of the cost before, to two decimals (half away from zero); 0 % when there was no cost.</summary>
    public static CostSaving Saving(decimal costBefore, decimal costAfter)
    {
        var saving = costBefore - costAfter;
        var percent = costBefore == 0m ? 0m : Math.Round(saving / costBefore * 100m, 2, MidpointRounding.AwayFromZero);
        return new CostSaving(costBefore, costAfter, saving, percent);
    }

    public static CostSaving Saving(ComplianceCostInput before, ComplianceCostInput? after) =>
        Saving(Annual(before), after is null ? 0m : Annual(after));

    private static void Validate(ComplianceCostInput input)
    {
        if (input.HourlyValue < 0 || input.Subjects < 0 || input.FrequencyPerYear < 0
            || input.Requirements.Any(r => r.Hours < 0 || r.OutsourcingCost < 0 || r.Fees < 0 || r.OtherCosts < 0))
        {
            throw new ArgumentException("Compliance cost inputs cannot be negative.", nameof(input));
        }
    }
}
