using MotCua.Core.Calendar;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Calendar;

public sealed class ScheduleImportTests
{
    private const string Good2027 = """
        Ngày;Loại;Tên
        01/01/2027;Nghỉ lễ;Tết Dương lịch
        2027-02-05;holiday;Tết Nguyên Đán (29 tháng Chạp)
        2027-02-08;Nghỉ bù;Nghỉ bù Tết Nguyên Đán
        2027-05-03;Nghỉ hoán đổi;Nghỉ hoán đổi (làm bù thứ Bảy 08/5/2027)
        2027-05-08;Làm bù;Làm bù cho thứ Hai 03/5/2027
        """;

    [Fact]
    public void Rows_with_a_header_Vietnamese_kinds_and_both_date_forms_are_read()
    {
        ScheduleReading reading = ScheduleImport.Read(Good2027, 2027);
        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors));
        Assert.Equal(5, reading.Entries.Count);
        Assert.Equal(DayKind.MakeUpWorkingDay, reading.Entries.Single(e => e.Date == D("2027-05-08")).Kind);
    }

    [Fact]
    public void The_shipped_json_shape_is_read_for_the_asked_year_only()
    {
        string json = File.ReadAllText(JsonPath);
        Assert.Equal(16, ScheduleImport.Read(json, 2026).Entries.Count);
        Assert.Equal(["Tệp không có lịch năm 2027 (chỉ có năm 2023, 2024, 2025, 2026)."], ScheduleImport.Read(json, 2027).Errors);
    }

    public static TheoryData<string, string> BadSchedules => new()
    {
        // A day of another year.
        { "2028-01-01;holiday;Tết Dương lịch", "Ngày 01/01/2028 không thuộc năm 2027." },
        // A make-up day must be a weekend day (it is a rest day made a working day).
        { "2027-05-05;Làm bù;Làm bù\n2027-05-03;Nghỉ hoán đổi;Nghỉ", "Ngày làm bù 05/05/2027 là thứ Tư: ngày làm bù phải là thứ Bảy hoặc Chủ nhật." },
        // A swapped-off day without the Saturday that pays for it.
        { "2027-05-03;Nghỉ hoán đổi;Nghỉ hoán đổi", "Có 1 ngày nghỉ hoán đổi nhưng chỉ 0 ngày làm bù: mỗi ngày nghỉ hoán đổi phải có ngày làm bù tương ứng." },
        // The same day both off and worked.
        { "2027-05-08;Làm bù;Làm bù\n2027-05-08;Nghỉ lễ;Nghỉ\n2027-05-03;Nghỉ hoán đổi;x", "Ngày 08/05/2027 vừa là ngày nghỉ vừa là ngày làm bù: hai dòng mâu thuẫn." },
        // The same day twice.
        { "2027-01-01;Nghỉ lễ;Tết\n2027-01-01;Nghỉ lễ;Tết", "Ngày 01/01/2027 có 2 dòng trùng nhau: mỗi ngày chỉ một dòng." },
        // A compensatory day on a weekend gives nothing off.
        { "2027-01-02;Nghỉ bù;Nghỉ bù", "Ngày nghỉ bù 02/01/2027 là thứ Bảy: ngày nghỉ bù phải là ngày làm việc (thứ Hai đến thứ Sáu)." },
        { "2027-13-01;Nghỉ lễ;x", "Dòng 1: \"2027-13-01\" không phải ngày (dd/MM/yyyy hoặc yyyy-MM-dd)." },
        { "2027-01-01;nghỉ gì đó;x", "Dòng 1: loại ngày \"nghỉ gì đó\" không hợp lệ (Nghỉ lễ, Nghỉ bù, Nghỉ hoán đổi, Làm bù)." },
        { "   ", "Lịch không có ngày nào: hãy chọn tệp hoặc nhập các dòng ngày, loại ngày, tên." },
        { "{\"years\": 3}", "Tệp JSON không đúng cấu trúc {\"years\": {\"2027\": [{\"date\": \"yyyy-MM-dd\", \"kind\": \"holiday\", \"name\": \"…\"}]}}." },
    };

    [Theory]
    [MemberData(nameof(BadSchedules))]
    public void A_bad_schedule_is_refused_with_a_Vietnamese_reason_and_no_entries(string text, string error)
    {
        ScheduleReading reading = ScheduleImport.Read(text, 2027);
        Assert.Contains(error, reading.Errors);
        Assert.Empty(reading.Entries);
    }
}
