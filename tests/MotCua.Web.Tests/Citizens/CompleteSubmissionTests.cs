using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>The online form built from the procedure's papers: submit once and completely, files kept across errors, organisations.</summary>
public sealed partial class CompleteSubmissionTests
{
    private const string Procedure = "1.000173";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
    private static readonly byte[] Exe = [.. "MZ\u0090\0\u0003\0\0\0"u8.ToArray(), .. new byte[200]];

    /// <summary>One required paper, one optional by its name, a group of two alternatives, one required only in a case.</summary>
    private static async Task OfferWithPapersAsync(MotCuaApp app)
    {
        await using var db = app.CreateDbContext();
        foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
        {
            v.OnlineLevel = OnlineServiceLevel.Full;
            v.Papers.Clear();
            v.Papers.AddRange([
                new ProcedurePaper { Seq = 1, Name = "Đơn đề nghị cấp giấy phép", Required = true },
                new ProcedurePaper { Seq = 2, Name = "Giấy phép đã được cấp (nếu còn)", Required = true },
                new ProcedurePaper { Seq = 3, Name = "Giấy chứng nhận đăng ký doanh nghiệp", Required = true, AlternativeGroup = "dang-ky" },
                new ProcedurePaper { Seq = 4, Name = "Quyết định thành lập", Required = true, AlternativeGroup = "dang-ky" },
                new ProcedurePaper { Seq = 5, Name = "Giấy ủy quyền", Required = true, Condition = "Trường hợp nộp qua người được ủy quyền" },
            ]);
        }
        await db.SaveChangesAsync();
    }

    private static async Task<string> PostAsync(HttpClient client, Dictionary<string, string> fields, params (int Paper, string Name, byte[] Content)[] files)
    {
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(client, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent("0905 318 274"), "Phone" },
            { new StringContent("true"), "Consent" },
        };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        foreach (var (paper, name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, "paper-" + paper.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        }
        var response = await client.PostAsync("/nop-truc-tuyen?thu-tuc=" + Procedure, form);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"ban-nhap\" value=\"([A-Z0-9]+)\"")]
    private static partial Regex DraftToken();

    [Fact]
    public async Task A_refused_file_is_named_beside_its_paper_and_the_valid_ones_are_kept_for_the_next_attempt()
    {
        await using var app = new MotCuaApp();
        await OfferWithPapersAsync(app);
        using var citizen = app.CreateClient();

        var form = WebUtility.HtmlDecode(await citizen.GetStringAsync("/nop-truc-tuyen?thu-tuc=" + Procedure));
        Assert.Contains("tối đa 20 MB", form, StringComparison.Ordinal);

        var refused = await PostAsync(citizen, new() { ["Name"] = "Người Nộp Tệp Lỗi" }, (0, "don.pdf", Pdf), (2, "giay-chung-nhan.pdf", Exe));
        Assert.DoesNotContain("Đã nộp hồ sơ", refused, StringComparison.Ordinal);
        // The refusal names the file, sits beside its input and is linked from the summary.
        Assert.Contains("id=\"paper-2-error\">Tệp \"giay-chung-nhan.pdf\" không đúng định dạng cho phép", refused, StringComparison.Ordinal);
        Assert.Matches("id=\"paper-2\"[^>]*aria-invalid=\"true\"", refused);
        Assert.Contains("href=\"#paper-2\"", refused, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"kept-files\"", refused, StringComparison.Ordinal);
        Assert.Contains("Đã tải lên: don.pdf", refused, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == "Người Nộp Tệp Lỗi"));
            Assert.False(await db.DossierFiles.AnyAsync());
            var draft = await db.OnlineDrafts.Include(d => d.Files).SingleAsync();
            Assert.Equal([0], draft.Files.Select(f => f.PaperIndex));
        }

        // Fixed: only the refused paper is uploaded again, and the kept one goes with the dossier.
        var token = DraftToken().Match(refused).Groups[1].Value;
        Assert.NotEmpty(token);
        var done = await PostAsync(citizen, new() { ["Name"] = "Người Nộp Tệp Lỗi", ["ban-nhap"] = token }, (2, "giay-chung-nhan.pdf", Pdf));
        Assert.Contains("Đã nộp hồ sơ", done, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        var dossier = await check.Dossiers.SingleAsync(d => d.ApplicantName == "Người Nộp Tệp Lỗi");
        Assert.Equal(2, await check.DossierFiles.CountAsync(f => f.DossierId == dossier.Id));
        Assert.False(await check.OnlineDrafts.AnyAsync());
    }

    [Fact]
    public async Task The_completeness_check_names_each_missing_paper_and_never_asks_for_an_optional_or_a_second_alternative()
    {
        await using var app = new MotCuaApp();
        await OfferWithPapersAsync(app);
        using var citizen = app.CreateClient();

        var form = WebUtility.HtmlDecode(await citizen.GetStringAsync("/nop-truc-tuyen?thu-tuc=" + Procedure));
        Assert.Contains(">Đơn đề nghị cấp giấy phép *</label>", form, StringComparison.Ordinal);
        Assert.Contains(">Giấy phép đã được cấp (nếu còn)</label>", form, StringComparison.Ordinal);
        Assert.Contains("Một trong các giấy tờ sau *", form, StringComparison.Ordinal);
        Assert.Contains("bắt buộc trong trường hợp: Trường hợp nộp qua người được ủy quyền", form, StringComparison.Ordinal);

        var missing = await PostAsync(citizen, new() { ["Name"] = "Người Nộp Thiếu" });
        Assert.Contains("id=\"paper-0-error\">Chưa tải lên thành phần bắt buộc: Đơn đề nghị cấp giấy phép.", missing, StringComparison.Ordinal);
        Assert.Contains("id=\"paper-2-error\">Chưa tải lên thành phần bắt buộc: một trong các giấy tờ: Giấy chứng nhận đăng ký doanh nghiệp hoặc Quyết định thành lập (chỉ cần một).", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("paper-1-error", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("paper-3-error", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("paper-4-error", missing, StringComparison.Ordinal);
        Assert.Contains("Vui lòng sửa 2 mục sau", missing, StringComparison.Ordinal);

        // The second alternative alone, no optional paper, no paper of a case that does not apply: complete.
        var done = await PostAsync(citizen, new() { ["Name"] = "Người Nộp Đủ" }, (0, "don.pdf", Pdf), (3, "quyet-dinh.pdf", Pdf));
        Assert.Contains("Đã nộp hồ sơ", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_submits_with_its_tax_code_which_the_desk_sees_with_the_representative()
    {
        await using var app = new MotCuaApp();
        await OfferWithPapersAsync(app);
        using var citizen = app.CreateClient();
        var organisation = new Dictionary<string, string>
        {
            ["Kind"] = "Organisation", ["OrganisationName"] = "Công ty TNHH Thiết bị Y tế Phú Hòa", ["Name"] = "Trần Văn Đại Diện",
            ["TaxCode"] = "40012", ["Email"] = "khong-hop-le@",
        };
        var refused = await PostAsync(citizen, organisation, (0, "don.pdf", Pdf), (2, "dkdn.pdf", Pdf));
        Assert.Contains("id=\"TaxCode-error\">Mã số thuế không hợp lệ", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"Email-error\">Địa chỉ thư điện tử không hợp lệ", refused, StringComparison.Ordinal);
        Assert.Matches("id=\"TaxCode\"[^>]*aria-invalid=\"true\"", refused);

        organisation["TaxCode"] = "4001 234 567 002";
        organisation["Email"] = "lienhe@phuhoa.vn";
        var token = DraftToken().Match(refused).Groups[1].Value;
        organisation["ban-nhap"] = token;
        var done = await PostAsync(citizen, organisation);
        Assert.Contains("Đã nộp hồ sơ", done, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var dossier = await db.Dossiers.SingleAsync(d => d.ApplicantName == "Công ty TNHH Thiết bị Y tế Phú Hòa");
        Assert.Equal(ApplicantKind.Organisation, dossier.ApplicantKind);
        Assert.Equal("4001234567-002", dossier.ApplicantIdNumber);
        Assert.Equal("Trần Văn Đại Diện", dossier.RepresentativeName);

        using var desk = await app.LoginAsync("motcua");
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + dossier.Code));
        Assert.Contains("<dt>Mã số thuế</dt><dd>4001234567-002</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Người đại diện nộp hồ sơ</dt><dd>Trần Văn Đại Diện</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_PAKN_form_marks_each_wrong_field_and_the_API_names_it()
    {
        await using var app = new MotCuaApp();
        using var citizen = app.CreateClient();
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/phan-anh-kien-nghi");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent("Nguyễn Văn Gửi"), "Input.SenderName" },
            { new StringContent("Tuy Hòa"), "Input.SenderAddress" },
            { new StringContent("abc"), "Input.SenderPhone" },
            { new StringContent("gui@"), "Input.SenderEmail" },
            { new StringContent("Thủ tục quá nhiều giấy tờ"), "Input.Title" },
            { new StringContent("Đề nghị bỏ yêu cầu nộp bản sao chứng thực khi đã có dữ liệu điện tử."), "Input.Content" },
        };
        var html = WebUtility.HtmlDecode(await (await citizen.PostAsync("/phan-anh-kien-nghi", form)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"pakn-ack\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"phone\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"phone-error\"", html);
        Assert.Contains("id=\"phone-error\">Số điện thoại không hợp lệ", html, StringComparison.Ordinal);
        Assert.Matches("id=\"email\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("href=\"#phone\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#email\"", html, StringComparison.Ordinal);
        // The missing consent is reported together with the rest, not instead of it.
        Assert.Contains("href=\"#Consent\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("id=\"name\"[^>]*aria-invalid", html);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.FeedbackItems.AnyAsync());
        }

        var response = await citizen.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Nguyễn Văn Gửi", senderAddress = "Tuy Hòa", senderPhone = "abc", title = "Thủ tục quá nhiều giấy tờ",
            content = "Đề nghị bỏ yêu cầu nộp bản sao chứng thực khi đã có dữ liệu điện tử.", consent = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.StartsWith("Số điện thoại không hợp lệ", errors.GetProperty("senderPhone")[0].GetString(), StringComparison.Ordinal);
    }
}
