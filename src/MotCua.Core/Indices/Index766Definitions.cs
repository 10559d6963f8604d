namespace MotCua.Core.Indices;

/// <summary>How sure the research notes are about a definition: [C] confirmed, [P] practice, [U] unconfirmed.</summary>
public enum SourceConfidence
{
    Confirmed,
    Practice,
    Unconfirmed,
}

/// <summary>What an indicator counts. Each measure is a numerator, a denominator and the items that fail it.</summary>
public enum Index766Measure
{
    /// <summary>No data: the points are constant or entered by hand.</summary>
    None,

    /// <summary>Procedures disclosed on time / procedures.</summary>
    ProceduresDisclosedOnTime,

    /// <summary>Dossiers received in the period acknowledged by the national portal / received.</summary>
    DossiersSyncedToNationalPortal,

    /// <summary>Dossiers handled in the period (carried over + received) that were not late (resolved late or pending overdue) / handled.</summary>
    DossiersNotLate,

    /// <summary>Procedures offered online (một phần or toàn trình) / procedures.</summary>
    ProceduresOnline,

    /// <summary>Online procedures with at least one dossier received in the period / online procedures.</summary>
    OnlineProceduresWithDossiers,

    /// <summary>Dossiers received online / received.</summary>
    DossiersOnline,

    /// <summary>Fee-charging procedures with at least one dossier paid online in the period / fee-charging procedures.</summary>
    FeeProceduresPaidOnline,

    /// <summary>Fee-bearing dossiers received in the period paid online / fee-bearing dossiers received.</summary>
    FeeDossiersPaidOnline,

    /// <summary>Citizens' ballot points / (each ballot's maximum, summed) in the period.</summary>
    CitizenSatisfaction,

    /// <summary>Dossiers resolved in the period with an electronic result / resolved.</summary>
    ResolvedWithElectronicResult,

    /// <summary>Dossiers received in the period with digitised components or result / received.</summary>
    DossiersDigitised,

    /// <summary>Dossiers received in the period that reused digitised data / received.</summary>
    DossiersReusingDigitisedData,
}

/// <summary>How a ratio becomes points.</summary>
public enum ScoringKind
{
    /// <summary>MaxPoints × ratio.</summary>
    Linear,

    /// <summary>MaxPoints when ratio ≥ Threshold, else PartialPoints.</summary>
    Threshold,

    /// <summary>Always MaxPoints (TH-impl hard-codes some sub-scores).</summary>
    Constant,

    /// <summary>Entered by a person (no data in the system); missing until entered.</summary>
    Manual,
}

/// <summary>A scoring rule. Use the factory methods.</summary>
public sealed record IndicatorScoring(ScoringKind Kind, decimal Threshold = 0, decimal PartialPoints = 0)
{
    public static IndicatorScoring Linear { get; } = new(ScoringKind.Linear);

    public static IndicatorScoring Constant { get; } = new(ScoringKind.Constant);

    public static IndicatorScoring Manual { get; } = new(ScoringKind.Manual);

    /// <summary>Full points at or above <paramref name="threshold"/> (a ratio 0–1), else <paramref name="partialPoints"/>.</summary>
    public static IndicatorScoring AtLeast(decimal threshold, decimal partialPoints) => new(ScoringKind.Threshold, threshold, partialPoints);
}

/// <summary>A group of the index.</summary>
public sealed record Index766Group(int Number, string Name, decimal MaxPoints, SourceConfidence Source);

/// <summary>One indicator: a row of the rule table. Correct a formula or weight by editing the table, not the code.</summary>
/// <param name="Code">Stable code, e.g. "3.3".</param>
/// <param name="Group">Group number 1–6.</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="Formula">The formula as shown to users (Vietnamese).</param>
/// <param name="MaxPoints">Điểm tối đa.</param>
/// <param name="Measure">What is counted.</param>
/// <param name="Scoring">How the ratio becomes points.</param>
/// <param name="Source">[C]/[P]/[U].</param>
/// <param name="EffectiveFrom">First local date the row applies to (periods ending before it use an older row with the same code).</param>
public sealed record Index766Indicator(
    string Code,
    int Group,
    string Name,
    string Formula,
    decimal MaxPoints,
    Index766Measure Measure,
    IndicatorScoring Scoring,
    SourceConfidence Source,
    DateOnly EffectiveFrom);

/// <summary>
/// The seeded rule table of Decision 766/QĐ-TTg (23/6/2022), from index-766.md. The official appendix has not been
/// reconciled [U]: the group totals (18/20/12/10/18/22 = 100) follow the notes; within groups, the TH-impl formulas [P]
/// are used, and points no known formula covers are Manual rows so the total stays 100 without inventing data.
/// </summary>
public static class Index766Definitions
{
    private static readonly DateOnly Decision766 = new(2022, 6, 23);

    /// <summary>The six groups.</summary>
    public static IReadOnlyList<Index766Group> Groups { get; } =
    [
        new(1, "Công khai, minh bạch", 18, SourceConfidence.Confirmed),
        new(2, "Tiến độ, kết quả giải quyết", 20, SourceConfidence.Confirmed),
        new(3, "Cung cấp dịch vụ trực tuyến", 12, SourceConfidence.Practice),
        new(4, "Thanh toán trực tuyến", 10, SourceConfidence.Practice),
        new(5, "Mức độ hài lòng", 18, SourceConfidence.Confirmed),
        new(6, "Số hóa hồ sơ", 22, SourceConfidence.Unconfirmed),
    ];

    /// <summary>The indicators.</summary>
    public static IReadOnlyList<Index766Indicator> Default { get; } =
    [
        // Group 1: "TTHC cập nhật công khai đúng hạn" is worth 4 [C]; TH-impl scores sync 6 as a constant [P] but the
        // system has the acknowledgement flag, so it is measured; the other 8 points have no known formula.
        new("1.1", 1, "TTHC được cập nhật, công khai đúng hạn", "4 × số TTHC công khai đúng hạn / tổng số TTHC", 4,
            Index766Measure.ProceduresDisclosedOnTime, IndicatorScoring.Linear, SourceConfidence.Confirmed, Decision766),
        new("1.2", 1, "Đồng bộ trạng thái hồ sơ lên Cổng Dịch vụ công quốc gia", "6 × số hồ sơ tiếp nhận trong kỳ đã đồng bộ / số hồ sơ tiếp nhận trong kỳ", 6,
            Index766Measure.DossiersSyncedToNationalPortal, IndicatorScoring.Linear, SourceConfidence.Practice, Decision766),
        new("1.3", 1, "Công khai, minh bạch khác", "Nhập điểm theo kết quả đánh giá trên Cổng Dịch vụ công quốc gia", 8,
            Index766Measure.None, IndicatorScoring.Manual, SourceConfidence.Unconfirmed, Decision766),

        // Group 2: TH-impl divides by received-in-period only, which exceeds 100% when carried-over dossiers are
        // resolved; we divide by all dossiers handled in the period so the score stays within 20 [U].
        new("2.1", 2, "Tiến độ giải quyết hồ sơ", "20 × (số hồ sơ đã và đang giải quyết không quá hạn) / (số hồ sơ từ kỳ trước + tiếp nhận trong kỳ)", 20,
            Index766Measure.DossiersNotLate, IndicatorScoring.Linear, SourceConfidence.Practice, Decision766),

        new("3.1", 3, "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", "2 điểm nếu số TTHC trực tuyến / tổng số TTHC ≥ 80%, ngược lại 1,6", 2,
            Index766Measure.ProceduresOnline, IndicatorScoring.AtLeast(0.80m, 1.6m), SourceConfidence.Practice, Decision766),
        new("3.2", 3, "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ", "4 × số TTHC trực tuyến có hồ sơ trong kỳ / số TTHC trực tuyến", 4,
            Index766Measure.OnlineProceduresWithDossiers, IndicatorScoring.Linear, SourceConfidence.Practice, Decision766),
        new("3.3", 3, "Tỷ lệ hồ sơ nộp trực tuyến", "6 điểm nếu số hồ sơ trực tuyến / số hồ sơ tiếp nhận ≥ 50%, ngược lại 3", 6,
            Index766Measure.DossiersOnline, IndicatorScoring.AtLeast(0.50m, 3m), SourceConfidence.Practice, Decision766),

        // Group 4: for 4.3, TH-impl gives 3*0.3 = 0.9 below the threshold, apparently a bug for 6 × 0.3 = 1.8; we use 1.8.
        new("4.1", 4, "Tỷ lệ TTHC có phí, lệ phí có giao dịch thanh toán trực tuyến", "2 điểm nếu ≥ 50%, ngược lại 1,6", 2,
            Index766Measure.FeeProceduresPaidOnline, IndicatorScoring.AtLeast(0.50m, 1.6m), SourceConfidence.Practice, Decision766),
        new("4.2", 4, "Tỷ lệ TTHC được thanh toán trên Cổng Dịch vụ công quốc gia", "2 điểm (cố định theo thực tiễn triển khai)", 2,
            Index766Measure.None, IndicatorScoring.Constant, SourceConfidence.Practice, Decision766),
        new("4.3", 4, "Tỷ lệ hồ sơ có phí, lệ phí được thanh toán trực tuyến", "6 điểm nếu ≥ 30%, ngược lại 1,8", 6,
            Index766Measure.FeeDossiersPaidOnline, IndicatorScoring.AtLeast(0.30m, 1.8m), SourceConfidence.Practice, Decision766),

        // Group 5: "tỷ lệ hài lòng" is 6 of the 18 points [C]; the rest is unknown, so the whole group follows the
        // nine-indicator citizen evaluation, which is worth 18 points as well [U].
        new("5.1", 5, "Mức độ hài lòng của người dân, doanh nghiệp", "18 × tổng điểm phiếu đánh giá / (18 × số phiếu)", 18,
            Index766Measure.CitizenSatisfaction, IndicatorScoring.Linear, SourceConfidence.Unconfirmed, Decision766),

        new("6.1", 6, "Tỷ lệ cấp kết quả điện tử", "6 × số hồ sơ giải quyết trong kỳ có kết quả điện tử / số hồ sơ giải quyết trong kỳ", 6,
            Index766Measure.ResolvedWithElectronicResult, IndicatorScoring.Linear, SourceConfidence.Practice, Decision766),
        new("6.2", 6, "Tỷ lệ số hóa hồ sơ, kết quả", "4 điểm nếu số hồ sơ có thành phần hoặc kết quả số hóa / số hồ sơ tiếp nhận ≥ 80%, ngược lại 3,2", 4,
            Index766Measure.DossiersDigitised, IndicatorScoring.AtLeast(0.80m, 3.2m), SourceConfidence.Practice, Decision766),
        new("6.3", 6, "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa", "2 điểm nếu ≥ 80%, ngược lại 1,6", 2,
            Index766Measure.DossiersReusingDigitisedData, IndicatorScoring.AtLeast(0.80m, 1.6m), SourceConfidence.Practice, Decision766),
        new("6.4", 6, "Số hóa hồ sơ khác", "Nhập điểm theo kết quả đánh giá trên Cổng Dịch vụ công quốc gia", 10,
            Index766Measure.None, IndicatorScoring.Manual, SourceConfidence.Unconfirmed, Decision766),
    ];

    /// <summary>The rows in force for a period ending on <paramref name="periodEnd"/>: per code, the latest row effective by then.</summary>
    public static IReadOnlyList<Index766Indicator> InForce(IEnumerable<Index766Indicator> table, DateOnly periodEnd)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table
            .Where(i => i.EffectiveFrom <= periodEnd)
            .GroupBy(i => i.Code, StringComparer.Ordinal)
            .Select(g => g.MaxBy(i => i.EffectiveFrom)!)
            .OrderBy(i => i.Group)
            .ThenBy(i => i.Code, StringComparer.Ordinal)
            .ToList();
    }
}
