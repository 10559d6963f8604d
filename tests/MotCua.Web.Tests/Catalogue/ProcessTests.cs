using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

public sealed class ProcessTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static Dictionary<string, string> Steps(params (string Kind, string Actor, string Duration, string Unit)[] steps)
    {
        var d = new Dictionary<string, string>();
        for (int i = 0; i < steps.Length; i++)
        {
            d[$"Steps[{i}].Kind"] = steps[i].Kind;
            d[$"Steps[{i}].Actor"] = steps[i].Actor;
            d[$"Steps[{i}].Duration"] = steps[i].Duration;
            d[$"Steps[{i}].Unit"] = steps[i].Unit;
        }
        return d;
    }

    [Fact]
    public async Task Step_times_must_add_up_to_the_processing_time_before_approval()
    {
        var admin = await app.LoginAsync("daumoi");
        var id = await CataloguePages.SaveDraftAsync(app, admin, "9.200001", "Thủ tục có quy trình nội bộ", "10");
        await CataloguePages.DecideAsync(admin, "401/QĐ-UBND", "2025-03-01", "2025-03-03", publish: [id]);
        var page = $"/quan-tri/thu-tuc/{id}/quy-trinh";

        // 4 h + 8 d + 1 d = 9 d + 4 h ≠ 10 working days: saved as draft with a warning, approval refused.
        var save = await CataloguePages.PostAsync(admin, page + "?handler=Save&version=1",
            Steps(("Receive", "Bộ phận Một cửa", "4", "WorkingHours"), ("Appraise", "Chuyên viên", "8", "WorkingDays"), ("Approve", "Lãnh đạo Sở", "1", "WorkingDays")), page);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var approve = await CataloguePages.PostAsync(admin, page + "?handler=Transition&version=1&trigger=Approve",
            new Dictionary<string, string> { ["DecisionNumber"] = "55/QĐ-UBND", ["ApprovedOn"] = "2025-03-05" }, page);
        var html = System.Net.WebUtility.HtmlDecode(await approve.Content.ReadAsStringAsync());
        Assert.Contains("Tổng thời gian các bước (76 giờ làm việc) phải bằng thời hạn giải quyết 10 ngày làm việc (80 giờ làm việc).", html, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(ProcessState.Draft, (await db.InternalProcesses.SingleAsync(p => p.ProcedureVersion!.ProcedureId == id)).State);
        }

        // 4 h + 8,5 d + 1 d = 10 working days: approved, then in force.
        await CataloguePages.PostAsync(admin, page + "?handler=Save&version=1",
            Steps(("Receive", "Bộ phận Một cửa", "4", "WorkingHours"), ("Appraise", "Chuyên viên", "8,5", "WorkingDays"), ("Approve", "Lãnh đạo Sở", "1", "WorkingDays")), page);
        approve = await CataloguePages.PostAsync(admin, page + "?handler=Transition&version=1&trigger=Approve",
            new Dictionary<string, string> { ["DecisionNumber"] = "55/QĐ-UBND", ["ApprovedOn"] = "2025-03-05" }, page);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        // An approved process cannot be edited.
        var edit = await CataloguePages.PostAsync(admin, page + "?handler=Save&version=1", Steps(("Receive", "Một cửa", "10", "WorkingDays")), page);
        Assert.Contains("không được sửa", System.Net.WebUtility.HtmlDecode(await edit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var inForce = await CataloguePages.PostAsync(admin, page + "?handler=Transition&version=1&trigger=PutInForce", new Dictionary<string, string>(), page);
        Assert.Equal(HttpStatusCode.Redirect, inForce.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var process = await db.InternalProcesses.Include(p => p.Steps).SingleAsync(p => p.ProcedureVersion!.ProcedureId == id);
            Assert.Equal(ProcessState.InForce, process.State);
            Assert.Equal("55/QĐ-UBND", process.ApprovalDecisionNumber);
            Assert.Equal([4m, 8.5m, 1m], process.Steps.OrderBy(s => s.Seq).Select(s => s.DurationValue));
        }
    }

    [Fact]
    public async Task The_process_page_shows_which_steps_dossiers_are_routed_along_leaving_out_the_desk_and_the_leaders_actions()
    {
        var admin = await app.LoginAsync("daumoi");
        var id = await CataloguePages.SaveDraftAsync(app, admin, "9.200003", "Thủ tục có bước của Bộ phận Một cửa", "5");
        await CataloguePages.DecideAsync(admin, "403/QĐ-UBND", "2025-03-01", "2025-03-03", publish: [id]);
        int desk, tdc;
        await using (var db = app.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            desk = await db.Units.Where(u => u.Kind == Features.Organisation.UnitKind.OneStopDesk).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }
        var page = $"/quan-tri/thu-tuc/{id}/quy-trinh";
        var steps = Steps(("Receive", "", "0,5", "WorkingDays"), ("Transfer", "", "0,5", "WorkingDays"), ("Appraise", "Chuyên viên", "3", "WorkingDays"),
            ("Approve", "Lãnh đạo Sở", "0,5", "WorkingDays"), ("Return", "", "0,5", "WorkingDays"));
        steps["Steps[0].UnitId"] = steps["Steps[1].UnitId"] = steps["Steps[4].UnitId"] = desk.ToString(System.Globalization.CultureInfo.InvariantCulture);
        steps["Steps[2].UnitId"] = tdc.ToString(System.Globalization.CultureInfo.InvariantCulture);
        steps["Steps[2].Description"] = "Thẩm định hồ sơ, dự thảo kết quả";
        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.PostAsync(admin, page + "?handler=Save&version=1", steps, page)).StatusCode);

        var html = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        var routed = html[html.IndexOf("data-testid=\"routed-steps\"", StringComparison.Ordinal)..];
        routed = routed[..routed.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.Contains("<strong>B3 Thẩm định hồ sơ, dự thảo kết quả (Chi cục Tiêu chuẩn Đo lường Chất lượng)</strong>", routed, StringComparison.Ordinal);
        Assert.DoesNotContain("B2", routed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unverified_procedure_cannot_get_an_approved_process()
    {
        var admin = await app.LoginAsync("admin");
        await using var db = app.CreateDbContext();
        var id = await db.Procedures.Where(p => p.Code == "1.001786").Select(p => p.Id).SingleAsync();
        var page = $"/quan-tri/thu-tuc/{id}/quy-trinh";
        await CataloguePages.PostAsync(admin, page + "?handler=Save&version=1", Steps(("Receive", "Một cửa", "15", "WorkingDays")), page);
        var approve = await CataloguePages.PostAsync(admin, page + "?handler=Transition&version=1&trigger=Approve",
            new Dictionary<string, string> { ["DecisionNumber"] = "56/QĐ-UBND", ["ApprovedOn"] = "2025-03-05" }, page);
        Assert.Contains("chưa xác minh thời hạn giải quyết", System.Net.WebUtility.HtmlDecode(await approve.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // The officer list flags it; the public page never shows an assumed time.
        Assert.Contains("chưa xác minh", await admin.GetStringAsync("/quan-tri/thu-tuc"), StringComparison.Ordinal);
        using var visitor = app.CreateClient();
        var pub = await visitor.GetStringAsync("/thu-tuc/1.001786");
        Assert.Contains("Đang cập nhật", pub, StringComparison.Ordinal);
        Assert.DoesNotContain("15 ngày làm việc", pub, StringComparison.Ordinal);
    }
}
