namespace MotCua.Core.Legal;

public static partial class LegalSources
{
    /// <summary>
    /// Decree 118/2025 as it applies to receipt regardless of administrative boundary: a Public Administration Service
    /// Centre of the province receives a dossier that another agency of the province decides, for the procedures the
    /// province lists, and hands the paper originals over to it.
    /// </summary>
    public static readonly LegalSource BoundaryFreeReceipt2025 = new(
        "ND118/2025-PDG",
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ (tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính) và danh mục thủ tục hành chính do Chủ tịch Ủy ban nhân dân tỉnh công bố",
        "Tiếp nhận hồ sơ, trả kết quả không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh",
        new DateOnly(2025, 7, 1),
        null,
        SourceCertainty.Practice);

    /// <summary>
    /// The provincial regulations implementing Decree 118/2025: paper dossiers received regardless of boundary are sent
    /// to the competent agency within 01 working day (quoted verbatim in several provinces' regulations).
    /// </summary>
    public static readonly LegalSource BoundaryPaperHandOver2025 = new(
        "ND118/2025-BGHS",
        "Quy chế tổ chức và hoạt động của Bộ phận Một cửa, Trung tâm Phục vụ hành chính công của tỉnh thực hiện Nghị định số 118/2025/NĐ-CP (chuyển hồ sơ giấy tiếp nhận không phụ thuộc địa giới hành chính trong 01 ngày làm việc)",
        "Thời hạn bàn giao hồ sơ giấy cho cơ quan có thẩm quyền giải quyết",
        new DateOnly(2025, 7, 1),
        null,
        SourceCertainty.Confirmed);

    /// <summary>When the clock of a dossier received for another agency starts: no text read says; receipt by the receiving desk is the default.</summary>
    public static readonly LegalSource BoundaryClockStart = new(
        "PDG-CLOCK",
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ (thời hạn giải quyết tính từ khi nơi tiếp nhận tiếp nhận hồ sơ)",
        "Thời điểm bắt đầu tính thời hạn giải quyết hồ sơ tiếp nhận không phụ thuộc địa giới hành chính",
        new DateOnly(2025, 7, 1),
        null,
        SourceCertainty.Unconfirmed);
}
