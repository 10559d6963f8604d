using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Shared;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The desk's pages, the official forms (print view and PDF) and the queues.</summary>
public sealed partial class DossierPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private static async Task<string> ReceiveAtDeskPageAsync(HttpClient desk, string applicant, IReadOnlyDictionary<string, string>? fields = null)
    {
        var response = await PostReceiptPageAsync(desk, applicant, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/ho-so/", location, StringComparison.Ordinal);
        return Uri.UnescapeDataString(location["/ho-so/".Length..]);
    }

    private static async Task<HttpResponseMessage> PostReceiptPageAsync(HttpClient desk, string applicant, IReadOnlyDictionary<string, string>? fields = null)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/mot-cua/tiep-nhan?procedure=1.000173");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Procedure"] = "1.000173",
            ["Channel"] = "Direct",
            ["ApplicantKind"] = "Organisation",
            ["Name"] = applicant,
            ["Phone"] = "0257 3842 111",
            ["Address"] = "Phường 7, Tuy Hòa",
            ["Papers[0].Name"] = "Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ",
            ["Papers[0].Present"] = "true",
            ["Papers[0].Form"] = "Original",
            ["Papers[0].Quantity"] = "1",
            ["Payment"] = "PaidAtDesk",
            ["outcome"] = "receive",
        };
        foreach (var (k, v) in fields ?? new Dictionary<string, string>())
        {
            form[k] = v;
        }
        return await desk.PostAsync("/mot-cua/tiep-nhan?procedure=1.000173", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task Receive_and_transfer_on_the_receipt_page_puts_the_dossier_in_the_units_queue_at_once()
    {
        using var desk = await app.LoginAsync("motcua");
        int tdc, deskUnit;
        await using (var db = app.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            deskUnit = await db.Units.Where(u => u.Kind == Features.Organisation.UnitKind.OneStopDesk).Select(u => u.Id).FirstAsync();
        }
        var form = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua/tiep-nhan?procedure=1.000173"));
        Assert.Contains("Tiếp nhận và chuyển xử lý", form, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{tdc}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{deskUnit}\"", form, StringComparison.Ordinal); // the desk does not transfer to itself

        var code = await ReceiveAtDeskPageAsync(desk, Unique("Công ty Chuyển Ngay"), new Dictionary<string, string>
        {
            ["outcome"] = "receive-transfer", ["TransferToUnitId"] = tdc.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        Assert.Contains($"Đã tiếp nhận hồ sơ {code} và chuyển cho Chi cục Tiêu chuẩn Đo lường Chất lượng", page, StringComparison.Ordinal);
        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", page, StringComparison.Ordinal);
        // The hand-over is a row of the process-control slip, as after a separate transfer.
        var control = Tools.PdfToText(await desk.GetByteArrayAsync("/api/dossiers/" + code + "/forms/kiem-soat.pdf"));
        Assert.Contains("Nhận: Chi cục Tiêu", control, StringComparison.Ordinal);

        using var specialist = await app.LoginAsync("chuyenvien");
        Assert.Contains(code, await specialist.GetStringAsync("/ho-so/hang-doi"), StringComparison.Ordinal);
    }

    /// <summary>
    /// An approved procedure <paramref name="code"/> whose process places its receipt and hand-over at the desk and its
    /// appraisal at the Chi cục (the demo data has no internal processes). Returns the Chi cục's and the desk's unit ids.
    /// </summary>
    private async Task<(int Tdc, int Desk)> ProcedureWithDeskStepsFirstAsync(string code)
    {
        using var admin = await app.LoginAsync("admin");
        var procedureId = await Catalogue.CataloguePages.SaveDraftAsync(app, admin, code, "Thủ tục có quy trình nội bộ " + code, "5");
        Assert.Equal(HttpStatusCode.Redirect, (await Catalogue.CataloguePages.DecideAsync(admin, "7" + code[^2..] + "/QĐ-UBND", "2025-03-01", "2025-03-10", [procedureId])).StatusCode);
        await using var db = app.CreateDbContext();
        var tdcUnit = await db.Units.SingleAsync(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng");
        var tdc = tdcUnit.Id;
        var deskUnit = await db.Units.Where(u => u.AgencyId == tdcUnit.AgencyId && u.Kind == Features.Organisation.UnitKind.OneStopDesk)
            .OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        var versionId = await db.ProcedureVersions.Where(v => v.ProcedureId == procedureId && v.State == Features.Catalogue.VersionState.Published).Select(v => v.Id).SingleAsync();
        // The desk's own hand-over is a planned step of this process: it is no unit to hand over to.
        var process = new Features.Catalogue.InternalProcess { ProcedureVersionId = versionId, State = Core.Procedures.ProcessState.InForce, InForceFrom = new DateOnly(2025, 3, 10) };
        process.Steps.Add(new Features.Catalogue.ProcessStep { Seq = 1, Kind = Core.Procedures.StepKind.Receive, UnitId = deskUnit, DurationValue = 0.5m, DurationUnit = Core.Calendar.TimeUnit.WorkingDays });
        process.Steps.Add(new Features.Catalogue.ProcessStep { Seq = 2, Kind = Core.Procedures.StepKind.Transfer, UnitId = deskUnit, DurationValue = 0.5m, DurationUnit = Core.Calendar.TimeUnit.WorkingDays });
        process.Steps.Add(new Features.Catalogue.ProcessStep { Seq = 3, Kind = Core.Procedures.StepKind.Appraise, UnitId = tdc, DurationValue = 4m, DurationUnit = Core.Calendar.TimeUnit.WorkingDays });
        db.InternalProcesses.Add(process);
        await db.SaveChangesAsync();
        return (tdc, deskUnit);
    }

    private static string SelectElement(string page, string marker)
    {
        var select = WebUtility.HtmlDecode(page);
        select = select[select.IndexOf(marker, StringComparison.Ordinal)..];
        return select[..select.IndexOf("</select>", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Receipt_page_preselects_the_first_unit_of_the_approved_process_that_is_not_the_desk()
    {
        var (tdc, deskUnit) = await ProcedureWithDeskStepsFirstAsync("9.XFER01");
        using var desk = await app.LoginAsync("motcua");
        var select = SelectElement(await desk.GetStringAsync("/mot-cua/tiep-nhan?procedure=9.XFER01"), "<select id=\"TransferToUnitId\"");
        Assert.Contains($"<option value=\"{tdc}\" selected=\"selected\">", select, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{deskUnit}\"", select, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_without_a_unit_goes_to_the_first_planned_unit_that_is_not_the_desk_which_the_dossier_page_preselects_and_reports_count_it_under()
    {
        var (tdc, deskUnit) = await ProcedureWithDeskStepsFirstAsync("9.XFER02");
        using var desk = await app.LoginAsync("motcua");
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "9.XFER02",
            channel = "direct",
            applicant = new { name = Unique("Người Chuyển Mặc Định"), idNumber = "079085001234", phone = "0905123456" },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dossier = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await using (var db = app.CreateDbContext())
        {
            // Reports count the dossier under the unit that processes it, not under the desk that hands it over, and the
            // procedure under the same unit (the per-unit evaluation counts a unit's procedures).
            Assert.Equal(tdc, await db.ReportDossiers.Where(r => db.Set<Dossier>().Any(d => d.Id == r.DossierId && d.Code == dossier)).Select(r => r.UnitId).SingleAsync());
            var procedureId = await db.Procedures.Where(p => p.Code == "9.XFER02").Select(p => p.Id).SingleAsync();
            var facts = await Features.Reports.DossierFacts.ProceduresAsync(MotCua.Web.Data.ReportingDb.ForPrimary(db), await Catalogue.CataloguePages.AgencyIdAsync(app),
                Core.Reports.ReportPeriod.Custom(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)), default);
            Assert.Equal(tdc.ToString(CultureInfo.InvariantCulture), Assert.Single(facts, f => f.Key == procedureId.ToString(CultureInfo.InvariantCulture)).UnitKey);
        }

        var select = SelectElement(await desk.GetStringAsync("/ho-so/" + dossier), "<select name=\"UnitId\"");
        Assert.Contains($"<option value=\"{tdc}\" selected=\"selected\">", select, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{deskUnit}\" selected", select, StringComparison.Ordinal);

        var current = await desk.GetFromJsonAsync<JsonElement>("/api/dossiers/" + dossier);
        var transfer = await desk.PostAsJsonAsync("/api/dossiers/" + dossier + "/actions",
            new { action = "transfer", rowVersion = current.GetProperty("rowVersion").GetInt64() });
        Assert.True(transfer.IsSuccessStatusCode, await transfer.Content.ReadAsStringAsync());
        await using (var after = app.CreateDbContext())
        {
            var moved = await after.Dossiers.SingleAsync(d => d.Code == dossier);
            Assert.Equal(tdc, moved.CurrentUnitId);
            // The desk's hand-over step is the transfer itself: the Chi cục starts at its own step, the plan's only one,
            // with the step time the process gives it (4 working days from the hand-over, Monday 10 March 09:00).
            var step = Assert.Single(moved.StepPlan);
            Assert.Equal((tdc, false), (step.UnitId, step.AtDesk));
            Assert.Equal(0, moved.CurrentStep);
            var assignment = Assert.Single(await after.DossierStepAssignments.Where(s => s.DossierId == moved.Id).ToListAsync());
            Assert.Equal(tdc, assignment.UnitId);
            Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.FromHours(7)), assignment.PlannedDueAt);
        }

        // The unit's officers are alerted in the system; the dossier page names them, not their logins.
        await using (var sent = app.CreateDbContext())
        {
            var alerted = await sent.OutboxMessages.Where(m => m.DossierCode == dossier && m.Channel == Features.Notifications.OutboxChannel.InApp)
                .Join(sent.Users, m => m.Recipient, u => u.UserName, (m, u) => new { u.UserName, u.FullName }).ToListAsync();
            Assert.NotEmpty(alerted);
            var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + dossier));
            var deliveries = page[page.IndexOf("data-testid=\"deliveries\"", StringComparison.Ordinal)..];
            deliveries = deliveries[..deliveries.IndexOf("</table>", StringComparison.Ordinal)];
            Assert.All(alerted, a => Assert.Contains("\">" + a.FullName + "</td>", deliveries, StringComparison.Ordinal));
            Assert.All(alerted, a => Assert.DoesNotContain("\">" + a.UserName + "</td>", deliveries, StringComparison.Ordinal));
        }

        // So its specialist submits the appraisal at once, without first passing on a step that was the desk's.
        using var specialist = await app.LoginAsync("chuyenvien");
        var mine = await specialist.GetFromJsonAsync<JsonElement>("/api/dossiers/" + dossier);
        var appraised = await specialist.PostAsJsonAsync("/api/dossiers/" + dossier + "/actions",
            new { action = "appraise", rowVersion = mine.GetProperty("rowVersion").GetInt64(), note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
        Assert.True(appraised.IsSuccessStatusCode, await appraised.Content.ReadAsStringAsync());
        Assert.Equal("awaitingApproval", (await appraised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_process_the_desk_does_entirely_hands_the_dossier_to_the_desk_by_default_on_both_pages_and_the_api()
    {
        using var admin = await app.LoginAsync("admin");
        var procedureId = await Catalogue.CataloguePages.SaveDraftAsync(app, admin, "9.XFER03", "Thủ tục do Bộ phận Một cửa giải quyết", "2");
        Assert.Equal(HttpStatusCode.Redirect, (await Catalogue.CataloguePages.DecideAsync(admin, "703/QĐ-UBND", "2025-03-01", "2025-03-10", [procedureId])).StatusCode);
        int deskUnit;
        await using (var db = app.CreateDbContext())
        {
            var agencyId = await db.Procedures.Where(p => p.Id == procedureId).Select(p => p.AgencyId).SingleAsync();
            deskUnit = await db.Units.Where(u => u.AgencyId == agencyId && u.Kind == Features.Organisation.UnitKind.OneStopDesk).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
            var versionId = await db.ProcedureVersions.Where(v => v.ProcedureId == procedureId && v.State == Features.Catalogue.VersionState.Published).Select(v => v.Id).SingleAsync();
            var process = new Features.Catalogue.InternalProcess { ProcedureVersionId = versionId, State = Core.Procedures.ProcessState.InForce, InForceFrom = new DateOnly(2025, 3, 10) };
            process.Steps.Add(new Features.Catalogue.ProcessStep { Seq = 1, Kind = Core.Procedures.StepKind.Receive, UnitId = deskUnit, DurationValue = 0.5m, DurationUnit = Core.Calendar.TimeUnit.WorkingDays });
            process.Steps.Add(new Features.Catalogue.ProcessStep { Seq = 2, Kind = Core.Procedures.StepKind.Appraise, UnitId = deskUnit, DurationValue = 1.5m, DurationUnit = Core.Calendar.TimeUnit.WorkingDays });
            db.InternalProcesses.Add(process);
            await db.SaveChangesAsync();
        }

        using var desk = await app.LoginAsync("motcua");
        var receipt = SelectElement(await desk.GetStringAsync("/mot-cua/tiep-nhan?procedure=9.XFER03"), "<select id=\"TransferToUnitId\"");
        Assert.Contains($"<option value=\"{deskUnit}\" selected=\"selected\">", receipt, StringComparison.Ordinal);

        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "9.XFER03",
            channel = "direct",
            applicant = new { name = Unique("Người Nộp Tại Một Cửa"), idNumber = "079085001234", phone = "0905123456" },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dossier = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var page = SelectElement(await desk.GetStringAsync("/ho-so/" + dossier), "<select name=\"UnitId\"");
        Assert.Contains($"<option value=\"{deskUnit}\" selected=\"selected\">", page, StringComparison.Ordinal);

        var current = await desk.GetFromJsonAsync<JsonElement>("/api/dossiers/" + dossier);
        var transfer = await desk.PostAsJsonAsync("/api/dossiers/" + dossier + "/actions", new { action = "transfer", rowVersion = current.GetProperty("rowVersion").GetInt64() });
        Assert.True(transfer.IsSuccessStatusCode, await transfer.Content.ReadAsStringAsync());
        Assert.Equal(deskUnit, (await transfer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentUnitId").GetInt32());
    }

    [Fact]
    public async Task Receive_and_transfer_without_a_unit_gets_a_vietnamese_error_and_stores_nothing()
    {
        using var desk = await app.LoginAsync("motcua");
        var applicant = Unique("Người Chưa Chọn Đơn Vị");
        var response = await PostReceiptPageAsync(desk, applicant, new Dictionary<string, string> { ["outcome"] = "receive-transfer", ["TransferToUnitId"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng chọn đơn vị xử lý", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == applicant));
    }

    [Fact]
    public async Task Receipt_page_creates_a_dossier_whose_receipt_pdf_has_the_vietnamese_title_and_a_qr_code_to_the_look_up()
    {
        using var desk = await app.LoginAsync("motcua");
        var code = await ReceiveAtDeskPageAsync(desk, Unique("Công ty TNHH Kiểm định"));
        var page = await desk.GetStringAsync("/ho-so/" + code);
        Assert.Contains("Đã tiếp nhận", page, StringComparison.Ordinal);
        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", page, StringComparison.Ordinal);
        // The messages sent about it are named in Vietnamese, not by their machine names.
        var deliveries = WebUtility.HtmlDecode(page[page.IndexOf("data-testid=\"deliveries\"", StringComparison.Ordinal)..]);
        deliveries = deliveries[..deliveries.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("\">Tiếp nhận hồ sơ</td>", deliveries, StringComparison.Ordinal);
        Assert.DoesNotContain("dossier.", deliveries, StringComparison.Ordinal);
        Assert.DoesNotContain("\">Sms</td>", deliveries, StringComparison.Ordinal);

        var print = await desk.GetStringAsync("/ho-so/" + code + "/bieu-mau/tiep-nhan");
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", WebUtility.HtmlDecode(print), StringComparison.Ordinal);

        var pdf = await desk.GetByteArrayAsync("/api/dossiers/" + code + "/forms/tiep-nhan.pdf");
        var text = Tools.PdfToText(pdf);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains(Tools.DecodeQrCodes(pdf), u => u.EndsWith("/tra-cuu/" + code, StringComparison.Ordinal));

        var control = Tools.PdfToText(await desk.GetByteArrayAsync("/api/dossiers/" + code + "/forms/kiem-soat.pdf"));
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", control, StringComparison.Ordinal);
        var none = await desk.GetAsync("/api/dossiers/" + code + "/forms/tu-choi.pdf");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode); // never refused
    }

    [Fact]
    public async Task The_dossier_page_labels_the_applicants_contact_and_leaves_out_what_was_not_given()
    {
        using var desk = await app.LoginAsync("motcua");
        // The shared receipt gives an organisation with a phone and an address, no tax code and no e-mail.
        var code = await ReceiveAtDeskPageAsync(desk, Unique("Công ty Liên Lạc"));
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        var contact = page[page.IndexOf("data-testid=\"applicant-contact\"", StringComparison.Ordinal)..];
        contact = contact[..contact.IndexOf("</dl>", StringComparison.Ordinal)];

        Assert.Contains("<dt>Điện thoại</dt><dd>02573842111</dd>", contact, StringComparison.Ordinal); // stored normalised
        Assert.Contains("<dt>Địa chỉ</dt><dd>Phường 7, Tuy Hòa</dd>", contact, StringComparison.Ordinal);
        Assert.DoesNotContain("Mã số doanh nghiệp", contact, StringComparison.Ordinal);
        Assert.DoesNotContain("Thư điện tử", contact, StringComparison.Ordinal);
        Assert.DoesNotContain("·", contact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_page_shows_vietnamese_errors_for_bad_input()
    {
        using var desk = await app.LoginAsync("motcua");
        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/mot-cua/tiep-nhan?procedure=1.000173");
        var response = await desk.PostAsync("/mot-cua/tiep-nhan?procedure=1.000173", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Procedure"] = "1.000173", ["Channel"] = "Direct", ["outcome"] = "refuse",
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng nhập họ tên", html, StringComparison.Ordinal);
        Assert.Contains("lý do từ chối", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_page_action_loses_with_the_reload_message_and_the_queue_shows_the_transferred_dossier()
    {
        using var desk = await app.LoginAsync("motcua");
        var code = await ReceiveAtDeskPageAsync(desk, Unique("Trường Đại học"));
        var html = await desk.GetStringAsync("/ho-so/" + code);
        var token = TokenRegex().Match(html).Groups[1].Value;
        var version = VersionRegex().Match(html).Groups[1].Value;
        int tdc;
        await using (var db = app.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        Dictionary<string, string> Transfer() => new()
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["ActionName"] = "Transfer", ["RowVersion"] = version,
            ["UnitId"] = tdc.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Assignee"] = "chuyenvien",
        };
        var first = await desk.PostAsync("/ho-so/" + code + "?handler=Act", new FormUrlEncodedContent(Transfer()));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await desk.PostAsync("/ho-so/" + code + "?handler=Act", new FormUrlEncodedContent(Transfer()));
        Assert.Contains("Hồ sơ đã được cập nhật bởi người khác, vui lòng tải lại", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var specialist = await app.LoginAsync("chuyenvien");
        var queue = await specialist.GetStringAsync("/ho-so/hang-doi");
        Assert.Contains(code, queue, StringComparison.Ordinal);
        using var leader = await app.LoginAsync("lanhdao");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/ho-so/qua-han")).StatusCode);
        Assert.Contains(code, await desk.GetStringAsync("/mot-cua"), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("name=\"RowVersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionRegex();
}
