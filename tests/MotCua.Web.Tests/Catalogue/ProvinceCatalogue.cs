using System.Globalization;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>
/// A province-sized catalogue: 2,000 generated procedures and three placed ones, as rows of the catalogue import's JSON.
/// The at-scale search tests and the bench (bench/MotCua.Load links this file) search the same catalogue.
/// </summary>
public static class ProvinceCatalogue
{
    public const int Generated = 2000;

    /// <summary>Name above field and phrase above scattered words, in one catalogue: the order the three must come in.</summary>
    public static readonly (string Code, string Name, string Field)[] Placed =
    [
        ("9.900001", "Thẩm định phương án đo lường khí thải của cơ sở sản xuất", "Môi trường"),
        ("9.900002", "Xác nhận kết quả đo nhiệt độ và lường trước sự cố của kho chứa", "Phòng cháy, chữa cháy"),
        ("9.900003", "Chỉ định tổ chức thử nghiệm sản phẩm, hàng hóa", "Tiêu chuẩn, đo lường, chất lượng"),
    ];

    /// <summary>Deterministic, realistic-looking procedures: a verb, a paper and a subject from the fields of a province's catalogue.</summary>
    public static IEnumerable<object> Rows()
    {
        string[] verbs = ["Cấp", "Cấp lại", "Gia hạn", "Sửa đổi, bổ sung", "Thu hồi", "Đăng ký", "Thẩm định", "Công nhận", "Xác nhận", "Phê duyệt", "Điều chỉnh", "Chấm dứt"];
        string[] papers = ["giấy phép", "giấy chứng nhận", "chứng chỉ hành nghề", "quyết định", "hồ sơ", "văn bản chấp thuận", "bản công bố"];
        (string Field, string[] Subjects)[] fields =
        [
            ("Xây dựng", ["hoạt động xây dựng công trình", "năng lực hoạt động xây dựng", "quy hoạch chi tiết xây dựng"]),
            ("Giao thông vận tải", ["kinh doanh vận tải bằng xe ô tô", "đào tạo lái xe", "khai thác bến thủy nội địa"]),
            ("Y tế", ["hành nghề khám bệnh, chữa bệnh", "kinh doanh dược", "cơ sở đủ điều kiện an toàn thực phẩm"]),
            ("Tiêu chuẩn, đo lường, chất lượng", ["phương tiện đo nhóm 2", "hợp chuẩn, hợp quy sản phẩm", "chuẩn đo lường dùng để kiểm định", "tổ chức đánh giá sự phù hợp"]),
            ("Năng lượng nguyên tử, an toàn bức xạ và hạt nhân", ["công việc bức xạ", "thiết bị X-quang chẩn đoán trong y tế", "nhân viên bức xạ"]),
            ("Chuyển giao công nghệ", ["chuyển giao công nghệ", "thẩm định công nghệ dự án đầu tư", "đánh giá trình độ công nghệ"]),
            ("Tài nguyên và môi trường", ["khai thác khoáng sản", "xả nước thải vào nguồn nước", "đánh giá tác động môi trường", "đo đạc và bản đồ"]),
            ("Lao động, thương binh và xã hội", ["người lao động nước ngoài", "cơ sở trợ giúp xã hội", "giáo dục nghề nghiệp"]),
            ("Văn hóa, thể thao và du lịch", ["biểu diễn nghệ thuật", "kinh doanh lữ hành nội địa", "quảng cáo ngoài trời", "karaoke, vũ trường"]),
            ("Tư pháp", ["hành nghề công chứng", "đấu giá tài sản", "lý lịch tư pháp"]),
            ("Công thương", ["kinh doanh xăng dầu", "bán lẻ rượu", "hoạt động điện lực", "sử dụng vật liệu nổ công nghiệp"]),
            ("Nông nghiệp và phát triển nông thôn", ["giống cây trồng", "cơ sở chăn nuôi", "kiểm dịch động vật", "thuốc bảo vệ thực vật"]),
        ];
        string[] tails = ["", " cho tổ chức", " cho cá nhân", " cấp tỉnh", " trên địa bàn tỉnh", " đối với doanh nghiệp", " (trường hợp bị mất, hỏng)"];
        var random = new Random(2026);
        for (var i = 0; i < Generated; i++)
        {
            var (field, subjects) = fields[random.Next(fields.Length)];
            var name = $"{verbs[random.Next(verbs.Length)]} {papers[random.Next(papers.Length)]} {subjects[random.Next(subjects.Length)]}{tails[random.Next(tails.Length)]}";
            yield return new { code = "8." + (100000 + i).ToString(CultureInfo.InvariantCulture), name, field, processingTime = new { value = 1 + random.Next(30), unit = "WorkingDays" }, fee = 0 };
        }
        foreach (var (code, name, field) in Placed)
        {
            yield return new { code, name, field, processingTime = new { value = 10, unit = "WorkingDays" }, fee = 0 };
        }
    }
}
