namespace MotCua.Core.Legal;

/// <summary>The texts behind the personal-data rules beyond the law itself.</summary>
public static partial class LegalSources
{
    /// <summary>
    /// Decree 356/2025 detailing Law 91/2025 (in force 1/1/2026, replacing Decree 13/2023): a data subject's request is
    /// answered within 02 working days and carried out within 15 days (20 when a processor or third party must stop),
    /// extendable once by 15 days. Read in secondary sources quoting the decree, not in the official text.
    /// </summary>
    public static readonly LegalSource Decree356of2025 = new(
        "ND356/2025",
        "Nghị định số 356/2025/NĐ-CP ngày 31/12/2025 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Bảo vệ dữ liệu cá nhân",
        "Thời hạn phản hồi và thực hiện yêu cầu của chủ thể dữ liệu cá nhân; thông báo vi phạm",
        new DateOnly(2026, 1, 1),
        null,
        SourceCertainty.Practice);

    /// <summary>Decree 107/2021 amending Decree 61/2018; replaced together with it on 1/7/2025.</summary>
    public static readonly LegalSource Decree107of2021 = new(
        "ND107/2021",
        "Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung Nghị định số 61/2018/NĐ-CP",
        "Cơ chế một cửa, một cửa liên thông (đã hết hiệu lực)",
        new DateOnly(2022, 1, 21),
        new DateOnly(2025, 6, 30),
        SourceCertainty.Practice);

    /// <summary>
    /// The periods Decree 356/2025 sets for carrying out access, correction and deletion requests: secondary sources give
    /// "10 to 20 days" without naming which request gets which, so the defaults built on it are unconfirmed.
    /// </summary>
    public static readonly LegalSource Decree356of2025Periods = new(
        "ND356/2025-THOIHAN",
        "Nghị định số 356/2025/NĐ-CP ngày 31/12/2025 của Chính phủ, thời hạn thực hiện yêu cầu xem, cung cấp, chỉnh sửa, xóa dữ liệu cá nhân",
        "Thời hạn thực hiện yêu cầu xem, cung cấp, chỉnh sửa, xóa dữ liệu cá nhân (10 đến 20 ngày)",
        new DateOnly(2026, 1, 1),
        null,
        SourceCertainty.Unconfirmed);

    /// <summary>
    /// Law 91/2025 Art. 23: a breach is notified to the specialised personal-data agency; the 72 hours are Decree 13/2023's
    /// period, which secondary sources say the law keeps, not read in the law's text.
    /// </summary>
    public static readonly LegalSource PersonalDataLaw2025Breach = new(
        "LBVDLCN2025-D23",
        "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 23",
        "Thông báo vi phạm quy định về bảo vệ dữ liệu cá nhân cho cơ quan chuyên trách (72 giờ)",
        new DateOnly(2026, 1, 1),
        null,
        SourceCertainty.Unconfirmed);
}
