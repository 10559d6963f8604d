using MotCua.Core.Reports;

namespace MotCua.Core.Evaluation;

/// <summary>A stored ballot as the results read it: the questionnaire version and the answers in its question order.</summary>
public sealed record StoredBallot(int Version, DateTimeOffset EvaluatedAt, IReadOnlyList<int> Answers);

/// <summary>How many answers chose one level, and their share of the question's answers in percent (one decimal).</summary>
public sealed record LevelShare(AnswerChoice Choice, int Count, decimal Percent);

/// <summary>One question's results: answers counted per level, best level first.</summary>
public sealed record QuestionResult(CitizenQuestion Question, int Answers, IReadOnlyList<LevelShare> Levels)
{
    /// <summary>Share of answers that gave the question's full points (satisfied, or the good yes/no), in percent; null without answers.</summary>
    public decimal? FavourablePercent => Answers == 0
        ? null
        : Math.Round(100m * Levels.Where(l => l.Choice.Points == Question.MaxPoints).Sum(l => l.Count) / Answers, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The results of one questionnaire over a period: the number of ballots and each question's levels.</summary>
public sealed record QuestionnaireResult(CitizenQuestionnaire Questionnaire, int Ballots, IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// Public satisfaction results: ballots evaluated in a period, counted per question and level. Ballots of different
/// questionnaires are never mixed; each version with ballots gets its own result, newest first.
/// </summary>
public static class SatisfactionResults
{
    /// <summary>The results of the ballots evaluated in <paramref name="period"/>; versions unknown to the code are skipped.</summary>
    public static IReadOnlyList<QuestionnaireResult> Compute(IEnumerable<StoredBallot> ballots, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentNullException.ThrowIfNull(period);
        var result = new List<QuestionnaireResult>();
        foreach (var group in ballots.Where(b => period.Contains(b.EvaluatedAt)).GroupBy(b => b.Version).OrderByDescending(g => g.Key))
        {
            if (CitizenQuestionnaires.Version(group.Key) is not { } questionnaire)
            {
                continue;
            }

            var list = group.ToList();
            var questions = questionnaire.Questions.Select((q, i) =>
            {
                var answers = list.Where(b => i < b.Answers.Count && q.Choice(b.Answers[i]) is not null).Select(b => b.Answers[i]).ToList();
                var counts = q.Choices.Select(c => answers.Count(a => a == c.Value)).ToList();
                var percents = Percentages(counts);
                return new QuestionResult(q, answers.Count, q.Choices.Select((c, k) => new LevelShare(c, counts[k], percents[k])).ToList());
            }).ToList();
            result.Add(new QuestionnaireResult(questionnaire, list.Count, questions));
        }

        return result;
    }

    /// <summary>
    /// Shares in percent with one decimal that add up to exactly 100 (largest remainder), so a printed row never shows
    /// 99,9 % or 100,1 %; all zero without answers.
    /// </summary>
    public static IReadOnlyList<decimal> Percentages(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int total = counts.Sum();
        if (total == 0)
        {
            return counts.Select(_ => 0m).ToList();
        }

        // Work in tenths of a percent: 1000 tenths shared out.
        var exact = counts.Select(c => 1000m * c / total).ToList();
        var floors = exact.Select(e => (int)Math.Floor(e)).ToArray();
        int left = 1000 - floors.Sum();
        foreach (int i in exact.Select((e, i) => (Remainder: e - floors[i], Index: i))
                     .OrderByDescending(x => x.Remainder).ThenBy(x => x.Index).Take(left).Select(x => x.Index))
        {
            floors[i]++;
        }

        return floors.Select(f => f / 10m).ToList();
    }
}
