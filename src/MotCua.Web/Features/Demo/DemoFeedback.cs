using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Demo;

/// <summary>
/// A year of the demo department's PAKN: almost all answered on time and published, one answered late, one being handled past its due date, one new, one waiting to
/// be transferred and one transferred to the competent body. Texts hold no personal data, so the published texts are
/// the originals.
/// </summary>
internal static class DemoFeedback
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static readonly (string Title, string Content, FeedbackContentType Type, string? Answer)[] Topics =
    [
        ("Thời gian cấp giấy phép X-quang quá lâu", "Cơ sở tôi nộp hồ sơ gia hạn giấy phép sử dụng thiết bị X-quang đã hơn 10 ngày làm việc nhưng chưa nhận được kết quả. Đề nghị Sở cho biết tiến độ.", FeedbackContentType.ConductOfOfficials,
            "Hồ sơ của cơ sở đã được bổ sung ngày thứ 6 kể từ khi tiếp nhận nên thời hạn giải quyết được tính lại từ ngày nhận đủ hồ sơ. Kết quả đã được trả qua dịch vụ bưu chính công ích."),
        ("Đề nghị cho nộp trực tuyến toàn trình hồ sơ đăng ký chuyển giao công nghệ", "Doanh nghiệp đề nghị Sở cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục đăng ký chuyển giao công nghệ để giảm chi phí đi lại.", FeedbackContentType.ProposedSolution,
            "Sở ghi nhận kiến nghị và đã đề xuất đưa thủ tục vào danh mục dịch vụ công trực tuyến toàn trình của tỉnh trong năm tới."),
        ("Phí kiểm định phương tiện đo chưa được niêm yết", "Tại Bộ phận Một cửa không thấy niêm yết mức phí kiểm định phương tiện đo. Đề nghị niêm yết công khai.", FeedbackContentType.OtherRegulationIssue,
            "Sở đã niêm yết công khai mức phí, lệ phí của các thủ tục tại Bộ phận Một cửa và trên Cổng dịch vụ công của tỉnh."),
        ("Hướng dẫn thành phần hồ sơ chưa rõ", "Hướng dẫn thành phần hồ sơ cấp Giấy chứng nhận đăng ký tổ chức khoa học và công nghệ chưa nói rõ cần bản sao chứng thực hay bản chụp.", FeedbackContentType.UnsuitableRegulation,
            "Bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp là bản sao có chứng thực; khi nộp trực tuyến, tổ chức nộp bản điện tử được chứng thực từ bản chính."),
        ("Cán bộ tiếp nhận hướng dẫn tận tình", "Tôi xin cảm ơn cán bộ Bộ phận Một cửa đã hướng dẫn tận tình khi tôi nộp hồ sơ cấp chứng chỉ nhân viên bức xạ.", FeedbackContentType.ConductOfOfficials,
            "Sở trân trọng cảm ơn ý kiến của ông/bà và sẽ tiếp tục nâng cao chất lượng phục vụ."),
        ("Đề nghị gửi tin nhắn khi hồ sơ có kết quả", "Đề nghị Sở gửi tin nhắn cho người nộp khi hồ sơ đã có kết quả để không phải gọi điện hỏi.", FeedbackContentType.ProposedSolution,
            "Từ tháng này hệ thống gửi tin nhắn và thư điện tử cho người nộp ở từng bước xử lý và khi có kết quả."),
        ("Không tra cứu được hồ sơ bằng mã", "Tôi nhập mã hồ sơ trên phiếu hẹn nhưng không tra cứu được tình trạng hồ sơ.", FeedbackContentType.OtherRegulationIssue,
            "Mã hồ sơ cần nhập đủ cả phần chữ và số như trên phiếu hẹn; hệ thống đã được cập nhật để chấp nhận mã nhập có khoảng trắng hoặc chữ thường."),
        ("Quy định kiểm tra chất lượng hàng nhập khẩu chồng chéo", "Hàng hóa nhóm 2 nhập khẩu phải kiểm tra tại nhiều nơi, đề nghị xem xét đơn giản hóa.", FeedbackContentType.InconsistentRegulations, null),
        ("Phản ánh về việc cấp phép khai thác khoáng sản", "Đề nghị xem xét việc cấp phép khai thác cát tại xã Hòa Phú gây sạt lở bờ sông.", FeedbackContentType.OtherRegulationIssue, null),
    ];

    private const int Answered = 26;

    private const int AnsweredLate = 7;

    private const int OverdueOpen = 26;

    public static async Task SeedAsync(AppDbContext db, Agency agency, DeadlineCalculator calculator, People people, Random random, DateTimeOffset now, CancellationToken ct)
    {
        var units = db.Units.Where(u => u.AgencyId == agency.Id && u.Kind != UnitKind.OneStopDesk && u.Kind != UnitKind.Leadership).OrderBy(u => u.SortOrder).Select(u => u.Id).ToList();
        for (var i = 0; i < 30; i++)
        {
            // Spread over the year; the open ones are recent: one being handled past its due date, one new, one to transfer.
            var daysAgo = i switch { < Answered => 365 - (i * 13) - random.Next(0, 10), OverdueOpen => 18, 27 => 2, 28 => 3, _ => 100 };
            var received = now.AddDays(-daysAgo).AddHours(random.Next(0, 8));
            var last = i == 29;
            var (title, content, type, answer) = last ? Topics[^1] : i == 28 ? Topics[^2] : Topics[random.Next(Topics.Length - 2)];
            var item = new FeedbackItem
            {
                AgencyId = agency.Id,
                Code = "PAKN-" + received.ToOffset(DeadlineCalculator.VietnamOffset).ToString("yyMMdd", CultureInfo.InvariantCulture) + "-"
                    + new string(Enumerable.Range(0, 6).Select(_ => CodeAlphabet[random.Next(CodeAlphabet.Length)]).ToArray()),
                ReceivedAt = received,
                Channel = random.NextDouble() < 0.7 ? "portal" : "direct",
                SenderName = people.Person(),
                SenderAddress = people.Address(),
                SenderPhone = people.Phone(),
                Title = title,
                SearchText = FeedbackSearch.Fold(title),
                Content = content,
                ContentType = type,
                DueAt = calculator.ComputeDue(received, new ProcessingTime(FeedbackRules.DefaultHandlingWorkingDays, TimeUnit.WorkingDays)),
                TransferDueAt = FeedbackTransfer.Due(received, calculator),
                Status = FeedbackStatus.Received,
            };
            if (last)
            {
                // Outside the department's competence: transferred to the body that licenses mining.
                item.Status = FeedbackStatus.OutOfScope;
                item.ClassifiedAt = received.AddDays(1);
                item.ClassifiedBy = "daumoi";
                item.TransferredTo = "Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk";
                item.TransferReason = "Nội dung thuộc thẩm quyền cấp phép khai thác khoáng sản.";
                item.TransferredAt = received.AddDays(2);
                item.ClosedAt = item.TransferredAt;
            }
            else if (i == 28)
            {
                item.Status = FeedbackStatus.AwaitingTransfer;
                item.ClassifiedAt = received.AddHours(4);
                item.ClassifiedBy = "daumoi";
                item.TransferReason = "Nội dung liên quan đến quy định của nhiều bộ, ngành.";
            }
            else if (i < Answered && answer is not null)
            {
                item.Status = FeedbackStatus.Published;
                item.AssignedUnitId = units[random.Next(units.Count)];
                item.ClassifiedAt = received.AddDays(1);
                item.ClassifiedBy = "daumoi";
                item.AnswerText = answer;
                item.DraftedBy = "chuyenvien";
                // One answer of the year came after its due date.
                item.DraftedAt = received.AddDays(i == AnsweredLate ? random.Next(16, 20) : random.Next(3, 7));
                item.ApprovedBy = "lanhdao";
                item.ApprovedAt = item.DraftedAt.Value.AddDays(1);
                item.PublishedAt = item.ApprovedAt.Value.AddHours(3);
                item.PublicTitle = title;
                item.PublicContent = content;
                item.PublicAnswer = answer;
                item.RedactionReviewedBy = "daumoi";
                item.RedactionReviewedAt = item.PublishedAt;
                item.ClosedAt = item.PublishedAt;
            }
            else if (i == OverdueOpen)
            {
                item.Status = FeedbackStatus.Handling;
                item.AssignedUnitId = units[random.Next(units.Count)];
                item.ClassifiedAt = received.AddDays(1);
                item.ClassifiedBy = "daumoi";
            }
            db.Add(item);
        }
        await db.SaveChangesAsync(ct);
    }
}
