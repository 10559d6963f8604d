using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Privacy;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Privacy;

/// <summary>
/// Data subjects' requests under Law 91/2025 and Decree 356/2025: submitted without login by record code and second
/// factor, deadlines from the dated limits, listed for the administrator and focal officer, answered (export, erasure
/// or refusal with its legal reason), followed by the citizen, every step audited.
/// </summary>
public sealed partial class DataSubjectRequestTests
{
    /// <summary>Wednesday 16/12/2026 09:00 in Vietnam: the law and Decree 356/2025 apply, limits end as the Civil Code counts.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 16, 2, 0, 0, TimeSpan.Zero);

    private const string Phone = "0914555777";

    private static async Task<(MotCuaApp App, string DossierCode)> AppWithDossierAsync(string name = "Trần Thị Dữ Liệu")
    {
        var app = new MotCuaApp();
        app.Clock.SetUtcNow(Wednesday);
        using var desk = await app.ApiClientAsync("motcua");
        var receipt = await desk.PostAsJsonAsync("/api/dossiers/", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name, idNumber = "079085001234", phone = Phone, address = "12 Lê Lợi, Buôn Ma Thuột, Đắk Lắk" },
            papers = new[] { new { name = "Đơn", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);
        var code = (await receipt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        return (app, code);
    }

    private static async Task<HttpResponseMessage> SubmitPageAsync(HttpClient citizen, string? kind, string record, string factor, string details = "")
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/quyen-du-lieu-ca-nhan");
        return await citizen.PostAsync("/quyen-du-lieu-ca-nhan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Kind"] = kind ?? "", ["RecordCode"] = record, ["Factor"] = factor, ["Details"] = details,
        }));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await MotCuaApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(page + "?handler=" + handler, new FormUrlEncodedContent(form));
    }

    private static async Task<int> AuditCountAsync(MotCuaApp app, string action, string key)
    {
        await using var db = app.CreateDbContext();
        return await db.Set<AuditEntry>().CountAsync(e => e.Action == action && e.EntityId == key);
    }

    [Fact]
    public async Task A_citizen_asks_for_their_data_the_focal_officer_answers_and_the_citizen_downloads_it()
    {
        var (app, dossier) = await AppWithDossierAsync();
        await using var _ = app;
        using var citizen = app.CreateClient();

        // Submit from the public page, no login: the code and both deadlines come back.
        var submitted = await SubmitPageAsync(citizen, "Access", dossier, "+84 914 555 777");
        var html = WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var code = RequestCode().Match(html).Groups[1].Value;
        Assert.StartsWith("DLCN-", code, StringComparison.Ordinal);

        // Decree 356/2025: answer within 02 working days (Thu 17, Fri 18 → Friday 17:00); access carried out within 10 days
        // [U]: the 10th day after Wednesday 16/12 is Saturday 26/12, so it ends on Monday 28/12 at 17:00 (Civil Code Art. 148).
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.DataSubjectRequests.SingleAsync(r => r.Code == code);
            Assert.Equal(new DateTimeOffset(2026, 12, 18, 17, 0, 0, TimeSpan.FromHours(7)), stored.AcknowledgeDueAt);
            Assert.Equal(new DateTimeOffset(2026, 12, 28, 17, 0, 0, TimeSpan.FromHours(7)), stored.DueAt);
            Assert.Contains("356/2025", stored.LimitBasis, StringComparison.Ordinal);
            Assert.Equal(ConsentNotice.Version, stored.ConsentVersion);
            Assert.DoesNotContain(Phone, stored.FactorHash, StringComparison.Ordinal);
        }
        Assert.Equal(1, await AuditCountAsync(app, "privacy.request.submit", code));

        // The focal officer sees it in the list and answers.
        using var focal = await app.LoginAsync("daumoi");
        Assert.Contains(code, await focal.GetStringAsync("/quan-tri/yeu-cau-chu-the-du-lieu"), StringComparison.Ordinal);
        var page = "/quan-tri/yeu-cau-chu-the-du-lieu/" + code;
        var officerExport = await PostAsync(focal, page, "Export", new());
        Assert.Equal(HttpStatusCode.OK, officerExport.StatusCode);
        Assert.Contains("Trần Thị Dữ Liệu", await officerExport.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answered = await PostAsync(focal, page, "Answer", new() { ["Outcome"] = "done", ["Answer"] = "Cơ quan gửi bạn bản sao dữ liệu cá nhân đang lưu." });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(1, await AuditCountAsync(app, "privacy.request.done", code));

        // The citizen follows it by code and the same factor (any form of it), and downloads the data.
        var followToken = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/quyen-du-lieu-ca-nhan/theo-doi");
        var follow = await citizen.PostAsync("/quyen-du-lieu-ca-nhan/theo-doi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = followToken, ["Code"] = code, ["Factor"] = Phone,
        }));
        var followed = WebUtility.HtmlDecode(await follow.Content.ReadAsStringAsync());
        Assert.Contains("Cơ quan gửi bạn bản sao dữ liệu cá nhân đang lưu.", followed, StringComparison.Ordinal);
        Assert.Contains("Đã thực hiện", followed, StringComparison.Ordinal);
        var export = await citizen.PostAsync("/quyen-du-lieu-ca-nhan/theo-doi?handler=Export", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = followToken, ["Code"] = code, ["Factor"] = Phone,
        }));
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        var record = json.RootElement.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("code").GetString() == dossier);
        var fields = record.GetProperty("fields");
        // Every field the register lists for a dossier is in the export, with the person's values.
        Assert.Equal("Trần Thị Dữ Liệu", fields.GetProperty("Họ tên người nộp hồ sơ").GetString());
        Assert.Equal(Phone, fields.GetProperty("Số điện thoại người nộp").GetString());
        Assert.Equal(PersonalData.Fields.Count(f => f.Entity == typeof(Dossier) && f.Property != nameof(Dossier.SearchText)), fields.EnumerateObject().Count());
        Assert.Equal(2, await AuditCountAsync(app, "privacy.request.export", code));
    }

    [Fact]
    public async Task Deleting_dossier_data_is_refused_with_the_archives_reason_and_nothing_is_erased()
    {
        var (app, dossier) = await AppWithDossierAsync("Lê Văn Lưu Trữ");
        await using var _ = app;
        using var citizen = app.CreateClient();
        var created = await citizen.PostAsJsonAsync("/api/public/privacy-requests/", new { kind = "Deletion", recordCode = dossier, factor = "079085001234" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        using var admin = await app.LoginAsync("admin");
        var page = "/quan-tri/yeu-cau-chu-the-du-lieu/" + code;
        Assert.Contains("Luật Lưu trữ", WebUtility.HtmlDecode(await admin.GetStringAsync(page)), StringComparison.Ordinal);
        // Carrying it out is refused: the law keeps the dossier, nothing changes.
        var tried = await PostAsync(admin, page, "Answer", new() { ["Outcome"] = "done", ["Answer"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, tried.StatusCode);
        Assert.Contains("Không xóa được", WebUtility.HtmlDecode(await tried.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(DataSubjectRequestStatus.Open, (await db.DataSubjectRequests.SingleAsync(r => r.Code == code)).Status);
            Assert.Equal("Lê Văn Lưu Trữ", (await db.Dossiers.SingleAsync(d => d.Code == dossier)).ApplicantName);
        }
        Assert.Equal(0, await AuditCountAsync(app, "privacy.request.done", code));

        // Refused with the rule's reason as the answer when the officer writes none.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, page, "Answer", new() { ["Outcome"] = "refused", ["Answer"] = "" })).StatusCode);
        var followed = await citizen.PostAsJsonAsync("/api/public/privacy-requests/follow", new { code, factor = "079085001234" });
        var body = await followed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Refused", body.GetProperty("status").GetString());
        Assert.Contains("Luật Lưu trữ số 33/2024/QH15", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync(app, "privacy.request.refuse", code));
    }

    [Fact]
    public async Task Deleting_a_closed_pakn_senders_data_goes_through_the_purge()
    {
        await using var app = new MotCuaApp();
        app.Clock.SetUtcNow(Wednesday);
        using var citizen = app.CreateClient();
        var title = "Xóa dữ liệu " + Guid.NewGuid().ToString("N")[..6];
        var sent = await citizen.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Đinh Thị Phản Ánh", senderAddress = "Tuy Hòa, Đắk Lắk", senderPhone = "0977000111", title, consent = true,
            content = "Đề nghị niêm yết rõ thời hạn giải quyết từng bước của thủ tục.",
        });
        var pakn = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var created = await citizen.PostAsJsonAsync("/api/public/privacy-requests/", new { kind = "Deletion", recordCode = pakn, factor = "0977000111" });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        using var admin = await app.LoginAsync("admin");
        var page = "/quan-tri/yeu-cau-chu-the-du-lieu/" + code;

        // While the PAKN is being answered its sender's contact is needed.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, page, "Answer", new() { ["Outcome"] = "done" })).StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var closed = Wednesday.AddHours(1);
            await db.FeedbackItems.Where(f => f.Code == pakn).ExecuteUpdateAsync(s => s.SetProperty(f => f.ClosedAt, closed));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, page, "Answer", new() { ["Outcome"] = "done" })).StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var item = await db.FeedbackItems.SingleAsync(f => f.Code == pakn);
            Assert.Equal(PersonalData.Anonymised, item.SenderName);
            Assert.Null(item.SenderPhone);
            Assert.Equal(title, item.Title);
        }
        // The request can still be followed: its factor is kept as a hash, not read from the erased record.
        var followed = await citizen.PostAsJsonAsync("/api/public/privacy-requests/follow", new { code, factor = "0977000111" });
        Assert.Equal("Done", (await followed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_a_vietnamese_message_or_problem_details_and_stores_nothing()
    {
        var (app, dossier) = await AppWithDossierAsync();
        await using var _ = app;
        using var citizen = app.CreateClient();

        var noKind = await SubmitPageAsync(citizen, null, dossier, Phone);
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        Assert.Contains("Vui lòng chọn loại yêu cầu.", WebUtility.HtmlDecode(await noKind.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var wrongFactor = await SubmitPageAsync(citizen, "Access", dossier, "0900111222");
        Assert.Contains(PrivacyDesk.NoMatch, WebUtility.HtmlDecode(await wrongFactor.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var correctionWithoutDetails = await citizen.PostAsJsonAsync("/api/public/privacy-requests/", new { kind = "Correction", recordCode = dossier, factor = Phone });
        Assert.Equal(HttpStatusCode.BadRequest, correctionWithoutDetails.StatusCode);
        var problem = await correctionWithoutDetails.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Vui lòng ghi rõ thông tin cần chỉnh sửa.", problem.GetProperty("errors").GetProperty("details")[0].GetString());

        var unknownKind = await citizen.PostAsJsonAsync("/api/public/privacy-requests/", new { kind = "Sell", recordCode = dossier, factor = Phone });
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal("application/problem+json", unknownKind.Content.Headers.ContentType?.MediaType);

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.DataSubjectRequests.CountAsync());
        Assert.Equal(0, await db.Set<AuditEntry>().CountAsync(e => e.Action == "privacy.request.submit"));
    }

    [Fact]
    public async Task Only_the_person_sees_their_request_and_only_administrators_and_focal_officers_see_the_list()
    {
        var (app, dossier) = await AppWithDossierAsync();
        await using var _ = app;
        using var citizen = app.CreateClient();
        var created = await citizen.PostAsJsonAsync("/api/public/privacy-requests/", new { kind = "Objection", recordCode = dossier, factor = Phone, details = "Không gửi tin nhắn Zalo." });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        // Someone with the code but not the factor learns nothing, as for an unknown code.
        var other = await citizen.PostAsJsonAsync("/api/public/privacy-requests/follow", new { code, factor = "0988777666" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Zalo", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await citizen.PostAsJsonAsync("/api/public/privacy-requests/follow", new { code = "DLCN-000000-AAAAAA", factor = Phone });
        var (a, b) = (await unknown.Content.ReadFromJsonAsync<JsonElement>(), await other.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal(PrivacyDesk.NoRequest, b.GetProperty("title").GetString());

        foreach (var user in new[] { "motcua", "chuyenvien", "lanhdao" })
        {
            using var officer = await app.LoginAsync(user);
            var list = await officer.GetAsync("/quan-tri/yeu-cau-chu-the-du-lieu");
            Assert.True(list.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, user);
            var detail = await officer.GetAsync("/quan-tri/yeu-cau-chu-the-du-lieu/" + code);
            Assert.True(detail.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, user);
        }
        using var anonymous = app.CreateNoRedirectClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/quan-tri/yeu-cau-chu-the-du-lieu")).StatusCode);
    }

    [Fact]
    public async Task Requests_past_their_deadline_are_marked_overdue_in_the_list()
    {
        var (app, dossier) = await AppWithDossierAsync();
        await using var _ = app;
        using var citizen = app.CreateClient();
        var created = await citizen.PostAsJsonAsync("/api/public/privacy-requests/", new { kind = "WithdrawConsent", recordCode = dossier, factor = Phone });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        static string Row(string html, string code) => Regex.Match(html, "data-testid=\"request-" + code + "\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        // A login lasts a working session, so each moment of the clock gets its own.
        async Task<string> ListAsync()
        {
            using var admin = await app.LoginAsync("admin");
            return Row(WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/yeu-cau-chu-the-du-lieu")), code);
        }

        Assert.DoesNotContain("Quá hạn", await ListAsync(), StringComparison.Ordinal);
        // Friday 18/12 at 16:30: the 02 working days to answer end at 17:00.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 18, 16, 30, 0, TimeSpan.FromHours(7)).ToUniversalTime());
        Assert.Contains("Sắp đến hạn", await ListAsync(), StringComparison.Ordinal);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 18, 17, 1, 0, TimeSpan.FromHours(7)).ToUniversalTime());
        Assert.Contains("Quá hạn", await ListAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"request-code\">([^<]+)<")]
    private static partial Regex RequestCode();
}
