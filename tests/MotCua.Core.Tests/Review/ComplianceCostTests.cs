using MotCua.Core.Review;

namespace MotCua.Core.Tests.Review;

public sealed class ComplianceCostTests
{
    /// <summary>review.md §8.4, Đồng Nai QĐ 2816/QĐ-UBND: days × 8 h × 40.000 đ × dossiers a year.</summary>
    [Theory]
    [InlineData(10, 9, 10, 32_000_000, 28_800_000, 3_200_000, 10)]
    [InlineData(25, 23, 10, 80_000_000, 73_600_000, 6_400_000, 8)]
    [InlineData(5, 3, 10, 16_000_000, 9_600_000, 6_400_000, 40)]
    public void Reproduces_the_worked_examples_to_the_dong(int daysBefore, int daysAfter, int dossiers, long before, long after, long saving, decimal percent)
    {
        var result = ComplianceCost.Saving(ComplianceCost.FromProcessingDays(daysBefore, dossiers), ComplianceCost.FromProcessingDays(daysAfter, dossiers));

        Assert.Equal(before, result.CostBefore);
        Assert.Equal(after, result.CostAfter);
        Assert.Equal(saving, result.Saving);
        Assert.Equal(percent, result.ReductionPercent);
    }

    [Fact]
    public void Abolition_saves_everything()
    {
        var result = ComplianceCost.Saving(18_509_608m, 0m);
        Assert.Equal(18_509_608m, result.Saving);
        Assert.Equal(100m, result.ReductionPercent);
    }

    [Fact]
    public void Ha_Noi_per_dossier_reduction_is_77_44_percent()
    {
        Assert.Equal(77.44m, ComplianceCost.Saving(1_024_000m, 231_000m).ReductionPercent);
    }

    [Fact]
    public void Full_method_sums_time_fees_and_other_costs_then_multiplies_by_subjects_and_frequency()
    {
        var input = new ComplianceCostInput(40_000m,
            [new CostRequirement("Chuẩn bị hồ sơ", 2.5m, OutsourcingCost: 100_000m), new CostRequirement("Nộp hồ sơ", 1m, Fees: 150_000m, OtherCosts: 30_000m)],
            Subjects: 120m, FrequencyPerYear: 2m);

        // (2.5 × 40.000 + 100.000) + (1 × 40.000 + 150.000 + 30.000) = 420.000 per compliance; × 120 × 2.
        Assert.Equal(420_000m, ComplianceCost.PerCompliance(input));
        Assert.Equal(100_800_000m, ComplianceCost.Annual(input));
    }

    [Fact]
    public void Annual_cost_rounds_once_to_whole_dong_half_away_from_zero()
    {
        var input = new ComplianceCostInput(33_333.33m, [new CostRequirement("x", 0.5m)], 3m, 1m);
        // 0.5 × 33.333,33 × 3 = 49.999,995 → 50.000
        Assert.Equal(50_000m, ComplianceCost.Annual(input));
    }

    [Fact]
    public void No_cost_before_means_zero_percent_not_a_division_error()
    {
        Assert.Equal(0m, ComplianceCost.Saving(0m, 0m).ReductionPercent);
    }
}
