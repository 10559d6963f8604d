using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Plans;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Plans;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Plans;

/// <summary>Plans written on pages: the header form, the task form, deletion, the import template.</summary>
public sealed class PlanEditingPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private async Task<(int AgencyId, List<Unit> Units)> AgencyAsync()
    {
        using var db = app.CreateDbContext();
        var agency = (await db.ControlPlans.AsNoTracking().FirstAsync()).AgencyId;
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agency && u.IsActive).OrderBy(u => u.Id).ToListAsync();
        return (agency, units);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, path);
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await client.PostAsync(handler is null ? path : path + "?handler=" + handler, new FormUrlEncodedContent(all));
    }

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private static async Task<int> CreatePlanAsync(HttpClient client, string title, bool issued = false)
    {
        List<KeyValuePair<string, string>> fields = [F("Input.Year", "2025"), F("Input.Title", title), F("Input.Issued", issued ? "true" : "false"), F("Input.Signer", "Nguyễn Văn A")];
        if (issued)
        {
            fields.AddRange([F("Input.Number", "21/KH-SKHCN"), F("Input.IssuedOn", "2025-01-20")]);
        }
        var response = await PostAsync(client, "/ke-hoach/sua", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> PostTaskAsync(HttpClient client, int planId, int? taskId, string group, string? newGroup, string content, string timeFrame, int[] lead, int[]? coordinating = null, string product = "Báo cáo")
    {
        List<KeyValuePair<string, string>> fields = [F("Input.Group", group), F("Input.NewGroupTitle", newGroup ?? ""), F("Input.Content", content), F("Input.Product", product), F("Input.TimeFrame", timeFrame)];
        fields.AddRange(lead.Select(id => F("Input.LeadUnitIds", id.ToString(CultureInfo.InvariantCulture))));
        fields.AddRange((coordinating ?? []).Select(id => F("Input.CoordinatingUnitIds", id.ToString(CultureInfo.InvariantCulture))));
        return PostAsync(client, $"/ke-hoach/{planId}/nhiem-vu/sua/{taskId}".TrimEnd('/'), fields);
    }

    [Fact]
    public async Task Focal_officer_creates_a_draft_plan_and_the_creation_is_audited()
    {
        using var client = await app.LoginAsync("daumoi");
        var id = await CreatePlanAsync(client, "Kế hoạch tạo trên trang 2025");

        using var db = app.CreateDbContext();
        var plan = await db.ControlPlans.SingleAsync(p => p.Id == id);
        Assert.Equal(2025, plan.Year);
        Assert.Null(plan.Number);
        Assert.Equal("Nguyễn Văn A", plan.Signer);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "plan.create" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/ke-hoach/{id}"));
        Assert.Contains("Dự thảo", html, StringComparison.Ordinal);
        Assert.Contains("Thêm nhiệm vụ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issued_plan_without_number_is_refused_and_the_typed_input_is_kept()
    {
        using var client = await app.LoginAsync("daumoi");
        using var db = app.CreateDbContext();
        var before = await db.ControlPlans.CountAsync();

        var response = await PostAsync(client, "/ke-hoach/sua", [F("Input.Year", "2025"), F("Input.Title", "Kế hoạch thiếu số ký hiệu"), F("Input.Issued", "true")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Kế hoạch đã ban hành phải có số ký hiệu và ngày ban hành.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kế hoạch thiếu số ký hiệu\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.ControlPlans.CountAsync());
    }

    [Fact]
    public async Task Two_tasks_added_on_the_page_are_numbered_in_their_group_and_shown_on_the_plan()
    {
        var (_, units) = await AgencyAsync();
        using var client = await app.LoginAsync("daumoi");
        var planId = await CreatePlanAsync(client, "Kế hoạch có hai nhiệm vụ");

        var first = await PostTaskAsync(client, planId, null, "", "Kiểm soát việc công bố, công khai TTHC", "Công khai TTHC tại trụ sở", "Quý I/2025", [units[0].Id], [units[0].Id, units[1].Id]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await PostTaskAsync(client, planId, null, "I", null, "Số hóa hồ sơ", "Thường xuyên", [units[1].Id], product: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC tối thiểu là 90%.");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        using var db = app.CreateDbContext();
        var plan = await PlanQueries.LoadPlanAsync(db, (await AgencyAsync()).AgencyId, planId, CancellationToken.None);
        var tasks = plan!.Tasks.OrderBy(t => t.SortOrder).ToList();
        Assert.Equal(["I.1", "I.2"], tasks.Select(t => $"{t.GroupNumber}.{t.Number}"));
        Assert.Equal("Kiểm soát việc công bố, công khai TTHC", tasks[1].GroupTitle);
        // A unit ticked as both lead and coordinating leads only.
        Assert.Equal([(units[0].Id, PlanTaskUnitRole.Lead), (units[1].Id, PlanTaskUnitRole.Coordinating)], tasks[0].Units.OrderBy(u => u.Role).Select(u => (u.UnitId, u.Role)));
        Assert.Equal(units[0].Name, tasks[0].LeadUnitsText);
        var target = Assert.Single(plan.Targets);
        Assert.Equal((PlanIndicators.DigitisedRecords, 90m, tasks[1].Id), (target.IndicatorCode, target.Value, target.TaskId));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "plan.task.add" && a.Summary.Contains("Kế hoạch có hai nhiệm vụ")));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/ke-hoach/{planId}"));
        Assert.Contains("Công khai TTHC tại trụ sở", html, StringComparison.Ordinal);
        Assert.Contains("Số hóa hồ sơ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_task_is_refused_with_its_reasons_and_the_input_is_kept()
    {
        using var client = await app.LoginAsync("daumoi");
        var planId = await CreatePlanAsync(client, "Kế hoạch nhiệm vụ lỗi");

        var response = await PostTaskAsync(client, planId, null, "", "", "Việc không rõ thời hạn", "Khi nào rảnh", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Không hiểu thời gian thực hiện «Khi nào rảnh»", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn ít nhất một đơn vị chủ trì.", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập tên nhóm mới", html, StringComparison.Ordinal);
        Assert.Contains("Việc không rõ thời hạn", html, StringComparison.Ordinal);
        using var db = app.CreateDbContext();
        Assert.False(await db.PlanTasks.AnyAsync(t => t.PlanId == planId));
    }

    [Fact]
    public async Task Editing_a_task_of_an_issued_plan_is_audited_with_before_and_after()
    {
        var (_, units) = await AgencyAsync();
        using var client = await app.LoginAsync("daumoi");
        var planId = await CreatePlanAsync(client, "Kế hoạch đã ban hành để sửa", issued: true);
        await PostTaskAsync(client, planId, null, "", "Nhóm một", "Nội dung cũ", "Quý I/2025", [units[0].Id]);
        using var db = app.CreateDbContext();
        var taskId = (await db.PlanTasks.SingleAsync(t => t.PlanId == planId)).Id;

        var response = await PostTaskAsync(client, planId, taskId, "I", null, "Nội dung mới", "Quý II/2025", [units[0].Id]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Nội dung mới", (await db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == taskId)).Content);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "plan.task.edit" && a.EntityId == taskId.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("kế hoạch đã ban hành", audit.Summary, StringComparison.Ordinal);
        using var data = System.Text.Json.JsonDocument.Parse(audit.Data!);
        Assert.Equal("Nội dung cũ", data.RootElement.GetProperty("before").GetProperty("content").GetString());
        Assert.Equal("Nội dung mới", data.RootElement.GetProperty("after").GetProperty("content").GetString());
        Assert.Equal("Sửa nhiệm vụ kế hoạch", AuditActions.Label("plan.task.edit"));
    }

    [Fact]
    public async Task A_task_with_reported_progress_is_not_deleted_and_one_without_is()
    {
        var (_, units) = await AgencyAsync();
        using var client = await app.LoginAsync("daumoi");
        var planId = await CreatePlanAsync(client, "Kế hoạch xóa nhiệm vụ");
        await PostTaskAsync(client, planId, null, "", "Nhóm một", "Việc đã báo cáo", "Quý I/2025", [units[0].Id]);
        await PostTaskAsync(client, planId, null, "I", null, "Việc chưa làm", "Quý II/2025", [units[0].Id]);
        using var db = app.CreateDbContext();
        var reported = await db.PlanTasks.SingleAsync(t => t.PlanId == planId && t.Content == "Việc đã báo cáo");
        var idle = await db.PlanTasks.SingleAsync(t => t.PlanId == planId && t.Content == "Việc chưa làm");
        db.PlanProgressNotes.Add(new PlanProgressNote { TaskId = reported.Id, AgencyId = reported.AgencyId, UserName = "daumoi", Note = "Đã làm một phần", Percent = 0, Status = PlanTaskStatus.NotStarted });
        await db.SaveChangesAsync();

        var refused = await PostAsync(client, $"/ke-hoach/{planId}/nhiem-vu/sua/{reported.Id}", [], "delete");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Không xóa được nhiệm vụ I.1", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await db.PlanTasks.AnyAsync(t => t.Id == reported.Id));

        var deleted = await PostAsync(client, $"/ke-hoach/{planId}/nhiem-vu/sua/{idle.Id}", [], "delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await db.PlanTasks.AnyAsync(t => t.Id == idle.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "plan.task.delete" && a.EntityId == idle.Id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Only_focal_officers_and_admins_see_and_use_the_editing_pages()
    {
        using var manager = await app.LoginAsync("daumoi");
        var index = WebUtility.HtmlDecode(await manager.GetStringAsync("/ke-hoach"));
        Assert.Contains("Tạo kế hoạch", index, StringComparison.Ordinal);
        Assert.Contains("Nhập từ tệp", index, StringComparison.Ordinal);
        var planId = await CreatePlanAsync(manager, "Kế hoạch chỉ đầu mối sửa");

        using var specialist = await app.LoginAsync("chuyenvien");
        var readOnly = WebUtility.HtmlDecode(await specialist.GetStringAsync("/ke-hoach"));
        Assert.DoesNotContain("Tạo kế hoạch", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Thêm nhiệm vụ", WebUtility.HtmlDecode(await specialist.GetStringAsync($"/ke-hoach/{planId}")), StringComparison.Ordinal);
        foreach (var path in new[] { "/ke-hoach/sua", $"/ke-hoach/sua/{planId}", $"/ke-hoach/{planId}/nhiem-vu/sua" })
        {
            var response = await specialist.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/khong-co-quyen", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_import_template_has_the_importer_columns_lists_and_round_trips_when_filled_in()
    {
        var (_, units) = await AgencyAsync();
        using var client = await app.LoginAsync("daumoi");
        var import = WebUtility.HtmlDecode(await client.GetStringAsync("/ke-hoach/nhap"));
        Assert.Contains("Tải mẫu nhập", import, StringComparison.Ordinal);

        var download = await client.GetAsync("/ke-hoach/nhap?handler=template&year=2025");
        Assert.Equal(PlanExport.XlsxType, download.Content.Headers.ContentType?.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        using (var read = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var book = read.WorkbookPart!;
            var first = book.Workbook!.Sheets!.Elements<Sheet>().First();
            Assert.Equal(PlanImportTemplate.SheetName, first.Name?.Value);
            var sheet = ((WorksheetPart)book.GetPartById(first.Id!)).Worksheet!;
            Assert.Equal(2, sheet.Elements<DataValidations>().Single().Elements<DataValidation>().Count());
        }
        var header = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object>>().First();
        Assert.Equal(PlanAppendix.Columns, header.Values.Select(v => v?.ToString()));

        // Filled in as an officer would: a second task under the example group, in the agency's second unit.
        var filled = AppendRow(bytes, ["2", "Rà soát, đơn giản hóa TTHC", "Báo cáo kết quả rà soát", units[1].Name, units[0].Name, "6 tháng đầu năm"]);
        var response = await PostImportAsync(client, "Kế hoạch nhập từ mẫu", filled);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var db = app.CreateDbContext();
        var plan = await db.ControlPlans.Include(p => p.Tasks).SingleAsync(p => p.Title == "Kế hoạch nhập từ mẫu");
        Assert.Equal(["Công khai TTHC trên Cơ sở dữ liệu quốc gia về TTHC và tại trụ sở", "Rà soát, đơn giản hóa TTHC"], plan.Tasks.OrderBy(t => t.SortOrder).Select(t => t.Content));
    }

    [Fact]
    public async Task A_bad_row_in_the_template_is_reported_by_row_and_column_and_nothing_is_stored()
    {
        using var client = await app.LoginAsync("daumoi");
        var bytes = await client.GetByteArrayAsync("/ke-hoach/nhap?handler=template&year=2025");
        var filled = AppendRow(bytes, ["2", "Việc của đơn vị lạ", "", "Phòng Không Tồn Tại", "", "Quý II/2025"]);

        var response = await PostImportAsync(client, "Kế hoạch mẫu có dòng lỗi", filled);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Dòng 4: Nhiệm vụ 2: cột «Đơn vị chủ trì»: không tìm thấy đơn vị «Phòng Không Tồn Tại»", html, StringComparison.Ordinal);
        using var db = app.CreateDbContext();
        Assert.False(await db.ControlPlans.AnyAsync(p => p.Title == "Kế hoạch mẫu có dòng lỗi"));
    }

    /// <summary>Adds a row after the last one of the first sheet, as typing in Excel would (inline strings).</summary>
    private static byte[] AppendRow(byte[] workbook, string[] values)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var book = doc.WorkbookPart!;
            var first = book.Workbook!.Sheets!.Elements<Sheet>().First();
            var data = ((WorksheetPart)book.GetPartById(first.Id!)).Worksheet!.GetFirstChild<SheetData>()!;
            var index = (uint)data.Elements<Row>().Count() + 1;
            var row = new Row { RowIndex = index };
            for (var c = 0; c < values.Length; c++)
            {
                row.Append(new Cell
                {
                    CellReference = (char)('A' + c) + index.ToString(CultureInfo.InvariantCulture),
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(values[c])),
                });
            }
            data.Append(row);
        }
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, string title, byte[] xlsx)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/ke-hoach/nhap");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2025"), "Input.Year" },
            { new StringContent(title), "Input.Title" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        form.Add(new ByteArrayContent(xlsx), "Input.File", "phu-luc.xlsx");
        return await client.PostAsync("/ke-hoach/nhap", form);
    }
}
