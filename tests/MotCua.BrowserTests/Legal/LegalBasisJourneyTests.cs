using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Legal;

public sealed class LegalBasisJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Control_officer_reads_the_registry_and_the_desk_reads_why_a_limit_ends_at_the_close()
    {
        var focal = await browser.LoginAsync("daumoi");
        await focal.GotoAsync("/phap-ly/can-cu");
        await Assertions.Expect(focal.GetByTestId("legal-rules")).ToContainTextAsync("Căn cứ Bộ luật Dân sự số 91/2015/QH13");
        await BrowserApp.ScreenshotAsync(focal, "legal-registry-1280");
        await focal.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(focal, "legal-registry-390");

        var desk = await browser.LoginAsync("motcua");
        await desk.GotoAsync("/lich-lam-viec/tinh-han");
        await desk.GetByLabel("Thời điểm tiếp nhận").FillAsync("2026-12-18T16:30");
        await desk.GetByLabel("Thời hạn giải quyết").FillAsync("3");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tính hạn" }).ClickAsync();
        // Friday 18/12/2026 is not counted; Mon, Tue, Wed count; the limit ends when Wednesday's office hours end.
        await Assertions.Expect(desk.GetByTestId("due-at")).ToHaveTextAsync("17:00 ngày 23/12/2026");
        await Assertions.Expect(desk.GetByTestId("due-basis")).ToContainTextAsync("Căn cứ Bộ luật Dân sự");
        await BrowserApp.ScreenshotAsync(desk, "legal-due-explanation-1280");
        await desk.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(desk, "legal-due-explanation-390");
    }
}
