using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Indices;

/// <summary>The control officer opens the manual points of a unit another unit was merged into, sees the carried point named, and confirms it.</summary>
public sealed class ManualPointsCarryJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Officer_confirms_a_point_carried_from_a_merged_unit()
    {
        int into;
        string fromName;
        await using (var db = browser.App.CreateDbContext())
        {
            var agencyId = await db.Users.Where(u => u.UserName == "daumoi").Select(u => u.AgencyId).SingleAsync();
            var units = await db.Units.Where(u => u.AgencyId == agencyId && u.SucceededById == null).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).Take(2).ToListAsync();
            (fromName, into) = (units[0].Name, units[1].Id);
            var from = units[0].Id;
            var mergedOn = new DateOnly(2025, 8, 1);
            await db.Units.Where(u => u.Id == from).ExecuteUpdateAsync(s => s.SetProperty(u => u.SucceededById, into).SetProperty(u => u.SucceededFrom, mergedOn));
            db.IndexManualScores.Add(new IndexManualScore
            {
                AgencyId = agencyId, ScopeUnitId = from, PeriodKey = "2025-Q3", IndicatorCode = "1.3", Points = 6.5m, EnteredBy = "daumoi",
                EnteredAt = new DateTimeOffset(2025, 3, 1, 2, 0, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync();
        }

        var page = await browser.LoginAsync("daumoi");
        await page.GotoAsync("/chi-so-766/nhap-diem?ky=quy&nam=2025&so=3&donvi=" + into.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("carried-note")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("carried-1.3")).ToHaveTextAsync("Chuyển từ " + fromName + ": 6,5 điểm");
        await Assertions.Expect(page.GetByLabel("Điểm chỉ tiêu 1.3")).ToHaveValueAsync("6,5");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "indices-manual-points-carried");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu điểm" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("carried-1.3")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("manual-row-1.3")).ToContainTextAsync("daumoi");
    }
}
