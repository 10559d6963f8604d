using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Catalogue;

public sealed class CatalogueJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_citizen_searches_without_diacritics_and_reads_papers_fees_and_time()
    {
        // The real seed gives no papers, so this test loads one procedure with papers through the normal import.
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var agency = db.Agencies.Single(a => a.Code == "SKHCN").Id;
            var (_, errors) = await CatalogueImport.ImportAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), null, agency,
            [
                new RawRow
                {
                    Row = 1, Code = "9.900001", Name = "Cấp giấy phép vận chuyển chất phóng xạ (thử nghiệm)",
                    Field = "Năng lượng nguyên tử, an toàn bức xạ và hạt nhân", TimeValue = "10", TimeUnit = "WorkingDays", Fees = "Phí thẩm định | 2.000.000",
                    Papers = "Đơn đề nghị cấp giấy phép | Bản chính | 1 | Mẫu 01\nBản sao giấy chứng nhận đăng ký doanh nghiệp | Bản sao | 1",
                    OnlineLevel = "Một phần", PostalReceipt = "Có",
                },
            ], new DateOnly(2025, 1, 1), "Dữ liệu kiểm thử", null, CancellationToken.None);
            Assert.Empty(errors);
        }
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tra cứu thủ tục" }).ClickAsync();
        await page.GetByLabel("Tên hoặc mã thủ tục").FillAsync("giay phep van chuyen phong xa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("Tìm thấy 1 thủ tục.");
        await BrowserApp.ScreenshotAsync(page, "catalogue-search");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cấp giấy phép vận chuyển chất phóng xạ (thử nghiệm)" }).ClickAsync();
        await BrowserApp.ExpectPathAsync(page, "/thu-tuc/9.900001");
        await Assertions.Expect(page.GetByTestId("time")).ToContainTextAsync("10 ngày làm việc");
        await Assertions.Expect(page.GetByTestId("fees")).ToContainTextAsync("Phí thẩm định: 2.000.000 đồng");
        await Assertions.Expect(page.GetByTestId("papers")).ToContainTextAsync("Đơn đề nghị cấp giấy phép");
        await Assertions.Expect(page.GetByTestId("papers")).ToContainTextAsync("Bản sao giấy chứng nhận đăng ký doanh nghiệp");
        await Assertions.Expect(page.GetByTestId("channels")).ToContainTextAsync("bưu chính công ích");
        await BrowserApp.ScreenshotAsync(page, "catalogue-procedure");

        // A real seeded procedure with a confirmed time and fee.
        await page.GotoAsync("/thu-tuc?q=chung+chi+nhan+vien+buc+xa");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cấp chứng chỉ nhân viên bức xạ (người phụ trách an toàn cơ sở X-quang chẩn đoán trong y tế)" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("time")).ToContainTextAsync("10 ngày làm việc");
        await Assertions.Expect(page.GetByTestId("fees")).ToContainTextAsync("200.000 đồng");

        // The four radiation-work licences and the test licence (its field names radiation safety).
        await page.GotoAsync("/thu-tuc?q=giay+phep+buc+xa");
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("Tìm thấy 5 thủ tục, xếp theo mức độ phù hợp.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("time")).ToContainTextAsync("11 ngày làm việc");
        await Assertions.Expect(page.GetByTestId("fees")).ToContainTextAsync("Đang cập nhật");
        await BrowserApp.ScreenshotAsync(page, "catalogue-licence");
    }

    [Fact]
    public async Task A_manager_drafts_an_internal_process_and_sees_which_steps_dossiers_are_routed_along()
    {
        int id;
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = db.Procedures.Where(p => p.Code == "1.000173").Select(p => p.Id).Single();
        }
        var page = await browser.LoginAsync("daumoi");
        await page.GotoAsync($"/quan-tri/thu-tuc/{id}/quy-trinh");
        // The desk receives and hands over, the Chi cục appraises, the leader approves, the desk returns: 10 working days.
        var rows = new (string Kind, string? Unit, string? Actor, string Duration)[]
        {
            ("Receive", "Bộ phận Một cửa", null, "0,5"), ("Transfer", "Bộ phận Một cửa", null, "0,5"),
            ("Appraise", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Chuyên viên", "7,5"), ("Approve", null, "Lãnh đạo Sở", "1"), ("Return", "Bộ phận Một cửa", null, "0,5"),
        };
        for (var i = 0; i < rows.Length; i++)
        {
            await page.Locator($"select[name='Steps[{i}].Kind']").SelectOptionAsync(rows[i].Kind);
            if (rows[i].Unit is { } unit)
            {
                await page.Locator($"select[name='Steps[{i}].UnitId']").SelectOptionAsync(new SelectOptionValue { Label = unit });
            }
            await page.Locator($"input[name='Steps[{i}].Actor']").FillAsync(rows[i].Actor ?? "");
            await page.Locator($"input[name='Steps[{i}].Duration']").FillAsync(rows[i].Duration);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo quy trình" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu dự thảo quy trình.");
        await Assertions.Expect(page.GetByTestId("routed-steps")).ToContainTextAsync("B3 Thẩm định hồ sơ (Chi cục Tiêu chuẩn Đo lường Chất lượng).");
        await Assertions.Expect(page.GetByTestId("routed-steps")).Not.ToContainTextAsync("B2");
        await BrowserApp.ScreenshotAsync(page, "catalogue-internal-process");
    }

    [Fact]
    public async Task The_one_stop_list_prints_without_the_menu()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/thu-tuc/danh-sach/mot-cua");
        await Assertions.Expect(page.GetByTestId("list")).ToContainTextAsync("Khai báo thiết bị X-quang chẩn đoán trong y tế");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("nav.mainnav")).ToBeHiddenAsync();
        await BrowserApp.ScreenshotAsync(page, "catalogue-list-print");
    }
}
