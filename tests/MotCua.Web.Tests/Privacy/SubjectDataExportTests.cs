using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Privacy;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Privacy;

/// <summary>
/// The access copy as a PDF for the officer and, after the second factor, for the person; and the register's and the
/// purge's reach over what a request's text, a PAKN's search text and a transferred PAKN's message carry.
/// </summary>
public sealed partial class SubjectDataExportTests
{
    /// <summary>Wednesday 16/12/2026 09:00 in Vietnam.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 16, 2, 0, 0, TimeSpan.Zero);

    private const string Phone = "0914626187";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await MotCuaApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(handler.Length == 0 ? page : page + "?handler=" + handler, new FormUrlEncodedContent(form));
    }

    private static async Task<(MotCuaApp App, string Dossier, string Request)> AnsweredAccessRequestAsync(string details = "Xin bản sao dữ liệu của tôi.")
    {
        var app = new MotCuaApp();
        app.Clock.SetUtcNow(Wednesday);
        using var desk = await app.ApiClientAsync("motcua");
        var receipt = await desk.PostAsJsonAsync("/api/dossiers/", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Lê Thị Bản Sao", idNumber = "079085004321", phone = Phone, address = "25 Nguyễn Tất Thành, Buôn Ma Thuột, Đắk Lắk" },
            papers = new[] { new { name = "Đơn", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);
        var dossier = (await receipt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        using var citizen = app.CreateClient();
        var submitted = await PostAsync(citizen, "/quyen-du-lieu-ca-nhan", "", new() { ["Kind"] = "Access", ["RecordCode"] = dossier, ["Factor"] = Phone, ["Details"] = details });
        var code = RequestCode().Match(WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync())).Groups[1].Value;
        Assert.StartsWith("DLCN-", code, StringComparison.Ordinal);
        using var focal = await app.LoginAsync("daumoi");
        var answered = await PostAsync(focal, "/quan-tri/yeu-cau-chu-the-du-lieu/" + code, "Answer", new() { ["Outcome"] = "done", ["Answer"] = "Gửi bạn bản sao dữ liệu." });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        return (app, dossier, code);
    }

    private static void Keep(byte[] pdf, string name)
    {
        // Lets a reviewer open the document as an image (pdftoppm) after a run.
        if (Environment.GetEnvironmentVariable("MOTCUA_DOCUMENTS_OUT") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, name), pdf);
        }
    }

    [Fact]
    public async Task The_officer_and_the_person_download_the_access_copy_as_a_pdf_with_the_data_and_its_bases()
    {
        var (app, dossier, code) = await AnsweredAccessRequestAsync();
        await using var _ = app;

        using var focal = await app.LoginAsync("daumoi");
        var page = "/quan-tri/yeu-cau-chu-the-du-lieu/" + code;
        Assert.Contains("data-testid=\"officer-export-pdf\"", await focal.GetStringAsync(page), StringComparison.Ordinal);
        var officerPdf = await PostAsync(focal, page, "ExportPdf", new());
        Assert.Equal(HttpStatusCode.OK, officerPdf.StatusCode);
        Assert.Equal("application/pdf", officerPdf.Content.Headers.ContentType?.MediaType);
        var officerBytes = await officerPdf.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(officerBytes, 0, 4), StringComparison.Ordinal);
        Keep(officerBytes, "ban-sao-du-lieu-ca-nhan.pdf");

        // The person, with the request's code and the factor it was sent with.
        using var citizen = app.CreateClient();
        var followed = await PostAsync(citizen, "/quyen-du-lieu-ca-nhan/theo-doi", "", new() { ["Code"] = code, ["Factor"] = Phone });
        Assert.Contains("data-testid=\"follow-export-pdf\"", await followed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var personPdf = await PostAsync(citizen, "/quyen-du-lieu-ca-nhan/theo-doi", "ExportPdf", new() { ["Code"] = code, ["Factor"] = Phone });
        Assert.Equal(HttpStatusCode.OK, personPdf.StatusCode);
        Assert.Equal("application/pdf", personPdf.Content.Headers.ContentType?.MediaType);

        // Without the second factor: no copy, a Vietnamese message.
        var wrong = await PostAsync(citizen, "/quyen-du-lieu-ca-nhan/theo-doi", "ExportPdf", new() { ["Code"] = code, ["Factor"] = "0905318274" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.NotEqual("application/pdf", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Contains(PrivacyDesk.NoRequest, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            var exports = await db.Set<AuditEntry>().Where(e => e.Action == "privacy.request.export" && e.EntityId == code).Select(e => e.Summary).ToListAsync();
            Assert.Equal(2, exports.Count(s => s.Contains("PDF", StringComparison.Ordinal)));
        }

        // What the PDF prints: the dossier with its personal fields, and every purpose of the register with today's basis.
        await using var scope = app.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<PrivacyDesk>();
        var request = await scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>().DataSubjectRequests.SingleAsync(r => r.Code == code);
        var document = SubjectDataPdf.Document(await desk.SubjectDataAsync(request, default));
        var tables = document.Body.OfType<Table>().ToList();
        var cells = tables.SelectMany(t => t.Rows).SelectMany(r => r).ToList();
        Assert.Contains(document.Body.OfType<Paragraph>(), p => p.Text.Contains(dossier, StringComparison.Ordinal));
        Assert.Contains("Lê Thị Bản Sao", cells);
        Assert.Contains(Phone, cells);
        Assert.Contains("079085004321", cells);
        var purposes = tables[^1];
        Assert.Equal(PersonalData.Rules(new RetentionOptions()).Count, purposes.Rows.Count);
        Assert.All(purposes.Rows, r => Assert.DoesNotContain("13/2023", r[2], StringComparison.Ordinal));
        Assert.Contains(purposes.Rows, r => r[2].Contains("91/2025/QH15", StringComparison.Ordinal));
        Assert.Equal("BẢN SAO DỮ LIỆU CÁ NHÂN", document.Title);
        Assert.Equal("Mã yêu cầu: " + code, document.Number);
    }

    [Fact]
    public void The_register_lists_a_requests_text_a_pakns_search_text_and_the_contact_sent_with_a_transferred_pakn()
    {
        var details = PersonalData.Find(typeof(DataSubjectRequest), nameof(DataSubjectRequest.Details));
        Assert.NotNull(details);
        Assert.Equal(RetentionCategory.SubjectRequest, details.Retention);
        Assert.Equal(RetentionCategory.FeedbackSender, PersonalData.Find(typeof(FeedbackItem), nameof(FeedbackItem.SearchText))?.Retention);
        var body = PersonalData.Find(typeof(OutboxMessage), nameof(OutboxMessage.Body));
        Assert.Contains("chuyển phản ánh, kiến nghị đến cơ quan có thẩm quyền", body!.Label, StringComparison.Ordinal);
        var rules = PersonalData.Rules(new RetentionOptions());
        Assert.Contains("thông tin liên hệ của người gửi", rules.Single(r => r.Category == RetentionCategory.OutboxRecipient).Purpose, StringComparison.Ordinal);
        var requests = rules.Single(r => r.Category == RetentionCategory.SubjectRequest);
        Assert.Contains("91/2025/QH15", requests.BasisOn(new DateOnly(2026, 12, 16)).Text, StringComparison.Ordinal);
        Assert.Contains("5 năm", requests.Period, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_purge_clears_an_expired_pakns_search_text_and_an_old_answered_requests_text()
    {
        var (app, _, code) = await AnsweredAccessRequestAsync("Tôi là Lê Thị Bản Sao, số CCCD 079085004321, xin bản sao.");
        await using var __ = app;
        using var anonymous = app.CreateClient();
        var title = "PAKN của Lê Thị Bản Sao " + Guid.NewGuid().ToString("N")[..6];
        var sent = await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Lê Thị Bản Sao", senderAddress = "Buôn Ma Thuột, Đắk Lắk", senderPhone = Phone, title, consent = true,
            content = "Đề nghị công khai thời hạn kiểm tra hồ sơ trực tuyến của từng thủ tục.",
        });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var now = app.Clock.GetUtcNow();
        await using (var db = app.CreateDbContext())
        {
            Assert.False(string.IsNullOrEmpty(await db.FeedbackItems.Where(f => f.Title == title).Select(f => f.SearchText).SingleAsync()));
            var longAgo = now.AddYears(-6);
            await db.FeedbackItems.Where(f => f.Title == title).ExecuteUpdateAsync(s => s.SetProperty(f => f.ClosedAt, longAgo));
        }

        // Four years after the answer the request's text is kept; after five it is anonymised.
        app.Clock.Advance(TimeSpan.FromDays(4 * 365));
        await using (var db = app.CreateDbContext())
        {
            await PersonalDataPurge.RunAsync(db, app.Clock, new RetentionOptions());
            Assert.StartsWith("Tôi là Lê Thị Bản Sao", await db.DataSubjectRequests.Where(r => r.Code == code).Select(r => r.Details).SingleAsync(), StringComparison.Ordinal);
            Assert.Equal("", await db.FeedbackItems.Where(f => f.Title == title).Select(f => f.SearchText).SingleAsync());
        }
        app.Clock.Advance(TimeSpan.FromDays(400));
        await using (var db = app.CreateDbContext())
        {
            var result = await PersonalDataPurge.RunAsync(db, app.Clock, new RetentionOptions());
            Assert.Equal(1, result.SubjectRequests);
            Assert.Equal(PersonalData.Anonymised, await db.DataSubjectRequests.Where(r => r.Code == code).Select(r => r.Details).SingleAsync());
            // A second run changes nothing.
            Assert.Equal(0, (await PersonalDataPurge.RunAsync(db, app.Clock, new RetentionOptions())).SubjectRequests);
        }
    }

    [GeneratedRegex("data-testid=\"request-code\">([^<]+)<")]
    private static partial Regex RequestCode();
}
