using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Plans;

public sealed class PlanEditingTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Focal_officer_creates_a_plan_adds_two_tasks_and_sees_them_on_the_plan_page()
    {
        var page = await browser.LoginAsync("daumoi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch KSTTHC" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tạo kế hoạch" }).ClickAsync();
        await page.GetByLabel("Tên kế hoạch").FillAsync("Kế hoạch kiểm soát thủ tục hành chính năm 2025");
        await page.GetByLabel("Người ký").FillAsync("Nguyễn Văn A");
        await BrowserApp.ScreenshotAsync(page, "plan-create-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kế hoạch" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tạo kế hoạch");
        await Assertions.Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Dự thảo");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await page.GetByLabel("Tên nhóm mới").FillAsync("Kiểm soát việc công bố, công khai TTHC");
        await page.GetByLabel("Nội dung công việc").FillAsync("Công khai TTHC tại trụ sở và trên Cổng thông tin điện tử");
        await page.GetByLabel("Sản phẩm").FillAsync("TTHC được công khai");
        await page.GetByTestId("lead-units").GetByLabel("Phòng Thanh tra – Hành chính tổng hợp").CheckAsync();
        await page.GetByLabel("Thời gian thực hiện").FillAsync("Quý I/2025");
        await BrowserApp.ScreenshotAsync(page, "plan-task-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã thêm nhiệm vụ I.1.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Nhóm nhiệm vụ")).ToHaveValueAsync("I");
        await page.GetByLabel("Nội dung công việc").FillAsync("Rà soát, làm sạch dữ liệu TTHC đã công bố");
        await page.GetByTestId("lead-units").GetByLabel("Chi cục Tiêu chuẩn Đo lường Chất lượng").CheckAsync();
        await page.GetByTestId("coordinating-units").GetByLabel("Phòng Thanh tra – Hành chính tổng hợp").CheckAsync();
        await page.GetByLabel("Thời gian thực hiện").FillAsync("Thường xuyên");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã thêm nhiệm vụ I.2.");

        var tasks = page.GetByTestId("plan-tasks");
        await Assertions.Expect(tasks).ToContainTextAsync("Công khai TTHC tại trụ sở và trên Cổng thông tin điện tử");
        await Assertions.Expect(tasks).ToContainTextAsync("Rà soát, làm sạch dữ liệu TTHC đã công bố");
        await Assertions.Expect(tasks).ToContainTextAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng");
        await Assertions.Expect(tasks.Locator("tbody tr")).ToHaveCountAsync(3);
        await BrowserApp.ScreenshotAsync(page, "plan-with-two-tasks");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(page, "plan-with-two-tasks-390");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa nhiệm vụ I.2" }).ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "plan-task-form-390");
    }
}
