using System.Collections.Frozen;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// The Vietnamese name of every action code the audit log records, so the log reads as the officers' own words; the
/// code stays in the entry (and in the page's tooltip) for machines. A new code needs its row here (a test checks).
/// </summary>
public static class AuditActions
{
    public static readonly FrozenDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["account.create"] = "Tạo tài khoản cán bộ",
        ["account.disable"] = "Ngừng sử dụng tài khoản cán bộ",
        ["account.update"] = "Cập nhật tài khoản cán bộ",
        ["agency.profile"] = "Cập nhật thể thức văn bản của cơ quan (cơ quan chủ quản, địa danh, người ký)",
        ["agency.hours"] = "Cập nhật giờ làm việc của cơ quan",
        ["calendar.day.set"] = "Cập nhật một ngày trong lịch làm việc",
        ["calendar.day.delete"] = "Xóa một ngày khỏi lịch làm việc",
        ["calendar.year.official"] = "Áp dụng lịch nghỉ chính thức của năm",
        ["calendar.year.computed"] = "Tính lịch nghỉ của năm",
        ["calendar.schedule.load"] = "Nạp lịch nghỉ chính thức của năm theo văn bản thông báo",
        ["calendar.deadlines.recompute"] = "Tính lại hạn hồ sơ đang giải quyết theo lịch làm việc",
        ["catalogue.disclosure"] = "Cập nhật công khai thủ tục hành chính",
        ["catalogue.draft"] = "Lưu dự thảo thủ tục hành chính",
        ["catalogue.import"] = "Nhập danh mục thủ tục hành chính",
        ["catalogue.process.save"] = "Lưu quy trình nội bộ",
        ["catalogue.process.transition"] = "Chuyển bước phê duyệt quy trình nội bộ",
        ["catalogue.publish"] = "Công bố thủ tục hành chính",
        ["catalogue.settings"] = "Cập nhật thiết lập danh mục",
        ["dossier.evaluate"] = "Người dân đánh giá việc giải quyết hồ sơ",
        ["dossier.deadline.recompute"] = "Điều chỉnh hạn do thay đổi lịch làm việc",
        ["dossier.explanation"] = "Ghi nhận văn bản giải trình",
        ["dossier.fees"] = "Cập nhật phí, lệ phí của hồ sơ",
        ["dossier.files"] = "Thêm tệp vào hồ sơ",
        ["dossier.import"] = "Nhập hồ sơ từ hệ thống cũ",
        ["dossier.queue.export"] = "Xuất danh sách hồ sơ ra Excel",
        ["dossier.receive"] = "Tiếp nhận hồ sơ",
        ["dossier.receipt.correct"] = "Sửa thông tin tiếp nhận hồ sơ",
        ["dossier.transition"] = "Xử lý hồ sơ",
        ["feedback.export"] = "Xuất danh sách phản ánh, kiến nghị ra Excel",
        ["feedback.receive"] = "Tiếp nhận phản ánh, kiến nghị",
        ["feedback.ClassifyInScope"] = "Phân loại phản ánh, kiến nghị: thuộc thẩm quyền",
        ["feedback.ClassifyOutOfScope"] = "Phân loại phản ánh, kiến nghị: chuyển cơ quan có thẩm quyền",
        ["feedback.ClassifyDuplicate"] = "Phân loại phản ánh, kiến nghị: trùng lặp",
        ["feedback.DraftAnswer"] = "Dự thảo trả lời phản ánh, kiến nghị",
        ["feedback.Approve"] = "Duyệt trả lời phản ánh, kiến nghị",
        ["feedback.Publish"] = "Công khai trả lời phản ánh, kiến nghị",
        ["index766.manual-points"] = "Chấm điểm thủ công Chỉ số 766",
        ["result.correct"] = "Đính chính kết quả giải quyết",
        ["result.record"] = "Ghi nhận kết quả giải quyết",
        ["result.revoke"] = "Thu hồi kết quả giải quyết",
        ["form.sign"] = "Ký số biểu mẫu đã cấp cho hồ sơ",
        ["form.sign.refused"] = "Từ chối ký số biểu mẫu (chứng thư hoặc mã PIN không hợp lệ)",
        ["result.sign"] = "Ký số kết quả giải quyết",
        ["result.sign.refused"] = "Từ chối ký số kết quả (chứng thư hoặc mã PIN không hợp lệ)",
        ["news.publish"] = "Đăng tin bài",
        ["news.save"] = "Lưu dự thảo tin bài",
        ["news.withdraw"] = "Thu hồi tin bài",
        ["notification.template.update"] = "Sửa mẫu thông báo",
        ["outbox.replay"] = "Gửi lại tin nhắn thất bại",
        ["outbox.resume"] = "Tiếp tục gửi tin nhắn",
        ["personal-data.export"] = "Xuất dữ liệu cá nhân",
        ["personal-data.purge"] = "Xóa dữ liệu cá nhân hết thời hạn lưu trữ",
        ["personal-data.read"] = "Xem dữ liệu cá nhân",
        ["privacy.breach.notify"] = "Cập nhật thông báo vi phạm dữ liệu cá nhân",
        ["privacy.breach.record"] = "Ghi nhận vi phạm dữ liệu cá nhân",
        ["privacy.request.acknowledge"] = "Phản hồi tiếp nhận yêu cầu của chủ thể dữ liệu",
        ["privacy.request.done"] = "Thực hiện yêu cầu của chủ thể dữ liệu",
        ["privacy.request.export"] = "Xuất dữ liệu cá nhân theo yêu cầu của chủ thể dữ liệu",
        ["privacy.request.refuse"] = "Từ chối yêu cầu của chủ thể dữ liệu",
        ["privacy.request.submit"] = "Tiếp nhận yêu cầu của chủ thể dữ liệu",
        ["plan.import"] = "Nhập kế hoạch kiểm soát TTHC",
        ["plan.task.progress"] = "Cập nhật tiến độ nhiệm vụ kế hoạch",
        ["plan.create"] = "Tạo kế hoạch kiểm soát TTHC",
        ["plan.edit"] = "Sửa thông tin kế hoạch kiểm soát TTHC",
        ["plan.task.add"] = "Thêm nhiệm vụ kế hoạch",
        ["plan.task.edit"] = "Sửa nhiệm vụ kế hoạch",
        ["plan.task.delete"] = "Xóa nhiệm vụ kế hoạch",
        ["review.item.update"] = "Cập nhật kết quả rà soát thủ tục",
        ["review.round.create"] = "Tạo đợt rà soát, đơn giản hóa",
        ["webhook.create"] = "Đăng ký webhook",
        ["webhook.disable"] = "Tắt webhook",
        ["webhook.enable"] = "Bật webhook",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Vietnamese name of <paramref name="action"/>; an unknown code is shown as it is rather than hidden.</summary>
    public static string Label(string action) => Labels.TryGetValue(action, out var label) ? label : action;
}
