namespace MotCua.Web.Shared.Privacy;

/// <summary>
/// The consent box on public forms that take personal data. The box is validated on the server: a post without it
/// is refused with <see cref="Missing"/>, whatever the browser did with the <c>required</c> attribute.
/// </summary>
public sealed record ConsentNotice(string Purpose, bool Checked, string? Error)
{
    public const string Missing = "Vui lòng đánh dấu đồng ý xử lý dữ liệu cá nhân để gửi.";

    /// <summary>The error key of the box.</summary>
    public const string Field = "consent";

    public static ConsentNotice ForDossier(bool isChecked) => new("tiếp nhận, giải quyết, trả kết quả và cho bạn tra cứu hồ sơ", isChecked, null);

    public static ConsentNotice ForFeedback(bool isChecked, string? error) => new("trả lời phản ánh, kiến nghị", isChecked, error);

    public static string Text(string purpose) =>
        $"Họ tên, số giấy tờ, số điện thoại, thư điện tử và địa chỉ bạn nhập được cơ quan tiếp nhận xử lý để {purpose}, "
        + "theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân. Dữ liệu không được công khai, chỉ cán bộ có nhiệm vụ được xem, "
        + "mỗi lần xem được ghi nhật ký, và được ẩn danh khi hết thời hạn lưu trữ. Bạn có quyền yêu cầu xem, chỉnh sửa hoặc rút lại sự đồng ý "
        + "bằng cách liên hệ cơ quan.";
}
