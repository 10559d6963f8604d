using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Notifications;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// The text of one message type on one channel, editable by admins. One set per installation (reference data seeded
/// with Vietnamese defaults); an agency-specific override is not modelled yet.
/// </summary>
public sealed class NotificationTemplate
{
    public int Id { get; set; }

    public DossierEventKind EventKind { get; set; }

    public OutboxChannel Channel { get; set; }

    /// <summary>E-mail subject and in-app title; unused for SMS and Zalo.</summary>
    public string? Subject { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> b)
    {
        b.Property(t => t.EventKind).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.Channel).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.Subject).HasMaxLength(300);
        b.Property(t => t.Body).HasMaxLength(4000);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
        b.Property(t => t.UpdatedAt).HasConversion(UtcTicks.Converter);
        b.HasIndex(t => new { t.EventKind, t.Channel }).IsUnique();
    }
}

public static class NotificationTemplates
{
    /// <summary>The placeholders a template may use, with what each means (shown on the admin page).</summary>
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["maHoSo"] = "Mã hồ sơ",
        ["tenThuTuc"] = "Tên thủ tục hành chính",
        ["tenNguoiNop"] = "Tên người nộp hồ sơ",
        ["hanTra"] = "Ngày hẹn trả kết quả (dd/MM/yyyy)",
        ["coQuan"] = "Tên cơ quan",
        ["donVi"] = "Đơn vị xử lý",
        ["noiDung"] = "Nội dung kèm theo (lý do bổ sung, ghi chú)",
        ["ngay"] = "Ngày xảy ra sự kiện (dd/MM/yyyy)",
        ["linkTraCuu"] = "Đường dẫn tra cứu hồ sơ (như mã QR trên giấy tiếp nhận)",
    };

    /// <summary>Which channels each event has a template on: citizen events on e-mail, SMS and Zalo; officer alerts on e-mail, SMS and in-app.</summary>
    public static IReadOnlyList<OutboxChannel> ChannelsFor(DossierEventKind kind)
    {
        var audience = EventRouting.AudienceOf(kind);
        var channels = new List<OutboxChannel>();
        if (audience.HasFlag(EventAudience.Citizen))
        {
            channels.AddRange([OutboxChannel.Email, OutboxChannel.Sms, OutboxChannel.Zalo]);
        }
        if (audience.HasFlag(EventAudience.Officer))
        {
            channels.AddRange([OutboxChannel.Email, OutboxChannel.Sms, OutboxChannel.InApp]);
        }
        return channels.Distinct().ToList();
    }

    /// <summary>The Vietnamese defaults (subject, body) every installation starts with.</summary>
    public static (string? Subject, string Body) Default(DossierEventKind kind, OutboxChannel channel)
    {
        var (subject, text) = kind switch
        {
            DossierEventKind.Received => ("Tiếp nhận hồ sơ {maHoSo}",
                "{coQuan} đã tiếp nhận hồ sơ {maHoSo} ({tenThuTuc}) của ông/bà {tenNguoiNop}. Ngày hẹn trả kết quả: {hanTra}. Tra cứu hồ sơ: {linkTraCuu}"),
            DossierEventKind.SupplementRequested => ("Yêu cầu bổ sung hồ sơ {maHoSo}",
                "Hồ sơ {maHoSo} ({tenThuTuc}) cần bổ sung: {noiDung}. Đề nghị ông/bà {tenNguoiNop} bổ sung theo hướng dẫn của {coQuan}; hồ sơ nộp trực tuyến được bổ sung tại trang tra cứu: {linkTraCuu}"),
            DossierEventKind.ResultReady => ("Hồ sơ {maHoSo} đã có kết quả",
                "Hồ sơ {maHoSo} ({tenThuTuc}) của ông/bà {tenNguoiNop} đã có kết quả. Mời ông/bà đến {coQuan} nhận kết quả hoặc theo hình thức đã đăng ký."),
            DossierEventKind.Returned => ("Đã trả kết quả hồ sơ {maHoSo}",
                "{coQuan} đã trả kết quả hồ sơ {maHoSo} ({tenThuTuc}) cho ông/bà {tenNguoiNop} ngày {ngay}. Cảm ơn ông/bà đã sử dụng dịch vụ."),
            DossierEventKind.EnteredQueue => ("Hồ sơ mới cần xử lý: {maHoSo}",
                "Hồ sơ {maHoSo} ({tenThuTuc}) vừa chuyển đến {donVi}. Hạn trả kết quả: {hanTra}."),
            DossierEventKind.DueSoon => ("Hồ sơ {maHoSo} sắp đến hạn",
                "Hồ sơ {maHoSo} ({tenThuTuc}) tại {donVi} sắp đến hạn trả kết quả ({hanTra}). Đề nghị khẩn trương xử lý."),
            DossierEventKind.Overdue => ("Hồ sơ {maHoSo} đã quá hạn",
                "Hồ sơ {maHoSo} ({tenThuTuc}) tại {donVi} đã quá hạn trả kết quả ({hanTra}). Đề nghị xử lý và lập văn bản xin lỗi, hẹn lại theo quy định."),
            DossierEventKind.StatusChanged => ("Hồ sơ {maHoSo} thay đổi trạng thái", "Hồ sơ {maHoSo} đã thay đổi trạng thái."),
            DossierEventKind.ResultIssued => ("Hồ sơ {maHoSo} đã ban hành kết quả", "Hồ sơ {maHoSo} đã ban hành kết quả."),
            DossierEventKind.AwaitingCheck => ("Hồ sơ trực tuyến chờ kiểm tra: {maHoSo}",
                "Hồ sơ {maHoSo} ({tenThuTuc}) của {tenNguoiNop} vừa nộp trực tuyến, chờ {donVi} kiểm tra để tiếp nhận hoặc yêu cầu bổ sung một lần. {noiDung}"),
            DossierEventKind.AwaitingApproval => ("Hồ sơ chờ phê duyệt: {maHoSo}",
                "Hồ sơ {maHoSo} ({tenThuTuc}) của {tenNguoiNop} đã được {donVi} trình phê duyệt. Hạn trả kết quả: {hanTra}. {noiDung}"),
            DossierEventKind.ResultAtDesk => ("Hồ sơ có kết quả chờ trả: {maHoSo}",
                "Hồ sơ {maHoSo} ({tenThuTuc}) của {tenNguoiNop} đã được phê duyệt, kết quả chuyển về {donVi} để trả cho người nộp. Hạn trả kết quả: {hanTra}."),
            DossierEventKind.SupplementNoticeDue => ("Chưa thông báo yêu cầu bổ sung: {maHoSo}",
                "Cơ quan giải quyết đã yêu cầu bổ sung hồ sơ {maHoSo} ({tenThuTuc}) của {tenNguoiNop}; {donVi} chưa thông báo cho người nộp. {noiDung}"),
            DossierEventKind.ResultAtCentre => ("Kết quả hồ sơ {maHoSo} đã về nơi tiếp nhận",
                "Kết quả hồ sơ {maHoSo} ({tenThuTuc}) của ông/bà {tenNguoiNop} do {coQuan} giải quyết đã được chuyển về {noiDung}. Mời ông/bà đến nhận kết quả."),
            DossierEventKind.PostalReturned => ("Kết quả gửi qua bưu chính bị chuyển hoàn: {maHoSo}",
                "Kết quả hồ sơ {maHoSo} ({tenThuTuc}) của {tenNguoiNop} gửi qua bưu chính công ích đã bị chuyển hoàn về {donVi}. Đề nghị trả kết quả tại Bộ phận Một cửa hoặc gửi lại qua bưu chính."),
            DossierEventKind.PostalPapersArrived => ("Hồ sơ giấy gửi qua bưu chính đã đến: {maHoSo}",
                "Hồ sơ giấy của hồ sơ {maHoSo} ({tenThuTuc}) của {tenNguoiNop} do bưu chính công ích chuyển đã đến {donVi}. Đề nghị kiểm tra để tiếp nhận hoặc hướng dẫn bổ sung."),
            DossierEventKind.PostalPickupReturned => ("Bưu điện không chuyển được hồ sơ giấy: {maHoSo}",
                "Bưu chính công ích không chuyển được hồ sơ giấy của hồ sơ {maHoSo} ({tenThuTuc}) của {tenNguoiNop} về {donVi}. Đề nghị liên hệ người nộp."),
            DossierEventKind.OnlineSubmitted => ("Đã nhận hồ sơ nộp trực tuyến {maHoSo}",
                "{coQuan} đã nhận hồ sơ {maHoSo} ({tenThuTuc}) ông/bà {tenNguoiNop} nộp trực tuyến ngày {ngay}. Bộ phận Một cửa sẽ kiểm tra và gửi giấy tiếp nhận hoặc yêu cầu bổ sung. {noiDung} Tra cứu hồ sơ bằng mã hồ sơ và số điện thoại đã khai: {linkTraCuu}"),
        };
        return channel switch
        {
            OutboxChannel.Email => (subject, "Kính gửi ông/bà,\n\n" + text + "\n\nThư này được gửi tự động từ hệ thống một cửa, vui lòng không trả lời."),
            OutboxChannel.InApp => (subject, text),
            OutboxChannel.Sms or OutboxChannel.Zalo => (null, text),
            OutboxChannel.NationalPortal or OutboxChannel.Webhook => (null, text),
        };
    }

    /// <summary>Adds every missing (event, channel) template with its default; existing (possibly edited) ones stay.</summary>
    public static async Task SeedAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var existing = await db.NotificationTemplates.Select(t => new { t.EventKind, t.Channel }).ToListAsync(cancellationToken);
        var added = false;
        foreach (var kind in Enum.GetValues<DossierEventKind>())
        {
            foreach (var channel in ChannelsFor(kind))
            {
                if (existing.Any(e => e.EventKind == kind && e.Channel == channel))
                {
                    continue;
                }
                var (subject, body) = Default(kind, channel);
                db.NotificationTemplates.Add(new NotificationTemplate { EventKind = kind, Channel = channel, Subject = subject, Body = body, UpdatedAt = time.GetUtcNow(), UpdatedBy = "system" });
                added = true;
            }
        }
        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Vietnamese validation messages for a template's subject and body; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(string? subject, string body)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add("Nội dung mẫu không được để trống.");
        }
        var unknown = MessageTemplate.Unknown((subject ?? "") + "\n" + (body ?? ""), Placeholders.Keys.ToList());
        if (unknown.Count > 0)
        {
            errors.Add("Trường thay thế không hợp lệ: " + string.Join(", ", unknown.Select(u => "{" + u + "}"))
                + ". Các trường được dùng: " + string.Join(", ", Placeholders.Keys.Select(k => "{" + k + "}")) + ".");
        }
        return errors;
    }
}
