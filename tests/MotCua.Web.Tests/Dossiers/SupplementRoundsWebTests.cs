using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// Supplement rounds end to end: coded items, the applicant answers each one on the look-up page (refused while any is
/// unanswered), the officer reviews each answer, a repeated request is flagged with its reason, and the rounds are a
/// figure in the report and on the dashboard.
/// </summary>
public sealed class SupplementRoundsWebTests
{
    /// <summary>Cấp giấy phép tiến hành công việc bức xạ.</summary>
    private const string Procedure = "1.000173";

    private const string Phone = "0905 318 274";

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
    }

    /// <summary>An online dossier with its application form handed in, waiting at the desk.</summary>
    private static async Task<string> SubmittedOnlineAsync(MotCuaApp app, HttpClient citizen, string name)
    {
        await using (var db = app.CreateDbContext())
        {
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
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent(name), "Name" },
            { new StringContent(Phone), "Phone" },
            { new StringContent("true"), "Consent" },
        };
        var content = new ByteArrayContent(Pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "paper-0", "don.pdf");
        var page = await (await citizen.PostAsync("/nop-truc-tuyen", form)).Content.ReadAsStringAsync();
        Assert.Contains("Đã nộp hồ sơ", page, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        return (await check.Dossiers.SingleAsync(d => d.ApplicantName == name)).Code;
    }

    private static async Task<string> AnswerAsync(HttpClient citizen, string code, params (string Name, HttpContent Value)[] fields)
    {
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu/" + code);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(code), "Code" },
            { new StringContent(Phone), "Factor" },
        };
        foreach (var (name, value) in fields)
        {
            if (value is ByteArrayContent and not StringContent)
            {
                form.Add(value, name, "tra-loi.pdf");
            }
            else
            {
                form.Add(value, name);
            }
        }
        return WebUtility.HtmlDecode(await (await citizen.PostAsync("/tra-cuu/" + code + "?handler=Supplement", form)).Content.ReadAsStringAsync());
    }

    private static readonly object[] TwoItems =
    [
        new { paper = "Giấy đăng ký kinh doanh", problem = "Thiếu bản sao", legalBasis = "Điều 11 Nghị định 142/2020/NĐ-CP" },
        new { paper = "Bản vẽ mặt bằng", problem = "Chưa có chữ ký", legalBasis = (string?)null },
    ];

    [Fact]
    public async Task The_applicant_answers_every_coded_item_and_the_officer_reviews_each_answer()
    {
        await using var app = new MotCuaApp();
        using var citizen = app.CreateClient();
        var code = await SubmittedOnlineAsync(app, citizen, "Trần Từng Mục");
        using var desk = await app.ApiClientAsync("motcua");
        await ReadAsync(await ActAsync(desk, code, "requestSupplement", new { note = "Hồ sơ chưa đầy đủ", supplementItems = TwoItems }), HttpStatusCode.OK);

        await using (var db = app.CreateDbContext())
        {
            var items = await db.DossierSupplementItems.Where(i => i.Dossier!.Code == code).OrderBy(i => i.Seq).ToListAsync();
            Assert.Equal(["BS1-01", "BS1-02"], items.Select(i => i.Code));
        }

        // The look-up, after the second factor, lists the coded items with one answer each.
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu/" + code);
        var lookup = WebUtility.HtmlDecode(await (await citizen.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = csrf, ["Code"] = code, ["Factor"] = Phone,
        }))).Content.ReadAsStringAsync());
        Assert.Contains("data-code=\"BS1-01\"", lookup, StringComparison.Ordinal);
        Assert.Contains("data-code=\"BS1-02\"", lookup, StringComparison.Ordinal);
        Assert.Contains("Bản vẽ mặt bằng", lookup, StringComparison.Ordinal);

        // One item left unanswered, and "không có" without its reason: refused, naming each, and nothing is written.
        var refused = await AnswerAsync(citizen, code,
            ("ItemAnswers[0].Code", new StringContent("BS1-01")), ("ItemFiles_BS1-01", new ByteArrayContent(Pdf)),
            ("ItemAnswers[1].Code", new StringContent("BS1-02")));
        Assert.Contains("Chưa trả lời nội dung cần bổ sung: BS1-02 (Bản vẽ mặt bằng)", refused, StringComparison.Ordinal);
        var noReason = await AnswerAsync(citizen, code,
            ("ItemAnswers[0].Code", new StringContent("BS1-01")), ("ItemFiles_BS1-01", new ByteArrayContent(Pdf)),
            ("ItemAnswers[1].Code", new StringContent("BS1-02")), ("ItemAnswers[1].None", new StringContent("true")));
        Assert.Contains("Chọn \"Không có\" cần nêu lý do: BS1-02 (Bản vẽ mặt bằng)", noReason, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            Assert.Equal(DossierStatus.AwaitingSupplement, d.Status);
            Assert.Equal(1, await db.DossierFiles.CountAsync(f => f.DossierId == d.Id));
            Assert.False(await db.DossierSupplementItems.AnyAsync(i => i.DossierId == d.Id && i.AnsweredAt != null));
        }

        var done = await AnswerAsync(citizen, code,
            ("ItemAnswers[0].Code", new StringContent("BS1-01")), ("ItemFiles_BS1-01", new ByteArrayContent(Pdf)),
            ("ItemAnswers[1].Code", new StringContent("BS1-02")), ("ItemAnswers[1].None", new StringContent("true")),
            ("ItemAnswers[1].Text", new StringContent("Công trình thuê lại, chủ nhà chưa ký bản vẽ")));
        Assert.Contains("Đã nộp bổ sung hồ sơ", done, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            Assert.Equal(DossierStatus.Submitted, d.Status);
            Assert.Equal("BS1-01", (await db.DossierFiles.SingleAsync(f => f.DossierId == d.Id && f.Kind == DossierFileKind.Supplement)).SupplementItemCode);
            var second = await db.DossierSupplementItems.SingleAsync(i => i.DossierId == d.Id && i.Seq == 2);
            Assert.True(second.AnswerNone);
            Assert.Equal("Công trình thuê lại, chủ nhà chưa ký bản vẽ", second.AnswerText);
        }

        // The desk sees each answer and marks it; "not accepted" needs its reason.
        using var deskPage = await app.LoginAsync("motcua");
        var page = WebUtility.HtmlDecode(await deskPage.GetStringAsync("/ho-so/" + code));
        Assert.Contains("data-testid=\"supplement-rounds\"", page, StringComparison.Ordinal);
        Assert.Contains("Công trình thuê lại, chủ nhà chưa ký bản vẽ", page, StringComparison.Ordinal);
        Assert.Contains("tra-loi.pdf", page, StringComparison.Ordinal);
        long first, other;
        await using (var db = app.CreateDbContext())
        {
            var ids = await db.DossierSupplementItems.Where(i => i.Dossier!.Code == code).OrderBy(i => i.Seq).Select(i => i.Id).ToListAsync();
            (first, other) = (ids[0], ids[1]);
        }
        var token = await MotCuaApp.AntiforgeryTokenAsync(deskPage, "/ho-so/" + code);
        async Task<string> ReviewAsync(string secondNote) => WebUtility.HtmlDecode(await (await deskPage.PostAsync("/ho-so/" + code + "/bo-sung/danh-gia",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Reviews[0].Id"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reviews[0].Accepted"] = "true",
                ["Reviews[1].Id"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reviews[1].Accepted"] = "false", ["Reviews[1].Note"] = secondNote,
            }))).Content.ReadAsStringAsync()) + WebUtility.HtmlDecode(await deskPage.GetStringAsync("/ho-so/" + code));
        Assert.Contains("Nội dung BS1-02: vui lòng nêu lý do không chấp nhận.", await ReviewAsync(""), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.DossierSupplementItems.AnyAsync(i => i.Dossier!.Code == code && i.Accepted != null));
        }
        Assert.Contains("Đã lưu đánh giá nội dung bổ sung.", await ReviewAsync("Cần bản vẽ có chữ ký của chủ sở hữu"), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var reviewed = await db.DossierSupplementItems.Where(i => i.Dossier!.Code == code).OrderBy(i => i.Seq).ToListAsync();
            Assert.Equal([true, false], reviewed.Select(i => i.Accepted));
            Assert.Equal("motcua", reviewed[1].ReviewedBy);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "dossier.supplement.reviewed" && a.EntityId == code));
        }
    }

    /// <summary>The desk receives the answered dossier and hands it to the specialist, who asks again in a new round.</summary>
    private static async Task AskAgainInProcessingAsync(MotCuaApp app, HttpClient desk, string code, object[] items)
    {
        await ReadAsync(await ActAsync(desk, code, "receive"), HttpStatusCode.OK);
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        await ReadAsync(await ActAsync(desk, code, "transfer", new { unitId = unit, assignee = "chuyenvien" }), HttpStatusCode.OK);
        using var specialist = await app.ApiClientAsync("chuyenvien");
        await ReadAsync(await ActAsync(specialist, code, "requestSupplement", new { note = "Bổ sung lần 2", supplementItems = items }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Files_of_a_refused_answer_stay_with_the_dossier_and_are_offered_again_to_keep_for_the_next_answer()
    {
        await using var app = new MotCuaApp();
        using var citizen = app.CreateClient();
        var code = await SubmittedOnlineAsync(app, citizen, "Lê Giữ Tệp");
        using var desk = await app.ApiClientAsync("motcua");
        object[] one = [new { paper = "Giấy đăng ký kinh doanh", problem = "Thiếu bản sao", legalBasis = (string?)null }];
        await ReadAsync(await ActAsync(desk, code, "requestSupplement", new { note = "Hồ sơ chưa đầy đủ", supplementItems = one }), HttpStatusCode.OK);
        Assert.Contains("Đã nộp bổ sung hồ sơ", await AnswerAsync(citizen, code,
            ("ItemAnswers[0].Code", new StringContent("BS1-01")), ("ItemFiles_BS1-01", new ByteArrayContent(Pdf))), StringComparison.Ordinal);

        // The desk refuses the answer and asks for the same paper again.
        using var deskPage = await app.LoginAsync("motcua");
        long first;
        await using (var db = app.CreateDbContext())
        {
            first = await db.DossierSupplementItems.Where(i => i.Dossier!.Code == code).Select(i => i.Id).SingleAsync();
        }
        var token = await MotCuaApp.AntiforgeryTokenAsync(deskPage, "/ho-so/" + code);
        await deskPage.PostAsync("/ho-so/" + code + "/bo-sung/danh-gia", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Reviews[0].Id"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reviews[0].Accepted"] = "false",
            ["Reviews[0].Note"] = "Bản sao không có chứng thực",
        }));
        object[] again = [new { paper = "Giấy đăng ký kinh doanh", problem = "Cần bản sao có chứng thực", legalBasis = (string?)null }];
        await AskAgainInProcessingAsync(app, desk, code, again);

        // The look-up offers the file already sent, marked "đã gửi", with the refusal's reason and the choice to keep it.
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu/" + code);
        var lookup = WebUtility.HtmlDecode(await (await citizen.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = csrf, ["Code"] = code, ["Factor"] = Phone,
        }))).Content.ReadAsStringAsync());
        Assert.Contains("data-code=\"BS2-01\"", lookup, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"supplement-sent-before\"", lookup, StringComparison.Ordinal);
        Assert.Contains("Tệp Ông/Bà đã gửi cho nội dung BS1-01 (chưa được chấp nhận: Bản sao không có chứng thực)", lookup, StringComparison.Ordinal);
        Assert.Contains("tra-loi.pdf", lookup, StringComparison.Ordinal);
        Assert.Contains("name=\"ItemAnswers[0].KeepFiles\"", lookup, StringComparison.Ordinal);

        // Keeping the file answers the item without uploading it again; nothing is copied or removed.
        Assert.Contains("Đã nộp bổ sung hồ sơ", await AnswerAsync(citizen, code,
            ("ItemAnswers[0].Code", new StringContent("BS2-01")), ("ItemAnswers[0].KeepFiles", new StringContent("true"))), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            Assert.NotEqual(DossierStatus.AwaitingSupplement, d.Status);
            var file = await db.DossierFiles.SingleAsync(f => f.DossierId == d.Id && f.Kind == DossierFileKind.Supplement);
            Assert.Equal("BS1-01", file.SupplementItemCode);
            var second = await db.DossierSupplementItems.SingleAsync(i => i.DossierId == d.Id && i.Round == 2);
            Assert.Equal("BS1-01", second.KeptFilesOf);
            Assert.NotNull(second.AnsweredAt);
        }

        // The officer sees which files belong to which answer: the refused one and the new one that kept them.
        var page = WebUtility.HtmlDecode(await deskPage.GetStringAsync("/ho-so/" + code));
        Assert.Contains("Giữ tệp đã gửi ở BS1-01: tra-loi.pdf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_keeping_the_refused_files_an_answer_needs_new_ones_and_the_earlier_stay_with_their_item()
    {
        await using var app = new MotCuaApp();
        using var citizen = app.CreateClient();
        var code = await SubmittedOnlineAsync(app, citizen, "Phạm Thay Tệp");
        using var desk = await app.ApiClientAsync("motcua");
        object[] one = [new { paper = "Bản vẽ mặt bằng", problem = "Chưa có chữ ký", legalBasis = (string?)null }];
        await ReadAsync(await ActAsync(desk, code, "requestSupplement", new { note = "Hồ sơ chưa đầy đủ", supplementItems = one }), HttpStatusCode.OK);
        await AnswerAsync(citizen, code, ("ItemAnswers[0].Code", new StringContent("BS1-01")), ("ItemFiles_BS1-01", new ByteArrayContent(Pdf)));
        await using (var db = app.CreateDbContext())
        {
            var item = await db.DossierSupplementItems.SingleAsync(i => i.Dossier!.Code == code);
            item.Accepted = false;
            item.ReviewNote = "Chưa có chữ ký";
            await db.SaveChangesAsync();
        }
        await AskAgainInProcessingAsync(app, desk, code, one);

        var refused = await AnswerAsync(citizen, code, ("ItemAnswers[0].Code", new StringContent("BS2-01")));
        Assert.Contains("Chưa trả lời nội dung cần bổ sung: BS2-01 (Bản vẽ mặt bằng)", refused, StringComparison.Ordinal);
        Assert.Contains("Đã nộp bổ sung hồ sơ", await AnswerAsync(citizen, code,
            ("ItemAnswers[0].Code", new StringContent("BS2-01")), ("ItemFiles_BS2-01", new ByteArrayContent(Pdf))), StringComparison.Ordinal);
        await using (var check = app.CreateDbContext())
        {
            var d = await check.Dossiers.SingleAsync(x => x.Code == code);
            Assert.Equal(["BS1-01", "BS2-01"], await check.DossierFiles.Where(f => f.DossierId == d.Id && f.Kind == DossierFileKind.Supplement)
                .OrderBy(f => f.Id).Select(f => f.SupplementItemCode).ToListAsync());
            Assert.Null((await check.DossierSupplementItems.SingleAsync(i => i.DossierId == d.Id && i.Round == 2)).KeptFilesOf);
        }
    }

    [Fact]
    public async Task A_later_request_for_a_paper_held_at_the_first_needs_a_reason_and_is_flagged_in_the_page_the_report_and_the_dashboard()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure,
            channel = "direct",
            applicant = new { name = "Công ty Lặp Lại", idNumber = "079085001234", phone = "0905318274", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = false } },
            outcome = "requestSupplement",
            note = "Thiếu phiếu khai báo.",
        }), HttpStatusCode.Created);
        var code = created.GetProperty("code").GetString()!;
        await ReadAsync(await ActAsync(desk, code, "resubmitSupplement", new { note = "Đã nộp phiếu khai báo." }), HttpStatusCode.OK);
        await ReadAsync(await ActAsync(desk, code, "receive"), HttpStatusCode.OK);
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        await ReadAsync(await ActAsync(desk, code, "transfer", new { unitId = unit, assignee = "chuyenvien" }), HttpStatusCode.OK);

        // The application form was in the dossier at the desk's guidance and not asked for then.
        object[] items = [new { paper = "Đơn đề nghị cấp giấy phép", problem = "Sai mẫu đơn", legalBasis = (string?)null }];
        var refused = await ReadAsync(await ActAsync(specialist, code, "requestSupplement", new { note = "Sai mẫu đơn.", supplementItems = items }),
            HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith(SupplementRounds.RepeatWarning, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await RequestsAsync(app, code), r => r.Round == 2);

        await ReadAsync(await ActAsync(specialist, code, "requestSupplement", new
        {
            note = "Sai mẫu đơn.", supplementItems = items, repeatReason = "Mẫu đơn được thay thế sau khi hồ sơ được hướng dẫn",
        }), HttpStatusCode.OK);
        var requests = await RequestsAsync(app, code);
        Assert.Equal([1, 2], requests.Select(r => r.Round));
        Assert.Null(requests[0].RepeatedPapers);
        Assert.Equal("Đơn đề nghị cấp giấy phép", requests[1].RepeatedPapers);
        Assert.Equal("Mẫu đơn được thay thế sau khi hồ sơ được hướng dẫn", requests[1].RepeatReason);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(["BS1-01", "BS2-01"], (await db.DossierSupplementItems.Where(i => i.Dossier!.Code == code).ToListAsync())
                .OrderBy(i => i.Round).Select(i => i.Code));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "dossier.supplement.repeat" && a.EntityId == code));
        }

        // The leader and the control officer see the flag on the dossier page, in the report and on the dashboard.
        foreach (var who in new[] { "lanhdao", "daumoi" })
        {
            using var officer = await app.LoginAsync(who);
            var page = WebUtility.HtmlDecode(await officer.GetStringAsync("/ho-so/" + code));
            Assert.Contains("data-testid=\"supplement-repeat\"", page, StringComparison.Ordinal);
            Assert.Contains("Mẫu đơn được thay thế sau khi hồ sơ được hướng dẫn", page, StringComparison.Ordinal);
            var dashboard = await officer.GetStringAsync("/bang-dieu-khien");
            Assert.Contains("data-testid=\"kf-supplement-rounds-count\">1<", dashboard, StringComparison.Ordinal);
        }
        using var leader = await app.LoginAsync("lanhdao");
        var today = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var month = await ReadMonthAsync(leader, today);
        Assert.Contains("data-testid=\"rounds-two\">1<", month, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rounds-one\">0<", month, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rounds-repeated\">1<", month, StringComparison.Ordinal);
        Assert.Contains("/ho-so/" + code, month, StringComparison.Ordinal);
    }

    private static async Task<string> ReadMonthAsync(HttpClient client, DateTimeOffset localNow)
    {
        // Reporting months run from the 15th of the previous month to the 14th.
        var monthOf = localNow.Day >= 15 ? localNow.AddMonths(1) : localNow;
        return await client.GetStringAsync("/bao-cao/ho-so?Ky=" + monthOf.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<List<DossierSupplementRequest>> RequestsAsync(MotCuaApp app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.DossierSupplementRequests.AsNoTracking().Where(r => r.Dossier!.Code == code).OrderBy(r => r.Id).ToListAsync();
    }
}
