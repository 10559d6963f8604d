using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Dossiers;

public sealed class DeskJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Desk_officer_receives_prints_the_receipt_and_transfers_to_the_specialists_queue()
    {
        var page = await browser.LoginAsync("motcua");
        await page.GotoAsync("/mot-cua/tiep-nhan");
        await page.GetByLabel("Tìm thủ tục hành chính").FillAsync("buc xa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await page.GetByTestId("procedure-choices").GetByRole(AriaRole.Link, new() { Name = "Chọn" }).First.ClickAsync();
        await page.GetByLabel("Họ tên / tên tổ chức").FillAsync("Bệnh viện Đa khoa tỉnh Phú Yên");
        await page.GetByLabel("Số điện thoại").FillAsync("0257 3823 456");
        await page.GetByLabel("Địa chỉ").FillAsync("15 Lê Lợi, Phường 1, Tuy Hòa");
        await page.GetByLabel("Tên giấy tờ 1").FillAsync("Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ");
        await page.GetByLabel("Tên giấy tờ 2").FillAsync("Bản sao chứng chỉ nhân viên bức xạ");
        await page.GetByLabel("Hình thức giấy tờ 2").SelectOptionAsync("CertifiedCopy");
        await BrowserApp.ScreenshotAsync(page, "dossier-receipt-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đã tiếp nhận");
        var code = (await page.GetByTestId("dossier-code").TextContentAsync())!;
        await BrowserApp.ScreenshotAsync(page, "dossier-received");

        await page.GetByRole(AriaRole.Link, new() { Name = "Xem, in" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("official-document")).ToContainTextAsync("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        await Assertions.Expect(page.GetByTestId("official-document")).ToContainTextAsync(code);
        // Stored and printed in the one normalised form the look-up compares against.
        await Assertions.Expect(page.GetByTestId("official-document")).ToContainTextAsync("02573823456");
        await BrowserApp.ScreenshotAsync(page, "dossier-receipt-print");

        // A leader opening the same form sees the applicant's contact masked, as on the dossier page.
        var leader = await browser.LoginAsync("lanhdao");
        await leader.GotoAsync($"/ho-so/{code}/bieu-mau/tiep-nhan");
        await Assertions.Expect(leader.GetByTestId("official-document")).ToContainTextAsync("0257***456");
        await Assertions.Expect(leader.GetByTestId("official-document")).Not.ToContainTextAsync("02573823456");
        await Assertions.Expect(leader.GetByTestId("official-document")).Not.ToContainTextAsync("15 Lê Lợi");
        await BrowserApp.ScreenshotAsync(leader, "dossier-receipt-print-leader");
        await leader.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(leader, "dossier-receipt-print-leader-390");

        await page.GotoAsync("/ho-so/" + code);
        var transfer = page.Locator("form[data-action='transfer']");
        await transfer.GetByLabel("Đơn vị xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Chi cục Tiêu chuẩn Đo lường Chất lượng" });
        await transfer.GetByLabel("Cán bộ xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Trần Văn Minh" });
        await transfer.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");

        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync("/ho-so/hang-doi");
        await Assertions.Expect(specialist.GetByTestId("my-queue")).ToContainTextAsync(code);
        await Assertions.Expect(specialist.GetByTestId("my-queue")).ToContainTextAsync("Trong hạn");
        await BrowserApp.ScreenshotAsync(specialist, "dossier-specialist-queue");
    }

    [Fact]
    public async Task Desk_officer_receives_and_transfers_in_one_click_and_the_unit_sees_it_at_once()
    {
        var page = await browser.LoginAsync("motcua");
        await page.GotoAsync("/mot-cua/tiep-nhan?procedure=1.000173");
        await page.GetByLabel("Họ tên / tên tổ chức").FillAsync("Trung tâm Kiểm nghiệm Phú Yên");
        await page.GetByLabel("Số điện thoại").FillAsync("0257 3811 222");
        await page.GetByLabel("Tên giấy tờ 1").FillAsync("Đơn đề nghị cấp chứng chỉ nhân viên bức xạ");
        await page.GetByLabel("Đơn vị xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Chi cục Tiêu chuẩn Đo lường Chất lượng" });
        await BrowserApp.ScreenshotAsync(page, "dossier-receipt-and-transfer-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và chuyển xử lý" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync("và chuyển cho Chi cục Tiêu chuẩn Đo lường Chất lượng");
        var code = (await page.GetByTestId("dossier-code").TextContentAsync())!;
        await BrowserApp.ScreenshotAsync(page, "dossier-received-and-transferred");

        // The unit's leader can assign it straight away: no second desk action was needed.
        var leader = await browser.LoginAsync("lanhdao");
        await leader.GotoAsync("/ho-so/" + code);
        await Assertions.Expect(leader.Locator("form[data-action='assign']")).ToBeVisibleAsync();
    }
}
