namespace MotCua.Core.Legal;

public static partial class LegalSources
{
    /// <summary>Decree 48/2013 amending Decree 63/2010 Art. 15: publication decisions counted in working days before the text takes effect.</summary>
    public static readonly LegalSource Decree48of2013 = new(
        "ND48/2013",
        "Nghị định số 48/2013/NĐ-CP ngày 14/5/2013 của Chính phủ, khoản 5 Điều 1 (sửa đổi Điều 15 Nghị định số 63/2010/NĐ-CP)",
        "Thời hạn ban hành quyết định công bố thủ tục hành chính (20 hoặc 05 ngày làm việc)",
        new DateOnly(2013, 7, 1),
        null,
        SourceCertainty.Confirmed);

    /// <summary>Decree 92/2017 amending the decrees on the control of administrative procedures, including Decree 63/2010 Art. 15.</summary>
    public static readonly LegalSource Decree92of2017 = new(
        "ND92/2017",
        "Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính",
        "Công bố thủ tục hành chính (sửa đổi Nghị định số 63/2010/NĐ-CP)",
        new DateOnly(2017, 9, 25),
        null,
        SourceCertainty.Practice);

    /// <summary>Decree 297/2025 on electronic interlinked procedures: the desk's 08 working hours to receive or request a supplement online.</summary>
    public static readonly LegalSource Decree297of2025 = new(
        "ND297/2025",
        "Nghị định số 297/2025/NĐ-CP ngày 17/11/2025 của Chính phủ",
        "Kiểm tra hồ sơ nộp trực tuyến trong 08 giờ làm việc (thủ tục liên thông điện tử)",
        null,
        null,
        SourceCertainty.Practice);

    /// <summary>Law on Archives 2024 (retention periods of records); the periods applied are not yet checked against it.</summary>
    public static readonly LegalSource ArchivesLaw2024 = new(
        "LLT2024",
        "Luật Lưu trữ số 33/2024/QH15",
        "Thời hạn lưu trữ hồ sơ, tài liệu",
        new DateOnly(2025, 7, 1),
        null,
        SourceCertainty.Unconfirmed);

    /// <summary>Decision 766/2022 of the Prime Minister: the index for directing and evaluating service quality.</summary>
    public static readonly LegalSource Decision766of2022 = new(
        "QD766/2022",
        "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ",
        "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp",
        new DateOnly(2022, 6, 23),
        null,
        SourceCertainty.Practice);
}
