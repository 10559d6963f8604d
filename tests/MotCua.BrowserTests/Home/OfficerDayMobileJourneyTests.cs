using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Home;

/// <summary>
/// The desk officer's, the specialist's and the leader's day on a 390 px phone: each step reached by clicking from the
/// landing page (no typed address but the login), and no page wider than the screen.
/// </summary>
public sealed class OfficerDayMobileJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const int Width = 390;

    private static async Task<IPage> PhoneAsync(BrowserApp browser, string user)
    {
        var page = await browser.LoginAsync(user);
        await page.SetViewportSizeAsync(Width, 844);
        // Irreversible actions ask for confirmation; the officer says yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }

    /// <summary>Follows a link of the main menu, opening its fold first as a phone shows it closed.</summary>
    private static async Task MenuAsync(IPage page, string name)
    {
        if (await page.Locator("details.navfold").GetAttributeAsync("open") is null)
        {
            await page.Locator("details.navfold > summary").ClickAsync();
        }
        await page.Locator("nav.mainnav").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
    }

    /// <summary>Asserts the page does not scroll sideways at phone width, and keeps its picture.</summary>
    private static async Task FitsAsync(IPage page, string name)
    {
        await BrowserApp.ScreenshotAsync(page, "day-390-" + name);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Width, $"{name}: the page is {width} px wide at {Width} px ({page.Url})");
    }

    [Fact]
    public async Task Desk_specialist_and_leader_run_a_dossier_through_their_day_on_a_phone()
    {
        // The desk: from the landing page to the counter, receive, transfer to the unit and its specialist.
        var desk = await PhoneAsync(browser, "motcua");
        await FitsAsync(desk, "desk-inbox");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận hồ sơ mới" }).First.ClickAsync();
        await desk.GetByLabel("Tìm thủ tục hành chính").FillAsync("buc xa");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await FitsAsync(desk, "desk-procedures");
        await desk.GetByTestId("procedure-choices").GetByRole(AriaRole.Link, new() { Name = "Chọn" }).First.ClickAsync();
        await desk.GetByLabel("Họ tên / tên tổ chức").FillAsync("Bệnh viện Đa khoa tỉnh Đắk Lắk");
        await desk.GetByLabel("Số điện thoại").FillAsync("0262 3852 665");
        await desk.GetByLabel("Địa chỉ", new() { Exact = true }).FillAsync("2 Mai Hắc Đế, Buôn Ma Thuột");
        await desk.GetByLabel("Tên giấy tờ 1").FillAsync("Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ");
        await desk.GetByTestId("paper-received").First.CheckAsync();
        await FitsAsync(desk, "desk-counter");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ", Exact = true }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Đã tiếp nhận");
        var code = (await desk.GetByTestId("dossier-code").TextContentAsync())!.Trim();
        await FitsAsync(desk, "desk-received");

        var transfer = desk.GetByTestId("primary-action").Locator("form[data-action='transfer']");
        await transfer.GetByLabel("Đơn vị xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Chi cục Tiêu chuẩn Đo lường Chất lượng" });
        await transfer.GetByLabel("Cán bộ xử lý").SelectOptionAsync("chuyenvien");
        await transfer.GetByRole(AriaRole.Button, new() { Name = "Chuyển xử lý" }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");
        await FitsAsync(desk, "desk-transferred");

        // The specialist: the inbox's "in time" count opens the queue narrowed to my dossiers; the dossier is in it.
        var specialist = await PhoneAsync(browser, "chuyenvien");
        await FitsAsync(specialist, "specialist-inbox");
        await specialist.GetByTestId("inbox-within-to-appraise").ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("chip-assignment")).ToContainTextAsync("Được giao cho tôi");
        await Assertions.Expect(specialist.GetByTestId("my-queue")).ToContainTextAsync(code);
        await FitsAsync(specialist, "specialist-queue");
        await specialist.GetByTestId("my-queue").GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await BrowserApp.ExpectPathAsync(specialist, "/ho-so/" + code);
        await Assertions.Expect(specialist.GetByText("Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ").Filter(new() { Visible = true }).First).ToBeVisibleAsync();
        await FitsAsync(specialist, "specialist-dossier");
        var appraise = specialist.GetByTestId("primary-action").Locator("form[data-action='appraise']");
        await appraise.GetByTestId("appraisal").FillAsync("Hồ sơ đủ thành phần, đủ điều kiện cấp giấy phép.");
        await appraise.GetByTestId("leader-options").SelectOptionAsync("lanhdao");
        await appraise.GetByRole(AriaRole.Button, new() { Name = "Trình phê duyệt" }).ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ phê duyệt");

        // The leader: the dossier waits in the inbox; one click opens it; approve.
        var leader = await PhoneAsync(browser, "lanhdao");
        await Assertions.Expect(leader.GetByTestId("inbox-count-to-approve")).ToHaveTextAsync("1");
        await FitsAsync(leader, "leader-inbox");
        await leader.GetByTestId("inbox-group-to-approve").Locator("a.inbox-main").ClickAsync();
        await BrowserApp.ExpectPathAsync(leader, "/ho-so/" + code);
        await FitsAsync(leader, "leader-dossier");
        await leader.GetByTestId("primary-action").Locator("form[data-action='approve']").GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("dossier-status")).ToHaveTextAsync("Đã có kết quả");

        // The desk: from the landing page's shortcut to the desk's lists, the approved dossier, and the return.
        await MenuAsync(desk, "Một cửa");
        await BrowserApp.ExpectPathAsync(desk, "/mot-cua");
        await Assertions.Expect(desk.GetByTestId("desk-results-pending")).ToContainTextAsync(code);
        await FitsAsync(desk, "desk-lists");
        await desk.GetByTestId("desk-results-pending").GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        var giveBack = desk.GetByTestId("primary-action").Locator("form[data-action='return']");
        await giveBack.GetByRole(AriaRole.Button, new() { Name = "Trả kết quả" }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Đã trả kết quả");
        await FitsAsync(desk, "desk-returned");
    }
}
