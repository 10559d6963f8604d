namespace MotCua.Core.Legal;

public static partial class LegalSources
{
    /// <summary>The National Assembly's resolution arranging provincial units: 34 provinces from 1/7/2025, two levels of local government.</summary>
    public static readonly LegalSource Resolution202of2025 = new(
        "NQ202/2025/QH15",
        "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh",
        "Sắp xếp, hợp nhất đơn vị hành chính cấp tỉnh; cơ quan chuyên môn hợp nhất",
        new DateOnly(2025, 6, 12),
        null,
        SourceCertainty.Practice);

    /// <summary>Circular 11/2025/TT-BKHCN amending Circular 21/2023: shared catalogues with validity and the mapping of old codes (function CN02).</summary>
    public static readonly LegalSource Circular11of2025 = new(
        "TT11/2025/TT-BKHCN",
        "Thông tư số 11/2025/TT-BKHCN của Bộ Khoa học và Công nghệ sửa đổi, bổ sung Thông tư số 21/2023/TT-BTTTT",
        "Danh mục dùng chung có thời hạn hiệu lực và ánh xạ mã cũ (chức năng CN02) của Hệ thống thông tin giải quyết TTHC cấp tỉnh",
        new DateOnly(2025, 8, 1),
        null,
        SourceCertainty.Practice);
}
