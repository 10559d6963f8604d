using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.AgencyMerges;

public sealed class PaknMergeJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_successor_s_PAKN_officer_finds_a_PAKN_handed_over_by_the_merge_with_its_hand_over_line()
    {
        // A PAKN waiting at the demo department, and a new department of the province with its administrator.
        string code;
        int demo;
        await using (var db = browser.App.CreateDbContext())
        {
            demo = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
        }
        using (var anonymous = browser.App.CreateClient())
        {
            var created = await anonymous.PostAsJsonAsync("/api/public/feedback", new
            {
                senderName = "Phan Văn Chuyển", senderAddress = "Buôn Ma Thuột", senderPhone = "0905318274", title = "Thời hạn cấp giấy phép sau hợp nhất", consent = true,
                content = "Đề nghị cho biết cơ quan nào tiếp tục giải quyết hồ sơ sau khi hợp nhất các sở.",
            });
            code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        }
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var agency = new Agency { Code = "SKHCN-PK", Name = "Sở Khoa học và Công nghệ (sau hợp nhất)", ProvinceCode = "66" };
            var office = new Unit { Agency = agency, Name = "Văn phòng Sở", Kind = UnitKind.Office };
            db.Agencies.Add(agency);
            db.Units.Add(office);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = "quantri-pk", FullName = "Quản trị Sở mới", AgencyId = agency.Id, UnitId = office.Id, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(admin, MotCua.Web.Tests.Infrastructure.MotCuaApp.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Admin)).Succeeded);
        }

        var page = await browser.LoginAsync("quantri-pk");
        await page.GotoAsync("/quan-tri/co-quan/hop-nhat");
        await page.GetByLabel("Cơ quan được hợp nhất (sẽ ngừng hoạt động)").SelectOptionAsync(demo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-feedback")).Not.ToHaveTextAsync("0");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "pakn-merge-preview");
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hợp nhất" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("merge-message")).ToContainTextAsync("phản ánh, kiến nghị đang xử lý");

        // The PAKN focal officer, moved with the accounts, finds it in the successor's register and opens it.
        var officer = await browser.LoginAsync("daumoi");
        await officer.GotoAsync("/pakn");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync(code);
        await BrowserApp.ScreenshotBothWidthsAsync(officer, "pakn-merge-register");
        long id;
        await using (var db = browser.App.CreateDbContext())
        {
            id = await db.FeedbackItems.Where(f => f.Code == code).Select(f => f.Id).SingleAsync();
        }
        await officer.GotoAsync("/pakn/" + id);
        await Assertions.Expect(officer.GetByTestId("pakn-handover"))
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex("Chuyển giao do hợp nhất cơ quan .+ vào Sở Khoa học và Công nghệ \\(sau hợp nhất\\) từ ngày 10/03/2025"));
        await Assertions.Expect(officer.GetByTestId("pakn-inscope")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(officer, "pakn-merge-moved-item");
    }
}
