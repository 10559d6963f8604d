using MotCua.Core.Evaluation;
using MotCua.Core.Indices;
using MotCua.Core.Reports;
using MotCua.Web.Features.Indices;

namespace MotCua.Web.Tests.Indices;

/// <summary>Indicator 5.1 reads each ballot against its own questionnaire, whichever questionnaire the citizen answered.</summary>
public sealed class IndexSatisfactionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 5, 3, 0, 0, TimeSpan.Zero);

    private static CitizenEvaluation Ballot(string id, int version, params int[] points) =>
        new(id, "u", At, points.Select((p, i) => (i + 1, p)).ToDictionary(x => x.Item1, x => x.p)) { Version = version };

    [Fact]
    public void A_ballot_with_every_best_answer_scores_full_marks_under_either_questionnaire()
    {
        var counts = new IndexCounts(new Dictionary<string, IndexDossierCounts>(), []);
        CitizenEvaluation[] ballots =
        [
            Ballot("1", CitizenQuestionnaires.Experience.Version, 2, 2, 2, 2, 2, 2),
            Ballot("2", CitizenQuestionnaires.NineIndicators.Version, 2, 2, 2, 2, 2, 2, 2, 2, 2),
            Ballot("3", CitizenQuestionnaires.Experience.Version, 2, 2, 0, 2, 2, 2),
        ];
        var satisfaction = counts.Measures(null, [], ballots, ReportPeriod.Month(2026, 11))[Index766Measure.CitizenSatisfaction];
        Assert.Equal(12 + 18 + 10, satisfaction.Numerator);
        Assert.Equal(12 + 18 + 12, satisfaction.Denominator);
        Assert.Equal(["3"], satisfaction.FailingItems!);
    }
}
