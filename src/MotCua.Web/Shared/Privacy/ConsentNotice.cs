namespace MotCua.Web.Shared.Privacy;

/// <summary>
/// The consent box on public forms that take personal data. The box is validated on the server: a post without it
/// is refused with <see cref="Missing"/>, whatever the browser did with the <c>required</c> attribute.
/// </summary>
public sealed record ConsentNotice(string Purpose, string Retention, bool Checked, string? Error)
{
    public const string Missing = "Vui lòng đánh dấu đồng ý xử lý dữ liệu cá nhân để gửi.";

    /// <summary>The error key of the box.</summary>
    public const string Field = "consent";

    /// <summary>The version of <see cref="Text"/>; a new wording gets a new version and date, so a record can say which text was agreed.</summary>
    public const string Version = "2026-01";

    /// <summary>The day the current wording took effect (the day Law 91/2025 did).</summary>
    public static readonly DateOnly VersionFrom = new(2026, 1, 1);

    /// <summary>Where a person exercises the rights the text names.</summary>
    public const string RightsPath = "/quyen-du-lieu-ca-nhan";

    public static ConsentNotice ForDossier(bool isChecked) => new("tiếp nhận, giải quyết, trả kết quả và cho bạn tra cứu hồ sơ",
        "theo thời hạn lưu trữ hồ sơ thủ tục hành chính", isChecked, null);

    public static ConsentNotice ForFeedback(bool isChecked, string? error) => new("trả lời phản ánh, kiến nghị",
        "trong thời hạn lưu trữ phản ánh, kiến nghị rồi được ẩn danh", isChecked, error);

    /// <summary>
    /// What a person must know to consent (Law 91/2025 Art. 9): the data and purpose, who controls and processes it, for
    /// how long, the person's rights and how to withdraw.
    /// </summary>
    public static string Text(string purpose, string retention) =>
        $"Họ tên, số giấy tờ, số điện thoại, thư điện tử và địa chỉ bạn nhập được cơ quan tiếp nhận (bên kiểm soát và xử lý dữ liệu) xử lý để {purpose}; "
        + "chỉ cán bộ có nhiệm vụ được xem, mỗi lần xem được ghi nhật ký, thông báo gửi qua SMS, Zalo hoặc thư điện tử đi qua nhà cung cấp dịch vụ của cơ quan. "
        + $"Dữ liệu được lưu {retention}. Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, bạn có quyền được biết, xem, chỉnh sửa, yêu cầu cung cấp, "
        + "xóa, hạn chế xử lý, phản đối xử lý và rút lại sự đồng ý tại trang \"Quyền của chủ thể dữ liệu\"; việc rút lại không ảnh hưởng đến việc xử lý đã làm trước đó "
        + "và dữ liệu pháp luật buộc phải lưu trữ.";
}
