using MotCua.Core.Dossiers;
using MotCua.Core.Evaluation;
using MotCua.Core.Legal;
using MotCua.Core.Reports;

using static MotCua.Core.Tests.Reports.ReportFacts;

namespace MotCua.Core.Tests.Evaluation;

public sealed class CitizenQuestionnaireTests
{
    private static readonly CitizenQuestionnaire Experience = CitizenQuestionnaires.Experience;

    [Theory]
    [InlineData(2025, 3, 10, 0)]
    [InlineData(2026, 9, 14, 0)]
    [InlineData(2026, 9, 15, 1)]
    [InlineData(2027, 6, 1, 1)]
    public void The_questionnaire_in_force_depends_on_the_day(int year, int month, int day, int version) =>
        Assert.Equal(version, CitizenQuestionnaires.For(new DateOnly(year, month, day)).Version);

    [Fact]
    public void The_switch_is_the_first_day_of_a_report_period_so_no_period_mixes_the_two() =>
        Assert.Equal(ReportPeriod.Quarter(2026, 4).Start, Experience.ValidFrom);

    [Fact]
    public void The_citizen_answers_five_to_seven_plain_questions_with_stable_keys()
    {
        Assert.InRange(Experience.Questions.Count, 5, 7);
        Assert.Equal(Experience.Questions.Count, Experience.Questions.Select(q => q.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Experience.Questions, q => Assert.EndsWith("không?", q.Text, StringComparison.Ordinal));
        // Nothing the agency's records know is asked: no indicator text of the former circular.
        Assert.DoesNotContain(Experience.Questions, q => OneStopEvaluation.Indicators.Any(i => i.Name == q.Text));
        Assert.Equal(["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"],
            Experience.Questions.Single(q => q.Key == "chung").Choices.Select(c => c.Label));
        Assert.Equal(["Không", "Có"], Experience.Questions.Single(q => q.Key == "chi-phi").Choices.Select(c => c.Label));
        Assert.Equal(["Có", "Không"], Experience.Questions.Single(q => q.Key == "dung-hen").Choices.Select(c => c.Label));
    }

    [Fact]
    public void Its_basis_is_decree_118_and_says_it_is_unconfirmed()
    {
        Assert.Contains(LegalSources.Decree118of2025Evaluation, Experience.Basis);
        Assert.Contains(LegalSources.Decree118of2025Evaluation, LegalSources.All);
        Assert.EndsWith("(chưa xác nhận nguồn)", Experience.BasisText, StringComparison.Ordinal);
        Assert.StartsWith("Căn cứ Nghị định số 118/2025/NĐ-CP", Experience.BasisText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_invalid_answer_is_named_in_vietnamese()
    {
        int?[] good = [5, 4, 0, 1, 0, 3];
        Assert.Empty(Experience.Validate(good));
        var missing = Experience.Validate([5, 4, null, 1, 0, 3]);
        Assert.Equal("Câu 3 (Ông/Bà có phải bổ sung hồ sơ nhiều lần không?): chưa chọn câu trả lời.", Assert.Single(missing));
        Assert.Contains("Câu 4", Assert.Single(Experience.Validate([5, 4, 0, 7, 0, 3])), StringComparison.Ordinal);
        Assert.Equal(2, Experience.Validate([5, 4, 0, 1]).Count);
        Assert.Equal(6, Experience.Validate(null).Count);
        Assert.Single(Experience.Validate([5, 4, 0, 1, 0, 3, 5]));
    }

    [Fact]
    public void Points_are_two_for_satisfied_or_the_good_yes_no_one_for_neutral()
    {
        Assert.Equal(12, Experience.MaxPoints);
        Assert.Equal(12, Experience.Points([5, 4, 0, 1, 0, 4]));
        // Neutral guidance (1), rude staff (0), supplemented several times (0), late (0), paid extra (0), neutral overall (1).
        Assert.Equal(2, Experience.Points([3, 1, 1, 0, 1, 3]));
    }

    [Fact]
    public void Old_ballots_read_as_the_nine_indicators_with_their_points()
    {
        var nine = CitizenQuestionnaires.Version(0)!;
        Assert.Equal(9, nine.Questions.Count);
        Assert.Equal(18, nine.MaxPoints);
        Assert.Equal(16, nine.Points([2, 2, 1, 2, 2, 2, 1, 2, 2]));
        Assert.Null(CitizenQuestionnaires.Version(99));
    }

    [Fact]
    public void Results_per_period_count_each_level_and_never_mix_versions()
    {
        var q1 = ReportPeriod.Quarter(2027, 1);
        StoredBallot[] ballots =
        [
            new(1, At(2026, 12, 20), [5, 5, 0, 1, 0, 5]),
            new(1, At(2027, 1, 5), [4, 3, 1, 1, 0, 4]),
            new(1, At(2027, 2, 1), [2, 4, 0, 0, 1, 2]),
            new(1, At(2027, 3, 15), [5, 5, 0, 1, 0, 5]), // Q2/2027 under the 15th cut-off
            new(0, At(2026, 12, 16), [2, 2, 2, 2, 2, 2, 2, 2, 2]),
        ];
        var results = SatisfactionResults.Compute(ballots, q1);
        Assert.Equal([1, 0], results.Select(r => r.Questionnaire.Version));
        var experience = results[0];
        Assert.Equal(3, experience.Ballots);
        var overall = experience.Questions.Single(q => q.Question.Key == "chung");
        Assert.Equal(3, overall.Answers);
        Assert.Equal([1, 1, 0, 1, 0], overall.Levels.Select(l => l.Count));
        Assert.Equal([33.4m, 33.3m, 0m, 33.3m, 0m], overall.Levels.Select(l => l.Percent));
        Assert.Equal(66.7m, overall.FavourablePercent);
        var fees = experience.Questions.Single(q => q.Question.Key == "chi-phi");
        Assert.Equal(["Không", "Có"], fees.Levels.Select(l => l.Choice.Label));
        Assert.Equal([2, 1], fees.Levels.Select(l => l.Count));
        Assert.Equal(1, results[1].Ballots);
        Assert.Empty(SatisfactionResults.Compute(ballots, ReportPeriod.Quarter(2027, 3)));
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, new[] { 33.4, 33.3, 33.3 })]
    [InlineData(new[] { 2, 1, 0 }, new[] { 66.7, 33.3, 0 })]
    [InlineData(new[] { 0, 0 }, new[] { 0.0, 0.0 })]
    [InlineData(new[] { 1, 6 }, new[] { 14.3, 85.7 })]
    public void Shares_add_up_to_one_hundred(int[] counts, double[] expected)
    {
        var shares = SatisfactionResults.Percentages(counts);
        Assert.Equal(expected.Select(e => (decimal)e), shares);
        if (counts.Sum() > 0)
        {
            Assert.Equal(100m, shares.Sum());
        }
    }

    [Fact]
    public void Indicators_are_computed_from_the_dossiers_of_the_period()
    {
        var period = ReportPeriod.Quarter(2025, 1, ReportingRegime.Calendar);
        DossierFact[] facts =
        [
            Fact("a", At(2025, 1, 6), At(2025, 1, 20), DossierChannel.Online) with { CompletedAt = At(2025, 1, 10), FeeCharged = true, PaidOnline = true },
            Fact("b", At(2025, 1, 7), At(2025, 1, 20)) with { CompletedAt = At(2025, 1, 25), SupplementRequests = 2, RescheduledDueAt = At(2025, 1, 27), FeeCharged = true },
            Fact("c", At(2025, 2, 3), At(2025, 2, 20), DossierChannel.NationalPortal) with { CompletedAt = At(2025, 2, 20, 8), SupplementRequests = 1 },
            Fact("d", At(2025, 3, 3), At(2025, 4, 20)),
            Fact("e", At(2025, 4, 3), At(2025, 4, 20)) with { CompletedAt = At(2025, 4, 5) },
        ];
        var r = DataIndicators.Compute(facts, period);
        Assert.Equal(4, r.Received);
        Assert.Equal(2, r.ReceivedOnline);
        Assert.Equal(3, r.Resolved);
        Assert.Equal(2, r.ResolvedOnTime);
        Assert.Equal(66.7m, r.OnTimePercent);
        Assert.Equal(2, r.ResolvedWithSupplement);
        Assert.Equal(1, r.ResolvedWithRepeatedSupplement);
        Assert.Equal(1m, r.RoundsPerDossier);
        Assert.Equal(50m, r.PaidOnlinePercent);
        Assert.Equal(1, r.ResolvedWithApology);
        Assert.Null(DataIndicators.Compute([], period).OnTimePercent);
    }

    [Fact]
    public void Pending_dossiers_are_judged_overdue_at_the_cut_off_of_a_running_period_and_at_the_end_of_a_past_one()
    {
        var quarter = ReportPeriod.Quarter(2025, 1, ReportingRegime.Calendar);
        DossierFact[] facts =
        [
            Fact("tomorrow", At(2025, 3, 3), At(2025, 3, 11, 17)),
            Fact("yesterday", At(2025, 3, 3), At(2025, 3, 9, 17)),
            Fact("resolved", At(2025, 3, 3), At(2025, 3, 20)) with { CompletedAt = At(2025, 3, 5) },
        ];

        var running = DataIndicators.Compute(facts, quarter.AsOf(At(2025, 3, 10)));
        Assert.Equal((1, 1), (running.PendingWithinTime, running.PendingOverdue));

        var ended = DataIndicators.Compute(facts, quarter.AsOf(At(2025, 4, 2)));
        Assert.Equal((0, 2), (ended.PendingWithinTime, ended.PendingOverdue));
        Assert.Equal(ended, DataIndicators.Compute(facts, quarter));
    }

    [Fact]
    public void New_ballots_count_in_the_766_satisfaction_by_their_own_maximum_but_never_as_indicators()
    {
        var ballot = new CitizenEvaluation("1", "u1", At(2027, 1, 5), new Dictionary<int, int> { [1] = 2, [2] = 2, [3] = 0, [4] = 2, [5] = 2, [6] = 1 }) { Version = 1 };
        Assert.True(ballot.IsComplete);
        Assert.Equal(12, ballot.MaxTotal);
        Assert.Equal(9, ballot.Total);
        var period = ReportPeriod.Quarter(2027, 1);
        var scoring = OneStopEvaluation.Compute([], [], [ballot], null, period);
        Assert.All(scoring[0].Indicators, i => Assert.Equal(0, i.CitizenAnswers));
    }
}
