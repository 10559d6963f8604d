using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Notifications;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// After the processing body's supplement request the desk must tell the applicant within 01 working day: the desk's
/// inbox lists the request until the applicant is told, the scan alerts the desk once as the limit nears or passes,
/// and recording the notice (or a delivered message to the applicant) clears both.
/// </summary>
public sealed class SupplementNoticeAlertTests
{
    private static readonly string DueName = EventRouting.EventName(DossierEventKind.SupplementNoticeDue);
    private static readonly string RequestedName = EventRouting.EventName(DossierEventKind.SupplementRequested);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task ActAsync(HttpClient client, string code, object body)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + code));
        var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal);
        fields["rowVersion"] = current.GetProperty("rowVersion").GetInt64();
        await ReadAsync(await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", fields));
    }

    /// <summary>A dossier received, transferred, and sent back by the processing body for a supplement; the citizen's message in <paramref name="message"/>.</summary>
    private static async Task<string> RequestedAsync(MotCuaApp app, OutboxStatus message)
    {
        using var desk = await app.ApiClientAsync("motcua");
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Công ty Chờ Thông Báo", idNumber = "079085001234", phone = "0905318274", address = "Buôn Ma Thuột, Đắk Lắk" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        }));
        var code = created.GetProperty("code").GetString()!;
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        await ActAsync(desk, code, new { action = "transfer", unitId = unit, assignee = "chuyenvien" });
        using var specialist = await app.ApiClientAsync("chuyenvien");
        await ActAsync(specialist, code, new
        {
            action = "requestSupplement", supplementAct = "processingRequest", note = "Thiếu bản vẽ mặt bằng.",
            supplementItems = new[] { new { paper = "Đơn đề nghị cấp giấy phép", problem = "Thiếu bản vẽ mặt bằng khu vực đặt thiết bị" } },
        });
        await using (var db = app.CreateDbContext())
        {
            // What became of the message the system sent the applicant: delivered, or not (no contact reached).
            Assert.True(await db.OutboxMessages.Where(m => m.DossierCode == code && m.Kind == RequestedName).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, message)) > 0);
        }
        return code;
    }

    private static async Task<int> ScanAsync(MotCuaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineScan>().ScanOnceAsync(app.Clock.GetUtcNow(), default);
    }

    private static async Task<int> AlertsAsync(MotCuaApp app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.OutboxMessages.CountAsync(m => m.DossierCode == code && m.Kind == DueName && m.Channel == OutboxChannel.InApp && m.Recipient == "motcua");
    }

    private static async Task<DateTimeOffset> NotifyByAsync(MotCuaApp app, string code)
    {
        await using var db = app.CreateDbContext();
        return (await db.DossierSupplementRequests.Where(r => r.Dossier!.Code == code && r.NotifyApplicantBy != null).SingleAsync()).NotifyApplicantBy!.Value;
    }

    private static string? Group(string html, string key)
    {
        var start = html.IndexOf("data-testid=\"inbox-group-" + key + "\"", StringComparison.Ordinal);
        return start < 0 ? null : html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_desk_is_alerted_once_when_the_notice_is_due_and_not_sent_and_recording_it_clears_the_alert()
    {
        await using var app = new MotCuaApp();
        var code = await RequestedAsync(app, OutboxStatus.Dead);

        using (var desk = await app.LoginAsync("motcua"))
        {
            var group = Group(WebUtility.HtmlDecode(await desk.GetStringAsync("/can-bo")), "supplement-notice");
            Assert.NotNull(group);
            Assert.Contains("href=\"/ho-so/" + code + "\"", group, StringComparison.Ordinal);
            Assert.Contains("1 trong hạn", group, StringComparison.Ordinal);
        }
        // Within the limit: no alert yet.
        await ScanAsync(app);
        Assert.Equal(0, await AlertsAsync(app, code));

        // The limit passes without the notice: one alert to the desk, not repeated.
        app.Clock.Advance(await NotifyByAsync(app, code) - app.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        await ScanAsync(app);
        Assert.Equal(1, await AlertsAsync(app, code));
        await ScanAsync(app);
        Assert.Equal(1, await AlertsAsync(app, code));
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.ProcessOnceAsync() > 0)
        {
        }
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.InAppNotifications.CountAsync(n => n.DossierCode == code && n.ReadAt == null && EF.Functions.Like(n.Title, "Chưa thông báo yêu cầu bổ sung%")));
        }

        using var deskLater = await app.LoginAsync("motcua");
        Assert.Contains("1 quá hạn", Group(WebUtility.HtmlDecode(await deskLater.GetStringAsync("/can-bo")), "supplement-notice")!, StringComparison.Ordinal);
        var dossierPage = await deskLater.GetStringAsync("/ho-so/" + code);
        Assert.Contains("data-testid=\"supplement-notice-sent\"", dossierPage, StringComparison.Ordinal);
        var token = await MotCuaApp.AntiforgeryTokenAsync(deskLater, "/ho-so/" + code);
        var posted = await deskLater.PostAsync("/ho-so/" + code + "/da-thong-bao-bo-sung",
            new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var request = await db.DossierSupplementRequests.SingleAsync(r => r.Dossier!.Code == code && r.NotifyApplicantBy != null);
            Assert.Equal(app.Clock.GetUtcNow(), request.ApplicantNotifiedAt);
            Assert.Equal(0, await db.InAppNotifications.CountAsync(n => n.DossierCode == code && n.ReadAt == null && EF.Functions.Like(n.Title, "Chưa thông báo yêu cầu bổ sung%")));
            Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(e => e.Action == "dossier.supplement.notified" && e.EntityId == code));
        }
        Assert.Null(Group(await deskLater.GetStringAsync("/can-bo"), "supplement-notice"));
        var after = WebUtility.HtmlDecode(await deskLater.GetStringAsync("/ho-so/" + code));
        Assert.DoesNotContain("data-testid=\"supplement-notice-sent\"", after, StringComparison.Ordinal);
        Assert.Contains("Bộ phận Một cửa đã thông báo người nộp hồ sơ lúc", after, StringComparison.Ordinal);
        await ScanAsync(app);
        Assert.Equal(1, await AlertsAsync(app, code));
    }

    [Fact]
    public async Task The_inbox_badge_names_the_groups_own_window_in_working_hours()
    {
        await using var app = new MotCuaApp();
        var code = await RequestedAsync(app, OutboxStatus.Dead);
        // Two hours before the notice limit: within the desk's half-day window, not a two-day one.
        app.Clock.Advance(await NotifyByAsync(app, code) - app.Clock.GetUtcNow() - TimeSpan.FromHours(2));
        using var desk = await app.LoginAsync("motcua");
        var group = Group(WebUtility.HtmlDecode(await desk.GetStringAsync("/can-bo")), "supplement-notice");
        Assert.NotNull(group);
        Assert.Contains("1 đến hạn trong 4 giờ làm việc", group, StringComparison.Ordinal);
        Assert.DoesNotContain("ngày", group[group.IndexOf("inbox-duesoon", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_delivered_to_the_applicant_is_the_notice_and_no_alert_comes()
    {
        await using var app = new MotCuaApp();
        var code = await RequestedAsync(app, OutboxStatus.Delivered);

        using var desk = await app.LoginAsync("motcua");
        Assert.Null(Group(await desk.GetStringAsync("/can-bo"), "supplement-notice"));
        app.Clock.Advance(await NotifyByAsync(app, code) - app.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        await ScanAsync(app);
        Assert.Equal(0, await AlertsAsync(app, code));
    }

    [Fact]
    public async Task Only_the_desk_records_the_notice()
    {
        await using var app = new MotCuaApp();
        var code = await RequestedAsync(app, OutboxStatus.Dead);
        using var specialist = await app.LoginAsync("chuyenvien");
        var token = await MotCuaApp.AntiforgeryTokenAsync(specialist, "/ho-so/" + code);
        var posted = await specialist.PostAsync("/ho-so/" + code + "/da-thong-bao-bo-sung",
            new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["__RequestVerificationToken"] = token }));
        Assert.NotEqual("/ho-so/" + code, posted.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.Null((await db.DossierSupplementRequests.SingleAsync(r => r.Dossier!.Code == code && r.NotifyApplicantBy != null)).ApplicantNotifiedAt);
    }
}
