using MotCua.Core.Dossiers;
using MotCua.Core.Evaluation;
using MotCua.Core.Indices;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;

using static MotCua.Core.Tests.Reports.ReportFacts;

namespace MotCua.Core.Tests.Indices;

public sealed class Index766Tests
{
    private static readonly ReportPeriod Q1 = ReportPeriod.Quarter(2025, 1, ReportingRegime.Calendar);

    /// <summary>Five dossiers, four procedures, two ballots; the expected points are worked out by hand below.</summary>
    private static Index766Input Scenario(IReadOnlyDictionary<string, decimal>? manual = null)
    {
        DossierFact[] facts =
        [
            // Online, early, everything done right.
            Fact("d1", At(2025, 1, 6), At(2025, 1, 10), DossierChannel.Online, unit: "u1", procedure: "p1") with
            {
                CompletedAt = At(2025, 1, 9), SyncedToNationalPortal = true, ComponentsDigitised = true, ElectronicResult = true,
                FeeCharged = true, PaidOnline = true, ReusedDigitisedData = true,
            },
            // Direct, late, not synced, paid at the desk, paper result.
            Fact("d2", At(2025, 1, 6), At(2025, 1, 10), DossierChannel.Direct, unit: "u1", procedure: "p1") with
            {
                CompletedAt = At(2025, 1, 15), ComponentsDigitised = true, FeeCharged = true,
            },
            // Online, overdue at the end of the quarter, not digitised.
            Fact("d3", At(2025, 2, 3), At(2025, 2, 10), DossierChannel.Online, unit: "u2", procedure: "p4") with { SyncedToNationalPortal = true },
            // Postal, pending within time.
            Fact("d4", At(2025, 3, 25), At(2025, 4, 5), DossierChannel.Postal, unit: "u2", procedure: "p4") with
            {
                SyncedToNationalPortal = true, ComponentsDigitised = true,
            },
            // Carried over from 2024, early, electronic result.
            Fact("d5", At(2024, 12, 20), At(2025, 1, 3), DossierChannel.Online, unit: "u1", procedure: "p1") with
            {
                CompletedAt = At(2025, 1, 2), SyncedToNationalPortal = true, ElectronicResult = true,
            },
        ];
        ProcedureFact[] procedures =
        [
            Procedure("p1", OnlineServiceLevel.Full, "u1") with { ChargesFee = true },
            Procedure("p2", OnlineServiceLevel.Partial, "u1") with { ChargesFee = true },
            Procedure("p3", OnlineServiceLevel.None, "u2") with { DisclosedOnTime = false },
            Procedure("p4", OnlineServiceLevel.Full, "u2"),
        ];
        CitizenEvaluation[] ballots =
        [
            new("d1", "u1", At(2025, 1, 10), Enumerable.Range(1, 9).ToDictionary(i => i, _ => 2)),
            new("d2", "u1", At(2025, 1, 16), Enumerable.Range(1, 9).ToDictionary(i => i, _ => 1)),
        ];
        return new Index766Input(facts, procedures, ballots, manual);
    }

    public static TheoryData<string, string, double?, string> Expected => new()
    {
        // code, status, earned, lost items (comma-separated, sorted)
        { "1.1", "Scored", 3.00, "p3" },                 // 4 × 3/4
        { "1.2", "Scored", 4.50, "d2" },                 // 6 × 3/4 of the received (d5 was carried over)
        { "1.3", "NotEntered", null, "" },
        { "2.1", "Scored", 12.00, "d2,d3" },             // 20 × 3/5: d2 resolved late, d3 overdue
        { "3.1", "Scored", 1.60, "p3" },                 // 3/4 = 75% < 80%
        { "3.2", "Scored", 2.67, "p2" },                 // 4 × 2/3
        { "3.3", "Scored", 6.00, "" },                   // 2/4 = 50% ≥ 50%: nothing lost, nothing listed
        { "4.1", "Scored", 2.00, "" },                   // p1 of {p1, p2} = 50%
        { "4.2", "Scored", 2.00, "" },                   // constant
        { "4.3", "Scored", 6.00, "" },                   // 1/2 ≥ 30%
        { "5.1", "Scored", 13.50, "d2" },                // 18 × 27/36
        { "6.1", "Scored", 4.00, "d2" },                 // 6 × 2/3 of the resolved
        { "6.2", "Scored", 3.20, "d3" },                 // 3/4 < 80%
        { "6.3", "Scored", 1.60, "d2,d3,d4" },           // 1/4 < 80%
        { "6.4", "Scored", 7.00, "" },                   // entered by hand
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Indicator_points_and_drill_down_on_a_hand_computed_case(string code, string status, double? earned, string lost)
    {
        Index766Result result = Index766.Compute(Scenario(new Dictionary<string, decimal> { ["6.4"] = 7 }), Q1);

        Index766IndicatorResult indicator = Assert.IsType<Index766IndicatorResult>(result.Indicator(code));
        Assert.Equal(Enum.Parse<IndicatorStatus>(status), indicator.Status);
        Assert.Equal(earned is null ? null : (decimal)earned.Value, indicator.EarnedPoints);
        Assert.Equal(lost.Length == 0 ? [] : lost.Split(','), indicator.LostItems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Totals_leave_unentered_rows_out_of_the_computed_maximum()
    {
        Index766Result result = Index766.Compute(Scenario(new Dictionary<string, decimal> { ["6.4"] = 7 }), Q1);

        Assert.Equal(69.07m, result.EarnedPoints);
        Assert.Equal(92m, result.ComputedMaxPoints);
        Assert.Equal(100m, result.MaxPoints);
        Assert.Equal(13.50m, result.Groups.Single(g => g.Group.Number == 5).EarnedPoints);
    }

    [Fact]
    public void The_seeded_table_adds_up_to_100_and_each_group_to_its_maximum()
    {
        Assert.Equal(100m, Index766Definitions.Groups.Sum(g => g.MaxPoints));
        foreach (Index766Group group in Index766Definitions.Groups)
        {
            Assert.Equal(group.MaxPoints, Index766Definitions.Default.Where(i => i.Group == group.Number).Sum(i => i.MaxPoints));
        }

        Assert.Equal(Index766Definitions.Default.Count, Index766Definitions.Default.Select(i => i.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Per_unit_results_use_only_the_unit_s_dossiers_procedures_and_ballots()
    {
        IReadOnlyList<Index766Result> results = Index766.ComputeByUnit(Scenario(), Q1);

        Assert.Equal([Index766.AgencyScope, "u1", "u2"], results.Select(r => r.ScopeKey));
        Index766Result u2 = results[2];
        Assert.Equal(10.00m, u2.Indicator("2.1")!.EarnedPoints);          // d3 overdue, d4 within time
        Assert.Equal(["d3"], u2.Indicator("2.1")!.LostItems);
        Assert.Equal(IndicatorStatus.NoData, u2.Indicator("5.1")!.Status); // no ballots for u2
        Assert.Null(u2.Indicator("5.1")!.EarnedPoints);
        Index766Result u1 = results[1];
        Assert.Equal(["d2"], u1.Indicator("2.1")!.LostItems);
        Assert.Equal(20m * 2 / 3, u1.Indicator("2.1")!.EarnedPoints!.Value, 2);
    }

    [Fact]
    public void A_corrected_table_row_changes_the_score_without_code_changes()
    {
        Index766Indicator[] corrected =
        [
            .. Index766Definitions.Default,
            Index766Definitions.Default.Single(i => i.Code == "3.1") with
            {
                Scoring = IndicatorScoring.AtLeast(0.70m, 1.6m),
                EffectiveFrom = new DateOnly(2025, 1, 1),
            },
        ];

        Assert.Equal(2m, Index766.Compute(Scenario(), Q1, table: corrected).Indicator("3.1")!.EarnedPoints);
        Assert.Equal(1.6m, Index766.Compute(Scenario(), ReportPeriod.Quarter(2024, 4, ReportingRegime.Calendar), table: corrected).Indicator("3.1")!.EarnedPoints);
    }

    [Fact]
    public void The_monthly_trend_is_the_index_of_each_month()
    {
        IReadOnlyList<ReportPeriod> months = ReportPeriod.Months(2025, 1, 2025, 3, ReportingRegime.Calendar);

        IReadOnlyList<Index766TrendPoint> trend = Index766.Trend(Scenario(), months);

        Assert.Equal(["2025-01", "2025-02", "2025-03"], trend.Select(t => t.Period.Key));
        // January: d1 early, d2 late, d5 early → 20 × 2/3; February: only d3, overdue at the month's end → 0.
        Assert.Equal(13.33m, Index766.Compute(Scenario(), months[0]).Indicator("2.1")!.EarnedPoints);
        Assert.Equal(0m, Index766.Compute(Scenario(), months[1]).Indicator("2.1")!.EarnedPoints);
        for (var i = 0; i < months.Count; i++)
        {
            Index766Result month = Index766.Compute(Scenario(), months[i]);
            Assert.Equal(month.EarnedPoints, trend[i].EarnedPoints);
            Assert.Equal(month.ComputedMaxPoints, trend[i].ComputedMaxPoints);
        }

        Assert.NotEqual(trend[0].EarnedPoints, trend[1].EarnedPoints);
    }

    [Fact]
    public void A_month_without_dossiers_or_ballots_has_no_score_though_its_procedures_count()
    {
        IReadOnlyList<ReportPeriod> months = ReportPeriod.Months(2024, 10, 2025, 1, ReportingRegime.Calendar);

        Index766Result october = Index766.Compute(Scenario(), months[0]);
        IReadOnlyList<Index766TrendPoint> trend = Index766.Trend(Scenario(), months);

        // The catalogue's measures alone would give the empty month points of a score.
        Assert.True(october.ComputedMaxPoints > 0);
        Assert.False(october.HasData);
        Assert.False(trend[0].HasData);
        Assert.Null(trend[0].Score);
        Assert.Null(trend[0].ScoreMax);
        Assert.True(Index766.Compute(Scenario(), months[^1]).HasData);
        Assert.Equal(trend[^1].EarnedPoints, trend[^1].Score);
    }

    [Fact]
    public void Drill_down_lists_exactly_the_dossiers_that_lost_progress_points_over_random_data()
    {
        List<DossierFact> facts = MotCua.Core.Tests.Reports.DossierReportTests.RandomFacts(new Random(766), 3000, At(2024, 10, 1));
        var input = new Index766Input(facts, [], []);

        Index766Result result = Index766.Compute(input, Q1);

        DossierReport report = DossierReport.Compute(facts, Q1, GroupBy.Agency);
        Index766IndicatorResult progress = result.Indicator("2.1")!;
        Assert.Equal(report.Total.ResolvedLate + report.Total.PendingOverdue, progress.LostItems.Count);
        Assert.Equal(report.Total.Total, progress.Denominator);
        Assert.All(progress.LostItems, id =>
            Assert.True(DossierReport.Classify(facts.Single(f => f.Id == id), Q1)!.Value.Closing is PeriodClosing.ResolvedLate or PeriodClosing.PendingOverdue));
    }
    [Fact]
    public void Counts_without_their_items_score_the_same_and_say_how_many_items_lost_points()
    {
        var manual = new Dictionary<string, decimal> { ["6.4"] = 7 };
        Index766Input input = Scenario(manual);
        Index766Result reference = Index766.Compute(input, Q1);
        // What a database aggregate gives: the numbers only, the items listed later on demand.
        var counts = Index766.Measure(input, Q1).ToDictionary(kv => kv.Key, kv => kv.Value with { FailingItems = null });

        Index766Result fromCounts = Index766.FromCounts(Index766.AgencyScope, Q1, counts, manual);

        Assert.Equal(reference.EarnedPoints, fromCounts.EarnedPoints);
        Assert.Equal(reference.ComputedMaxPoints, fromCounts.ComputedMaxPoints);
        foreach (var (expected, actual) in reference.Groups.SelectMany(g => g.Indicators).Zip(fromCounts.Groups.SelectMany(g => g.Indicators)))
        {
            Assert.Equal((expected.Status, expected.EarnedPoints, expected.Numerator, expected.Denominator), (actual.Status, actual.EarnedPoints, actual.Numerator, actual.Denominator));
            Assert.Equal(expected.LostItems.Count, actual.LostCount);
            Assert.Empty(actual.LostItems);
        }
        Assert.Equal(2, fromCounts.Indicator("2.1")!.LostCount);

        // A measure the caller did not count is "no data", not zero points.
        counts.Remove(Index766Measure.DossiersOnline);
        Assert.Equal(IndicatorStatus.NoData, Index766.FromCounts(Index766.AgencyScope, Q1, counts, manual).Indicator("3.3")!.Status);
    }
}
