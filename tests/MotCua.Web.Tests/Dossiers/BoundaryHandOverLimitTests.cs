using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The province's paper hand-over limit set on the administrator's page (its own app: the test moves the clock on).
/// </summary>
public sealed class BoundaryHandOverLimitTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task The_administrator_sets_the_provinces_hand_over_limit_from_a_day_on_refusing_bad_input()
    {
        app.Clock.SetUtcNow(BoundaryLeftoverTests.Monday);
        var (_, centre) = await BoundaryLeftoverTests.AgenciesAsync(app);
        using (var admin = await app.LoginAsync("admin"))
        {
            Assert.Contains(HandOverLimitsModel.Route, await admin.GetStringAsync("/can-bo"), StringComparison.Ordinal);

            var bad = WebUtility.HtmlDecode(await (await BoundaryLeftoverTests.PostAsync(admin, HandOverLimitsModel.Route,
                new() { ["From"] = "2026-12-18", ["Value"] = "0", ["Unit"] = "WorkingDays", ["Source"] = " " })).Content.ReadAsStringAsync());
            Assert.Contains("Ngày bắt đầu áp dụng không được trước hôm nay", bad, StringComparison.Ordinal);
            Assert.Contains("Thời hạn phải lớn hơn 0", bad, StringComparison.Ordinal);
            Assert.Contains("Vui lòng nhập văn bản quy định thời hạn", bad, StringComparison.Ordinal);
            var calendarDays = WebUtility.HtmlDecode(await (await BoundaryLeftoverTests.PostAsync(admin, HandOverLimitsModel.Route,
                new() { ["From"] = "2026-12-22", ["Value"] = "abc", ["Unit"] = "CalendarDays", ["Source"] = "Quyết định số 1/QĐ-UBND" })).Content.ReadAsStringAsync());
            Assert.Contains("Vui lòng nhập thời hạn bằng số", calendarDays, StringComparison.Ordinal);
            Assert.Contains("chỉ là ngày làm việc hoặc giờ làm việc", calendarDays, StringComparison.Ordinal);
            await using (var db = app.CreateDbContext())
            {
                Assert.False(await db.BoundaryHandOverLimits.AnyAsync());
            }

            var saved = await BoundaryLeftoverTests.PostAsync(admin, HandOverLimitsModel.Route,
                new() { ["From"] = "2026-12-23", ["Value"] = "2", ["Unit"] = "WorkingDays", ["Source"] = "Quyết định số 99/QĐ-UBND ngày 15/12/2026 của UBND tỉnh" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync(HandOverLimitsModel.Route));
            Assert.Contains("Quyết định số 99/QĐ-UBND", page, StringComparison.Ordinal);
            // Today's limit is still the default: the province's row applies from its own day.
            Assert.Matches("đang áp dụng hôm nay: <strong>1 ngày làm việc</strong>", page);
            var twice = WebUtility.HtmlDecode(await (await BoundaryLeftoverTests.PostAsync(admin, HandOverLimitsModel.Route,
                new() { ["From"] = "2026-12-23", ["Value"] = "3", ["Unit"] = "WorkingDays", ["Source"] = "Quyết định khác" })).Content.ReadAsStringAsync());
            Assert.Contains("Đã có thời hạn áp dụng từ ngày 23/12/2026", twice, StringComparison.Ordinal);
        }

        await using (var db = app.CreateDbContext())
        {
            var row = await db.BoundaryHandOverLimits.SingleAsync();
            Assert.Equal(centre.ProvinceCode, row.ProvinceCode);
            Assert.Equal(2m, row.Value);
            Assert.Contains(HandOverLimitsModel.AddAudit, await db.Set<AuditEntry>().Select(a => a.Action).ToListAsync());
        }

        // Received on Monday: the default 01 working day still applies.
        using (var centreDesk = await app.LoginAsync("motcuaxa"))
        {
            var before = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centreDesk, BoundaryLeftoverTests.Unique("Người Trước Hạn Mới"));
            await using var db = app.CreateDbContext();
            var h = await db.PaperHandOvers.SingleAsync(x => x.Dossier!.Code == before);
            Assert.Equal(new DateTimeOffset(2026, 12, 22, 17, 0, 0, TimeSpan.FromHours(7)), h.DueAt);
        }

        // Received on Wednesday 23/12: the province's 02 working days, with its text as the basis.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 23, 9, 0, 0, TimeSpan.FromHours(7)));
        using (var centreDesk = await app.LoginAsync("motcuaxa"))
        {
            var after = await BoundaryLeftoverTests.ReceiveAtCentreAsync(app, centreDesk, BoundaryLeftoverTests.Unique("Người Sau Hạn Mới"));
            await using var db = app.CreateDbContext();
            var h = await db.PaperHandOvers.SingleAsync(x => x.Dossier!.Code == after);
            Assert.Equal(new DateTimeOffset(2026, 12, 25, 17, 0, 0, TimeSpan.FromHours(7)), h.DueAt);
            Assert.Contains("Quyết định số 99/QĐ-UBND", h.Basis, StringComparison.Ordinal);
        }

        // A row in force is kept; a row not yet in force may be removed, audited.
        using var later = await app.LoginAsync("admin");
        int inForce;
        await using (var db = app.CreateDbContext())
        {
            inForce = (await db.BoundaryHandOverLimits.SingleAsync()).Id;
        }
        var kept = WebUtility.HtmlDecode(await (await BoundaryLeftoverTests.PostAsync(later, HandOverLimitsModel.Route + "?handler=Remove",
            new() { ["id"] = inForce.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Content.ReadAsStringAsync());
        Assert.Contains("Thời hạn đã có hiệu lực nên không xóa được", kept, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await BoundaryLeftoverTests.PostAsync(later, HandOverLimitsModel.Route,
            new() { ["From"] = "2027-01-04", ["Value"] = "4", ["Unit"] = "WorkingHours", ["Source"] = "Quyết định số 5/QĐ-UBND" })).StatusCode);
        int future;
        await using (var db = app.CreateDbContext())
        {
            future = (await db.BoundaryHandOverLimits.SingleAsync(r => r.From == new DateOnly(2027, 1, 4))).Id;
        }
        Assert.Equal(HttpStatusCode.Redirect, (await BoundaryLeftoverTests.PostAsync(later, HandOverLimitsModel.Route + "?handler=Remove",
            new() { ["id"] = future.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.BoundaryHandOverLimits.CountAsync());
            Assert.Contains(HandOverLimitsModel.RemoveAudit, await db.Set<AuditEntry>().Select(a => a.Action).ToListAsync());
        }
    }
}
