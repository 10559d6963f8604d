using System.Text;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Plans;

public sealed class PlanProgressJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Focal_officer_records_progress_with_evidence_and_sees_the_plan_progress_change()
    {
        var page = await browser.LoginAsync("daumoi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch KSTTHC" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch Hoạt động kiểm soát thủ tục hành chính năm 2024" }).ClickAsync();
        var percent = page.GetByTestId("plan-percent");
        await Assertions.Expect(percent).ToHaveTextAsync("0%");
        await BrowserApp.ScreenshotAsync(page, "plan-before-progress");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kiện toàn đội ngũ công chức đầu mối" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-details")).ToContainTextAsync("Quý I/2024");
        await page.GetByLabel("Tiến độ (%)").FillAsync("100");
        await page.GetByLabel("Kết quả thực hiện").FillAsync("Đã ban hành công văn cử công chức đầu mối kiểm soát TTHC.");
        await page.GetByLabel("Tài liệu minh chứng").SetInputFilesAsync(new FilePayload
        {
            Name = "cong-van-cu-cong-chuc.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 công văn"),
        });
        await BrowserApp.ScreenshotAsync(page, "task-progress-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận tiến độ" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi nhận tiến độ.");
        await Assertions.Expect(page.GetByTestId("task-status")).ToHaveTextAsync("Hoàn thành");
        await Assertions.Expect(page.GetByTestId("progress-notes")).ToContainTextAsync("cong-van-cu-cong-chuc.pdf");
        await BrowserApp.ScreenshotAsync(page, "task-after-progress");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Kế hoạch Hoạt động kiểm soát" }).ClickAsync();
        // One task of 19 at 100%: 100 / 19 = 5,26… → 5,3%.
        await Assertions.Expect(percent).ToHaveTextAsync("5,3%");
        await BrowserApp.ScreenshotAsync(page, "plan-after-progress");
    }
}
