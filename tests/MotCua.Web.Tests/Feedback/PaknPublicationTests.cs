using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Feedback;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// Publishing a PAKN answer first shows what will be hidden; only the reviewed, redacted texts are
/// public (page and API), and items published before the review existed stay hidden until reviewed.
/// </summary>
public sealed class PaknPublicationTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Sender = "Trương Thị Riêng Tư";

    // Everything here identifies the sender and must never reach the public pages.
    private static readonly string[] Secrets =
    [
        Sender, "212345678", "B1234567", "số 12 đường Lê Lợi", "riengtu [at] gmail [dot] com", "0905 777 888", "079123456789",
        "thôn Phú Lâm", "Bà Ba Gàn",
    ];

    private static string Unique(string text) => text + " " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A PAKN received, assigned, answered and approved: waiting to be published.</summary>
    private async Task<(string Code, long Id)> ApprovedAsync(string title)
    {
        using var anonymous = app.CreateClient();
        var created = await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = Sender, senderAddress = "thôn Phú Lâm, xã An Ninh Đông, Tuy An", senderPhone = "0905 777 888", title = title + " – " + Sender,
            content = "Tôi là " + Sender + ", CMND 212345678, hộ chiếu B1234567, nhà ở số 12 đường Lê Lợi; thư riengtu [at] gmail [dot] com. "
                + "Hàng xóm Bà Ba Gàn cũng gặp cảnh này. Theo Nghị định 118/2025/NĐ-CP, thủ tục phải giải quyết trong 10 ngày.",
            consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        int unit;
        long id;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            id = await db.FeedbackItems.Where(f => f.Code == code).Select(f => f.Id).SingleAsync();
        }
        using var focal = await app.ApiClientAsync("daumoi");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        using var leader = await app.ApiClientAsync("lanhdao");
        Assert.Equal(HttpStatusCode.OK, (await focal.PostAsJsonAsync($"/api/feedback/{code}/actions", new { action = "classifyInScope", unitId = unit })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await specialist.PostAsJsonAsync($"/api/feedback/{code}/actions", new
        {
            action = "draftAnswer",
            answer = "Kính gửi bà " + Sender + " (CCCD 079123456789, điện thoại 0905 777 888): Sở đã kiến nghị rút ngắn thời hạn theo Nghị định 118/2025/NĐ-CP.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/feedback/{code}/actions", new { action = "approve" })).StatusCode);
        return (code, id);
    }

    private async Task<string> PublicAsync()
    {
        using var anonymous = app.CreateClient();
        return await anonymous.GetStringAsync("/api/public/feedback?answered=true") + WebUtility.HtmlDecode(await anonymous.GetStringAsync("/phan-anh-kien-nghi/da-tra-loi"));
    }

    private static async Task<string> PostPageAsync(HttpClient officer, long id, Dictionary<string, string> fields, params string[] restore)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(officer, "/pakn/" + id.ToString(CultureInfo.InvariantCulture));
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        form.AddRange(restore.Select(r => new KeyValuePair<string, string>("Restore", r)));
        var response = await officer.PostAsync("/pakn/" + id.ToString(CultureInfo.InvariantCulture), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Publishing_shows_the_redaction_first_and_only_the_reviewed_redacted_texts_become_public()
    {
        var (code, id) = await ApprovedAsync(Unique("Thời hạn cấp giấy phép"));
        using var leader = await app.LoginAsync("lanhdao");

        // The page offers the review, not a one-click publication: the texts with what was found hidden.
        var page = WebUtility.HtmlDecode(await leader.GetStringAsync("/pakn/" + id.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains("data-testid=\"pakn-review\"", page, StringComparison.Ordinal);
        var review = page[page.IndexOf("data-testid=\"review-content\"", StringComparison.Ordinal)..];
        review = review[..review.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.Contains(PersonalDataDetector.Mark, review, StringComparison.Ordinal);
        Assert.Contains("Nghị định 118/2025/NĐ-CP", review, StringComparison.Ordinal);
        Assert.DoesNotContain(">212345678<", review, StringComparison.Ordinal);

        // Publishing without the review's explicit "Công khai" publishes nothing, on the page and on the API.
        Assert.Contains("Vui lòng xem xét", await PostPageAsync(leader, id, new() { ["Action"] = "Publish" }), StringComparison.Ordinal);
        using var api = await app.ApiClientAsync("lanhdao");
        var refused = await api.PostAsJsonAsync($"/api/feedback/{code}/actions", new { action = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("reviewed", out _));
        Assert.DoesNotContain(code, await PublicAsync(), StringComparison.Ordinal);

        // The API shows the same review: what the public would see and each finding.
        using var detail = JsonDocument.Parse(await api.GetStringAsync("/api/feedback/" + code));
        var redaction = detail.RootElement.GetProperty("redaction");
        var findings = redaction.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
        foreach (var found in new[] { "212345678", "B1234567", "số 12 đường Lê Lợi", "riengtu [at] gmail [dot] com", Sender, "079123456789", "0905 777 888" })
        {
            Assert.Contains(found, findings);
        }
        Assert.DoesNotContain(Sender, redaction.GetProperty("title").GetString(), StringComparison.Ordinal);

        // "Xem lại" with one more text to hide and a false positive kept: nothing is saved, the preview follows.
        var preview = await PostPageAsync(leader, id, new() { ["Action"] = "Preview", ["Reviewed"] = "true", ["RedactMore"] = "Bà Ba Gàn" }, "B1234567");
        var previewContent = preview[preview.IndexOf("data-testid=\"review-content\"", StringComparison.Ordinal)..];
        previewContent = previewContent[..previewContent.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.Contains("hộ chiếu B1234567", previewContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bà Ba Gàn cũng", previewContent, StringComparison.Ordinal);
        Assert.DoesNotContain(code, await PublicAsync(), StringComparison.Ordinal);

        // "Công khai" after the review.
        var published = await PostPageAsync(leader, id, new() { ["Action"] = "Publish", ["Reviewed"] = "true", ["RedactMore"] = "Bà Ba Gàn" });
        Assert.Contains("Đã trả lời, công khai", published, StringComparison.Ordinal);
        var open = await PublicAsync();
        Assert.Contains(code, open, StringComparison.Ordinal);
        Assert.Contains("Nghị định 118/2025/NĐ-CP", open, StringComparison.Ordinal);
        Assert.Contains("Sở đã kiến nghị rút ngắn thời hạn", open, StringComparison.Ordinal);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, open, StringComparison.Ordinal);
        }

        // The publication is audited with what was hidden, counted, not copied.
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "feedback.Publish" && a.EntityId == code);
        Assert.Equal("lanhdao", entry.UserName);
        var data = entry.Data ?? "";
        Assert.Contains("Passport", data, StringComparison.Ordinal);
        Assert.Contains("addedByOfficer", data, StringComparison.Ordinal);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, data, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_answer_published_before_the_review_existed_is_hidden_until_reviewed()
    {
        var (code, id) = await ApprovedAsync(Unique("Đã công khai từ trước"));
        await using (var db = app.CreateDbContext())
        {
            // As the migration leaves it: published, no reviewed texts.
            var item = await db.FeedbackItems.SingleAsync(f => f.Id == id);
            item.Status = FeedbackStatus.Published;
            item.PublishedAt = item.ClosedAt = app.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain(code, await PublicAsync(), StringComparison.Ordinal);

        using var leader = await app.LoginAsync("lanhdao");
        var page = WebUtility.HtmlDecode(await leader.GetStringAsync("/pakn/" + id.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains("Đang ẩn khỏi trang công khai", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pakn-review\"", page, StringComparison.Ordinal);

        using var api = await app.ApiClientAsync("lanhdao");
        var response = await api.PostAsJsonAsync($"/api/feedback/{code}/actions", new { action = "publish", reviewed = true, redact = new[] { "Bà Ba Gàn" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var done = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, done.RootElement.GetProperty("redaction").ValueKind);
        Assert.DoesNotContain(Sender, done.RootElement.GetProperty("public").GetProperty("content").GetString(), StringComparison.Ordinal);

        var open = await PublicAsync();
        Assert.Contains(code, open, StringComparison.Ordinal);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, open, StringComparison.Ordinal);
        }
        // Reviewed once: publishing again is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/feedback/{code}/actions", new { action = "publish", reviewed = true })).StatusCode);
    }
}
