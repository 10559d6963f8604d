using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Plans;

/// <summary>
/// Demo: the department's 2026 control plan, as the merged Đắk Lắk department would issue it (the 2024 plan's groups and
/// columns, with the year's work: the merged catalogue, Decree 118/2025's desks, Circular 03/2025's forms, PAKN transfer,
/// the Personal Data Protection Law), imported from Seed/dak-lak-2026-skhcn-phu-luc.csv through the officers' importer.
/// It is not an issued document: no number or date is invented, so it shows as a draft plan.
/// </summary>
public static class PlanDemoData2026
{
    public const string SeedResource = "dak-lak-2026-skhcn-phu-luc.csv";

    public static readonly PlanHeader Header = new(
        2026,
        "Kế hoạch kiểm soát thủ tục hành chính năm 2026",
        null,
        null,
        null,
        "Triển khai kế hoạch của UBND tỉnh Đắk Lắk về hoạt động kiểm soát thủ tục hành chính năm 2026 trên địa bàn tỉnh; Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia.",
        "- Bảo đảm việc giải quyết TTHC của Sở sau hợp nhất và sáp nhập tỉnh được liên tục, không gián đoạn; danh mục, quy trình và hồ sơ của các sở trước hợp nhất được tiếp nhận đầy đủ.\n"
        + "- Thực hiện tiếp nhận hồ sơ không phụ thuộc địa giới hành chính và phối hợp với Trung tâm Phục vụ hành chính công cấp xã.\n"
        + "- Nâng cao chất lượng phục vụ người dân, doanh nghiệp theo Bộ chỉ số tại Quyết định số 766/QĐ-TTg.",
        "- Các phòng, đơn vị thực hiện đúng thời hạn, sản phẩm của từng nhiệm vụ; báo cáo kết quả về Phòng Thanh tra – Hành chính tổng hợp để tổng hợp.\n"
        + "- Bảo vệ dữ liệu cá nhân của người dân, doanh nghiệp trong giải quyết TTHC theo quy định hiện hành.");

    /// <summary>Adds the 2026 plan when the agency has none for 2026 yet.</summary>
    public static async Task SeedAsync(IServiceProvider sp, int agencyId, CancellationToken cancellationToken)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.ControlPlans.AnyAsync(p => p.AgencyId == agencyId && p.Year == Header.Year, cancellationToken))
        {
            return;
        }
        var assembly = typeof(PlanDemoData2026).Assembly;
        await using var csv = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith(SeedResource, StringComparison.Ordinal)))!;
        var result = await PlanImporter.ImportAsync(db, agencyId, Header, SeedResource, csv, sp.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException("The shipped 2026 plan appendix no longer imports: " + string.Join(" | ", result.Errors.Select(e => $"{e.RowNumber}: {e.Message}")));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
