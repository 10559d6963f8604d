namespace MotCua.Core.Legal;

/// <summary>The texts behind the holiday rules beyond the Labour Code.</summary>
public static partial class LegalSources
{
    /// <summary>National Assembly Resolution 28/2026/QH16: 24/11 "Ngày Văn hóa Việt Nam" becomes a paid holiday.</summary>
    public static readonly LegalSource Resolution28of2026 = new(
        "NQ28/2026/QH16",
        "Nghị quyết số 28/2026/QH16 của Quốc hội về phát triển văn hóa Việt Nam",
        "Ngày Văn hóa Việt Nam (24/11) là ngày nghỉ lễ hưởng nguyên lương",
        new DateOnly(2026, 7, 1),
        null,
        SourceCertainty.Practice);

    /// <summary>Politburo Resolution 80-NQ/TW, which decided the 24/11 holiday that Resolution 28/2026/QH16 made law.</summary>
    public static readonly LegalSource Resolution80NQTW = new(
        "NQ80-NQ/TW",
        "Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị về phát triển văn hóa Việt Nam",
        "Chủ trương lấy ngày 24/11 là Ngày Văn hóa Việt Nam, người lao động được nghỉ hưởng nguyên lương",
        new DateOnly(2026, 1, 7),
        null,
        SourceCertainty.Practice);
}
