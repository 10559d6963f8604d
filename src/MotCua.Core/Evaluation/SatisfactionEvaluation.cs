namespace MotCua.Core.Evaluation;

/// <summary>One indicator of the citizen's evaluation (TT01/2018 Appendix): what earns 2, 1 or 0 points.</summary>
public sealed record EvaluationIndicator(int Number, string Name, string TwoPoints, string OnePoint, string ZeroPoints);

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
/// Đánh giá mức độ hài lòng (ND61 Ch. V, TT01/2018): 9 indicators scored 2/1/0, maximum 18. The applicant answers the
/// indicators for one returned dossier; units are graded on the average total of their ballots.
/// </summary>
public static class SatisfactionEvaluation
{
    public const int MaxPointsPerIndicator = 2;

    public static IReadOnlyList<EvaluationIndicator> Indicators { get; } =
    [
        new(1, "Tổng thời gian giải quyết TTHC so với thời gian quy định", "Ít hơn thời gian quy định", "Bằng thời gian quy định", "Quá thời gian quy định"),
        new(2, "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết, kể cả đơn vị phối hợp", "Tất cả các đơn vị đều sớm hơn thời gian được giao", "Đúng thời gian được giao", "Có đơn vị chậm hơn thời gian được giao"),
        new(3, "Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ, kể cả trực tuyến", "Không phải liên hệ", "Liên hệ 01 lần", "Liên hệ nhiều hơn 01 lần (trừ trường hợp do lỗi của người nộp)"),
        new(4, "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ", "Không phải liên hệ cơ quan nào", "Chỉ liên hệ Bộ phận Một cửa", "Liên hệ nhiều hơn một cơ quan, đơn vị"),
        new(5, "Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa", "Bộ phận Một cửa tiếp nhận, thẩm định, phê duyệt và trả kết quả", "Tiếp nhận và trả kết quả tại Bộ phận Một cửa", "Không tiếp nhận hoặc không trả kết quả tại Bộ phận Một cửa"),
        new(6, "Công khai các thủ tục hành chính", "Chính xác, đầy đủ, kịp thời cả niêm yết và điện tử", "Chính xác, đầy đủ, kịp thời bằng niêm yết hoặc điện tử", "Không chính xác, đầy đủ, kịp thời"),
        new(7, "Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ", "Giải quyết sớm hơn hạn và không có phản ánh về nhũng nhiễu, sai phạm", "Giải quyết đúng hạn và không có phản ánh về nhũng nhiễu, sai phạm", "Có phản ánh về nhũng nhiễu, sai phạm"),
        new(8, "Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị", "Không có phản ánh, kiến nghị hoặc đã được xử lý đúng hạn", "Được xử lý nhưng có chậm trễ nhỏ", "Không được tiếp thu, giải trình hoặc kéo dài"),
        new(9, "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến", "Nộp, theo dõi và nhận kết quả trực tuyến thuận tiện, đúng hạn", "Sử dụng được một phần dịch vụ trực tuyến", "Không sử dụng được hoặc trễ hạn"),
    ];

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
