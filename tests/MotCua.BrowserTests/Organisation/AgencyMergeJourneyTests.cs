using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Organisation;

public sealed class AgencyMergeJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_merges_the_department_into_the_new_one_and_its_specialist_opens_a_moved_dossier()
    {
        // A dossier held by the demo department's sub-department, and a new department of the province with its administrator.
        string code;
        using (var desk = await browser.App.ApiClientAsync("motcua"))
        {
            int unit;
            await using (var db = browser.App.CreateDbContext())
            {
                unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            }
            var created = await desk.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "1.000173", channel = "direct",
                applicant = new { name = "Công ty Chuyển Giao", idNumber = "079085001234", phone = "0905123456", address = "Buôn Ma Thuột" },
                papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
                transferToUnitId = unit,
            });
            code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        }
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var agency = new Agency { Code = "SKHCN-DL", Name = "Sở Khoa học và Công nghệ (sau hợp nhất)", ProvinceCode = "66" };
            var office = new Unit { Agency = agency, Name = "Văn phòng Sở", Kind = UnitKind.Office };
            db.Agencies.Add(agency);
            db.Units.Add(office);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = "quantri-moi", FullName = "Quản trị Sở mới", AgencyId = agency.Id, UnitId = office.Id, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(admin, MotCua.Web.Tests.Infrastructure.MotCuaApp.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Admin)).Succeeded);
        }

        var page = await browser.LoginAsync("quantri-moi");
        await page.GotoAsync("/quan-tri/co-quan/hop-nhat");
        await page.GetByLabel("Cơ quan được hợp nhất (sẽ ngừng hoạt động)").SelectOptionAsync(new SelectOptionValue { Label = "Sở Khoa học và Công nghệ tỉnh Đắk Lắk (SKHCN)" });
        await page.GetByLabel("Căn cứ (số, ngày quyết định hợp nhất)").FillAsync("Quyết định số 15/QĐ-UBND ngày 05/3/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("merge-preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("preview-open")).Not.ToHaveTextAsync("0");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "agency-merge-preview");

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hợp nhất" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("merge-message")).ToContainTextAsync("Đã hợp nhất");
        await Assertions.Expect(page.GetByTestId("merge-list")).ToContainTextAsync("SKHCN");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "agency-merge-done");

        await page.GotoAsync("/quan-tri/co-quan");
        await Assertions.Expect(page.GetByTestId("agency-predecessors")).ToContainTextAsync("Sở Khoa học và Công nghệ tỉnh Đắk Lắk (mã SKHCN)");

        // The specialist, now an officer of the new department, finds the dossier in the queue and its hand-over in the history.
        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync("/ho-so/hang-doi");
        await Assertions.Expect(specialist.Locator("main")).ToContainTextAsync(code);
        await specialist.GotoAsync("/ho-so/" + code);
        await Assertions.Expect(specialist.Locator("main")).ToContainTextAsync("Chuyển giao do hợp nhất cơ quan Sở Khoa học và Công nghệ tỉnh Đắk Lắk vào Sở Khoa học và Công nghệ (sau hợp nhất)");
        await BrowserApp.ScreenshotBothWidthsAsync(specialist, "agency-merge-moved-dossier");
    }
}
