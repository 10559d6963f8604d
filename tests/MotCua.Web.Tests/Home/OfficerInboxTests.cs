using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Results;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Home;

/// <summary>
/// Each role lands on its inbox (/can-bo): a dossier driven through the API shows in the right group, with its count,
/// its due standing and one click to it; the leader and the desk are alerted when the dossier reaches them. Every test
/// has its own app, since the inbox counts the whole agency's work.
/// </summary>
public sealed partial class OfficerInboxTests
{
    /// <summary>Cấp giấy phép tiến hành công việc bức xạ: 10 working days.</summary>
    private const string Procedure = "1.000173";

    private const string Tdc = "Chi cục Tiêu chuẩn Đo lường Chất lượng";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> ReceiveAsync(HttpClient desk)
    {
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure,
            channel = "direct",
            applicant = new { name = "Công ty Hộp Thư " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085001234", phone = "0905123456", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        }), HttpStatusCode.Created);
        return created.GetProperty("code").GetString()!;
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        await ReadAsync(await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body), HttpStatusCode.OK);
    }

    private static async Task<int> UnitIdAsync(MotCuaApp app, string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Received, transferred to Chi cục TĐC and assigned to the specialist (the default plan: one step).</summary>
    private static async Task<string> AssignedAsync(MotCuaApp app, HttpClient desk, HttpClient leader)
    {
        var code = await ReceiveAsync(desk);
        await ActAsync(desk, code, "transfer", new { unitId = await UnitIdAsync(app, Tdc) });
        await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        return code;
    }

    /// <summary>The group's card on the landing page, or null when the page does not show it.</summary>
    private static string? Group(string page, string key)
    {
        var m = Regex.Match(page, "<div class=\"card inbox-group\" data-testid=\"inbox-group-" + key + "\">(.*?)</div>", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    private static string Count(string group) => CountRegex().Match(group).Groups[1].Value;

    [GeneratedRegex("data-testid=\"inbox-count-[^\"]+\">([^<]*)<")]
    private static partial Regex CountRegex();

    [GeneratedRegex("<nav class=\"mainnav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex NavRegex();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex LinkRegex();

    [Fact]
    public async Task The_desk_sees_the_dossier_to_transfer_then_the_result_to_return_and_is_alerted_when_it_is_ready()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        using var page = await app.LoginAsync("motcua");

        var code = await ReceiveAsync(desk);
        var toTransfer = Group(await page.GetStringAsync("/can-bo"), "to-transfer");
        Assert.NotNull(toTransfer);
        Assert.Equal("1", Count(toTransfer));
        Assert.Contains("href=\"/ho-so/" + code + "\"", toTransfer, StringComparison.Ordinal); // one dossier: one click to it
        Assert.Contains("1 trong hạn", toTransfer, StringComparison.Ordinal);
        Assert.Null(Group(await page.GetStringAsync("/can-bo"), "to-return"));

        await ActAsync(desk, code, "transfer", new { unitId = await UnitIdAsync(app, Tdc) });
        await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        await ActAsync(specialist, code, "appraise", new { note = "Đủ điều kiện cấp giấy phép.", leaderUserId = "lanhdao" });
        await ActAsync(leader, code, "approve");
        Assert.Null(Group(await page.GetStringAsync("/can-bo"), "to-return")); // approved, but no result document yet
        using (var specialistPage = await app.LoginAsync("chuyenvien"))
        {
            // Recorded through the result panel: the desk's alert goes with the document that makes the result ready.
            Results.ResultFlow.Redirected(await Results.ResultFlow.RecordAsync(specialistPage, code));
        }

        var landing = await page.GetStringAsync("/can-bo");
        Assert.Null(Group(landing, "to-transfer"));
        var toReturn = Group(landing, "to-return");
        Assert.NotNull(toReturn);
        Assert.Equal("1", Count(toReturn));
        await using var db = app.CreateDbContext();
        var deskUser = await db.Users.Where(u => u.UserName == "motcua").Select(u => u.Id).SingleAsync();
        Assert.Contains(await db.OutboxMessages.Where(m => m.DossierCode == code && m.Channel == OutboxChannel.InApp).ToListAsync(),
            m => m.RecipientUserId == deskUser && m.Kind == "dossier.result_at_desk");
    }

    [Fact]
    public async Task The_specialist_sees_the_dossier_to_appraise_and_the_unit_s_unassigned_one()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var page = await app.LoginAsync("chuyenvien");
        Assert.Contains("data-testid=\"inbox-empty-Specialist\"", await page.GetStringAsync("/can-bo"), StringComparison.Ordinal);

        var mine = await AssignedAsync(app, desk, leader);
        var unassigned = await ReceiveAsync(desk);
        await ActAsync(desk, unassigned, "transfer", new { unitId = await UnitIdAsync(app, Tdc) });

        var landing = await page.GetStringAsync("/can-bo");
        var appraise = Group(landing, "to-appraise");
        Assert.NotNull(appraise);
        Assert.Equal("1", Count(appraise));
        Assert.Contains("href=\"/ho-so/" + mine + "\"", appraise, StringComparison.Ordinal);
        var unit = Group(landing, "unit-unassigned");
        Assert.NotNull(unit);
        Assert.Contains("href=\"/ho-so/" + unassigned + "\"", unit, StringComparison.Ordinal);
        Assert.Null(Group(landing, "to-approve"));
    }

    [Fact]
    public async Task The_leader_is_alerted_and_finds_the_dossier_submitted_for_approval_on_the_landing_page()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        using var page = await app.LoginAsync("lanhdao");
        var code = await AssignedAsync(app, desk, leader);
        Assert.Contains("data-testid=\"inbox-empty-Leader\"", await page.GetStringAsync("/can-bo"), StringComparison.Ordinal);

        await ActAsync(specialist, code, "appraise", new { note = "Đủ điều kiện cấp giấy phép.", leaderUserId = "lanhdao" });

        var toApprove = Group(await page.GetStringAsync("/can-bo"), "to-approve");
        Assert.NotNull(toApprove);
        Assert.Equal("1", Count(toApprove));
        Assert.Contains("href=\"/ho-so/" + code + "\"", toApprove, StringComparison.Ordinal);
        Assert.Contains("1 trong hạn", toApprove, StringComparison.Ordinal);

        // The in-app alert reaches the leader's bell and list, and no one else's.
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.ProcessOnceAsync() > 0)
        {
        }
        var notices = WebUtility.HtmlDecode(await page.GetStringAsync("/thong-bao"));
        Assert.Contains("Hồ sơ chờ phê duyệt: " + code, notices, StringComparison.Ordinal);
        using var deskPage = await app.LoginAsync("motcua");
        Assert.DoesNotContain("Hồ sơ chờ phê duyệt: " + code, WebUtility.HtmlDecode(await deskPage.GetStringAsync("/thong-bao")), StringComparison.Ordinal);

        // Eleven working days later it is overdue, and says so.
        app.Clock.Advance(TimeSpan.FromDays(16));
        using var later = await app.LoginAsync("lanhdao");
        Assert.Contains("1 quá hạn", Group(await later.GetStringAsync("/can-bo"), "to-approve")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_focal_officer_sees_feedback_to_classify()
    {
        await using var app = new MotCuaApp();
        using var page = await app.LoginAsync("daumoi");
        Assert.Contains("data-testid=\"inbox-empty-ControlFocalOfficer\"", await page.GetStringAsync("/can-bo"), StringComparison.Ordinal);
        using var anonymous = app.CreateClient();
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Lê Văn Phản Ánh",
            senderAddress = "12 Trần Hưng Đạo, Tuy Hòa",
            senderPhone = "0912345678",
            title = "Đề nghị dùng bản điện tử",
            content = "Thủ tục cấp giấy phép bức xạ yêu cầu nộp bản sao chứng thực nhiều lần; đề nghị cho dùng bản điện tử.",
            contentType = "UnsuitableRegulation",
            consent = true,
        }), HttpStatusCode.Created);

        var classify = Group(await page.GetStringAsync("/can-bo"), "pakn-classify");
        Assert.NotNull(classify);
        Assert.Equal("1", Count(classify));
        Assert.Matches("href=\"/pakn/\\d+\"", classify);
    }

    [Fact]
    public async Task The_inbox_leads_the_officer_menu_and_is_where_the_login_lands()
    {
        await using var app = new MotCuaApp();
        using var client = app.CreateNoRedirectClient();
        var response = await MotCuaApp.PostLoginAsync(client, "lanhdao", MotCuaApp.DemoPassword);
        Assert.Equal("/can-bo", response.Headers.Location?.OriginalString);

        using var page = await app.LoginAsync("lanhdao");
        var html = await page.GetStringAsync("/can-bo");
        var nav = NavRegex().Match(html).Value;
        Assert.Equal("/can-bo", LinkRegex().Match(nav).Groups[1].Value);
        Assert.Contains("Việc chờ tôi", nav, StringComparison.Ordinal);
    }
}
