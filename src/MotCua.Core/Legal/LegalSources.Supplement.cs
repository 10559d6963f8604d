namespace MotCua.Core.Legal;

public static partial class LegalSources
{
    /// <summary>
    /// Decree 118/2025 on the desk's check: an incomplete dossier is guided fully and in one go, and amendment or
    /// supplement may be requested only once (wording read in secondary summaries of the decree).
    /// </summary>
    public static readonly LegalSource Decree118of2025SupplementOnce = new(
        "ND118/2025-BS1L",
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ (trường hợp phải yêu cầu sửa đổi, bổ sung hồ sơ chỉ được yêu cầu một lần)",
        "Hướng dẫn, yêu cầu bổ sung, hoàn thiện hồ sơ đầy đủ, một lần",
        new DateOnly(2025, 7, 1),
        null,
        SourceCertainty.Practice);

    /// <summary>
    /// Decree 118/2025 as provincial regulations echo it: a dossier that fails appraisal goes back to the desk within 02
    /// working days of the processing body's receipt, and the desk notifies the applicant within 01 working day.
    /// </summary>
    public static readonly LegalSource Decree118of2025SupplementAfterAppraisal = new(
        "ND118/2025-BSTD",
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ, như quy chế phối hợp của các tỉnh dẫn lại (hồ sơ chưa đủ điều kiện sau thẩm định: trả Bộ phận Một cửa trong 02 ngày làm việc, thông báo người nộp trong 01 ngày làm việc)",
        "Yêu cầu bổ sung hồ sơ sau khi tiếp nhận (trong quá trình giải quyết)",
        new DateOnly(2025, 7, 1),
        null,
        SourceCertainty.Practice);

    /// <summary>
    /// Decree 297/2025 for its electronic interlinked procedures: the time limit is recounted from zero once the complete
    /// dossier is received, and an applicant who does not complete within 15 working days has the dossier closed.
    /// Used as the province's default for every procedure, which no text confirms as a national rule.
    /// </summary>
    public static readonly LegalSource Decree297of2025SupplementRestart = new(
        "ND297/2025-TLTD",
        "Nghị định số 297/2025/NĐ-CP ngày 17/11/2025 của Chính phủ (thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ), áp dụng làm mặc định của tỉnh",
        "Tính lại thời hạn giải quyết khi nhận đủ hồ sơ bổ sung",
        null,
        null,
        SourceCertainty.Unconfirmed);
}
