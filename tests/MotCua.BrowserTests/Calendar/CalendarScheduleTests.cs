using System.Text;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Calendar;

/// <summary>The administrator loads next year's official schedule from a file and sees it with its source.</summary>
public sealed class CalendarScheduleTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Csv = """
        Ngày;Loại;Tên
        2027-01-01;Nghỉ lễ;Tết Dương lịch
        2027-02-05;Nghỉ lễ;Tết Nguyên Đán (29 tháng Chạp)
        2027-02-08;Nghỉ lễ;Tết Nguyên Đán (mùng 3)
        2027-02-09;Nghỉ lễ;Tết Nguyên Đán (mùng 4)
        2027-02-10;Nghỉ bù;Nghỉ bù Tết Nguyên Đán
        2027-02-11;Nghỉ bù;Nghỉ bù Tết Nguyên Đán
        2027-04-16;Nghỉ lễ;Giỗ Tổ Hùng Vương (10/3 âm lịch)
        2027-04-30;Nghỉ lễ;Ngày Chiến thắng
        2027-05-03;Nghỉ bù;Nghỉ bù Ngày Quốc tế lao động (1/5 trùng thứ Bảy)
        2027-09-02;Nghỉ lễ;Quốc khánh
        2027-09-03;Nghỉ lễ;Quốc khánh (ngày liền kề)
        2027-11-24;Nghỉ lễ;Ngày Văn hóa Việt Nam
        """;

    [Fact]
    public async Task Admin_loads_the_2027_schedule_from_a_file_and_sees_its_source()
    {
        var page = await browser.LoginAsync("admin");
        await page.GotoAsync("/lich-lam-viec?year=2027");
        await Assertions.Expect(page.GetByTestId("year-status")).ToContainTextAsync("Chưa có lịch chính thức — ngày tính theo luật");
        await Assertions.Expect(page.Locator("[data-date='2027-11-24']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unconfirmed"));
        await BrowserApp.ScreenshotAsync(page, "calendar-2027-unconfirmed");

        // A swap without its make-up Saturday is refused and the year stays computed.
        await page.GetByLabel("Số, ký hiệu").FillAsync("8888/VPCP-KGVX");
        await page.GetByLabel("Ngày ban hành").FillAsync("2025-03-01");
        await page.GetByLabel("Cơ quan ban hành").FillAsync("Văn phòng Chính phủ");
        await page.GetByLabel("hoặc nhập các dòng ngày;loại ngày;tên").FillAsync("2027-11-22;Nghỉ hoán đổi;Nghỉ hoán đổi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nạp lịch chính thức" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("load-errors")).ToContainTextAsync("mỗi ngày nghỉ hoán đổi phải có ngày làm bù tương ứng");
        await Assertions.Expect(page.GetByTestId("year-status")).ToContainTextAsync("Chưa có lịch chính thức");
        await BrowserApp.ScreenshotAsync(page, "calendar-2027-load-refused");

        await page.GetByLabel("hoặc nhập các dòng ngày;loại ngày;tên").FillAsync("");
        await page.GetByLabel("Tệp lịch (JSON hoặc CSV)").SetInputFilesAsync(new FilePayload { Name = "lich-2027.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nạp lịch chính thức" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("year-source")).ToHaveTextAsync("Theo Công văn số 8888/VPCP-KGVX ngày 01/03/2025 của Văn phòng Chính phủ");
        await Assertions.Expect(page.Locator("[data-date='2027-11-24']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("holiday"));
        await Assertions.Expect(page.Locator("[data-date='2027-11-24']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unconfirmed"));
        await BrowserApp.ScreenshotAsync(page, "calendar-2027-loaded-1280");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(page, "calendar-2027-loaded-390");

        await page.GotoAsync("/lich-lam-viec/tinh-lai-han");
        await Assertions.Expect(page.GetByTestId("recompute-summary")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "calendar-recompute-390");
        await page.SetViewportSizeAsync(1280, 860);
        await BrowserApp.ScreenshotAsync(page, "calendar-recompute-1280");
    }
}
