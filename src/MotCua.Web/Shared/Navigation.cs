using System.Security.Claims;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Shared;

/// <summary>One navigation entry. <see cref="Roles"/> empty = every officer; <see cref="Public"/> = shown to visitors too.</summary>
public sealed record NavItem(string Title, string Href, string Section, bool Public = false, params string[] Roles);

/// <summary>The menu, filtered by role. A feature adds its entries here (the one shared list).</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Trang chủ", "/", "Công dân", Public: true),
        new("Thủ tục hành chính", "/thu-tuc", "Công dân", Public: true),
        new("Tra cứu hồ sơ", "/tra-cuu", "Công dân", Public: true),
        new("Phản ánh, kiến nghị", "/phan-anh-kien-nghi", "Công dân", Public: true),
        new("Thống kê", "/thong-ke", "Công dân", Public: true),
        new("Cải cách hành chính", "/cai-cach-hanh-chinh", "Công dân", Public: true),
        // Officers land on their inbox after login; it leads the officer menu.
        new("Việc chờ tôi", "/can-bo", "Nghiệp vụ"),
        new("Tin bài CCHC", "/tin-bai", "Kiểm soát TTHC"),
        new("Sổ phản ánh, kiến nghị", "/pakn", "Kiểm soát TTHC"),
        new("Lịch làm việc", "/lich-lam-viec", "Nghiệp vụ"),
        new("Tính lại hạn hồ sơ", "/lich-lam-viec/tinh-lai-han", "Nghiệp vụ", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Một cửa", "/mot-cua", "Hồ sơ", false, MotCua.Web.Features.Identity.Roles.OneStopOfficer, MotCua.Web.Features.Identity.Roles.Admin),
        new("Tiếp nhận hồ sơ", "/mot-cua/tiep-nhan", "Hồ sơ", false, MotCua.Web.Features.Identity.Roles.OneStopOfficer),
        new("Hồ sơ cần xử lý", "/ho-so/hang-doi", "Hồ sơ"),
        new("Hồ sơ quá hạn", "/ho-so/qua-han", "Hồ sơ", false, MotCua.Web.Features.Identity.Roles.Leader, MotCua.Web.Features.Identity.Roles.Admin, MotCua.Web.Features.Identity.Roles.OneStopOfficer),
        new("Sổ theo dõi hồ sơ", "/ho-so/so-theo-doi", "Hồ sơ", false, MotCua.Web.Features.Identity.Roles.OneStopOfficer, MotCua.Web.Features.Identity.Roles.Admin, MotCua.Web.Features.Identity.Roles.Leader, MotCua.Web.Features.Identity.Roles.ControlFocalOfficer),
        new("Nhập hồ sơ cũ", "/ho-so/nhap", "Hồ sơ", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Kế hoạch KSTTHC", "/ke-hoach", "Kiểm soát TTHC"),
        new("Danh mục báo cáo", "/bao-cao", "Kiểm soát TTHC"),
        new("Báo cáo kết quả giải quyết TTHC", "/bao-cao/ho-so", "Kiểm soát TTHC"),
        new("Đối soát số liệu hồ sơ", "/doi-soat", "Kiểm soát TTHC"),
        new("Bảng điều khiển", "/bang-dieu-khien", "Chỉ số"),
        new("Chỉ số 766", "/chi-so-766", "Chỉ số"),
        new("Chỉ tiêu kế hoạch", "/chi-tieu", "Chỉ số"),
        new("Chấm điểm một cửa", "/cham-diem-mot-cua", "Chỉ số"),
        new("Rà soát, đơn giản hóa", "/ra-soat", "Kiểm soát TTHC", false, MotCua.Web.Features.Identity.Roles.Admin, MotCua.Web.Features.Identity.Roles.ControlFocalOfficer, MotCua.Web.Features.Identity.Roles.Leader),
        new("Kiểm tra, khen thưởng", "/kiem-tra", "Kiểm soát TTHC", false, MotCua.Web.Features.Identity.Roles.Admin, MotCua.Web.Features.Identity.Roles.ControlFocalOfficer, MotCua.Web.Features.Identity.Roles.Leader),
        new("Danh mục TTHC", "/quan-tri/thu-tuc", "Nghiệp vụ", false, MotCua.Web.Features.Identity.Roles.Admin, MotCua.Web.Features.Identity.Roles.ControlFocalOfficer),
        new("Cơ quan", "/quan-tri/co-quan", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Căn cứ pháp lý", "/phap-ly/can-cu", "Kiểm soát TTHC", false, MotCua.Web.Features.Identity.Roles.Admin, MotCua.Web.Features.Identity.Roles.ControlFocalOfficer),
        new("Đơn vị", "/quan-tri/don-vi", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Hợp nhất cơ quan", "/quan-tri/co-quan/hop-nhat", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Thời hạn bàn giao hồ sơ giấy", "/quan-tri/thoi-han-ban-giao-ho-so-giay", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Tài khoản", "/quan-tri/tai-khoan", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Nhật ký", "/quan-tri/nhat-ky", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Thông báo", "/thong-bao", "Nghiệp vụ"),
        new("Hàng đợi thông báo", "/quan-tri/hang-doi-thong-bao", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Mẫu thông báo", "/quan-tri/mau-thong-bao", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Webhook", "/quan-tri/webhook", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Hồ sơ từ Cổng DVCQG", MotCua.Web.Features.NationalPortal.NationalPortalModule.ConsolePath, "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin, MotCua.Web.Features.Identity.Roles.OneStopOfficer),
        new("Dữ liệu cá nhân", "/quan-tri/du-lieu-ca-nhan", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Yêu cầu về dữ liệu cá nhân", "/quan-tri/yeu-cau-chu-the-du-lieu", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin, MotCua.Web.Features.Identity.Roles.ControlFocalOfficer),
        new("Vi phạm dữ liệu cá nhân", "/quan-tri/vi-pham-du-lieu-ca-nhan", "Quản trị", false, MotCua.Web.Features.Identity.Roles.Admin),
        new("Đổi mật khẩu", AccountRules.ChangePasswordPath, "Tài khoản"),
        new("Xác thực hai bước", AccountRules.TwoFactorPath, "Tài khoản"),
    ];

    /// <summary>
    /// The one entry to mark as the current page: the longest address that is the path itself or a folder above it, so a
    /// page under another entry's address (the recompute page under the calendar) marks only its own entry.
    /// </summary>
    public static NavItem? Active(IEnumerable<NavItem> items, string path) =>
        items.Where(i => i.Href == "/"
                ? path == "/"
                : path == i.Href || path.StartsWith(i.Href + "/", StringComparison.Ordinal))
            .MaxBy(i => i.Href.Length);

    /// <summary>The entries the user may see; an officer's own come first, led by the inbox, the citizens' after them.</summary>
    public static IEnumerable<NavItem> For(ClaimsPrincipal user)
    {
        var officer = user.Identity?.IsAuthenticated == true;
        var items = Items.Where(i => i.Public
            || (officer && (i.Roles.Length == 0 || i.Roles.Any(user.IsInRole))));
        return officer ? items.OrderBy(i => i.Public) : items;
    }
}
