using MotCua.Core.Dossiers;
using MotCua.Core.Evaluation;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;

using static MotCua.Core.Tests.Reports.ReportFacts;

namespace MotCua.Core.Tests.Evaluation;

public sealed class OneStopEvaluationTests
{
    private static readonly ReportPeriod Q1 = ReportPeriod.Quarter(2025, 1, ReportingRegime.Calendar);

    private static IReadOnlyList<UnitEvaluation> Evaluate(bool lateDossierOnline = false)
    {
        DossierFact[] facts =
        [
            Fact("a", At(2025, 1, 6), At(2025, 1, 10), DossierChannel.Online, unit: "u1") with
            {
                CompletedAt = At(2025, 1, 8), ContactedBodies = 0,
                Steps = [new StepTiming("u1", At(2025, 1, 8, 17), At(2025, 1, 7, 10)), new StepTiming("u2", At(2025, 1, 9, 17), At(2025, 1, 9, 15))],
            },
            Fact("b", At(2025, 1, 6), At(2025, 1, 10), DossierChannel.Online, unit: "u1") with
            {
                CompletedAt = At(2025, 1, 10, 8), SupplementRequests = 1, ContactedBodies = 1,
                Steps = [new StepTiming("u1", At(2025, 1, 10, 7, 30), At(2025, 1, 10, 7))],
            },
            Fact("c", At(2025, 1, 6), At(2025, 1, 10), lateDossierOnline ? DossierChannel.Online : DossierChannel.Direct, unit: "u1") with
            {
                CompletedAt = At(2025, 1, 12), SupplementRequests = 2, MisconductComplaint = true,
            },
        ];
        ProcedureFact[] procedures =
        [
            Procedure("p1", OnlineServiceLevel.Full, "u1") with { DecidedAtOneStop = true },
            Procedure("p2", OnlineServiceLevel.Partial, "u1") with { PublishedElectronically = false },
            Procedure("p3", OnlineServiceLevel.None, "u2") with { ReceivedAtOneStop = false, DisclosedOnTime = false },
        ];
        CitizenEvaluation[] ballots =
        [
            new("a", "u1", At(2025, 1, 9), Enumerable.Range(1, 9).ToDictionary(i => i, _ => 2)),
            new("b", "u1", At(2025, 1, 11), Enumerable.Range(1, 8).ToDictionary(i => i, _ => 1)),
            new("old", "u1", At(2024, 12, 1), Enumerable.Range(1, 9).ToDictionary(i => i, _ => 0)),
        ];
        var pakn = new Dictionary<string, PaknCounts> { ["u1"] = new(10, 10, HandledOnTime: 9) };
        return OneStopEvaluation.Compute(facts, procedures, ballots, pakn, Q1);
    }

    public static TheoryData<string, int, double?, double?> Expected => new()
    {
        // scope, indicator, system score, citizens' score
        { "u1", 1, 1.00, 1.5 },   // early 2, on time 1, late 0
        { "u1", 2, 1.50, 1.5 },   // u1's steps: early in a (2), on time in b (1)
        { "u1", 3, 1.00, 1.5 },   // 0, 1, 2 supplements → 2, 1, 0
        { "u1", 4, 1.50, 1.5 },   // c has no record and is left out
        { "u1", 5, 2.00, 1.5 },   // all received at the desk, 1/2 decided there ≥ 20%
        { "u1", 6, 1.00, 1.5 },   // p2 only posted
        { "u1", 7, 1.00, 1.5 },   // 2, 1, complaint 0
        { "u1", 8, 1.00, 1.5 },   // 90% on time, none prolonged
        { "u1", 9, 2.00, 2.0 },   // 2/2 procedures online, 2/3 dossiers online, none late; only ballot a answered 9
        { "u2", 2, 1.00, null },  // u2's step in u1's dossier a was on time
        { "u2", 5, 0.00, null },  // p3 not received at the one-stop desk
        { "u2", 6, 0.00, null },  // p3 not disclosed on time
        { "u2", 8, 2.00, null },  // no PAKN
        { "u2", 1, null, null },  // nothing resolved
        { "agency", 2, 1.00, 1.5 }, // a: early and on time → 1; b: on time → 1
        { "agency", 8, 1.00, 1.5 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Indicator_scores_from_system_data_and_ballots(string scope, int indicator, double? system, double? citizen)
    {
        UnitEvaluation unit = Evaluate().Single(u => u.Key == (scope == "agency" ? OneStopEvaluation.AgencyKey : scope));

        IndicatorScore score = unit.Indicators[indicator - 1];
        Assert.Equal(indicator, score.Indicator.Number);
        Assert.Equal(system is null ? null : (decimal)system.Value, score.SystemScore);
        Assert.Equal(citizen is null ? null : (decimal)citizen.Value, score.CitizenScore);
    }

    [Fact]
    public void Totals_and_grades_only_when_all_nine_are_scored()
    {
        IReadOnlyList<UnitEvaluation> all = Evaluate();
        UnitEvaluation u1 = all.Single(u => u.Key == "u1");
        UnitEvaluation u2 = all.Single(u => u.Key == "u2");

        Assert.Equal(12.00m, u1.SystemTotal);
        Assert.Equal("Tốt", u1.SystemGrade?.Name);
        Assert.Equal(14.00m, u1.CitizenTotal);
        Assert.Equal("Tốt", u1.CitizenGrade?.Name);
        Assert.Null(u2.SystemGrade);
        Assert.Null(u2.CitizenGrade);
        Assert.Equal(OneStopEvaluation.AgencyKey, all[0].Key);
    }

    [Fact]
    public void A_late_online_dossier_takes_indicator_nine_to_zero()
    {
        UnitEvaluation u1 = Evaluate(lateDossierOnline: true).Single(u => u.Key == "u1");

        Assert.Equal(0m, u1.Indicators[8].SystemScore);
    }

    [Theory]
    [InlineData(18, "Xuất sắc")]
    [InlineData(15, "Xuất sắc")]
    [InlineData(14.99, "Tốt")]
    [InlineData(12, "Tốt")]
    [InlineData(11.99, "Khá")]
    [InlineData(9, "Khá")]
    [InlineData(8.5, "Trung bình")]
    [InlineData(6, "Trung bình")]
    [InlineData(5.99, "Yếu")]
    [InlineData(0, "Yếu")]
    public void Grading_bands_with_exactly_15_excellent(double total, string grade)
    {
        Assert.Equal(grade, OneStopEvaluation.Grade((decimal)total).Name);
    }

    [Fact]
    public void Nine_indicators_numbered_one_to_nine()
    {
        Assert.Equal(Enumerable.Range(1, 9), OneStopEvaluation.Indicators.Select(i => i.Number));
    }
}
