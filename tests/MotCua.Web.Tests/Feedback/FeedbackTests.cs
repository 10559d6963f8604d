using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Feedback;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>PAKN: public submission, back-office classify/assign/draft/approve/publish, public list without personal data.</summary>
public sealed class FeedbackTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static string Unique(string text) => text + " " + Guid.NewGuid().ToString("N")[..8];

    private static object Request(string title, string phone = "0912345678", string email = "nguoigui@example.vn", string procedure = "1.000173") => new
    {
        senderName = "Lê Văn Phản Ánh",
        senderAddress = "12 Trần Hưng Đạo, Tuy Hòa",
        senderPhone = phone,
        senderEmail = email,
        title,
        content = "Thủ tục cấp giấy phép bức xạ yêu cầu nộp bản sao chứng thực nhiều lần; đề nghị cho dùng bản điện tử. Liên hệ 0912 345 678.",
        contentType = "UnsuitableRegulation",
        relatedProcedureCode = procedure,
        consent = true,
    };

    private async Task<string> SubmitAsync(string title)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/public/feedback", Request(title));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }

    private async Task<long> IdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.FeedbackItems.Where(f => f.Code == code).Select(f => f.Id).SingleAsync();
    }

    private static async Task<string> ActAsync(HttpClient officer, long id, string action, Dictionary<string, string>? fields = null)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(officer, "/pakn/" + id);
        var form = new Dictionary<string, string>(fields ?? [], StringComparer.Ordinal) { ["__RequestVerificationToken"] = token, ["Action"] = action };
        var response = await officer.PostAsync("/pakn/" + id, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Submitted_PAKN_is_answered_and_published_without_the_senders_phone_or_email()
    {
        var title = Unique("Đề nghị đơn giản hóa thành phần hồ sơ");
        var code = await SubmitAsync(title);
        Assert.Matches(@"^PAKN-\d{6}-[A-Z2-9]{6}$", code);
        var id = await IdAsync(code);
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Phòng Thanh tra – Hành chính tổng hợp").Select(u => u.Id).SingleAsync();
        }

        using var focal = await app.LoginAsync("daumoi");
        using var specialist = await app.LoginAsync("chuyenvien");
        using var leader = await app.LoginAsync("lanhdao");
        Assert.Contains("Đang xử lý", await ActAsync(focal, id, "ClassifyInScope", new() { ["UnitId"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture) }), StringComparison.Ordinal);

        // A specialist may draft but not approve.
        await ActAsync(specialist, id, "DraftAnswer", new() { ["Answer"] = "Sở đã kiến nghị UBND tỉnh cho phép nộp bản sao điện tử từ quý III." });
        Assert.Contains("không có quyền", await ActAsync(specialist, id, "Approve"), StringComparison.Ordinal);

        // Not public before publication.
        using var anonymous = app.CreateClient();
        Assert.DoesNotContain(code, await anonymous.GetStringAsync("/api/public/feedback?answered=true"), StringComparison.Ordinal);

        await ActAsync(leader, id, "Approve");
        var published = await ActAsync(leader, id, "Publish", new() { ["Reviewed"] = "true" });
        Assert.Contains("Đã trả lời, công khai", published, StringComparison.Ordinal);

        var json = await anonymous.GetStringAsync("/api/public/feedback?answered=true");
        var item = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(e => e.GetProperty("code").GetString() == code);
        Assert.Contains("bản sao điện tử", item.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var page = await anonymous.GetStringAsync("/phan-anh-kien-nghi/da-tra-loi");
        foreach (var text in new[] { json, page })
        {
            Assert.Contains(code, text, StringComparison.Ordinal);
            Assert.DoesNotContain("0912345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain("0912 345 678", text, StringComparison.Ordinal); // typed into the content: redacted
            Assert.DoesNotContain("nguoigui@example.vn", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Lê Văn Phản Ánh", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Trần Hưng Đạo", text, StringComparison.Ordinal);
        }

        // Another agency's answers page lists its own answers only.
        var other = "KH" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using (var db = app.CreateDbContext())
        {
            db.Agencies.Add(new Features.Organisation.Agency { Code = other, Name = "Sở Khoa học và Công nghệ tỉnh Khánh Hòa " + other });
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain(code, await anonymous.GetStringAsync("/phan-anh-kien-nghi/da-tra-loi?co-quan=" + other), StringComparison.Ordinal);
        Assert.Contains(code, await anonymous.GetStringAsync("/phan-anh-kien-nghi/da-tra-loi?co-quan=SKHCN"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_without_the_senders_consent_is_refused_and_nothing_is_stored()
    {
        var title = Unique("Không đồng ý");
        using var anonymous = app.CreateClient();
        foreach (var consent in new bool?[] { null, false })
        {
            var response = await anonymous.PostAsJsonAsync("/api/public/feedback", new
            {
                senderName = "Lê Văn Phản Ánh", senderAddress = "12 Trần Hưng Đạo, Tuy Hòa", senderPhone = "0912345678", title,
                content = "Đề nghị niêm yết rõ thời hạn giải quyết từng bước của thủ tục.", consent,
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.Equal(MotCua.Web.Shared.Privacy.ConsentNotice.Missing, errors.GetProperty("consent")[0].GetString());
        }
        await using var db = app.CreateDbContext();
        Assert.False(await db.FeedbackItems.AnyAsync(f => f.Title == title));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_Vietnamese_messages_and_nothing_is_stored()
    {
        var title = Unique("Thiếu liên hệ");
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/public/feedback", new { senderName = "", title, content = "ngắn", senderEmail = "khong-hop-le", consent = true });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("họ và tên", errors.GetProperty("senderName")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("senderAddress", out _));
        Assert.True(errors.TryGetProperty("content", out _));
        Assert.True(errors.TryGetProperty("senderEmail", out _));

        var garbage = await anonymous.PostAsync("/api/public/feedback", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/public/feedback")).StatusCode); // unanswered ones are internal

        await using var db = app.CreateDbContext();
        Assert.False(await db.FeedbackItems.AnyAsync(f => f.Title == title));
    }

    [Fact]
    public async Task Public_form_gives_an_acknowledgement_code_and_posts_the_PAKN_address()
    {
        using var anonymous = app.CreateClient();
        var get = await anonymous.GetStringAsync("/phan-anh-kien-nghi");
        Assert.Contains("Địa chỉ tiếp nhận phản ánh, kiến nghị", get, StringComparison.Ordinal);
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/phan-anh-kien-nghi");
        var title = Unique("Phản ánh qua cổng");
        var html = await (await anonymous.PostAsync("/phan-anh-kien-nghi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.SenderName"] = "Phạm Thị Công Dân",
            ["Input.SenderAddress"] = "Sông Cầu, Phú Yên",
            ["Input.SenderPhone"] = "0987654321",
            ["Input.Title"] = title,
            ["Input.Content"] = "Đề nghị công khai thời gian giải quyết của từng bước trong quy trình nội bộ.",
            ["Input.ContentType"] = "ProposedSolution",
            ["Consent"] = "true",
        }))).Content.ReadAsStringAsync();
        Assert.Contains("Mã tiếp nhận", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var stored = await db.FeedbackItems.SingleAsync(f => f.Title == title);
        Assert.Contains(stored.Code, html, StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.Received, stored.Status);
        Assert.True(stored.DueAt > stored.ReceivedAt.AddDays(10)); // 10 working days span two weekends
    }

    [Fact]
    public async Task A_procedures_page_opens_the_form_about_it_and_the_form_reaches_the_agency_it_names()
    {
        using var anonymous = app.CreateClient();
        var procedure = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/thu-tuc/1.000173"));
        Assert.Contains("data-testid=\"feedback-link\" href=\"/phan-anh-kien-nghi?thu-tuc=1.000173\"", procedure, StringComparison.Ordinal);
        Assert.Contains("id=\"proc\" name=\"Input.RelatedProcedureCode\" value=\"1.000173\"", await anonymous.GetStringAsync("/phan-anh-kien-nghi?thu-tuc=1.000173"), StringComparison.Ordinal);

        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        int agencyId;
        await using (var db = app.CreateDbContext())
        {
            var agency = new Features.Organisation.Agency { Code = "KH" + suffix, Name = "Sở Khoa học và Công nghệ tỉnh Khánh Hòa " + suffix, Address = "Nha Trang" };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            agencyId = agency.Id;
        }
        // A link naming no agency of the site finds nothing rather than a form for an unnamed body.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/phan-anh-kien-nghi?co-quan=KHONGCO")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/phan-anh-kien-nghi/da-tra-loi?co-quan=KHONGCO")).StatusCode);
        var path = "/phan-anh-kien-nghi?co-quan=KH" + suffix;
        var form = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));
        Assert.Contains("Sở Khoa học và Công nghệ tỉnh Khánh Hòa " + suffix, form, StringComparison.Ordinal);
        Assert.Contains("href=\"/phan-anh-kien-nghi/da-tra-loi?co-quan=KH" + suffix + "\"", form, StringComparison.Ordinal);
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, path);
        var title = Unique("Phản ánh gửi Khánh Hòa");
        var html = await (await anonymous.PostAsync("/phan-anh-kien-nghi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["co-quan"] = "KH" + suffix,
            ["Input.SenderName"] = "Phạm Thị Công Dân",
            ["Input.SenderAddress"] = "Nha Trang, Khánh Hòa",
            ["Input.SenderPhone"] = "0258 3822 111",
            ["Input.Title"] = title,
            ["Input.Content"] = "Đề nghị niêm yết thêm thủ tục tại bộ phận một cửa.",
            ["Input.ContentType"] = "ProposedSolution",
            ["Consent"] = "true",
        }))).Content.ReadAsStringAsync();
        Assert.Contains("Mã tiếp nhận", html, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        Assert.Equal(agencyId, (await check.FeedbackItems.SingleAsync(f => f.Title == title)).AgencyId);
    }

    [Fact]
    public async Task Duplicate_is_linked_and_out_of_scope_needs_the_competent_body()
    {
        var first = await SubmitAsync(Unique("Phản ánh gốc"));
        var second = await SubmitAsync(Unique("Phản ánh trùng"));
        var third = await SubmitAsync(Unique("Phản ánh ngoài thẩm quyền"));
        using var focal = await app.LoginAsync("daumoi");
        var secondId = await IdAsync(second);
        Assert.Contains("Vui lòng nhập mã", await ActAsync(focal, secondId, "ClassifyDuplicate", new() { ["DuplicateOf"] = second }), StringComparison.Ordinal);
        var html = await ActAsync(focal, secondId, "ClassifyDuplicate", new() { ["DuplicateOf"] = first.ToLowerInvariant() });
        Assert.Contains(first, html, StringComparison.Ordinal);
        var thirdId = await IdAsync(third);
        Assert.Contains("cơ quan có thẩm quyền", await ActAsync(focal, thirdId, "Transfer", new() { ["Reason"] = "Nội dung về khám chữa bệnh thuộc ngành y tế." }), StringComparison.Ordinal);
        await ActAsync(focal, thirdId, "Transfer", new() { ["TransferredTo"] = "Sở Y tế tỉnh Đắk Lắk", ["Reason"] = "Nội dung về khám chữa bệnh thuộc ngành y tế." });

        await using var db = app.CreateDbContext();
        var dup = await db.FeedbackItems.Include(f => f.DuplicateOf).SingleAsync(f => f.Code == second);
        Assert.Equal(FeedbackStatus.Duplicate, dup.Status);
        Assert.Equal(first, dup.DuplicateOf!.Code);
        Assert.Equal(FeedbackStatus.OutOfScope, (await db.FeedbackItems.SingleAsync(f => f.Code == third)).Status);
    }

    private static string UnitSelect(string page)
    {
        var html = WebUtility.HtmlDecode(page);
        html = html[html.IndexOf("<select id=\"unit\"", StringComparison.Ordinal)..];
        return html[..html.IndexOf("</select>", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Assignment_suggests_the_unit_that_handles_the_procedure_offers_only_active_units_and_needs_a_choice()
    {
        // A procedure whose approved process has the Chi cục appraise it.
        using var admin = await app.LoginAsync("admin");
        var procedureId = await Catalogue.CataloguePages.SaveDraftAsync(app, admin, "9.PAKN01", "Thủ tục có đơn vị phụ trách 9.PAKN01", "5");
        Assert.Equal(HttpStatusCode.Redirect, (await Catalogue.CataloguePages.DecideAsync(admin, "761/QĐ-UBND", "2025-03-01", "2025-03-10", [procedureId])).StatusCode);
        int tdc, retired;
        await using (var db = app.CreateDbContext())
        {
            var tdcUnit = await db.Units.SingleAsync(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng");
            tdc = tdcUnit.Id;
            var versionId = await db.ProcedureVersions.Where(v => v.ProcedureId == procedureId && v.State == Features.Catalogue.VersionState.Published).Select(v => v.Id).SingleAsync();
            var process = new Features.Catalogue.InternalProcess { ProcedureVersionId = versionId, State = Core.Procedures.ProcessState.InForce, InForceFrom = new DateOnly(2025, 3, 10) };
            process.Steps.Add(new Features.Catalogue.ProcessStep { Seq = 1, Kind = Core.Procedures.StepKind.Appraise, UnitId = tdc, DurationValue = 4m, DurationUnit = Core.Calendar.TimeUnit.WorkingDays });
            db.InternalProcesses.Add(process);
            var old = new Features.Organisation.Unit { AgencyId = tdcUnit.AgencyId, Name = Unique("Phòng đã giải thể"), Kind = Features.Organisation.UnitKind.Division, SortOrder = 99, IsActive = false };
            db.Units.Add(old);
            await db.SaveChangesAsync();
            retired = old.Id;
        }

        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/public/feedback", Request(Unique("Về thủ tục 9.PAKN01"), procedure: "9.PAKN01"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var aboutProcess = await IdAsync(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!);
        var aboutNothingPlanned = await IdAsync(await SubmitAsync(Unique("Về thủ tục không có quy trình")));

        using var focal = await app.LoginAsync("daumoi");
        var page = WebUtility.HtmlDecode(await focal.GetStringAsync("/pakn/" + aboutProcess));
        Assert.Contains("9.PAKN01 – Thủ tục có đơn vị phụ trách 9.PAKN01", page, StringComparison.Ordinal);
        var suggested = UnitSelect(page);
        Assert.Contains($"<option value=\"{tdc}\" selected=\"selected\">", suggested, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{retired}\"", suggested, StringComparison.Ordinal);

        var open = UnitSelect(await focal.GetStringAsync("/pakn/" + aboutNothingPlanned));
        Assert.Contains("<option value=\"\">– Chọn đơn vị –</option>", open, StringComparison.Ordinal);
        Assert.DoesNotContain("selected", open, StringComparison.Ordinal);

        // Without a choice, or with a unit that no longer works, nothing is assigned.
        Assert.Contains("Vui lòng chọn đơn vị chủ trì xử lý", await ActAsync(focal, aboutNothingPlanned, "ClassifyInScope", new() { ["UnitId"] = "" }), StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn đơn vị chủ trì xử lý", await ActAsync(focal, aboutNothingPlanned, "ClassifyInScope",
            new() { ["UnitId"] = retired.ToString(System.Globalization.CultureInfo.InvariantCulture) }), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var item = await db.FeedbackItems.SingleAsync(f => f.Id == aboutNothingPlanned);
            Assert.Equal(FeedbackStatus.Received, item.Status);
            Assert.Null(item.AssignedUnitId);
        }
        await ActAsync(focal, aboutProcess, "ClassifyInScope", new() { ["UnitId"] = tdc.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(tdc, (await db.FeedbackItems.SingleAsync(f => f.Id == aboutProcess)).AssignedUnitId);
        }
    }

    [Fact]
    public async Task The_back_office_page_lists_only_the_senders_details_that_were_given()
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/public/feedback", Request(Unique("Không có thư điện tử"), email: ""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = await IdAsync(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!);
        using var focal = await app.LoginAsync("daumoi");
        var page = WebUtility.HtmlDecode(await focal.GetStringAsync("/pakn/" + id));
        var sender = page[page.IndexOf("data-testid=\"sender\">", StringComparison.Ordinal)..];
        sender = sender[(sender.IndexOf('>', StringComparison.Ordinal) + 1)..sender.IndexOf("</td>", StringComparison.Ordinal)];
        Assert.Equal("Lê Văn Phản Ánh · 12 Trần Hưng Đạo, Tuy Hòa · 0912345678", sender);
    }

    [Fact]
    public async Task Register_flags_due_soon_and_overdue()
    {
        await using var limited = new MotCuaApp();
        using var anonymous = limited.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/public/feedback", Request(Unique("Hạn xử lý")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using (var officer = await limited.LoginAsync("daumoi"))
        {
            Assert.Contains("<span class=\"badge green\">Trong hạn</span>", await officer.GetStringAsync("/pakn"), StringComparison.Ordinal);
        }
        limited.Clock.Advance(TimeSpan.FromDays(13)); // Monday 10/3 + 13 days: the last working day of the 10
        using (var officer = await limited.LoginAsync("daumoi"))
        {
            Assert.Contains("<span class=\"badge amber\">Sắp đến hạn</span>", await officer.GetStringAsync("/pakn"), StringComparison.Ordinal);
        }
        limited.Clock.Advance(TimeSpan.FromDays(3));
        using (var officer = await limited.LoginAsync("daumoi"))
        {
            Assert.Contains("<span class=\"badge red\">Quá hạn</span>", await officer.GetStringAsync("/pakn"), StringComparison.Ordinal);
        }
    }
}
