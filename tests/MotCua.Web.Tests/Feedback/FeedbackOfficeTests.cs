using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>PAKN attachments on the public form and the officers' back-office API.</summary>
public sealed class FeedbackOfficeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private static string Unique(string text) => text + " " + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> PostFormAsync(string title, byte[] file, string fileName)
    {
        using var anonymous = app.CreateClient();
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/phan-anh-kien-nghi");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent("Đỗ Thị Đính Kèm"), "Input.SenderName" },
            { new StringContent("Sông Cầu, Phú Yên"), "Input.SenderAddress" },
            { new StringContent("0913 222 111"), "Input.SenderPhone" },
            { new StringContent("true"), "Consent" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("Quy định về hồ sơ cấp giấy phép còn yêu cầu bản sao chứng thực, đề nghị bỏ."), "Input.Content" },
            { new ByteArrayContent(file), "Attachments", fileName },
        };
        return await (await anonymous.PostAsync("/phan-anh-kien-nghi", form)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_executable_renamed_pdf_is_refused_and_a_pdf_attachment_is_kept_for_officers_only()
    {
        var badTitle = Unique("Đính kèm exe");
        var exe = "MZ\u0090\0\u0003\0\0\0"u8.ToArray().Concat(new byte[100]).ToArray();
        Assert.Contains("không đúng định dạng cho phép", await PostFormAsync(badTitle, exe, "bang-chung.pdf"), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.FeedbackItems.AnyAsync(f => f.Title == badTitle));
        }

        var title = Unique("Đính kèm pdf");
        Assert.Contains("data-testid=\"pakn-code\"", await PostFormAsync(title, Pdf, "bang-chung.pdf"), StringComparison.Ordinal);
        long id;
        long attachmentId;
        string code;
        await using (var db = app.CreateDbContext())
        {
            var item = await db.FeedbackItems.Include(f => f.Attachments).SingleAsync(f => f.Title == title);
            var a = Assert.Single(item.Attachments);
            Assert.Equal("application/pdf", a.ContentType);
            Assert.Equal(64, a.Sha256.Length);
            Assert.DoesNotContain("wwwroot", a.StoragePath, StringComparison.Ordinal);
            (id, attachmentId, code) = (item.Id, a.Id, item.Code);
        }
        using var officer = await app.LoginAsync("daumoi");
        var download = await officer.GetAsync($"/pakn/{id}?handler=Attachment&attachmentId={attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        // Without redirects: a followed redirect to the login page would answer 200 and hide whether the file leaked.
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync($"/pakn/{id}?handler=Attachment&attachmentId={attachmentId}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual(Pdf, await refused.Content.ReadAsByteArrayAsync());

        using var api = await app.ApiClientAsync("daumoi");
        using var detail = JsonDocument.Parse(await api.GetStringAsync("/api/feedback/" + code));
        Assert.Equal("bang-chung.pdf", detail.RootElement.GetProperty("attachments")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task The_back_office_API_classifies_drafts_approves_publishes_and_refuses_bad_input_and_wrong_state()
    {
        using var anonymous = app.CreateClient();
        var title = Unique("API PAKN");
        var created = await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Hồ Văn Api", senderAddress = "Tuy Hòa", senderPhone = "0914555666", title, consent = true,
            content = "Đề nghị rút ngắn thời hạn giải quyết thủ tục cấp giấy phép bức xạ.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;

        using var focal = await app.ApiClientAsync("daumoi");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var list = await focal.GetFromJsonAsync<JsonElement>("/api/feedback?status=received");
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("code").GetString() == code);
        Assert.Equal(HttpStatusCode.BadRequest, (await focal.GetAsync("/api/feedback?status=khong-co")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync("/api/feedback/PAKN-000000-XXXXXX")).StatusCode);

        async Task<HttpResponseMessage> Act(HttpClient c, object body) => await c.PostAsJsonAsync($"/api/feedback/{code}/actions", body);

        // Wrong state: nothing to approve yet.
        var early = await Act(leader, new { action = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Không thể thực hiện", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Bad input: no unit.
        var noUnit = await Act(focal, new { action = "classifyInScope" });
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        Assert.Contains("unitId", await noUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Act(focal, new { action = "xoa" })).StatusCode);
        // Role: a specialist may not classify.
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(specialist, new { action = "classifyInScope", unitId = 1 })).StatusCode);

        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Phòng Quản lý Khoa học và Công nghệ").Select(u => u.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await Act(focal, new { action = "classifyInScope", unitId = unit })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Act(specialist, new { action = "draftAnswer", answer = "Cơ quan sẽ kiến nghị rút ngắn thời hạn trong kỳ rà soát tới." })).StatusCode);
        var stale = await Act(leader, new { action = "approve", rowVersion = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Act(leader, new { action = "approve" })).StatusCode);
        var published = await Act(leader, new { action = "publish", reviewed = true });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        using var done = JsonDocument.Parse(await published.Content.ReadAsStringAsync());
        Assert.Equal("published", done.RootElement.GetProperty("status").GetString());

        var open = await anonymous.GetStringAsync("/api/public/feedback?answered=true");
        Assert.Contains(code, open, StringComparison.Ordinal);
        Assert.DoesNotContain("0914555666", open, StringComparison.Ordinal);
    }
}
