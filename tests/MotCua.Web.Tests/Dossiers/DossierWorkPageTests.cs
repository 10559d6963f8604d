using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The dossier page built around the dossier: the papers received with their files, previews under the same scope rule,
/// the supplement rounds, only the actions the officer may take with the expected one first, assignees limited to the
/// unit's specialists, and the submission for approval with its appraisal and chosen leader.
/// </summary>
public sealed partial class DossierWorkPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, string code, string action, object? extra = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var current = await client.GetFromJsonAsync<JsonElement>("/api/dossiers/" + code);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        var response = await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A dossier received at the desk (through the API) and transferred to the Chi cục, where chuyenvien works.</summary>
    private async Task<string> InProcessingAsync(HttpClient desk, string applicant)
    {
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure,
            channel = "direct",
            applicant = new { name = applicant, idNumber = "079085001234", phone = "0905123456", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
            outcome = "receive",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await ActAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng") });
        return code;
    }

    /// <summary>An online dossier with one paper and its PDF, left waiting for the desk check; returns its code.</summary>
    private async Task<string> SubmittedOnlineAsync(string applicant)
    {
        await OnlineSubmissionTests.OfferOnlineAsync(app, OnlineServiceLevel.Full);
        using var citizen = app.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent(applicant), "Name" },
            { new StringContent("0905 777 888"), "Phone" },
            { new StringContent("Tuy An, Phú Yên"), "Address" },
            { new StringContent("true"), "Consent" },
        };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "paper-0", "don.pdf");
        var response = await citizen.PostAsync("/nop-truc-tuyen?thu-tuc=" + Procedure, form);
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        await using var db = app.CreateDbContext();
        return await db.Dossiers.Where(d => d.ApplicantName == applicant).Select(d => d.Code).SingleAsync();
    }

    private static async Task<string> PageAsync(HttpClient client, string code) =>
        WebUtility.HtmlDecode(await client.GetStringAsync("/ho-so/" + Uri.EscapeDataString(code)));

    private static async Task<HttpResponseMessage> PostActAsync(HttpClient client, string code, Dictionary<string, string> fields)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/ho-so/" + code);
        var version = VersionPattern().Match(await client.GetStringAsync("/ho-so/" + code)).Groups[1].Value;
        var form = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["__RequestVerificationToken"] = token, ["RowVersion"] = version };
        return await client.PostAsync("/ho-so/" + code + "?handler=Act", new FormUrlEncodedContent(form));
    }

    /// <summary>The section of the page between two markers (or to the end).</summary>
    private static string Section(string html, string from, string? to = null)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, "missing " + from);
        var end = to is null ? html.Length : html.IndexOf(to, start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    [Fact]
    public async Task Each_paper_is_listed_with_its_file_which_previews_inline_for_those_in_scope_only()
    {
        var applicant = Unique("Nguyễn Văn Giấy Tờ");
        var code = await SubmittedOnlineAsync(applicant);
        await using (var db = app.CreateDbContext())
        {
            var file = await db.DossierFiles.SingleAsync(f => f.Dossier!.Code == code);
            Assert.Equal(1, file.PaperSeq); // the online form's file is the first paper's copy
        }

        using var desk = await app.LoginAsync("motcua");
        var page = await PageAsync(desk, code);
        var papers = Section(page, "data-testid=\"papers\"", "</table>");
        var row = Section(papers, "data-seq=\"1\"", "</tr>");
        Assert.Contains("Đơn đề nghị cấp giấy phép", row, StringComparison.Ordinal);
        Assert.Contains("Bản sao", row, StringComparison.Ordinal);
        Assert.Contains("don.pdf", row, StringComparison.Ordinal);
        Assert.Contains("handler=Preview", row, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"unlinked-files\"", page, StringComparison.Ordinal);
        var id = FileIdPattern().Match(row).Groups[1].Value;

        var preview = await desk.GetAsync($"/ho-so/{code}?handler=Preview&id={id}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'self'", preview.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(Pdf, await preview.Content.ReadAsByteArrayAsync());
        // Everything else stays unframeable.
        var download = await desk.GetAsync($"/ho-so/{code}?handler=File&id={id}");
        Assert.Equal("DENY", download.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        // Received and transferred to another unit: the Chi cục's specialist may not read it.
        using var deskApi = await app.ApiClientAsync("motcua");
        await ActAsync(deskApi, code, "receive", new { unitId = await UnitIdAsync("Phòng Quản lý Khoa học và Công nghệ") });
        using var specialist = await app.LoginAsync("chuyenvien");
        var denied = await specialist.GetAsync($"/ho-so/{code}?handler=Preview&id={id}");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.NotEqual(Pdf, await denied.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("handler=Preview", await PageAsync(specialist, code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplement_round_is_marked_with_its_date_apart_from_the_papers_first_handed_in()
    {
        var code = await SubmittedOnlineAsync(Unique("Trần Thị Bổ Sung"));
        using var deskApi = await app.ApiClientAsync("motcua");
        await ActAsync(deskApi, code, "requestSupplement", new
        {
            note = "Bổ sung bản sao giấy phép.",
            supplementItems = new[] { new { paper = "Bản sao giấy phép", problem = "Chưa nộp bản sao", legalBasis = (string?)null } },
        });
        app.Clock.Advance(TimeSpan.FromHours(3));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
            // As the look-up page makes it: the portal actor, within the dossier's agency.
            var applicant = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "portal"), new Claim(MotCuaClaims.AgencyId, dossier.AgencyId.ToString(CultureInfo.InvariantCulture))], "portal"));
            var outcome = await scope.ServiceProvider.GetRequiredService<SupplementOnline>()
                .SupplementAsync(dossier, [], null, applicant, CancellationToken.None, itemFiles: [("BS1-01", new IncomingFile("giay-phep.pdf", Pdf))]);
            Assert.True(outcome.Succeeded, outcome.Detail);
        }

        using var desk = await app.LoginAsync("motcua");
        var page = await PageAsync(desk, code);
        var round = Section(page, "data-testid=\"supplement-round\"");
        Assert.Contains("Bổ sung lần 1", round, StringComparison.Ordinal);
        Assert.Contains(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), round, StringComparison.Ordinal);
        Assert.Contains("giay-phep.pdf", round, StringComparison.Ordinal);
        // The file answering item BS1-01 is named with the item and opens for the officer reviewing the answer.
        Assert.Contains("data-testid=\"supplement-file-item\">BS1-01<", round, StringComparison.Ordinal);
        Assert.Contains("?handler=File&", round, StringComparison.Ordinal);
        Assert.DoesNotContain("giay-phep.pdf", Section(page, "data-testid=\"papers\"", "</table>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_uploaded_on_the_page_joins_the_paper_chosen()
    {
        using var deskApi = await app.ApiClientAsync("motcua");
        var code = await InProcessingAsync(deskApi, Unique("Công ty Bản Quét"));
        using var specialist = await app.LoginAsync("chuyenvien");
        var token = await MotCuaApp.AntiforgeryTokenAsync(specialist, "/ho-so/" + code);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("1"), "PaperSeq" } };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Uploads", "don-quet.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostAsync("/ho-so/" + code + "?handler=Files", form)).StatusCode);

        var row = Section(Section(await PageAsync(specialist, code), "data-testid=\"papers\"", "</table>"), "data-seq=\"1\"", "</tr>");
        Assert.Contains("don-quet.pdf", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_actions_the_officer_may_take_are_shown_with_the_expected_one_first()
    {
        using var deskApi = await app.ApiClientAsync("motcua");
        var code = await InProcessingAsync(deskApi, Unique("Công ty Thao Tác"));

        using var specialist = await app.LoginAsync("chuyenvien");
        var actions = Section(await PageAsync(specialist, code), "data-testid=\"actions\"", "</section>");
        Assert.Equal("appraise", PrimaryPattern().Match(actions).Groups[1].Value);
        var offered = ActionPattern().Matches(actions).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("appraise", offered[0]);
        Assert.Equal(offered.Count, offered.Distinct().Count());
        Assert.DoesNotContain("approve", offered);
        Assert.DoesNotContain("receive", offered);
        Assert.DoesNotContain("transfer", offered);
        Assert.Single(Regex.Matches(actions, "class=\"primary\""));
        Assert.Contains("Thao tác khác", actions, StringComparison.Ordinal);
        // The expected action's form is open; the others sit inside the menu.
        Assert.True(actions.IndexOf("data-testid=\"primary-action\"", StringComparison.Ordinal) < actions.IndexOf("data-testid=\"other-actions\"", StringComparison.Ordinal));

        using var specialistApi = await app.ApiClientAsync("chuyenvien");
        await ActAsync(specialistApi, code, "appraise", new { note = "Đủ điều kiện.", leaderUserId = "lanhdao" });
        using var leader = await app.LoginAsync("lanhdao");
        var leaderActions = Section(await PageAsync(leader, code), "data-testid=\"actions\"", "</section>");
        Assert.Equal("approve", PrimaryPattern().Match(leaderActions).Groups[1].Value);
        Assert.Contains("reject", ActionPattern().Matches(leaderActions).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task Assignees_are_the_specialists_of_the_unit_never_the_administrator_or_the_desk()
    {
        using var deskApi = await app.ApiClientAsync("motcua");
        var created = await deskApi.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure, channel = "direct", outcome = "receive",
            applicant = new { name = Unique("Công ty Phân Công"), idNumber = "079085001234", phone = "0905123456", address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        using var desk = await app.LoginAsync("motcua");
        var transfer = Section(Section(await PageAsync(desk, code), "data-action=\"transfer\"", "</form>"), "data-testid=\"assignee-options\"", "</select>");
        Assert.Contains("value=\"chuyenvien\"", transfer, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"admin\"", transfer, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"motcua\"", transfer, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"lanhdao\"", transfer, StringComparison.Ordinal);

        await ActAsync(deskApi, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng") });
        using var leader = await app.LoginAsync("lanhdao");
        var assign = Section(Section(await PageAsync(leader, code), "data-action=\"assign\"", "</form>"), "data-testid=\"assignee-options\"", "</select>");
        Assert.Contains("value=\"chuyenvien\"", assign, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"admin\"", assign, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"motcua\"", assign, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"daumoi\"", assign, StringComparison.Ordinal);

        // The API keeps the same rule: the desk officer is refused as an assignee and the dossier stays unassigned.
        using var leaderApi = await app.ApiClientAsync("lanhdao");
        var refused = await ActAsync(leaderApi, code, "assign", new { assignee = "motcua" }, HttpStatusCode.BadRequest);
        Assert.Contains("không phải chuyên viên", refused.GetRawText(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.Dossiers.Where(d => d.Code == code).Select(d => d.Assignee).SingleAsync());
    }

    public static TheoryData<string?, string?, string> Refusals => new()
    {
        // appraisal, leader chosen, message shown
        { null, "lanhdao", "Vui lòng nhập ý kiến thẩm định trước khi trình phê duyệt." },
        { "   ", "lanhdao", "Vui lòng nhập ý kiến thẩm định trước khi trình phê duyệt." },
        { "Hồ sơ đủ điều kiện.", null, "Vui lòng chọn lãnh đạo phê duyệt hồ sơ." },
        { "Hồ sơ đủ điều kiện.", "chuyenvien", "\"chuyenvien\" không phải lãnh đạo của đơn vị đang giải quyết hồ sơ; vui lòng chọn lãnh đạo trong danh sách." },
        { "Hồ sơ đủ điều kiện.", "khong-co", "\"khong-co\" không phải lãnh đạo của đơn vị đang giải quyết hồ sơ; vui lòng chọn lãnh đạo trong danh sách." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Submitting_for_approval_without_the_appraisal_or_a_leader_is_refused_and_nothing_is_saved(string? appraisal, string? leaderName, string message)
    {
        using var deskApi = await app.ApiClientAsync("motcua");
        var code = await InProcessingAsync(deskApi, Unique("Công ty Trình Duyệt"));
        await using var before = app.CreateDbContext();
        var version = await before.Dossiers.Where(d => d.Code == code).Select(d => new { d.Version, d.Status, d.Assignee }).SingleAsync();
        var id = await before.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        var events = await before.DossierEvents.CountAsync(e => e.DossierId == id);

        using var specialist = await app.LoginAsync("chuyenvien");
        var form = Section(await PageAsync(specialist, code), "data-action=\"appraise\"", "</form>");
        Assert.Contains("Ý kiến thẩm định", form, StringComparison.Ordinal);
        Assert.Contains("value=\"lanhdao\"", Section(form, "data-testid=\"leader-options\"", "</select>"), StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"chuyenvien\"", Section(form, "data-testid=\"leader-options\"", "</select>"), StringComparison.Ordinal);

        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["ActionName"] = "Appraise", ["Note"] = appraisal ?? "", ["LeaderUserId"] = leaderName ?? "" };
        var response = await PostActAsync(specialist, code, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await using var after = app.CreateDbContext();
        Assert.Equal(version, await after.Dossiers.Where(d => d.Code == code).Select(d => new { d.Version, d.Status, d.Assignee }).SingleAsync());
        Assert.Equal(events, await after.DossierEvents.CountAsync(e => e.DossierId == id));

        // The API refuses the same way, naming the field.
        using var api = await app.ApiClientAsync("chuyenvien");
        var problem = await ActAsync(api, code, "appraise", new { note = appraisal, leaderUserId = leaderName }, HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString());
        Assert.Contains(message, messages);
    }

    [Fact]
    public async Task Submitting_for_approval_with_the_appraisal_puts_the_dossier_with_the_chosen_leader()
    {
        using var deskApi = await app.ApiClientAsync("motcua");
        var code = await InProcessingAsync(deskApi, Unique("Công ty Được Trình"));
        using var specialist = await app.LoginAsync("chuyenvien");

        var response = await PostActAsync(specialist, code, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ActionName"] = "Appraise", ["Note"] = "Hồ sơ đủ điều kiện cấp phép.", ["LeaderUserId"] = "lanhdao",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var d = await db.Dossiers.SingleAsync(x => x.Code == code);
        Assert.Equal((DossierStatus.AwaitingApproval, "lanhdao"), (d.Status, d.Assignee));
        var appraised = await db.DossierEvents.Where(e => e.DossierId == d.Id && e.Action == DossierAction.Appraise).SingleAsync();
        Assert.Equal(("Hồ sơ đủ điều kiện cấp phép.", "lanhdao"), (appraised.Note, appraised.Assignee));
    }

    [GeneratedRegex("data-file-id=\"(\\d+)\"")]
    private static partial Regex FileIdPattern();

    [GeneratedRegex("data-testid=\"primary-action\" data-next=\"([a-zA-Z]+)\"")]
    private static partial Regex PrimaryPattern();

    [GeneratedRegex("<form [^>]*data-action=\"([a-zA-Z]+)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("name=\"RowVersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
