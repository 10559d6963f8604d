using System.Globalization;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Results;

namespace MotCua.Web.Tests.Demo;

/// <summary>The generator's rules for when an officer acted and which result document a procedure issues.</summary>
public sealed class DossierHistoryRulesTests
{
    private static bool Weekday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static DateTimeOffset Local(string s) => DateTimeOffset.ParseExact(s + " +07:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    [Theory]
    // now: Monday 07/12/2026 05:32. Planned in office hours of an earlier day: kept.
    [InlineData("2026-12-04 10:15", "2026-12-07 05:32", "2026-12-04 10:15")]
    // Planned for Friday evening: Monday morning would be after now, so the last office minute before now.
    [InlineData("2026-12-04 19:00", "2026-12-07 05:32", "2026-12-04 16:59")]
    // Planned for Thursday night: Friday opening.
    [InlineData("2026-12-03 22:00", "2026-12-07 05:32", "2026-12-04 07:30")]
    // Planned on a Saturday: Monday's opening, before now at 10:00.
    [InlineData("2026-12-05 09:00", "2026-12-07 10:00", "2026-12-07 07:30")]
    // Planned after now within office hours: now.
    [InlineData("2026-12-07 11:00", "2026-12-07 10:00", "2026-12-07 10:00")]
    public void An_act_is_moved_into_office_hours_of_a_working_day_and_never_after_now(string planned, string now, string expected) =>
        Assert.Equal(Local(expected), DossierHistoryRules.AtWork(Local(planned), Local(now), Weekday));

    [Theory]
    [InlineData("Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế", ResultDocumentType.Licence)]
    [InlineData("Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ", ResultDocumentType.Certificate)]
    [InlineData("Quyết định công nhận kết quả", ResultDocumentType.Decision)]
    [InlineData("Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu", ResultDocumentType.Reply)]
    [InlineData(null, ResultDocumentType.Other)]
    public void The_result_document_follows_the_procedures_result(string? result, ResultDocumentType expected) =>
        Assert.Equal(expected, DossierHistoryRules.ResultKind(result));
}
