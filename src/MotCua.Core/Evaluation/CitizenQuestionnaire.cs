using MotCua.Core.Legal;

namespace MotCua.Core.Evaluation;

/// <summary>One answer a citizen can pick: the stored value, the words shown, and the points it gives (2, 1 or 0).</summary>
public sealed record AnswerChoice(int Value, string Label, int Points);

/// <summary>One question of a questionnaire, with its answers in the order they are shown.</summary>
/// <param name="Key">Stable key, used by the API and in results; never renamed.</param>
/// <param name="Text">The question as the citizen reads it.</param>
/// <param name="Choices">The answers, best first.</param>
public sealed record CitizenQuestion(string Key, string Text, IReadOnlyList<AnswerChoice> Choices)
{
    /// <summary>The most points an answer to this question gives.</summary>
    public int MaxPoints => Choices.Max(c => c.Points);

    /// <summary>The choice stored as <paramref name="value"/>, or null when the question has none.</summary>
    public AnswerChoice? Choice(int value) => Choices.FirstOrDefault(c => c.Value == value);
}

/// <summary>
/// A dated set of questions the applicant answers for one returned dossier. Ballots keep the version they were answered
/// under, so a ballot is always read with its own questions.
/// </summary>
/// <param name="Version">Stored with each ballot; 0 is the nine indicators of the former Circular 01/2018.</param>
/// <param name="ValidFrom">First local day the set is offered, or null for the oldest set.</param>
/// <param name="Questions">The questions in the order shown and stored.</param>
/// <param name="Basis">The legal texts the set rests on.</param>
public sealed record CitizenQuestionnaire(int Version, DateOnly? ValidFrom, IReadOnlyList<CitizenQuestion> Questions, IReadOnlyList<LegalSource> Basis)
{
    /// <summary>The most points a ballot can give.</summary>
    public int MaxPoints => Questions.Sum(q => q.MaxPoints);

    /// <summary>"Căn cứ …", flagged when a text is unconfirmed, as pages print it.</summary>
    public string BasisText => "Căn cứ " + string.Join("; ", Basis.Select(static s => s.Citation))
        + (Basis.All(static s => s.Certainty != SourceCertainty.Unconfirmed) ? "" : " (chưa xác nhận nguồn)");

    /// <summary>Errors in Vietnamese naming each unanswered or invalid question; empty when every question has one of its answers.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyList<int?>? answers)
    {
        var errors = new List<string>();
        for (var i = 0; i < Questions.Count; i++)
        {
            int? answer = answers is not null && i < answers.Count ? answers[i] : null;
            if (answer is null)
            {
                errors.Add($"Câu {i + 1} ({Questions[i].Text}): chưa chọn câu trả lời.");
            }
            else if (Questions[i].Choice(answer.Value) is null)
            {
                errors.Add($"Câu {i + 1} ({Questions[i].Text}): câu trả lời không hợp lệ.");
            }
        }

        if (answers is not null && answers.Count > Questions.Count)
        {
            errors.Add($"Phiếu chỉ có {Questions.Count} câu hỏi.");
        }

        return errors;
    }

    /// <summary>Points of a valid ballot (call <see cref="Validate"/> first).</summary>
    public int Points(IReadOnlyList<int> answers) => Questions.Select((q, i) => q.Choice(answers[i])!.Points).Sum();
}

/// <summary>
/// The questionnaires by date. From 15/9/2026, the first day of the report period under way (Q4/2026, Decree 09/2019), the
/// applicant answers plain questions about what they experienced; the agency-level indicators they could not know
/// (each unit's time, the share of procedures online …) are computed from the dossiers instead (ADR-016).
/// </summary>
public static class CitizenQuestionnaires
{
    /// <summary>The five satisfaction levels, best first: very satisfied and satisfied give 2 points, neutral 1.</summary>
    public static IReadOnlyList<AnswerChoice> SatisfactionLevels { get; } =
    [
        new(5, "Rất hài lòng", 2),
        new(4, "Hài lòng", 2),
        new(3, "Bình thường", 1),
        new(2, "Không hài lòng", 0),
        new(1, "Rất không hài lòng", 0),
    ];

    /// <summary>The nine indicators of the former Circular 01/2018, answered with 2, 1 or 0 points; kept to read old ballots.</summary>
    public static CitizenQuestionnaire NineIndicators { get; } = new(
        0,
        null,
        OneStopEvaluation.Indicators.Select(i => new CitizenQuestion(
            i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            i.Name,
            [new(2, i.TwoPoints + " (2 điểm)", 2), new(1, i.OnePoint + " (1 điểm)", 1), new(0, i.ZeroPoints + " (0 điểm)", 0)])).ToList(),
        [LegalSources.Circular01of2018, LegalSources.Decree118of2025]);

    /// <summary>What the applicant experienced, in plain words; questions a citizen answers yes or no keep yes/no.</summary>
    public static CitizenQuestionnaire Experience { get; } = new(
        1,
        new DateOnly(2026, 9, 15),
        [
            new("huong-dan", "Cán bộ tiếp nhận hướng dẫn có rõ ràng, đầy đủ không?", SatisfactionLevels),
            new("thai-do", "Cán bộ tiếp nhận, trả kết quả có lịch sự, tận tình không?", SatisfactionLevels),
            new("bo-sung", "Ông/Bà có phải bổ sung hồ sơ nhiều lần không?", YesNo(yesIsGood: false)),
            new("dung-hen", "Ông/Bà nhận kết quả có đúng hẹn không?", YesNo(yesIsGood: true)),
            new("chi-phi", "Ông/Bà có phải trả thêm khoản nào ngoài phí, lệ phí đã công bố không?", YesNo(yesIsGood: false)),
            new("chung", "Nhìn chung, Ông/Bà có hài lòng với việc giải quyết hồ sơ không?", SatisfactionLevels),
        ],
        [LegalSources.Decree118of2025Evaluation]);

    /// <summary>Every questionnaire, oldest first.</summary>
    public static IReadOnlyList<CitizenQuestionnaire> All { get; } = [NineIndicators, Experience];

    /// <summary>The questionnaire offered on local day <paramref name="day"/>.</summary>
    public static CitizenQuestionnaire For(DateOnly day) =>
        All.Last(q => q.ValidFrom is not { } from || from <= day);

    /// <summary>The questionnaire a stored ballot was answered under; null for an unknown version.</summary>
    public static CitizenQuestionnaire? Version(int version) => All.FirstOrDefault(q => q.Version == version);

    // Yes is stored as 1 and no as 0 whichever answer is the good one, so the stored value reads the same in every export.
    private static IReadOnlyList<AnswerChoice> YesNo(bool yesIsGood) =>
        yesIsGood ? [new(1, "Có", 2), new(0, "Không", 0)] : [new(0, "Không", 2), new(1, "Có", 0)];
}
