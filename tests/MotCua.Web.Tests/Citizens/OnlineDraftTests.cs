using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>Save a draft and resume it; confirmation, receipt and supplement e-mails; supplement through the look-up.</summary>
public sealed partial class OnlineDraftTests
{
    private const string Procedure = "1.000173";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private static async Task OfferOnlineAsync(MotCuaApp app)
    {
        await using var db = app.CreateDbContext();
        foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
        {
            v.OnlineLevel = OnlineServiceLevel.Full;
            if (v.Papers.Count == 0)
            {
                v.Papers.Add(new ProcedurePaper { Seq = 1, Name = "Đơn đề nghị cấp giấy phép", Required = true });
            }
        }
        await db.SaveChangesAsync();
    }

    private static async Task<string> PostAsync(HttpClient client, string handler, string name, string? email, byte[]? file, string? token = null)
    {
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(client, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent(name), "Name" },
            { new StringContent("0905 444 555"), "Phone" },
            { new StringContent("true"), "Consent" },
        };
        if (email is not null)
        {
            form.Add(new StringContent(email), "Email");
        }
        if (token is not null)
        {
            form.Add(new StringContent(token), "ban-nhap");
        }
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "paper-0", "don.pdf");
        }
        var response = await client.PostAsync("/nop-truc-tuyen" + (handler.Length > 0 ? "?handler=" + handler : ""), form);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("data-testid=\"draft-token\">([A-Z0-9]+)<")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task A_saved_draft_resumes_with_its_code_and_submits_like_a_fresh_form_with_a_confirmation_email()
    {
        await using var app = new MotCuaApp();
        await OfferOnlineAsync(app);
        using var citizen = app.CreateClient();

        var saved = await PostAsync(citizen, "SaveDraft", "Nguyễn Văn Nháp", "nhap@example.vn", Pdf);
        var token = TokenPattern().Match(saved).Groups[1].Value;
        Assert.Equal(20, token.Length);
        await using (var db = app.CreateDbContext())
        {
            var draft = await db.OnlineDrafts.Include(d => d.Files).SingleAsync(d => d.Name == "Nguyễn Văn Nháp");
            Assert.NotEqual(token, draft.TokenHash); // only the hash is kept
            Assert.Single(draft.Files);
            var mail = await db.OutboxMessages.SingleAsync(m => m.Kind == "citizen.draft_saved" && m.Recipient == "nhap@example.vn");
            Assert.Contains("/nop-truc-tuyen?ban-nhap=" + token, mail.Body, StringComparison.Ordinal);
        }

        // A wrong code reveals nothing of the draft.
        var wrong = await citizen.GetStringAsync("/nop-truc-tuyen?ban-nhap=ABCDEFGHJKMNPQRSTUVW");
        Assert.Contains("không đúng hoặc bản nháp đã hết hạn", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn Nháp", wrong, StringComparison.Ordinal);

        var resumed = await citizen.GetStringAsync("/nop-truc-tuyen?ban-nhap=" + token.ToLowerInvariant());
        Assert.Contains("Nguyễn Văn Nháp", resumed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"draft-file\"", resumed, StringComparison.Ordinal);

        var html = await PostAsync(citizen, "", "Nguyễn Văn Nháp", "nhap@example.vn", null, token);
        Assert.Contains("Đã nộp hồ sơ", html, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        var dossier = await check.Dossiers.SingleAsync(d => d.ApplicantName == "Nguyễn Văn Nháp");
        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.Single(await check.DossierFiles.Where(f => f.DossierId == dossier.Id).ToListAsync());
        Assert.False(await check.OnlineDrafts.AnyAsync(d => d.Name == "Nguyễn Văn Nháp"));
        var confirmation = await check.OutboxMessages.SingleAsync(m => m.Kind == "dossier.online_submitted" && m.Channel == OutboxChannel.Email);
        Assert.Equal("nhap@example.vn", confirmation.Recipient);
        Assert.Contains(dossier.Code, confirmation.Body, StringComparison.Ordinal);
        Assert.Contains("/tra-cuu/" + dossier.Code, confirmation.Body, StringComparison.Ordinal);

        // The code is spent: the draft is gone.
        Assert.Contains("không đúng hoặc bản nháp đã hết hạn", await citizen.GetStringAsync("/nop-truc-tuyen?ban-nhap=" + token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_expire_after_the_configured_days_and_are_removed_when_drafts_are_touched()
    {
        await using var app = new MotCuaApp();
        await OfferOnlineAsync(app);
        using var citizen = app.CreateClient();
        var token = TokenPattern().Match(await PostAsync(citizen, "SaveDraft", "Trần Thị Hết Hạn", null, Pdf)).Groups[1].Value;
        Assert.Contains("Trần Thị Hết Hạn", await citizen.GetStringAsync("/nop-truc-tuyen?ban-nhap=" + token), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(31));
        var expired = await citizen.GetStringAsync("/nop-truc-tuyen?ban-nhap=" + token);
        Assert.Contains("không đúng hoặc bản nháp đã hết hạn", expired, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.OnlineDrafts.AnyAsync(d => d.Name == "Trần Thị Hết Hạn"));
    }

    [Fact]
    public async Task Draft_refuses_an_executable_renamed_pdf_and_stores_nothing()
    {
        await using var app = new MotCuaApp();
        await OfferOnlineAsync(app);
        using var citizen = app.CreateClient();
        var exe = "MZ\u0090\0\u0003\0\0\0"u8.ToArray().Concat(new byte[100]).ToArray();
        var html = await PostAsync(citizen, "SaveDraft", "Lê Văn Exe", null, exe);
        Assert.Contains("không đúng định dạng cho phép", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.OnlineDrafts.AnyAsync(d => d.Name == "Lê Văn Exe"));
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        using var current = JsonDocument.Parse(await client.GetStringAsync("/api/dossiers/" + code));
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.RootElement.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        var response = await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_desk_asks_for_supplement_by_email_the_citizen_supplies_it_on_the_lookup_page_and_the_receipt_email_has_the_lookup_link()
    {
        await using var app = new MotCuaApp();
        await OfferOnlineAsync(app);
        using var citizen = app.CreateClient();
        Assert.Contains("Đã nộp hồ sơ", await PostAsync(citizen, "", "Phạm Bổ Sung", "bosung@example.vn", Pdf), StringComparison.Ordinal);
        string code;
        await using (var db = app.CreateDbContext())
        {
            code = (await db.Dossiers.SingleAsync(d => d.ApplicantName == "Phạm Bổ Sung")).Code;
        }
        using var desk = await app.ApiClientAsync("motcua");
        await ActAsync(desk, code, "requestSupplement", new
        {
            note = "Bản sao giấy đăng ký kinh doanh",
            supplementItems = new[] { new { paper = "Giấy đăng ký kinh doanh", problem = "Thiếu bản sao", legalBasis = (string?)null } },
        });
        await using (var db = app.CreateDbContext())
        {
            var mail = await db.OutboxMessages.SingleAsync(m => m.Kind == "dossier.supplement_requested" && m.Channel == OutboxChannel.Email && m.DossierCode == code);
            Assert.Contains("Bản sao giấy đăng ký kinh doanh", mail.Body, StringComparison.Ordinal);
            Assert.Contains("/tra-cuu/" + code, mail.Body, StringComparison.Ordinal);
        }

        // The applicant answers two days later (Wednesday 09:00).
        app.Clock.Advance(TimeSpan.FromDays(2));

        // Without the second factor the supplement form is not even shown; with it the upload goes through.
        var page = await citizen.GetStringAsync("/tra-cuu/" + code);
        Assert.DoesNotContain("supplement-form", page, StringComparison.Ordinal);
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu/" + code);
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(code), "Code" },
            { new StringContent("0905 000 000"), "Factor" },
            { new ByteArrayContent(Pdf), "SupplementFiles", "bo-sung.pdf" },
        })
        {
            var refused = await (await citizen.PostAsync("/tra-cuu/" + code + "?handler=Supplement", form)).Content.ReadAsStringAsync();
            Assert.Contains("Không tìm thấy hồ sơ khớp", refused, StringComparison.Ordinal);
        }
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(code), "Code" },
            { new StringContent("0905 444 555"), "Factor" },
            { new StringContent("BS1-01"), "ItemAnswers[0].Code" },
            { new ByteArrayContent(Pdf), "ItemFiles_BS1-01", "bo-sung.pdf" },
        })
        {
            var done = await (await citizen.PostAsync("/tra-cuu/" + code + "?handler=Supplement", form)).Content.ReadAsStringAsync();
            Assert.Contains("Đã nộp bổ sung hồ sơ", done, StringComparison.Ordinal);
        }
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            Assert.Equal(DossierStatus.Submitted, d.Status);
            Assert.Equal(2, await db.DossierFiles.CountAsync(f => f.DossierId == d.Id));
            // The desk hears of it again, and checks it on a new check time from the supplement, not from the first submission.
            var alerts = await db.OutboxMessages.Where(m => m.Kind == "dossier.awaiting_check" && m.Channel == OutboxChannel.InApp && m.DossierCode == code)
                .OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
            Assert.Equal(2, alerts.Count);
            Assert.Contains("09:00 ngày 11/03/2025", alerts[0], StringComparison.Ordinal);
            Assert.Contains("09:00 ngày 13/03/2025", alerts[1], StringComparison.Ordinal);
        }
        using (var deskPage = await app.LoginAsync("motcua"))
        {
            var queue = System.Net.WebUtility.HtmlDecode(await deskPage.GetStringAsync("/mot-cua"));
            queue = queue[queue.IndexOf("data-testid=\"desk-submitted\"", StringComparison.Ordinal)..];
            queue = queue[..queue.IndexOf("</section>", StringComparison.Ordinal)];
            Assert.Contains("Kiểm tra trước 09:00 ngày 13/03/2025", queue, StringComparison.Ordinal);
            Assert.Contains("Trong hạn 1", queue, StringComparison.Ordinal);
        }

        using var deskLater = await app.ApiClientAsync("motcua"); // two days on, the first token has expired
        await ActAsync(deskLater, code, "receive");
        await using var check = app.CreateDbContext();
        var receipt = await check.OutboxMessages.SingleAsync(m => m.Kind == "dossier.received" && m.Channel == OutboxChannel.Email && m.DossierCode == code);
        Assert.Equal("bosung@example.vn", receipt.Recipient);
        Assert.Contains("Ngày hẹn trả kết quả", receipt.Body, StringComparison.Ordinal);
        Assert.Contains("/tra-cuu/" + code, receipt.Body, StringComparison.Ordinal);
    }
}
