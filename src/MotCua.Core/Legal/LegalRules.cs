namespace MotCua.Core.Legal;

/// <summary>A rule of the product that rests on legal texts, where it applies, and whether its source is confirmed.</summary>
/// <param name="Key">Stable key, e.g. "time-limits".</param>
/// <param name="Name">What the rule decides, in Vietnamese.</param>
/// <param name="AppliesWhere">Where users meet it, in Vietnamese.</param>
/// <param name="Sources">The texts it rests on; empty when none is confirmed.</param>
/// <param name="Confirmed">False when the rule's reading of its texts is not confirmed, so pages say so.</param>
public sealed record LegalRule(string Key, string Name, string AppliesWhere, IReadOnlyList<LegalSource> Sources, bool Confirmed = true)
{
    /// <summary>"Căn cứ A; B", flagged when unconfirmed, or a plain statement that no text confirms the rule.</summary>
    public string Basis => Sources.Count == 0
        ? "Chưa có căn cứ pháp lý được xác nhận"
        : "Căn cứ " + string.Join("; ", Sources.Select(static s => s.Citation))
            + (Confirmed && Sources.All(static s => s.Certainty != SourceCertainty.Unconfirmed) ? "" : " (chưa xác nhận nguồn)");
}

/// <summary>The rules that depend on legal texts; each names its entries of <see cref="LegalSources"/>.</summary>
public static class LegalRules
{
    /// <summary>How time limits of dossiers start and end.</summary>
    public static LegalRule TimeLimits { get; } = new(
        "time-limits",
        "Cách tính thời hạn giải quyết: ngày tiếp nhận không tính, thời hạn kết thúc khi hết giờ làm việc của ngày cuối cùng, ngày cuối là ngày nghỉ thì chuyển sang ngày làm việc tiếp theo",
        "Giấy tiếp nhận và hẹn trả, trang hồ sơ, diễn giải hạn trả, phân loại trước/đúng/quá hạn, báo cáo, chỉ số 766",
        [LegalSources.CivilCode2015]);

    /// <summary>Statutory holidays and days off.</summary>
    public static LegalRule Holidays { get; } = new(
        "holidays",
        "Ngày nghỉ lễ, Tết và nghỉ bù không tính vào thời hạn làm việc",
        "Lịch làm việc, mọi thời hạn tính theo ngày làm việc",
        [LegalSources.LabourCode2019]);

    /// <summary>Report data periods.</summary>
    public static LegalRule ReportPeriods { get; } = new(
        "report-periods",
        "Kỳ chốt số liệu báo cáo (quý, 6 tháng, năm)",
        "Báo cáo tình hình giải quyết thủ tục hành chính",
        [LegalSources.Decree09of2019]);

    /// <summary>Feedback and petition handling deadlines.</summary>
    public static LegalRule FeedbackDeadlines { get; } = new(
        "pakn-deadlines",
        "Thời hạn xử lý, chuyển phản ánh, kiến nghị",
        "Phản ánh, kiến nghị",
        [LegalSources.Decree20of2008, LegalSources.Decree20of2008Transfer]);

    /// <summary>The service-quality index and the one-stop evaluation.</summary>
    public static LegalRule Evaluation { get; } = new(
        "evaluation",
        "Tiêu chí đánh giá chất lượng giải quyết thủ tục hành chính (chỉ số 766)",
        "Chỉ số 766, đánh giá một cửa",
        [LegalSources.Decision766of2022, LegalSources.Decree118of2025]);

    /// <summary>How long personal data and records are kept.</summary>
    public static LegalRule Retention { get; } = new(
        "retention",
        "Thời hạn lưu giữ dữ liệu cá nhân và hồ sơ",
        "Xóa dữ liệu cá nhân hết thời hạn lưu giữ",
        [LegalSources.PersonalDataLaw2025, LegalSources.ArchivesLaw2024],
        Confirmed: false);

    /// <summary>Official forms of the one-stop mechanism.</summary>
    public static LegalRule Forms { get; } = new(
        "forms",
        "Biểu mẫu một cửa và thể thức văn bản",
        "Giấy tiếp nhận, phiếu yêu cầu bổ sung, phiếu từ chối, văn bản xin lỗi, văn bản hành chính",
        [LegalSources.Circular03of2025, LegalSources.Decree30of2020]);

    /// <summary>What a supplement request does to the clock.</summary>
    public static LegalRule SupplementEffects { get; } = new(
        "supplement-effects",
        "Hai việc khác nhau: Bộ phận Một cửa hướng dẫn bổ sung, hoàn thiện hồ sơ đầy đủ, một lần trước khi tiếp nhận (chưa tính thời hạn); "
            + "cơ quan giải quyết yêu cầu bổ sung một lần trong 02 ngày làm việc kể từ khi nhận hồ sơ, Bộ phận Một cửa thông báo người nộp trong 01 ngày làm việc. "
            + "Khi nhận đủ hồ sơ bổ sung, thời hạn tính lại từ đầu (mặc định của tỉnh) hoặc không tính thời gian chờ bổ sung, theo từng thủ tục",
        "Trang hồ sơ, diễn giải hạn trả, danh mục thủ tục",
        [LegalSources.Decree118of2025SupplementOnce, LegalSources.Decree118of2025SupplementAfterAppraisal, LegalSources.Decree297of2025SupplementRestart],
        Confirmed: false);

    /// <summary>The deadline for publishing procedure decisions.</summary>
    public static LegalRule PublicationDeadline { get; } = new(
        "publication-deadline",
        "Quyết định công bố thủ tục hành chính ban hành chậm nhất trước 20 ngày làm việc (bộ) hoặc 05 ngày làm việc (cấp tỉnh) tính đến ngày văn bản quy phạm pháp luật có hiệu lực",
        "Quyết định công bố trong danh mục thủ tục, báo cáo công khai thủ tục",
        [LegalSources.Decree63of2010, LegalSources.Decree48of2013, LegalSources.Decree92of2017]);

    /// <summary>The desk's time to check a dossier submitted online.</summary>
    public static LegalRule OnlineCheck { get; } = new(
        "online-check",
        "Bộ phận một cửa tiếp nhận hoặc yêu cầu bổ sung hồ sơ nộp trực tuyến trong 08 giờ làm việc (mặc định của tỉnh, có thể khác theo thủ tục)",
        "Hàng đợi kiểm tra hồ sơ trực tuyến, hộp việc của bộ phận một cửa",
        [LegalSources.Decree297of2025]);

    /// <summary>Every rule, in the order the registry page lists them.</summary>
    public static IReadOnlyList<LegalRule> All { get; } =
        [TimeLimits, Holidays, SupplementEffects, OnlineCheck, FeedbackDeadlines, ReportPeriods, Evaluation, PublicationDeadline, Forms, Retention];

    /// <summary>The rules that rest on <paramref name="source"/>.</summary>
    public static IEnumerable<LegalRule> Using(LegalSource source) => All.Where(r => r.Sources.Contains(source));
}
