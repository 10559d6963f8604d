using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Catalogue;

namespace MotCua.BrowserTests.Dossiers;

/// <summary>
/// Receipt regardless of administrative boundary, as the two desks live it: the commune centre's officer receives a
/// department's procedure and sends the paper originals; the department's desk confirms them and has the dossier in its queue.
/// </summary>
public sealed class BoundaryReceiptJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Procedure = "1.000173";

    [Fact]
    public async Task Commune_centre_receives_for_the_department_hands_the_papers_over_and_the_department_confirms()
    {
        // Monday 21/12/2026 09:00 in Vietnam.
        browser.App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 21, 2, 0, 0, TimeSpan.Zero));
        await using (var db = browser.App.CreateDbContext())
        {
            foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
            {
                if (v.Papers.Count == 0)
                {
                    v.Papers.Add(new ProcedurePaper { Seq = 1, Name = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ", Required = true });
                }
            }
            await db.SaveChangesAsync();
        }

        var centre = await browser.LoginAsync("motcuaxa");
        await centre.SetViewportSizeAsync(390, 844);
        await centre.GotoAsync("/mot-cua/tiep-nhan");
        var choices = centre.GetByTestId("boundary-choices");
        await Assertions.Expect(choices).ToContainTextAsync(Procedure);
        await BrowserApp.ScreenshotAsync(centre, "boundary-choose-390");
        await choices.GetByRole(AriaRole.Row).Filter(new() { HasText = Procedure }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(centre.GetByTestId("boundary-receipt")).ToContainTextAsync("Tiếp nhận không phụ thuộc địa giới hành chính");

        await centre.GetByLabel("Họ tên / tên tổ chức").FillAsync("H'Hen Niê");
        await centre.GetByLabel("Số điện thoại").FillAsync("0905 246 811");
        await centre.GetByLabel("Địa chỉ", new() { Exact = true }).FillAsync("Thôn 3, xã Hòa Phú, tỉnh Đắk Lắk");
        await centre.GetByTestId("papers").GetByRole(AriaRole.Checkbox, new() { Name = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ" }).CheckAsync();
        await BrowserApp.ScreenshotAsync(centre, "boundary-form-390");
        await centre.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();

        // The centre's own list: the dossier with the department's code, waiting for the paper hand-over.
        var list = centre.GetByTestId("received-for-others");
        var row = list.Locator("tr.highlight");
        await Assertions.Expect(row.GetByTestId("handover-stage")).ToContainTextAsync("Chờ bàn giao hồ sơ giấy");
        var code = (await row.GetAttributeAsync("data-code"))!;
        Assert.Contains("SKHCN", code, StringComparison.Ordinal);
        await BrowserApp.ScreenshotBothWidthsAsync(centre, "boundary-received-for-others");

        var pdf = await centre.APIRequest.GetAsync($"/ho-so/{Uri.EscapeDataString(code)}/bieu-mau/tiep-nhan?handler=Pdf");
        Assert.True(pdf.Ok);
        await File.WriteAllBytesAsync(Path.Combine(BrowserApp.ScreenshotDir, "boundary-receipt.pdf"), await pdf.BodyAsync());

        var send = row.GetByTestId("send-handover");
        await send.GetByLabel("Hình thức bàn giao").SelectOptionAsync("Courier");
        await send.GetByLabel("Ghi chú").FillAsync("Giao liên chuyến chiều");
        await send.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận bàn giao hồ sơ giấy" }).ClickAsync();
        await Assertions.Expect(centre.Locator(".alert.success")).ToContainTextAsync("Đã ghi nhận bàn giao hồ sơ giấy " + code);

        // The department's desk: the originals to confirm, then the dossier in its queue, received and ready to transfer.
        var desk = await browser.LoginAsync("motcua");
        await desk.SetViewportSizeAsync(1280, 860);
        await desk.GotoAsync("/mot-cua");
        await Assertions.Expect(desk.GetByTestId("boundary-alerts")).ToContainTextAsync("chờ nhận");
        await desk.GetByTestId("boundary-alerts").GetByRole(AriaRole.Link).ClickAsync();
        var incoming = desk.GetByTestId("incoming-papers").Locator($"tr[data-code='{code}']");
        await Assertions.Expect(incoming).ToContainTextAsync("Trung tâm Phục vụ hành chính công xã Hòa Phú");
        await BrowserApp.ScreenshotBothWidthsAsync(desk, "boundary-incoming-papers");
        await incoming.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã nhận hồ sơ giấy" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".alert.success")).ToContainTextAsync("Đã xác nhận nhận hồ sơ giấy " + code);

        await desk.GotoAsync("/mot-cua");
        await Assertions.Expect(desk.GetByTestId("desk-received")).ToContainTextAsync(code);
        await desk.GotoAsync("/ho-so/" + code);
        var panel = desk.GetByTestId("boundary-handover");
        await Assertions.Expect(panel.GetByTestId("handover-stage")).ToHaveTextAsync("Cơ quan giải quyết đã nhận hồ sơ giấy");
        await Assertions.Expect(desk.GetByTestId("timeline")).ToContainTextAsync("Bàn giao hồ sơ giấy");
        await BrowserApp.ScreenshotBothWidthsAsync(desk, "boundary-dossier");

        // The citizen's look-up names the centre where they submitted beside the department that decides.
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/tra-cuu/" + code);
        await citizen.GetByLabel("Số điện thoại hoặc số giấy tờ").FillAsync("0905 246 811");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("lookup-receiving")).ToHaveTextAsync("Trung tâm Phục vụ hành chính công xã Hòa Phú");
        await Assertions.Expect(citizen.GetByTestId("lookup-agency")).Not.ToBeEmptyAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(citizen, "boundary-citizen-lookup");
    }

    [Fact]
    public async Task The_administrator_sets_the_hand_over_limit_and_makes_a_desk_account_for_the_centre()
    {
        browser.App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 21, 2, 0, 0, TimeSpan.Zero));
        var admin = await browser.LoginAsync("admin");
        await admin.SetViewportSizeAsync(1280, 860);
        await admin.GotoAsync("/quan-tri/thoi-han-ban-giao-ho-so-giay");
        var form = admin.GetByTestId("handover-limit-form");
        await form.GetByLabel("Áp dụng từ ngày").FillAsync("2027-01-04");
        await form.GetByLabel("Thời hạn", new() { Exact = false }).First.FillAsync("0,5");
        await form.GetByLabel("Văn bản quy định").FillAsync("Quyết định số 99/QĐ-UBND ngày 15/12/2026 của UBND tỉnh Đắk Lắk");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thời hạn" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert.success")).ToContainTextAsync("0,5 ngày làm việc");
        await Assertions.Expect(admin.GetByTestId("handover-limits")).ToContainTextAsync("04/01/2027");
        await BrowserApp.ScreenshotBothWidthsAsync(admin, "boundary-handover-limits");

        await admin.GotoAsync("/quan-tri/tai-khoan");
        await admin.GetByTestId("other-agency-link").ClickAsync();
        var account = admin.GetByTestId("other-agency-account-form");
        await account.GetByLabel("Cơ quan, đơn vị").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await account.GetByLabel("Tên đăng nhập").FillAsync("motcuaxa2");
        await account.GetByLabel("Họ và tên").FillAsync("Y Bhăm Êban");
        await account.GetByLabel("Mật khẩu ban đầu").FillAsync("Xa#HoaPhu9!2026k");
        await account.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert.success")).ToContainTextAsync("Đã tạo tài khoản một cửa motcuaxa2");
        await Assertions.Expect(admin.GetByTestId("other-agency-accounts")).ToContainTextAsync("motcuaxa2");
        await BrowserApp.ScreenshotBothWidthsAsync(admin, "boundary-other-agency-accounts");
    }
}
