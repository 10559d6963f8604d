using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Plans;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Plans;

public sealed class PlanTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private async Task<ControlPlan> SeedPlanAsync()
    {
        using var db = app.CreateDbContext();
        return await db.ControlPlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Tasks).ThenInclude(t => t.Units).ThenInclude(u => u.Unit)
            .Include(p => p.Targets)
            .SingleAsync(p => p.Year == 2024 && p.Title.Contains("Sở Khoa học và Công nghệ Phú Yên"));
    }

    [Fact]
    public async Task The_seed_2024_appendix_imports_with_19_tasks_in_8_groups_units_and_time_frames()
    {
        var plan = await SeedPlanAsync();

        Assert.Equal(19, plan.Tasks.Count);
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"], plan.Tasks.OrderBy(t => t.SortOrder).Select(t => t.GroupNumber).Distinct());
        Assert.Equal([2, 2, 5, 3, 2, 3, 1, 1], plan.Tasks.GroupBy(t => t.GroupOrder).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(["1", "3", "4"], plan.Tasks.Where(t => t.GroupNumber == "VI").OrderBy(t => t.SortOrder).Select(t => t.Number));

        var first = plan.Tasks.Single(t => t.GroupNumber == "I" && t.Number == "1");
        Assert.Equal("Quý I/2024", first.TimeFrameText);
        Assert.Equal(["Phòng Thanh tra – Hành chính tổng hợp"], first.Units.Where(u => u.Role == PlanTaskUnitRole.Lead).Select(u => u.Unit!.Name));
        Assert.Equal(["Phòng Quản lý Khoa học và Công nghệ", "Chi cục Tiêu chuẩn Đo lường Chất lượng"],
            first.Units.Where(u => u.Role == PlanTaskUnitRole.Coordinating).OrderBy(u => u.Id).Select(u => u.Unit!.Name));

        // III.5 and VI.3 are led by the two professional units, with the inspection office coordinating.
        var led = plan.Tasks.Single(t => t.GroupNumber == "III" && t.Number == "5");
        Assert.Equal(2, led.Units.Count(u => u.Role == PlanTaskUnitRole.Lead));

        Assert.Equal(
            ["Quý I/2024", "Quý I- II/2024", "Thường xuyên", "Quý II/2024", "Trong năm", "Tháng, quý, năm", "Định kỳ hoặc đột xuất khi có yêu cầu"],
            plan.Tasks.OrderBy(t => t.SortOrder).Select(t => t.TimeFrameText).Distinct());
        Assert.Equal(
            ["digitised_records:100", "national_portal_sync:100", "online_dossiers:90", "online_payments:95", "full_online_services:95"],
            plan.Targets.OrderBy(t => t.Id).Select(t => $"{t.IndicatorCode}:{t.Value:0}"));
        Assert.All(plan.Targets, t => Assert.Equal(plan.Tasks.Single(x => x.GroupNumber == "II" && x.Number == "1").Id, t.TaskId));
    }

    [Fact]
    public async Task Api_lists_plans_and_their_tasks_and_targets()
    {
        var plan = await SeedPlanAsync();
        using var client = await app.ApiClientAsync("lanhdao");

        var list = await client.GetFromJsonAsync<JsonElement>("/api/plans");
        var item = list.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == plan.Id);
        Assert.Equal(2024, item.GetProperty("year").GetInt32());
        Assert.Equal(plan.Title, item.GetProperty("title").GetString());
        Assert.Equal(19, item.GetProperty("taskCount").GetInt32());

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.Id}");
        var target = detail.GetProperty("targets").EnumerateArray().First();
        Assert.Equal("digitised_records", target.GetProperty("indicatorCode").GetString());
        Assert.Equal("AtLeast", target.GetProperty("comparison").GetString());
        Assert.Equal(100m, target.GetProperty("value").GetDecimal());
        Assert.Equal("%", target.GetProperty("unit").GetString());

        var tasks = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.Id}/tasks");
        Assert.Equal(19, tasks.GetArrayLength());
        var t0 = tasks[0];
        Assert.Equal("I", t0.GetProperty("group").GetString());
        Assert.Equal("Quý I/2024", t0.GetProperty("timeFrame").GetString());
        Assert.Equal("2024-03-31", t0.GetProperty("finalDue").GetString());
        // The fake clock is in March 2025, so the 2024 plan's unfinished tasks are all overdue.
        Assert.True(t0.GetProperty("overdue").GetBoolean());
        Assert.Equal("NotStarted", t0.GetProperty("status").GetString());
        Assert.Equal("Phòng Thanh tra – Hành chính tổng hợp", t0.GetProperty("leadUnits")[0].GetProperty("name").GetString());

        var missing = await client.GetAsync("/api/plans/999999/tasks");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_requires_an_officer()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/plans")).StatusCode);
    }

    [Fact]
    public async Task A_bad_row_imports_nothing_and_the_row_is_reported()
    {
        using var client = await app.LoginAsync("daumoi");
        using var db = app.CreateDbContext();
        var before = await db.ControlPlans.CountAsync();
        var csv = "STT,Nội dung công việc,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian thực hiện\r\n"
            + "I,Nhóm kiểm thử,,,,\r\n"
            + "1,Việc hợp lệ,Báo cáo,Phòng Thanh tra – Hành chính tổng hợp,,Quý I/2025\r\n"
            + "2,Việc có đơn vị lạ,Báo cáo,Phòng Không Tồn Tại,,Quý II/2025\r\n";

        var response = await PostImportAsync(client, "Kế hoạch lỗi", csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Dòng 4:", html, StringComparison.Ordinal);
        Assert.Contains("Phòng Không Tồn Tại", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.ControlPlans.CountAsync());
        Assert.False(await db.PlanTasks.AnyAsync(t => t.Content == "Việc hợp lệ"));
    }

    [Fact]
    public async Task A_good_file_imports_and_redirects_to_the_plan()
    {
        using var client = await app.LoginAsync("daumoi");
        var csv = "STT;Nội dung công việc;Sản phẩm;Đơn vị chủ trì;Đơn vị phối hợp;Thời gian thực hiện\r\n"
            + "I;Nhóm nhập thử;;;;\r\n"
            + "1;Việc nhập thử bằng dấu chấm phẩy;Báo cáo;Chi cục Tiêu chuẩn, Đo lường, Chất lượng;;6 tháng đầu năm\r\n";

        var response = await PostImportAsync(client, "Kế hoạch nhập thử 2025", csv);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var db = app.CreateDbContext();
        var plan = await db.ControlPlans.Include(p => p.Tasks).SingleAsync(p => p.Title == "Kế hoạch nhập thử 2025");
        Assert.Equal($"/ke-hoach/{plan.Id}", response.Headers.Location?.OriginalString);
        Assert.Single(plan.Tasks);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "plan.import" && a.EntityId == plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Only_focal_officers_and_admins_import()
    {
        using var client = await app.LoginAsync("chuyenvien");
        var response = await client.GetAsync("/ke-hoach/nhap");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/khong-co-quyen", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_with_evidence_updates_the_task_and_plan_progress()
    {
        var plan = await SeedPlanAsync();
        var task = plan.Tasks.Single(t => t.GroupNumber == "VII");
        using var client = await app.LoginAsync("daumoi");
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, $"/ke-hoach/nhiem-vu/{task.Id}");
        var evidence = Encoding.UTF8.GetBytes("Danh sách tin bài quý I");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("60"), "Input.Percent" },
            { new StringContent("2024-Q1"), "Input.PeriodKey" },
            { new StringContent("Đã đăng 6 tin bài."), "Input.Note" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        form.Add(new ByteArrayContent(evidence), "Input.Files", "tin-bai-quy-1.pdf");

        var response = await client.PostAsync($"/ke-hoach/nhiem-vu/{task.Id}", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var db = app.CreateDbContext();
        var saved = await db.PlanTasks.Include(t => t.Notes).ThenInclude(n => n.Files).SingleAsync(t => t.Id == task.Id);
        Assert.Equal(60, saved.ProgressPercent);
        Assert.Equal(MotCua.Core.Plans.PlanTaskStatus.InProgress, saved.Status);
        var file = saved.Notes.Single().Files.Single();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(evidence)), file.Sha256);

        var download = await client.GetAsync($"/ke-hoach/nhiem-vu/{task.Id}?handler=file&fileId={file.Id}");
        Assert.Equal(evidence, await download.Content.ReadAsByteArrayAsync());

        using var api = await app.ApiClientAsync("daumoi");
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.Id}");
        Assert.True(detail.GetProperty("progress").GetProperty("percent").GetDecimal() > 0m);
        var tasks = await api.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.Id}/tasks");
        var periods = tasks.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == task.Id).GetProperty("periods");
        Assert.True(periods[0].GetProperty("reported").GetBoolean());
        Assert.False(periods[0].GetProperty("overdue").GetBoolean());
        Assert.True(periods[1].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task An_officer_outside_the_lead_unit_cannot_record_progress()
    {
        var plan = await SeedPlanAsync();
        var task = plan.Tasks.Single(t => t.GroupNumber == "I" && t.Number == "1");
        using var client = await app.LoginAsync("chuyenvien");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/ke-hoach/nhiem-vu/{task.Id}"));
        Assert.DoesNotContain("Ghi nhận tiến độ", page, StringComparison.Ordinal);

        var token = await MotCuaApp.AntiforgeryTokenAsync(client, $"/ke-hoach/nhiem-vu/{task.Id}");
        var response = await client.PostAsync($"/ke-hoach/nhiem-vu/{task.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Percent"] = "100",
            ["Input.Note"] = "Không được phép",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/khong-co-quyen", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_officer_records_progress_on_a_task_their_unit_leads()
    {
        var plan = await SeedPlanAsync();
        // III.5 is led by the Chi cục, where "chuyenvien" works.
        var task = plan.Tasks.Single(t => t.GroupNumber == "III" && t.Number == "5");
        using var client = await app.LoginAsync("chuyenvien");
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, $"/ke-hoach/nhiem-vu/{task.Id}");
        var response = await client.PostAsync($"/ke-hoach/nhiem-vu/{task.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Percent"] = "100",
            ["Input.Note"] = "Đã ban hành quy trình nội bộ.",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var db = app.CreateDbContext();
        Assert.Equal(MotCua.Core.Plans.PlanTaskStatus.Completed, (await db.PlanTasks.SingleAsync(t => t.Id == task.Id)).Status);
    }

    [Fact]
    public async Task Exports_a_docx_and_an_xlsx_with_the_appendix()
    {
        var plan = await SeedPlanAsync();
        using var client = await app.LoginAsync("lanhdao");

        var docx = await client.GetAsync($"/ke-hoach/{plan.Id}?handler=docx");
        Assert.Equal(PlanExport.DocxType, docx.Content.Headers.ContentType?.MediaType);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("PHỤ LỤC HOẠT ĐỘNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024", text, StringComparison.Ordinal);
            Assert.Contains("Kiện toàn đội ngũ công chức đầu mối", text, StringComparison.Ordinal);
            Assert.Contains("Định kỳ hoặc đột xuất khi có yêu cầu", text, StringComparison.Ordinal);
        }

        var xlsx = await client.GetAsync($"/ke-hoach/{plan.Id}?handler=xlsx");
        Assert.Equal(PlanExport.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true, sheetName: "Phụ lục").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(19, rows.Count);
        Assert.Equal("Quý I/2024", rows[0]["Thời gian thực hiện"]);
    }

    [Fact]
    public async Task Leader_sees_the_view_by_unit()
    {
        var plan = await SeedPlanAsync();
        using var client = await app.LoginAsync("lanhdao");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/ke-hoach/{plan.Id}/theo-don-vi"));
        Assert.Contains("Phòng Thanh tra – Hành chính tổng hợp", html, StringComparison.Ordinal);
        Assert.Contains("Chi cục Tiêu chuẩn Đo lường Chất lượng", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, string title, string csv)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/ke-hoach/nhap");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2025"), "Input.Year" },
            { new StringContent(title), "Input.Title" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Input.File", "phu-luc.csv");
        return await client.PostAsync("/ke-hoach/nhap", form);
    }
}
