using MotCua.Core.Evaluation;

namespace MotCua.Core.Tests.Evaluation;

public sealed class SatisfactionEvaluationTests
{
    [Fact]
    public void Nine_indicators_of_two_points_make_eighteen() => Assert.Equal(18, SatisfactionEvaluation.MaxTotal);

    [Theory]
    [InlineData(18, EvaluationGrade.Excellent)]
    [InlineData(15, EvaluationGrade.Excellent)] // the source leaves 15 in no band; we chose ≥ 15
    [InlineData(14.9, EvaluationGrade.Good)]
    [InlineData(12, EvaluationGrade.Good)]
    [InlineData(11.5, EvaluationGrade.Fair)]
    [InlineData(9, EvaluationGrade.Fair)]
    [InlineData(6, EvaluationGrade.Average)]
    [InlineData(5.9, EvaluationGrade.Weak)]
    [InlineData(0, EvaluationGrade.Weak)]
    public void Grades_follow_the_bands(double total, EvaluationGrade expected) =>
        Assert.Equal(expected, SatisfactionEvaluation.Grade((decimal)total));

    [Fact]
    public void A_ballot_needs_nine_answers_of_zero_one_or_two()
    {
        Assert.Empty(SatisfactionEvaluation.Validate([2, 1, 0, 2, 1, 0, 2, 1, 0]));
        Assert.NotEmpty(SatisfactionEvaluation.Validate([2, 1]));
        Assert.NotEmpty(SatisfactionEvaluation.Validate(null));
        Assert.Contains("Tiêu chí 3", SatisfactionEvaluation.Validate([2, 1, 3, 2, 1, 0, 2, 1, 0])[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Average_is_sum_over_answers() => Assert.Equal(1.5m, SatisfactionEvaluation.Average([2, 1, 2, 1]));
}
