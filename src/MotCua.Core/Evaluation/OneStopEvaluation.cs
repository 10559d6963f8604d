using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;

namespace MotCua.Core.Evaluation;

/// <summary>
/// A citizen's evaluation of one dossier (phiếu đánh giá): question number (from 1) → 2, 1 or 0 points. Under
/// questionnaire version 0 the questions are the nine indicators; later versions' ballots never count as indicators.
/// Unanswered questions are simply absent.
/// </summary>
public sealed record CitizenEvaluation(string DossierId, string UnitKey, DateTimeOffset EvaluatedAt, IReadOnlyDictionary<int, int> Answers)
{
    /// <summary>The questionnaire the ballot was answered under (<see cref="CitizenQuestionnaires"/>).</summary>
    public int Version { get; init; }

    /// <summary>Points over the answered questions.</summary>
    public int Total => Answers.Values.Sum();

    /// <summary>The most points a ballot of this version gives.</summary>
    public int MaxTotal => CitizenQuestionnaires.Version(Version)?.MaxPoints ?? 2 * OneStopEvaluation.Indicators.Count;

    /// <summary>Every question of its questionnaire answered with a valid score.</summary>
    public bool IsComplete => Version == 0
        ? OneStopEvaluation.Indicators.All(i => Answers.TryGetValue(i.Number, out int s) && s is >= 0 and <= 2)
        : CitizenQuestionnaires.Version(Version) is { } q
            && q.Questions.Select((question, i) => Answers.TryGetValue(i + 1, out int s) && s >= 0 && s <= question.MaxPoints).All(ok => ok);
}

/// <summary>One of the nine indicators of TT01/2018's appendix, with its point rules as printed on the form.</summary>
public sealed record EvaluationIndicator(int Number, string Name, string TwoPoints, string OnePoint, string ZeroPoints);

/// <summary>A grading band: totals at or above <see cref="Min"/> (and below the next band) get <see cref="Name"/>.</summary>
public sealed record GradeBand(decimal Min, string Name);

/// <summary>Thresholds of the system-data scoring, configurable per level of government.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Indicator 5: share of procedures the one-stop section itself decides for 2 points (provincial 20%, district 50%, commune 100%).</summary>
    public decimal DecidedAtOneStopShare { get; init; } = 0.20m;

    /// <summary>Indicator 8: share of PAKN handled on time for 1 point.</summary>
    public decimal PaknOnTimeShare { get; init; } = 0.90m;

    /// <summary>Indicator 9: share of eligible procedures offered online (một phần or toàn trình, old levels 3/4) for 2 points.</summary>
    public decimal OnlineProcedureShare { get; init; } = 0.20m;

    /// <summary>Indicator 9: share of dossiers received online for 2 points.</summary>
    public decimal OnlineDossierShareForTwo { get; init; } = 0.30m;

    /// <summary>Indicator 9: share of dossiers received online for 1 point.</summary>
    public decimal OnlineDossierShareForOne { get; init; } = 0.15m;

    /// <summary>Which instant counts as finished.</summary>
    public ReportOptions Report { get; init; } = ReportOptions.Default;

    /// <summary>The defaults (provincial department).</summary>
    public static EvaluationOptions Default { get; } = new();
}

/// <summary>One indicator's scores for a unit: from the system's data and from citizens' ballots; each null without data.</summary>
public sealed record IndicatorScore(EvaluationIndicator Indicator, decimal? SystemScore, int SystemSamples, decimal? CitizenScore, int CitizenAnswers);

/// <summary>The nine scores of one unit (or the whole agency) for one period, with totals and grades.</summary>
/// <param name="Key">Unit key, or <see cref="OneStopEvaluation.AgencyKey"/>.</param>
/// <param name="Indicators">Nine scores in indicator order.</param>
public sealed record UnitEvaluation(string Key, ReportPeriod Period, IReadOnlyList<IndicatorScore> Indicators)
{
    /// <summary>Self-score from system data (điểm tự chấm): Σ over the scored indicators, 2 decimals.</summary>
    public decimal SystemTotal => Math.Round(Indicators.Sum(i => i.SystemScore ?? 0), 2, MidpointRounding.AwayFromZero);

    /// <summary>Citizens' score: Σ of the per-indicator averages, 2 decimals.</summary>
    public decimal CitizenTotal => Math.Round(Indicators.Sum(i => i.CitizenScore ?? 0), 2, MidpointRounding.AwayFromZero);

    /// <summary>Grade of the system total, only when all nine indicators could be scored (a partial total would grade too low).</summary>
    public GradeBand? SystemGrade => Indicators.All(i => i.SystemScore is not null) ? OneStopEvaluation.Grade(SystemTotal) : null;

    /// <summary>Grade of the citizens' total, only when every indicator has answers.</summary>
    public GradeBand? CitizenGrade => Indicators.All(i => i.CitizenScore is not null) ? OneStopEvaluation.Grade(CitizenTotal) : null;
}

/// <summary>
/// Chấm điểm đánh giá việc giải quyết TTHC theo cơ chế một cửa: the TT01/2018 appendix's criteria (evaluation.md), kept under
/// Decree 118/2025 until a replacing list is confirmed [U] (<see cref="MotCua.Core.Legal.LegalRules.Evaluation"/>):
/// nine indicators × 2 points, scored from the system's own data and from citizens' evaluations, per unit and period.
/// </summary>
public static class OneStopEvaluation
{
    /// <summary>Key of the agency-wide evaluation.</summary>
    public const string AgencyKey = "agency";

    /// <summary>The nine indicators (names [C]; point rules as transcribed in TH-impl [C at that level]).</summary>
    public static IReadOnlyList<EvaluationIndicator> Indicators { get; } =
    [
        new(1, "Tổng thời gian giải quyết TTHC so với thời gian quy định", "Ít hơn thời gian quy định", "Bằng thời gian quy định", "Quá thời gian quy định"),
        new(2, "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết, kể cả đơn vị phối hợp", "Tất cả đều sớm hơn thời gian quy định", "Đúng thời gian quy định", "Có cơ quan, đơn vị quá thời gian quy định"),
        new(3, "Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ, kể cả trực tuyến", "Không phải liên hệ", "Liên hệ 01 lần", "Liên hệ quá 01 lần (trừ trường hợp do lỗi của người nộp hồ sơ)"),
        new(4, "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ", "Không phải liên hệ", "Chỉ liên hệ Bộ phận Một cửa", "Liên hệ nhiều hơn một cơ quan, đơn vị"),
        new(5, "Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa", "Bộ phận Một cửa trực tiếp tiếp nhận, thẩm định, phê duyệt đạt tỷ lệ quy định", "100% TTHC được tiếp nhận, trả kết quả tại Bộ phận Một cửa", "Dưới 100% TTHC được tiếp nhận, trả kết quả tại Bộ phận Một cửa"),
        new(6, "Công khai các TTHC", "Chính xác, đầy đủ, kịp thời bằng hình thức niêm yết và điện tử", "Niêm yết hoặc điện tử", "Không chính xác, đầy đủ, kịp thời"),
        new(7, "Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ", "Giải quyết trước hạn, không có phản ánh nhũng nhiễu, tiêu cực", "Giải quyết đúng hạn, không có phản ánh nhũng nhiễu, tiêu cực", "Có phản ánh nhũng nhiễu, tiêu cực hoặc giải quyết quá hạn"),
        new(8, "Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị", "Không có phản ánh, kiến nghị hoặc 100% được xử lý đúng hạn, không kéo dài", "Từ 90% được xử lý đúng hạn, không kéo dài", "Dưới 90% xử lý đúng hạn hoặc có phản ánh, kiến nghị kéo dài"),
        new(9, "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến", "Từ 20% TTHC đủ điều kiện cung cấp trực tuyến; từ 30% hồ sơ trực tuyến; không có hồ sơ trực tuyến quá hạn", "Có dịch vụ công trực tuyến; từ 15% đến dưới 30% hồ sơ trực tuyến; không có hồ sơ trực tuyến quá hạn", "Không có dịch vụ công trực tuyến, dưới 15% hồ sơ trực tuyến hoặc có hồ sơ trực tuyến quá hạn"),
    ];

    /// <summary>
    /// Grading bands [P Thanh Hóa; national thresholds U]. The source leaves exactly 15 in no band; we choose
    /// "≥ 15 → Xuất sắc" (and likewise ≥ 12, ≥ 9, ≥ 6), so every total has exactly one band.
    /// </summary>
    public static IReadOnlyList<GradeBand> GradeBands { get; } =
    [
        new(15, "Xuất sắc"),
        new(12, "Tốt"),
        new(9, "Khá"),
        new(6, "Trung bình"),
        new(decimal.MinValue, "Yếu"),
    ];

    /// <summary>The band of a total (bands tried from the highest).</summary>
    public static GradeBand Grade(decimal total, IReadOnlyList<GradeBand>? bands = null) =>
        (bands ?? GradeBands).OrderByDescending(b => b.Min).First(b => total >= b.Min);

    /// <summary>
    /// The agency-wide evaluation first, then one per unit (units found in the facts, procedures and ballots, in key
    /// order). <paramref name="paknByUnit"/> holds each unit's PAKN counts; the agency's are their sum.
    /// </summary>
    public static IReadOnlyList<UnitEvaluation> Compute(
        IEnumerable<DossierFact> facts,
        IEnumerable<ProcedureFact> procedures,
        IEnumerable<CitizenEvaluation> evaluations,
        IReadOnlyDictionary<string, PaknCounts>? paknByUnit,
        ReportPeriod period,
        EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(period);
        options ??= EvaluationOptions.Default;
        paknByUnit ??= new Dictionary<string, PaknCounts>();
        List<DossierFact> allFacts = facts.Where(f => f.IsCounted).ToList();
        List<ProcedureFact> allProcedures = procedures.ToList();
        List<CitizenEvaluation> ballots = evaluations.Where(e => period.Contains(e.EvaluatedAt)).ToList();

        var agencyPakn = new PaknCounts(
            paknByUnit.Values.Sum(p => p.Received), paknByUnit.Values.Sum(p => p.Handled),
            paknByUnit.Values.Sum(p => p.HandledOnTime), paknByUnit.Values.Sum(p => p.Prolonged));
        var result = new List<UnitEvaluation> { Evaluate(AgencyKey, null, allFacts, allProcedures, ballots, agencyPakn, period, options) };
        IEnumerable<string> units = allFacts.Select(f => f.UnitKey)
            .Concat(allProcedures.Select(p => p.UnitKey))
            .Concat(ballots.Select(b => b.UnitKey))
            .Concat(paknByUnit.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (string unit in units)
        {
            result.Add(Evaluate(
                unit,
                unit,
                allFacts.Where(f => string.Equals(f.UnitKey, unit, StringComparison.Ordinal)).ToList(),
                allProcedures.Where(p => string.Equals(p.UnitKey, unit, StringComparison.Ordinal)).ToList(),
                ballots.Where(b => string.Equals(b.UnitKey, unit, StringComparison.Ordinal)).ToList(),
                paknByUnit.GetValueOrDefault(unit, PaknCounts.None),
                period,
                options,
                allFacts));
        }

        return result;
    }

    /// <summary>The nine scores of one scope. <paramref name="unit"/> null means the whole agency.</summary>
    private static UnitEvaluation Evaluate(
        string key,
        string? unit,
        List<DossierFact> facts,
        List<ProcedureFact> procedures,
        List<CitizenEvaluation> ballots,
        PaknCounts pakn,
        ReportPeriod period,
        EvaluationOptions options,
        List<DossierFact>? allFacts = null)
    {
        var standings = facts
            .Select(f => (Fact: f, Standing: DossierReport.Classify(f, period, options.Report)))
            .Where(x => x.Standing is not null)
            .Select(x => (x.Fact, Standing: x.Standing!.Value))
            .ToList();
        var resolved = standings.Where(x => x.Standing.IsResolved).ToList();

        // Indicator 2 looks at the unit's own steps, also in dossiers another unit leads.
        var stepScores = new List<int>();
        foreach (DossierFact fact in allFacts ?? facts)
        {
            if (DossierReport.Classify(fact, period, options.Report) is not { IsResolved: true })
            {
                continue;
            }

            var steps = fact.Steps.Where(s => s.DoneAt is not null && (unit is null || string.Equals(s.UnitKey, unit, StringComparison.Ordinal))).ToList();
            if (steps.Count == 0)
            {
                continue;
            }

            var timeliness = steps.Select(s => DeadlineCalculator.ClassifyResolved(s.DoneAt!.Value, s.DueAt)).ToList();
            stepScores.Add(timeliness.Contains(ResolutionTimeliness.Late) ? 0 : timeliness.All(t => t == ResolutionTimeliness.Early) ? 2 : 1);
        }

        List<int>[] system =
        [
            resolved.Select(x => TimelinessScore(x.Standing.Timeliness!.Value)).ToList(),
            stepScores,
            resolved.Select(x => CountScore(x.Fact.SupplementRequests)).ToList(),
            resolved.Where(x => x.Fact.ContactedBodies is not null).Select(x => CountScore(x.Fact.ContactedBodies!.Value)).ToList(),
            OneStopReceipt(procedures, options) is { } s5 ? [s5] : [],
            Disclosure(procedures) is { } s6 ? [s6] : [],
            resolved.Select(x => x.Fact.MisconductComplaint ? 0 : TimelinessScore(x.Standing.Timeliness!.Value)).ToList(),
            [PaknScore(pakn, options)],
            OnlineServices(procedures, standings, options) is { } s9 ? [s9] : [],
        ];

        var scores = new List<IndicatorScore>();
        foreach (EvaluationIndicator indicator in Indicators)
        {
            List<int> own = system[indicator.Number - 1];
            List<int> answers = ballots
                .Where(b => b.Version == 0 && b.Answers.TryGetValue(indicator.Number, out int a) && a is >= 0 and <= 2)
                .Select(b => b.Answers[indicator.Number])
                .ToList();
            scores.Add(new IndicatorScore(indicator, Average(own), own.Count, Average(answers), answers.Count));
        }

        return new UnitEvaluation(key, period, scores);
    }

    /// <summary>Per-indicator average Σ score / answers [P OpenCPS, TH-impl], 2 decimals.</summary>
    private static decimal? Average(List<int> values) =>
        values.Count == 0 ? null : Math.Round((decimal)values.Sum() / values.Count, 2, MidpointRounding.AwayFromZero);

    private static int TimelinessScore(ResolutionTimeliness t) => t switch
    {
        ResolutionTimeliness.Early => 2,
        ResolutionTimeliness.OnTime => 1,
        ResolutionTimeliness.Late => 0,
    };

    // Indicators 3 and 4: none → 2, exactly one → 1, more → 0. The "applicant at fault" exception needs a reason the
    // system does not record, so it is left to the citizens' ballots.
    private static int CountScore(int count) => count <= 0 ? 2 : count == 1 ? 1 : 0;

    // Indicator 5: every non-exempt procedure received and returned at the one-stop section, else 0; then 2 when the
    // section itself decides at least the configured share of the listed procedures.
    private static int? OneStopReceipt(List<ProcedureFact> procedures, EvaluationOptions options)
    {
        if (procedures.Count == 0)
        {
            return null;
        }

        if (procedures.Any(p => !p.ExemptFromOneStop && !p.ReceivedAtOneStop))
        {
            return 0;
        }

        decimal decided = (decimal)procedures.Count(p => p.DecidedAtOneStop) / procedures.Count;
        return decided >= options.DecidedAtOneStopShare ? 2 : 1;
    }

    // Indicator 6: any procedure not disclosed on time or not disclosed at all → 0; all posted and electronic → 2; else 1.
    private static int? Disclosure(List<ProcedureFact> procedures)
    {
        if (procedures.Count == 0)
        {
            return null;
        }

        if (procedures.Any(p => !p.DisclosedOnTime || (!p.PostedAtOffice && !p.PublishedElectronically)))
        {
            return 0;
        }

        return procedures.All(p => p.PostedAtOffice && p.PublishedElectronically) ? 2 : 1;
    }

    // Indicator 8: none received, or all on time, and none prolonged → 2; ≥ 90% on time and none prolonged → 1; else 0.
    private static int PaknScore(PaknCounts pakn, EvaluationOptions options)
    {
        if (pakn.Received == 0)
        {
            return 2;
        }

        if (pakn.Prolonged > 0)
        {
            return 0;
        }

        decimal onTime = (decimal)pakn.HandledOnTime / pakn.Received;
        return onTime >= 1m ? 2 : onTime >= options.PaknOnTimeShare ? 1 : 0;
    }

    // Indicator 9 (levels 3/4 mapped to một phần/toàn trình [U]): any online dossier resolved late or overdue at the
    // period's end, no online service, or under 15% online dossiers → 0.
    private static int? OnlineServices(List<ProcedureFact> procedures, List<(DossierFact Fact, PeriodStanding Standing)> standings, EvaluationOptions options)
    {
        List<ProcedureFact> eligible = procedures.Where(p => p.EligibleForFullOnline).ToList();
        var received = standings.Where(x => x.Standing.IsReceived).ToList();
        if (eligible.Count == 0 && received.Count == 0)
        {
            return null;
        }

        int onlineProcedures = eligible.Count(p => p.OnlineLevel != OnlineServiceLevel.None);
        decimal procedureShare = eligible.Count == 0 ? 0 : (decimal)onlineProcedures / eligible.Count;
        decimal dossierShare = received.Count == 0 ? 0 : (decimal)received.Count(x => x.Fact.Channel.CountsAsOnline()) / received.Count;
        bool onlineLate = standings.Any(x => x.Fact.Channel.CountsAsOnline()
            && x.Standing.Closing is PeriodClosing.ResolvedLate or PeriodClosing.PendingOverdue);
        if (onlineLate || onlineProcedures == 0 || dossierShare < options.OnlineDossierShareForOne)
        {
            return 0;
        }

        return procedureShare >= options.OnlineProcedureShare && dossierShare >= options.OnlineDossierShareForTwo ? 2 : 1;
    }
}
