using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

public sealed class VersioningTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static DateTimeOffset Vn(int month, int day, int hour = 9) => new(2025, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_dossier_pinned_to_the_old_version_keeps_its_processing_time_after_an_amendment()
    {
        var admin = await app.LoginAsync("admin");
        var agency = await CataloguePages.AgencyIdAsync(app);
        var id = await CataloguePages.SaveDraftAsync(app, admin, "9.100001", "Cấp giấy phép thử nghiệm phiên bản", "10");
        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.DecideAsync(admin, "101/QĐ-UBND", "2025-02-20", "2025-03-01", publish: [id])).StatusCode);

        // A dossier received on 10/03 is pinned to version 1.
        int pinnedId;
        await using (var db = app.CreateDbContext())
        {
            var pinned = await CatalogueQueries.VersionInForceAsync(db, agency, "9.100001", Vn(3, 10), CancellationToken.None);
            Assert.NotNull(pinned);
            Assert.Equal(1, pinned.Number);
            Assert.Equal(ProcessingTime.WorkingDays(10), pinned.ProcessingTime);
            pinnedId = pinned.Id;
        }

        // Amendment: 7 working days from 20/03.
        await CataloguePages.SaveDraftAsync(app, admin, "9.100001", "Cấp giấy phép thử nghiệm phiên bản", "7", id, fees: "Lệ phí | 150.000");
        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.DecideAsync(admin, "102/QĐ-UBND", "2025-03-12", "2025-03-20", publish: [id])).StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var pinned = await db.ProcedureVersions.SingleAsync(v => v.Id == pinnedId);
            Assert.Equal(ProcessingTime.WorkingDays(10), pinned.ProcessingTime);
            Assert.Equal(new DateOnly(2025, 3, 19), pinned.EffectiveTo);
            var before = await CatalogueQueries.VersionInForceAsync(db, agency, "9.100001", Vn(3, 19, 16), CancellationToken.None);
            Assert.Equal(pinnedId, before!.Id);
            var after = await CatalogueQueries.VersionInForceAsync(db, agency, "9.100001", Vn(3, 20, 8), CancellationToken.None);
            Assert.Equal(2, after!.Number);
            Assert.Equal(ProcessingTime.WorkingDays(7), after.ProcessingTime);
        }

        // The officer page shows what changed between the two versions.
        var html = await admin.GetStringAsync($"/quan-tri/thu-tuc/{id}?a=1&b=2");
        Assert.Contains("Thay đổi giữa phiên bản 1 và phiên bản 2", html, StringComparison.Ordinal);
        Assert.Contains("10 ngày làm việc", html, StringComparison.Ordinal);
        Assert.Contains("7 ngày làm việc", html, StringComparison.Ordinal);
        Assert.Contains("150.000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Thành phần hồ sơ</td>", html, StringComparison.Ordinal); // unchanged papers are not listed
    }

    [Fact]
    public async Task An_amendment_cannot_take_effect_before_the_version_it_follows_and_nothing_is_stored()
    {
        var admin = await app.LoginAsync("admin");
        var id = await CataloguePages.SaveDraftAsync(app, admin, "9.100002", "Thủ tục thử ngày hiệu lực", "5");
        await CataloguePages.DecideAsync(admin, "201/QĐ-UBND", "2025-03-01", "2025-03-05", publish: [id]);
        await CataloguePages.SaveDraftAsync(app, admin, "9.100002", "Thủ tục thử ngày hiệu lực", "4", id);
        var response = await CataloguePages.DecideAsync(admin, "202/QĐ-UBND", "2025-03-01", "2025-03-05", publish: [id]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("phải sau ngày phiên bản hiện hành có hiệu lực (05/03/2025)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.PublicationDecisions.AnyAsync(d => d.Number == "202/QĐ-UBND"));
        var versions = await db.ProcedureVersions.Where(v => v.ProcedureId == id).OrderBy(v => v.Number).ToListAsync();
        Assert.Null(versions[0].EffectiveTo);
        Assert.Equal(VersionState.Draft, versions[1].State);
    }

    [Fact]
    public async Task An_abolished_procedure_accepts_no_new_dossier_and_leaves_the_public_catalogue()
    {
        var admin = await app.LoginAsync("admin");
        var agency = await CataloguePages.AgencyIdAsync(app);
        var id = await CataloguePages.SaveDraftAsync(app, admin, "9.100003", "Thủ tục sẽ bị bãi bỏ", "5");
        await CataloguePages.DecideAsync(admin, "301/QĐ-UBND", "2025-03-01", "2025-03-02", publish: [id]);
        using var visitor = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/thu-tuc/9.100003")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.DecideAsync(admin, "302/QĐ-UBND", "2025-03-05", "2025-03-10", abolish: [id])).StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var dayBefore = await CatalogueQueries.CanReceiveAsync(db, agency, "9.100003", Vn(3, 9, 16), CancellationToken.None);
            Assert.True(dayBefore.Allowed);
            var refused = await CatalogueQueries.CanReceiveAsync(db, agency, "9.100003", Vn(3, 10, 8), CancellationToken.None);
            Assert.False(refused.Allowed);
            Assert.Equal(ReceiveRefusal.Abolished, refused.Refusal);
            Assert.Equal("Thủ tục mã 9.100003 đã bị bãi bỏ từ ngày 10/03/2025; không tiếp nhận hồ sơ mới.", refused.Message);
            // Never deleted: the record and its version stay for dossiers and reports.
            Assert.True(await db.ProcedureVersions.AnyAsync(v => v.ProcedureId == id));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/thu-tuc/9.100003")).StatusCode);
        Assert.DoesNotContain("9.100003", await visitor.GetStringAsync("/thu-tuc?q=bai+bo"), StringComparison.Ordinal);

        // No amendment of an abolished procedure.
        var edit = await CataloguePages.PostAsync(admin, $"/quan-tri/thu-tuc/sua/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Thủ tục sẽ bị bãi bỏ",
            ["Input.FieldName"] = "Sở hữu trí tuệ",
        }, tokenPath: "/quan-tri/thu-tuc/sua");
        Assert.Contains("Thủ tục đã bị bãi bỏ, không thể sửa đổi.", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_catalogue_managers_reach_the_officer_pages()
    {
        var desk = await app.LoginAsync("motcua");
        var response = await desk.GetAsync("/quan-tri/thu-tuc");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("khong-co-quyen", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var focal = await app.LoginAsync("daumoi");
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync("/quan-tri/thu-tuc")).StatusCode);
    }
}
