using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Shared;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The desk's counter: the catalogue's checklist unticked, the deadline preview, the fee, the return choice, the correction.</summary>
public sealed class CounterTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";
    private const string Application = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ";
    private const string Certificate = "Bản sao văn bằng, chứng chỉ chuyên môn";
    private const string Optional = "Tài liệu khác (nếu có)";

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The procedure's versions list two required papers and one optional, and a fee of 200.000 đồng.</summary>
    private Task CatalogueAsync(bool postalReturn = false) => CatalogueAsync(app, postalReturn);

    private static async Task CatalogueAsync(MotCuaApp app, bool postalReturn = false)
    {
        await using var db = app.CreateDbContext();
        var versions = await db.ProcedureVersions.Include(v => v.Papers).Include(v => v.Fees).Where(v => v.Procedure!.Code == Procedure).ToListAsync();
        foreach (var v in versions)
        {
            if (v.Papers.Count == 0)
            {
                v.Papers.Add(new ProcedurePaper { Seq = 1, Name = Application, Required = true });
                v.Papers.Add(new ProcedurePaper { Seq = 2, Name = Certificate, Form = PaperForm.CertifiedCopy, Required = true });
                v.Papers.Add(new ProcedurePaper { Seq = 3, Name = Optional, Required = false });
            }
            v.PostalReturn = postalReturn;
        }
        await db.SaveChangesAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient desk, string name, bool tickAll, IReadOnlyDictionary<string, string>? fields = null)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/mot-cua/tiep-nhan?procedure=" + Procedure);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Procedure"] = Procedure, ["Channel"] = "Direct", ["ApplicantKind"] = "Individual",
            ["Name"] = name, ["Phone"] = "0905 123 456", ["Address"] = "Phường 7, Tuy Hòa",
            ["Papers[0].Name"] = Application, ["Papers[0].Form"] = "Original", ["Papers[0].Quantity"] = "1",
            ["Papers[1].Name"] = Certificate, ["Papers[1].Form"] = "CertifiedCopy", ["Papers[1].Quantity"] = "1",
            ["Papers[2].Name"] = Optional, ["Papers[2].Form"] = "Copy", ["Papers[2].Quantity"] = "1",
            ["FeeAmount"] = "200000", ["Payment"] = "PaidAtDesk", ["ReturnChoice"] = "AtDesk", ["outcome"] = "receive",
        };
        if (tickAll)
        {
            form["Papers[0].Present"] = "true";
            form["Papers[1].Present"] = "true";
        }
        foreach (var (k, v) in fields ?? new Dictionary<string, string>())
        {
            form[k] = v;
        }
        return await desk.PostAsync("/mot-cua/tiep-nhan?procedure=" + Procedure, new FormUrlEncodedContent(form));
    }

    private static async Task<string> ReceivedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        return Uri.UnescapeDataString(response.Headers.Location!.ToString()["/ho-so/".Length..]);
    }

    [Fact]
    public async Task An_untouched_checklist_cannot_record_a_complete_dossier()
    {
        await CatalogueAsync();
        using var desk = await app.LoginAsync("motcua");
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua/tiep-nhan?procedure=" + Procedure));
        Assert.Contains(Application, page, StringComparison.Ordinal);
        Assert.Contains(Certificate, page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"paper-received\" checked", page, StringComparison.Ordinal);
        Assert.DoesNotContain("checked aria-labelledby=\"paper-", page, StringComparison.Ordinal);

        var name = Unique("Người Chưa Đủ");
        var refused = await PostAsync(desk, name, tickAll: false);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Hồ sơ chưa đủ thành phần bắt buộc", html, StringComparison.Ordinal);
        Assert.Contains(Certificate, html, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == name));
        }

        // The desk guides the applicant instead: the guidance names the papers not ticked.
        var guided = await ReceivedAsync(await PostAsync(desk, name, tickAll: false, new Dictionary<string, string> { ["Papers[0].Present"] = "true", ["outcome"] = "supplement" }));
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == guided);
            Assert.Equal(DossierStatus.AwaitingSupplement, d.Status);
            var form = await db.DossierForms.SingleAsync(f => f.DossierId == d.Id && f.Kind == OfficialFormKind.SupplementRequest);
            Assert.Contains(Certificate, form.Content, StringComparison.Ordinal);
            Assert.DoesNotContain(Application, form.Content, StringComparison.Ordinal);
        }

        var complete = await ReceivedAsync(await PostAsync(desk, Unique("Người Đủ Giấy"), tickAll: true));
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.Include(x => x.Papers).SingleAsync(x => x.Code == complete);
            Assert.Equal(DossierStatus.Received, d.Status);
            Assert.Equal([true, true, false], d.Papers.OrderBy(p => p.Seq).Select(p => p.Present));
        }
    }

    [Fact]
    public async Task A_scan_uploaded_with_a_paper_at_the_counter_shows_under_that_paper()
    {
        await CatalogueAsync();
        using var desk = await app.LoginAsync("motcua");
        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/mot-cua/tiep-nhan?procedure=" + Procedure);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Procedure"] = Procedure, ["Channel"] = "Direct", ["ApplicantKind"] = "Individual",
            ["Name"] = Unique("Người Nộp Bản Quét"), ["Phone"] = "0905 123 456", ["Address"] = "Phường 7, Tuy Hòa",
            ["Papers[0].Name"] = Application, ["Papers[0].Present"] = "true", ["Papers[0].Form"] = "Original", ["Papers[0].Quantity"] = "1",
            ["Papers[1].Name"] = Certificate, ["Papers[1].Present"] = "true", ["Papers[1].Form"] = "CertifiedCopy", ["Papers[1].Quantity"] = "1",
            ["FeeAmount"] = "200000", ["Payment"] = "PaidAtDesk", ["ReturnChoice"] = "AtDesk", ["outcome"] = "receive",
        };
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        void Attach(string field, string name)
        {
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, field, name);
        }
        Attach("Papers[1].File", "bang-cap.pdf");
        Attach("Files", "khac.pdf");
        var code = await ReceivedAsync(await desk.PostAsync("/mot-cua/tiep-nhan?procedure=" + Procedure, form));

        await using (var db = app.CreateDbContext())
        {
            var files = await db.DossierFiles.Where(f => f.Dossier!.Code == code).Select(f => new { f.FileName, f.PaperSeq }).ToListAsync();
            Assert.Contains(files, f => f.FileName == "bang-cap.pdf" && f.PaperSeq == 2);
            Assert.Contains(files, f => f.FileName == "khac.pdf" && f.PaperSeq == null);
        }
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        var papers = page[page.IndexOf("data-testid=\"papers\"", StringComparison.Ordinal)..];
        var second = papers[papers.IndexOf("data-seq=\"2\"", StringComparison.Ordinal)..];
        Assert.Contains("bang-cap.pdf", second[..second.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fee_comes_from_the_catalogue_and_a_different_one_needs_a_reason()
    {
        await CatalogueAsync();
        using var desk = await app.LoginAsync("motcua");
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua/tiep-nhan?procedure=" + Procedure));
        Assert.Contains("name=\"FeeAmount\" type=\"number\" min=\"0\" step=\"1000\" value=\"200000\"", page, StringComparison.Ordinal);
        Assert.Contains("200.000 đồng", page, StringComparison.Ordinal);

        var name = Unique("Người Miễn Phí");
        var refused = WebUtility.HtmlDecode(await (await PostAsync(desk, name, tickAll: true, new Dictionary<string, string> { ["FeeAmount"] = "100000" })).Content.ReadAsStringAsync());
        Assert.Contains("Phí, lệ phí khác với danh mục (200.000 đồng): vui lòng nêu lý do", refused, StringComparison.Ordinal);

        var code = await ReceivedAsync(await PostAsync(desk, name, tickAll: true,
            new Dictionary<string, string> { ["FeeAmount"] = "100000", ["FeeNote"] = "Giảm 50% cho hộ nghèo" }));
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            Assert.Equal(100_000, d.FeeAmount);
            Assert.Equal("Giảm 50% cho hộ nghèo", d.FeeNote);
        }
        var receipt = Tools.PdfToText(await desk.GetByteArrayAsync("/api/dossiers/" + code + "/forms/tiep-nhan.pdf"));
        Assert.Contains("100.000 đồng (Giảm 50% cho hộ nghèo)", receipt, StringComparison.Ordinal);

        var plain = await ReceivedAsync(await PostAsync(desk, Unique("Người Đủ Phí"), tickAll: true));
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == plain);
            Assert.Equal(200_000, d.FeeAmount);
            Assert.Null(d.FeeNote);
        }
    }

    [Fact]
    public async Task The_deadline_preview_answers_the_due_date_a_receipt_now_gets_with_its_explanation()
    {
        await CatalogueAsync();
        using var desk = await app.ApiClientAsync("motcua");
        var response = await desk.GetAsync("/api/catalogue/procedures/" + Procedure + "/deadline-preview");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(text).RootElement;
        var due = json.GetProperty("dueAt").GetDateTimeOffset();
        Assert.NotEmpty(json.GetProperty("explanation").EnumerateArray());
        Assert.Contains("Ngày làm việc thứ 10", text, StringComparison.Ordinal);

        // The preview is what the receipt then records.
        using var page = await app.LoginAsync("motcua");
        var code = await ReceivedAsync(await PostAsync(page, Unique("Người Xem Hạn"), tickAll: true));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(due, (await db.Dossiers.SingleAsync(x => x.Code == code)).DueAt);
        }

        var missing = await desk.GetAsync("/api/catalogue/procedures/9.999999/deadline-preview");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("title", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var specialist = await app.ApiClientAsync("chuyenvien");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync("/api/catalogue/procedures/" + Procedure + "/deadline-preview")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_preview_without_script_and_after_Xem_han()
    {
        await CatalogueAsync();
        using var desk = await app.LoginAsync("motcua");
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua/tiep-nhan?procedure=" + Procedure));
        Assert.Contains("Hạn giải quyết nếu tiếp nhận bây giờ", page, StringComparison.Ordinal);
        Assert.Contains("10 ngày làm việc", page, StringComparison.Ordinal);
        var preview = WebUtility.HtmlDecode(await (await PostAsync(desk, Unique("Người Xem"), tickAll: false, new Dictionary<string, string> { ["outcome"] = "preview" }))
            .Content.ReadAsStringAsync());
        Assert.Contains("Vì sao là ngày này", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Hồ sơ chưa đủ thành phần bắt buộc", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_by_post_only_where_the_procedure_returns_by_post()
    {
        using var desk = await app.LoginAsync("motcua");
        await CatalogueAsync(postalReturn: false);
        var name = Unique("Người Nhận Qua Bưu Điện");
        var refused = WebUtility.HtmlDecode(await (await PostAsync(desk, name, tickAll: true, new Dictionary<string, string> { ["ReturnChoice"] = "ByPost" })).Content.ReadAsStringAsync());
        Assert.Contains("Thủ tục này không trả kết quả qua dịch vụ bưu chính công ích", refused, StringComparison.Ordinal);

        await CatalogueAsync(postalReturn: true);
        var code = await ReceivedAsync(await PostAsync(desk, name, tickAll: true, new Dictionary<string, string> { ["ReturnChoice"] = "ByPost" }));
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            Assert.Equal(ResultDelivery.ByPost, d.ReturnChoice);
            Assert.Equal("Phường 7, Tuy Hòa", d.ReturnAddress);
        }
        var receipt = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code + "/bieu-mau/tiep-nhan"));
        Assert.Contains("Qua dịch vụ bưu chính công ích, địa chỉ: Phường 7, Tuy Hòa", receipt, StringComparison.Ordinal);

        var online = await ReceivedAsync(await PostAsync(desk, Unique("Người Nhận Điện Tử"), tickAll: true, new Dictionary<string, string> { ["ReturnChoice"] = "Online" }));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(ResultDelivery.Online, (await db.Dossiers.SingleAsync(x => x.Code == online)).ReturnChoice);
        }
        await CatalogueAsync(postalReturn: false);
    }

    private static async Task<HttpResponseMessage> CorrectAsync(HttpClient desk, string code, string? reason, string time)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/mot-cua/tiep-nhan/sua/" + code);
        return await desk.PostAsync("/mot-cua/tiep-nhan/sua/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ProcedureCode"] = Procedure, ["TimeValue"] = time, ["TimeUnit"] = "WorkingDays", ["Reason"] = reason ?? "",
        }));
    }

    [Fact]
    public async Task The_desk_corrects_a_receipt_on_its_day_with_a_reason_and_the_receipt_is_reissued()
    {
        // Its own app: the clock moves forward here, and a fake clock never goes back.
        await using var own = new MotCuaApp();
        await CatalogueAsync(own);
        using var desk = await own.LoginAsync("motcua");
        var code = await ReceivedAsync(await PostAsync(desk, Unique("Người Sửa Hạn"), tickAll: true));
        own.Clock.Advance(TimeSpan.FromHours(6)); // 15:00, past the cut-off: the recount still starts at the receipt

        var noReason = WebUtility.HtmlDecode(await (await CorrectAsync(desk, code, "  ", "5")).Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nêu rõ lý do sửa thông tin tiếp nhận.", noReason, StringComparison.Ordinal);

        var corrected = await CorrectAsync(desk, code, "Thủ tục có thời hạn 5 ngày làm việc theo quyết định công bố mới", "5");
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        await using (var db = own.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            var calculator = await own.Services.CreateScope().ServiceProvider.GetRequiredService<CalendarProvider>().CalculatorAsync(db, d.AgencyId, CancellationToken.None);
            Assert.Equal(calculator.ComputeDue(d.ReceivedAt!.Value, ProcessingTime.WorkingDays(5)), d.DueAt);
            Assert.Equal(new DateTimeOffset(2025, 3, 17, 9, 0, 0, TimeSpan.FromHours(7)), d.DueAt);
            Assert.Equal(d.DueAt, d.AppointmentAt);
            Assert.Equal(2, await db.DossierForms.CountAsync(f => f.DossierId == d.Id && f.Kind == OfficialFormKind.ReceiptAndAppointment));
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "dossier.receipt.correct" && a.EntityId == code);
            Assert.Contains("Thủ tục có thời hạn 5 ngày làm việc", audit.Summary, StringComparison.Ordinal);
        }
        var receipt = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code + "/bieu-mau/tiep-nhan"));
        Assert.Contains("09 giờ 00 phút, ngày 17 tháng 03 năm 2025", receipt, StringComparison.Ordinal);
        // The receipt handed out first stays listed, marked replaced, with the appointment it gave.
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        var start = page.IndexOf("data-testid=\"replaced-receipt\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no replaced receipt listed");
        var replaced = page[start..page.IndexOf("</li>", start, StringComparison.Ordinal)];
        Assert.Contains("đã thay thế", replaced, StringComparison.Ordinal);
        Assert.Contains("Giấy đã cấp ghi: thủ tục " + Procedure, replaced, StringComparison.Ordinal);
        Assert.Contains("hẹn trả kết quả 09:00 ngày", replaced, StringComparison.Ordinal);
        Assert.DoesNotContain("17/03/2025", replaced, StringComparison.Ordinal);

        own.Clock.Advance(TimeSpan.FromDays(1));
        using var nextDay = await own.LoginAsync("motcua"); // yesterday's session has ended
        var late = WebUtility.HtmlDecode(await (await CorrectAsync(nextDay, code, "Sửa lại lần nữa", "7")).Content.ReadAsStringAsync());
        Assert.Contains("Chỉ sửa được thông tin tiếp nhận trong ngày làm việc đã tiếp nhận hồ sơ", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_correction_once_the_dossier_is_handled()
    {
        await CatalogueAsync();
        using var desk = await app.LoginAsync("motcua");
        var code = await ReceivedAsync(await PostAsync(desk, Unique("Người Đã Xử Lý"), tickAll: true));
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            d.Events.Add(new DossierEvent { At = MotCuaApp.DefaultNow, Action = DossierAction.Assign, FromStatus = d.Status, ToStatus = d.Status });
            await db.SaveChangesAsync();
        }
        var refused = WebUtility.HtmlDecode(await (await CorrectAsync(desk, code, "Chọn nhầm", "5")).Content.ReadAsStringAsync());
        Assert.Contains("Hồ sơ đã có bước xử lý sau khi tiếp nhận", refused, StringComparison.Ordinal);
    }
}
