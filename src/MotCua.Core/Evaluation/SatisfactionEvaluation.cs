namespace MotCua.Core.Evaluation;

/// <summary>The grade of an average total (Thanh Hóa bands [P]; "≥ 15 → Xuất sắc" chosen because the source leaves 15 in no band).</summary>
public enum EvaluationGrade
{
    Weak,
    Average,
    Fair,
    Good,
    Excellent,
}

/// <summary>
/// Đánh giá mức độ hài lòng: the 9 indicators of TT01/2018's appendix (scored 2/1/0, maximum 18), kept under Decree 118/2025
/// until a replacing list is confirmed [U] (<see cref="MotCua.Core.Legal.LegalRules.Evaluation"/>). The applicant answers the
/// indicators for one returned dossier; units are graded on the average total of their ballots.
/// </summary>
public static class SatisfactionEvaluation
{
    public const int MaxPointsPerIndicator = 2;

    /// <summary>The nine indicators, shared with the one-stop scoring of reports (one table, <see cref="OneStopEvaluation.Indicators"/>).</summary>
    public static IReadOnlyList<EvaluationIndicator> Indicators => OneStopEvaluation.Indicators;

    public static int MaxTotal => Indicators.Count * MaxPointsPerIndicator;

    /// <summary>Errors in Vietnamese for a ballot: one answer per indicator, each 0, 1 or 2. Empty when valid.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<int>? answers)
    {
        if (answers is null || answers.Count != Indicators.Count)
        {
            return [$"Cần chấm đủ {Indicators.Count} tiêu chí."];
        }
        var errors = new List<string>();
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i] is < 0 or > MaxPointsPerIndicator)
            {
                errors.Add($"Tiêu chí {i + 1}: điểm phải là 0, 1 hoặc 2.");
            }
        }
        return errors;
    }

    /// <summary>The ballot's total (0–18). Call <see cref="Validate"/> first.</summary>
    public static int Total(IReadOnlyList<int> answers) => answers.Sum();

    /// <summary>Per-indicator average over ballots (Σ score / number of answers), 0 for none.</summary>
    public static decimal Average(IEnumerable<int> scores)
    {
        var list = scores.ToList();
        return list.Count == 0 ? 0m : (decimal)list.Sum() / list.Count;
    }

    public static EvaluationGrade Grade(decimal total) => total switch
    {
        >= 15m => EvaluationGrade.Excellent,
        >= 12m => EvaluationGrade.Good,
        >= 9m => EvaluationGrade.Fair,
        >= 6m => EvaluationGrade.Average,
        _ => EvaluationGrade.Weak,
    };

    public static string Name(EvaluationGrade grade) => grade switch
    {
        EvaluationGrade.Excellent => "Xuất sắc",
        EvaluationGrade.Good => "Tốt",
        EvaluationGrade.Fair => "Khá",
        EvaluationGrade.Average => "Trung bình",
        EvaluationGrade.Weak => "Yếu",
    };
}
