namespace MotCua.Core.Legal;

public static partial class LegalSources
{
    /// <summary>
    /// Decree 118/2025 keeps the applicant's evaluation of how a dossier was handled; its article and any replacing list of
    /// criteria are not confirmed, so the plain-language questions built on it are the product's own reading.
    /// </summary>
    public static readonly LegalSource Decree118of2025Evaluation = new(
        "ND118/2025-DG",
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ (đánh giá việc giải quyết thủ tục hành chính của tổ chức, cá nhân)",
        "Tổ chức, cá nhân đánh giá việc giải quyết thủ tục hành chính; công khai kết quả đánh giá",
        new DateOnly(2025, 7, 1),
        null,
        SourceCertainty.Unconfirmed);
}
