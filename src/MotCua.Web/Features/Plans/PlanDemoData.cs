using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Plans;

/// <summary>
/// Demo: the Phú Yên DOST 2024 control plan, imported from its appendix (Seed/phu-yen-2024-skhcn-phu-luc.csv,
/// transcribed from the seed document) through the same importer officers use.
/// </summary>
public static class PlanDemoData
{
    public const string SeedResource = "phu-yen-2024-skhcn-phu-luc.csv";

    public static readonly PlanHeader Header2024 = new(
        2024,
        "Kế hoạch Hoạt động kiểm soát thủ tục hành chính năm 2024 của Sở Khoa học và Công nghệ Phú Yên",
        null,
        null,
        "Dương Bình Phú",
        "Triển khai thực hiện Kế hoạch số 14/KH-UBND ngày 16/01/2024 của UBND tỉnh Phú Yên về Hoạt động kiểm soát thủ tục hành chính năm 2024 trên địa bàn tỉnh Phú Yên.",
        "- Nâng cao trách nhiệm của công chức, viên chức trong công tác cải cách thủ tục hành chính, kiểm soát thủ tục hành chính (TTHC) và thực hiện cơ chế một cửa, một cửa liên thông tại đơn vị.\n"
        + "- Thực hiện công khai, minh bạch các thông tin về thủ tục hành chính thuộc thẩm quyền giải quyết của Sở, tạo điều kiện cho cá nhân, tổ chức tiếp cận, tìm hiểu, thực hiện và giám sát việc thực hiện các TTHC.\n"
        + "- Thực hiện rà soát TTHC để đề xuất đơn giản hóa hoặc loại bỏ những TTHC rườm rà, không cần thiết; giảm chi phí, rút ngắn thời gian giải quyết, bảo đảm công khai, minh bạch và nâng cao trách nhiệm của Sở.\n"
        + "- Đánh giá chất lượng giải quyết TTHC, dịch vụ công trên môi trường điện tử của Sở theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC, dịch vụ công theo thời gian thực trên môi trường điện tử đối với cơ quan hành chính các cấp.\n"
        + "- Đề xuất những giải pháp, sáng kiến để góp phần đẩy mạnh công tác cải cách TTHC, nâng cao chỉ số PCI, PAPI của tỉnh.",
        "- Lãnh đạo các phòng, đơn vị trực thuộc tập trung quán triệt, chỉ đạo cán bộ, công chức, viên chức triển khai thực hiện nghiêm túc, đầy đủ các văn bản về kiểm soát TTHC, cải cách thủ tục hành chính và cơ chế một cửa, một cửa liên thông.\n"
        + "- Bảo đảm TTHC phải được công bố, công khai kịp thời, đầy đủ và đúng quy trình.\n"
        + "- Tăng cường trách nhiệm của công chức trực tiếp giải quyết thủ tục hành chính nhất là trách nhiệm của trưởng phòng, đơn vị trực thuộc trong công tác kiểm soát TTHC.\n"
        + "- Thực hiện nghiêm túc các nhiệm vụ được giao, gắn công tác kiểm soát TTHC và triển khai có hiệu quả cơ chế một cửa, một cửa liên thông với công tác thi đua khen thưởng của Sở, xử lý kịp thời cá nhân, tập thể có hành vi tiêu cực, những nhiễu trong quá trình thực hiện TTHC.");

    public static Stream OpenSeed() =>
        typeof(PlanDemoData).Assembly.GetManifestResourceStream(typeof(PlanDemoData).Assembly.GetManifestResourceNames().Single(n => n.EndsWith(SeedResource, StringComparison.Ordinal)))!;

    public static async Task SeedAsync(IServiceProvider sp, int agencyId, CancellationToken cancellationToken)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.ControlPlans.AnyAsync(p => p.AgencyId == agencyId, cancellationToken))
        {
            return;
        }
        await using var csv = OpenSeed();
        var result = await PlanImporter.ImportAsync(db, agencyId, Header2024, SeedResource, csv, sp.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException("The shipped 2024 plan appendix no longer imports: " + string.Join(" | ", result.Errors.Select(e => $"{e.RowNumber}: {e.Message}")));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
