using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.BrowserTests.Reports;

/// <summary>
/// The report pages over a small known scenario in an agency of its own (Q1 2025, official cut-off 15/12/2024–14/03/2025):
/// one dossier carried over and resolved late; five received (2 online, 2 direct, 1 postal): one early, one on time,
/// one late, one pending overdue, one pending within time. So: total 6, resolved 4 (1 / 1 / 2), pending 2 (1 / 1), 50%.
/// </summary>
public sealed class ReportPagesJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _user;
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private async Task<string> SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_user is not null)
            {
                return _user;
            }
            using (var scope = browser.App.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
                var agency = new Agency { Code = "BCQ1", Name = "Sở Khoa học và Công nghệ tỉnh Minh Họa" };
                var unit = new Unit { Agency = agency, Name = "Bộ phận Một cửa", Kind = UnitKind.OneStopDesk };
                db.Units.Add(unit);
                await db.SaveChangesAsync();
                var fieldA = new Field { AgencyId = agency.Id, Name = "Tiêu chuẩn, đo lường, chất lượng" };
                var fieldB = new Field { AgencyId = agency.Id, Name = "Năng lượng nguyên tử, an toàn bức xạ và hạt nhân" };
                db.CatalogueFields.AddRange(fieldA, fieldB);
                await db.SaveChangesAsync();
                var names = new[]
                {
                    ("BC.0001", "Thủ tục đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân sản xuất, kinh doanh", fieldA, OnlineServiceLevel.Full),
                    ("BC.0002", "Thủ tục kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu", fieldA, OnlineServiceLevel.Partial),
                    ("BC.0003", "Cấp giấy phép tiến hành công việc bức xạ – sử dụng thiết bị X-quang chẩn đoán trong y tế", fieldB, OnlineServiceLevel.Partial),
                };
                foreach (var (code, name, field, level) in names)
                {
                    var procedure = new Procedure { AgencyId = agency.Id, Code = code, IsLocalCode = true };
                    procedure.Versions.Add(new ProcedureVersion
                    {
                        Number = 1, State = VersionState.Published, EffectiveFrom = new DateOnly(2024, 1, 1), Name = name, FieldId = field.Id,
                        OnlineLevel = level, ProcessingTimeValue = 5, ProcessingTimeUnit = TimeUnit.WorkingDays, PostalReceipt = true,
                    });
                    db.Procedures.Add(procedure);
                }
                await db.SaveChangesAsync();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var user = new AppUser { UserName = "baocaoq1", FullName = "Cán bộ đầu mối Minh Họa", AgencyId = agency.Id, UnitId = unit.Id, EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user, MotCuaApp.DemoPassword)).Succeeded);
                Assert.True((await users.AddToRolesAsync(user, [Roles.ControlFocalOfficer, Roles.Leader, Roles.OneStopOfficer])).Succeeded);
                // The historical import is the agency administrator's (as the page /ho-so/nhap).
                var importer = new AppUser { UserName = "baocaoq1qt", FullName = "Quản trị Minh Họa", AgencyId = agency.Id, UnitId = unit.Id, EmailConfirmed = true };
                Assert.True((await users.CreateAsync(importer, MotCuaApp.DemoPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(importer, Roles.Admin)).Succeeded);
            }
            static string At(int m, int d, int h, int y = 2025) => new DateTimeOffset(y, m, d, h, 0, 0, Vn).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
            static object Rec(string code, string channel, string received, string due, string? resolved, int i) => new
            {
                procedureCode = code, channel, applicant = new { name = "Công ty TNHH Minh Họa số " + i.ToString(CultureInfo.InvariantCulture), phone = "0257380000" + i.ToString(CultureInfo.InvariantCulture) },
                receivedAt = received, dueAt = due, resolvedAt = resolved, returnedAt = resolved,
            };
            var records = new[]
            {
                Rec("BC.0001", "online", At(1, 6, 8), At(1, 13, 17), At(1, 8, 10), 1),   // early
                Rec("BC.0001", "direct", At(1, 7, 8), At(1, 14, 17), At(1, 14, 10), 2),  // on time
                Rec("BC.0002", "postal", At(1, 8, 8), At(1, 15, 17), At(1, 20, 10), 3),  // late
                Rec("BC.0002", "direct", At(2, 3, 8), At(2, 10, 17), null, 4),           // pending, overdue
                Rec("BC.0003", "online", At(3, 3, 8), At(3, 20, 17), null, 5),           // pending, within time
                Rec("BC.0003", "direct", At(12, 2, 8, 2024), At(12, 9, 17, 2024), At(1, 2, 10), 6), // carried over, late
            };
            using var api = await browser.App.ApiClientAsync("baocaoq1qt");
            var response = await api.PostAsJsonAsync("/api/dossiers/import", records);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            _user = "baocaoq1";
            return _user;
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task ExpectCellAsync(IPage page, string row, string cell, string value) =>
        await Assertions.Expect(page.Locator($"[data-testid=report-table] tr[data-key='{row}'] td[data-cell='{cell}']")).ToHaveTextAsync(value);

    [Fact]
    public async Task The_report_shows_the_scenario_by_every_grouping_and_drills_into_a_cell()
    {
        var user = await SeedAsync();
        var page = await browser.LoginAsync(user);
        await page.GotoAsync("/bao-cao");
        await BrowserApp.ScreenshotAsync(page, "reports-index");

        await page.GotoAsync("/bao-cao/ho-so?Ky=2025-Q1&GroupBy=agency");
        await Assertions.Expect(page.GetByTestId("report-period")).ToContainTextAsync("Từ ngày 15/12/2024 đến ngày 14/03/2025");
        foreach (var (cell, value) in new[]
        {
            ("total", "6"), ("carriedOver", "1"), ("receivedOnline", "2"), ("receivedDirect", "2"), ("receivedPostal", "1"), ("resolved", "4"),
            ("resolvedEarly", "1"), ("resolvedOnTime", "1"), ("resolvedLate", "2"), ("pending", "2"), ("pendingWithinTime", "1"), ("pendingOverdue", "1"),
        })
        {
            await ExpectCellAsync(page, "total", cell, value);
        }
        await Assertions.Expect(page.GetByTestId("on-time-rate")).ToHaveTextAsync("50%");
        await Assertions.Expect(page.GetByTestId("full-online")).ToHaveTextAsync("1/3 (33,33%)");
        await Assertions.Expect(page.GetByTestId("posted")).ToHaveTextAsync("0/3");
        await BrowserApp.ScreenshotAsync(page, "reports-agency");

        await page.GotoAsync("/bao-cao/ho-so?Ky=2025-Q1&GroupBy=unit");
        await ExpectCellAsync(page, "total", "total", "6");
        await BrowserApp.ScreenshotAsync(page, "reports-unit");

        await page.GotoAsync("/bao-cao/ho-so?Ky=2025-Q1&GroupBy=field");
        await Assertions.Expect(page.Locator("[data-testid=report-table] tbody tr")).ToHaveCountAsync(3);
        await ExpectCellAsync(page, "total", "resolvedLate", "2");
        await BrowserApp.ScreenshotAsync(page, "reports-field");

        await page.GotoAsync("/bao-cao/ho-so?Ky=2025-Q1&GroupBy=procedure");
        await Assertions.Expect(page.Locator("[data-testid=report-table] tbody tr")).ToHaveCountAsync(4);
        await BrowserApp.ScreenshotAsync(page, "reports-procedure");

        // Drill into the late ones: the postal dossier of BC.0002 and the carried-over one of BC.0003.
        await page.Locator("[data-testid=report-table] tr[data-key='total'] td[data-cell='resolvedLate'] a").ClickAsync();
        await Assertions.Expect(page.GetByTestId("drill-table").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("drill-table")).ToContainTextAsync("Quá hạn");
        await BrowserApp.ScreenshotAsync(page, "reports-drill-down");

        // A bad cell says so in Vietnamese.
        await page.GotoAsync("/bao-cao/ho-so?Ky=2025-Q1&GroupBy=unit&Row=999999&Cell=total");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dòng cần xem chi tiết không có trong báo cáo kỳ này.");
        await BrowserApp.ScreenshotAsync(page, "reports-bad-cell");

        // The print view: the form and the navigation are hidden, the table fits.
        await page.GotoAsync("/bao-cao/ho-so?Ky=2025-Q1&GroupBy=field");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("report-form")).ToBeHiddenAsync();
        // Every column of the form is on the page, not clipped behind the scroll box.
        var last = await page.Locator("[data-testid=report-table] tr[data-key='total'] td[data-cell='refusedAtDesk']").BoundingBoxAsync();
        Assert.True(last!.X + last.Width <= 1256, $"The last column ends at {last.X + last.Width}px.");
        await BrowserApp.ScreenshotAsync(page, "reports-print");
    }

    [Fact]
    public async Task The_index_targets_dashboard_and_scoring_read_the_same_scenario()
    {
        var user = await SeedAsync();
        var page = await browser.LoginAsync(user);
        await page.GotoAsync("/chi-so-766?ky=quy&nam=2025&so=1");
        await Assertions.Expect(page.GetByTestId("earned-of-max")).ToContainTextAsync("/ 100");
        await BrowserApp.ScreenshotAsync(page, "reports-766");

        await page.GotoAsync("/chi-tieu?ky=quy&nam=2025&so=1");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "reports-targets");

        await page.GotoAsync("/bang-dieu-khien");
        await Assertions.Expect(page.GetByTestId("kf-overdue")).ToHaveTextAsync("1");
        // Chart units read "1 hồ sơ", not "1hồ sơ".
        await Assertions.Expect(page.Locator("svg.chart text", new() { HasText = "1 hồ sơ" }).First).ToBeAttachedAsync();
        await BrowserApp.ScreenshotAsync(page, "reports-dashboard");

        await page.GotoAsync("/cham-diem-mot-cua?ky=quy&nam=2025&so=1");
        await Assertions.Expect(page.GetByTestId("scoring-summary")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "reports-scoring");
    }
}
