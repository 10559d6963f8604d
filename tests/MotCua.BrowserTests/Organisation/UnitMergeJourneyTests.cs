using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Organisation;

public sealed class UnitMergeJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_merges_the_sub_department_into_a_new_division_and_the_specialist_finds_the_dossier_there()
    {
        const string from = "Chi cục Tiêu chuẩn Đo lường Chất lượng";
        const string into = "Phòng Quản lý công nghệ và chất lượng";
        string code;
        using (var desk = await browser.App.ApiClientAsync("motcua"))
        {
            int unit;
            await using (var db = browser.App.CreateDbContext())
            {
                unit = await db.Units.Where(u => u.Name == from).Select(u => u.Id).SingleAsync();
                db.Units.Add(new Unit { AgencyId = await db.Units.Where(u => u.Id == unit).Select(u => u.AgencyId).SingleAsync(), Name = into, Kind = UnitKind.Division, SortOrder = 6 });
                await db.SaveChangesAsync();
            }
            var created = await desk.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "1.000173", channel = "direct",
                applicant = new { name = "Công ty Sáp Nhập Phòng", idNumber = "079085001234", phone = "0905318274", address = "Buôn Ma Thuột" },
                papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
                transferToUnitId = unit,
            });
            code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        }

        var page = await browser.LoginAsync("admin");
        await page.GotoAsync("/quan-tri/don-vi");
        await page.GetByTestId("unit-merge-link").ClickAsync();
        await page.GetByLabel("Đơn vị được sáp nhập (sẽ ngừng hoạt động)").SelectOptionAsync(new SelectOptionValue { Label = from });
        await page.GetByLabel("Sáp nhập vào đơn vị").SelectOptionAsync(new SelectOptionValue { Label = into });
        await page.GetByLabel("Căn cứ (số, ngày quyết định sắp xếp)").FillAsync("Quyết định số 12/QĐ-SKHCN ngày 05/3/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-merge-preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("unit-preview-open")).Not.ToHaveTextAsync("0");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "unit-merge-preview");

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận sáp nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-merge-message")).ToContainTextAsync("Đã sáp nhập");
        await Assertions.Expect(page.GetByTestId("unit-merge-list")).ToContainTextAsync(from);
        await BrowserApp.ScreenshotBothWidthsAsync(page, "unit-merge-done");

        await page.GotoAsync("/quan-tri/don-vi");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đã sáp nhập vào " + into);
        await BrowserApp.ScreenshotBothWidthsAsync(page, "unit-merge-units");

        // The specialist, now in the new division, finds the dossier in the queue and its hand-over in the history.
        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync("/ho-so/hang-doi");
        await Assertions.Expect(specialist.Locator("main")).ToContainTextAsync(code);
        await specialist.GotoAsync("/ho-so/" + code);
        await Assertions.Expect(specialist.Locator("main")).ToContainTextAsync("Chuyển giao do sáp nhập " + from + " vào " + into);
        await BrowserApp.ScreenshotBothWidthsAsync(specialist, "unit-merge-moved-dossier");
    }
}
