using MotCua.Core.Dossiers;
using MotCua.Core.Plans;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;

using static MotCua.Core.Tests.Reports.ReportFacts;

namespace MotCua.Core.Tests.Reports;

public sealed class PlanTargetActualsTests
{
    private static readonly ReportPeriod Q1 = ReportPeriod.Quarter(2025, 1, ReportingRegime.Calendar);

    [Fact]
    public void The_2024_plan_targets_against_a_small_quarter()
    {
        // 10 received: 9 online, 8 digitised (one of which has an undigitised result), 4 fee-bearing of which 3 paid
        // online; 5 resolved, 4 synced; 20 eligible procedures, 19 toàn trình.
        var facts = new List<DossierFact>();
        for (var i = 0; i < 10; i++)
        {
            DossierFact f = Fact("d" + i, At(2025, 2, 3 + i), At(2025, 2, 20), i == 0 ? DossierChannel.Direct : DossierChannel.Online) with
            {
                ComponentsDigitised = i < 9,
                FeeCharged = i < 4,
                PaidOnline = i < 3,
            };
            if (i < 5)
            {
                f = f with { CompletedAt = At(2025, 2, 18), ResultDigitised = i != 1, SyncedToNationalPortal = i != 2 };
            }

            facts.Add(f);
        }

        var procedures = Enumerable.Range(0, 21)
            .Select(i => Procedure("p" + i, i < 19 ? OnlineServiceLevel.Full : OnlineServiceLevel.Partial) with { EligibleForFullOnline = i != 20 })
            .ToList();
        PlanTargetSpec[] targets =
        [
            new(PlanIndicators.DigitisedRecords, "Tỷ lệ số hóa hồ sơ, kết quả", TargetComparison.AtLeast, 100, "%"),
            new(PlanIndicators.NationalPortalSync, "Tỷ lệ đồng bộ", TargetComparison.AtLeast, 100, "%"),
            new(PlanIndicators.OnlineDossiers, "Tỷ lệ hồ sơ trực tuyến", TargetComparison.AtLeast, 90, "%"),
            new(PlanIndicators.OnlinePayments, "Tỷ lệ thanh toán trực tuyến", TargetComparison.AtLeast, 95, "%"),
            new(PlanIndicators.FullOnlineServices, "Tỷ lệ toàn trình", TargetComparison.AtLeast, 95, "%"),
            new(PlanIndicators.Other, "Tỷ lệ khác", TargetComparison.AtLeast, 50, "%"),
        ];

        IReadOnlyList<TargetActual> rows = PlanTargetActuals.Compute(targets, facts, procedures, Q1);

        Assert.Equal((8, 10, 80m, false), Tuple(rows[0]));
        Assert.Equal((4, 5, 80m, false), Tuple(rows[1]));
        Assert.Equal((9, 10, 90m, true), Tuple(rows[2]));
        Assert.Equal((3, 4, 75m, false), Tuple(rows[3]));
        Assert.Equal((19, 20, 95m, true), Tuple(rows[4]));
        Assert.Null(rows[5].Actual);
        Assert.Null(rows[5].Met);
    }

    [Fact]
    public void No_denominator_means_no_figure_rather_than_zero()
    {
        PlanTargetSpec target = new(PlanIndicators.OnlinePayments, "Tỷ lệ thanh toán trực tuyến", TargetComparison.AtLeast, 95, "%");

        TargetActual row = Assert.Single(PlanTargetActuals.Compute([target], [], [], Q1));

        Assert.Null(row.Actual);
        Assert.Null(row.Met);
        Assert.Equal(0, row.Denominator);
    }

    private static (int?, int?, decimal?, bool?) Tuple(TargetActual row) => (row.Numerator, row.Denominator, row.Actual, row.Met);
}
