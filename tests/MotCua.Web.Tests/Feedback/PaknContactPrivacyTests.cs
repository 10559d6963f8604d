using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// A PAKN sender's contact and attachments are shown in full only to the officers handling it (the
/// control focal officer, the unit it is assigned to, the drafter of the answer); every other officer sees them masked
/// with the register's masks on the page and the API, cannot download the attachments, and every read is audited.
/// </summary>
public sealed class PaknContactPrivacyTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private async Task<(long Id, string Code, long AttachmentId)> SubmitAsync()
    {
        var title = "Liên hệ được che " + Guid.NewGuid().ToString("N")[..8];
        using var anonymous = app.CreateClient();
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/phan-anh-kien-nghi");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent("Đặng Văn Liên Hệ"), "Input.SenderName" },
            { new StringContent("45 Nguyễn Huệ, Sông Cầu, Phú Yên"), "Input.SenderAddress" },
            { new StringContent("0913 222 111"), "Input.SenderPhone" },
            { new StringContent("lienhe@example.vn"), "Input.SenderEmail" },
            { new StringContent("true"), "Consent" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("Quy định về hồ sơ cấp giấy phép còn yêu cầu bản sao chứng thực, đề nghị bỏ."), "Input.Content" },
            { new ByteArrayContent(Pdf), "Attachments", "cccd-dang-van-lien-he.pdf" },
        };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/phan-anh-kien-nghi", form)).StatusCode);
        await using var db = app.CreateDbContext();
        var item = await db.FeedbackItems.Include(f => f.Attachments).SingleAsync(f => f.Title == title);
        return (item.Id, item.Code, item.Attachments.Single().Id);
    }

    private async Task<int> ReadsAsync(string code, string user, bool masked)
    {
        await using var db = app.CreateDbContext();
        var entries = await db.AuditEntries.Where(a => a.Action == PersonalDataReads.DossierRead && a.EntityId == code && a.UserName == user).ToListAsync();
        return entries.Count(e => (e.Data ?? "").Contains($"\"masked\":{(masked ? "true" : "false")}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Officers_not_handling_the_PAKN_see_the_contact_masked_and_cannot_open_its_attachments()
    {
        var (id, code, attachmentId) = await SubmitAsync();
        var pagePath = "/pakn/" + id.ToString(CultureInfo.InvariantCulture);
        var download = $"{pagePath}?handler=Attachment&attachmentId={attachmentId.ToString(CultureInfo.InvariantCulture)}";

        foreach (var user in new[] { "lanhdao", "admin", "motcua", "chuyenvien" })
        {
            using var officer = await app.LoginAsync(user);
            var page = WebUtility.HtmlDecode(await officer.GetStringAsync(pagePath));
            Assert.Contains("0913***111", page, StringComparison.Ordinal);
            Assert.Contains("li***@example.vn", page, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"sender-masked\"", page, StringComparison.Ordinal);
            foreach (var secret in new[] { "0913 222 111", "lienhe@example.vn", "45 Nguyễn Huệ", "cccd-dang-van-lien-he", "handler=Attachment" })
            {
                Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
            }
            var refused = await officer.GetAsync(download);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.NotEqual(Pdf, await refused.Content.ReadAsByteArrayAsync());

            using var api = await app.ApiClientAsync(user);
            using var detail = JsonDocument.Parse(await api.GetStringAsync("/api/feedback/" + code));
            var root = detail.RootElement;
            Assert.True(root.GetProperty("masked").GetBoolean());
            Assert.Equal("0913***111", root.GetProperty("senderPhone").GetString());
            Assert.Equal("***, Sông Cầu, Phú Yên", root.GetProperty("senderAddress").GetString());
            Assert.Equal(0, root.GetProperty("attachments").GetArrayLength());
            Assert.Equal(1, root.GetProperty("attachmentCount").GetInt32());
            Assert.Equal(2, await ReadsAsync(code, user, masked: true));
        }

        // The focal officer registers and answers PAKN: full contact, the attachment, each read logged unmasked.
        using (var focal = await app.LoginAsync("daumoi"))
        {
            var page = WebUtility.HtmlDecode(await focal.GetStringAsync(pagePath));
            Assert.Contains("0913 222 111", page, StringComparison.Ordinal);
            Assert.Contains("cccd-dang-van-lien-he.pdf", page, StringComparison.Ordinal);
            var file = await focal.GetAsync(download);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
            using var api = await app.ApiClientAsync("daumoi");
            var root = JsonDocument.Parse(await api.GetStringAsync("/api/feedback/" + code)).RootElement;
            Assert.False(root.GetProperty("masked").GetBoolean());
            Assert.Equal("lienhe@example.vn", root.GetProperty("senderEmail").GetString());
            Assert.Equal(3, await ReadsAsync(code, "daumoi", masked: false)); // page, attachment, API
            int unit;
            await using (var db = app.CreateDbContext())
            {
                unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            }
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/feedback/{code}/actions", new { action = "classifyInScope", unitId = unit })).StatusCode);
        }

        // Assigned to the specialist's unit: now the specialist handles it and sees it in full.
        using var specialist = await app.LoginAsync("chuyenvien");
        Assert.Contains("0913 222 111", WebUtility.HtmlDecode(await specialist.GetStringAsync(pagePath)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync(download)).StatusCode);
        // The leader still does not.
        using var leader = await app.LoginAsync("lanhdao");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync(download)).StatusCode);
    }
}
