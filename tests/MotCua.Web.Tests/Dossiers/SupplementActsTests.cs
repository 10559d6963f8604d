using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The desk's guidance before receipt and the processing body's request after it, through the API and the dossier page:
/// each once, each with its own limits, told apart on the page and in the deadline explanation.
/// </summary>
public sealed partial class SupplementActsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    /// <summary>Cấp giấy phép tiến hành công việc bức xạ: 10 working days, verified.</summary>
    private const string Procedure = "1.000173";

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["action"] = action,
            ["rowVersion"] = current.GetProperty("rowVersion").GetInt64(),
        };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
    }

    private static readonly object[] Items = [new { paper = "Phiếu khai báo", problem = "Thiếu bản sao chứng chỉ nhân viên bức xạ", legalBasis = "Nghị định 142/2020/NĐ-CP" }];

    private static async Task<string> GuidedAtTheDeskAsync(HttpClient desk, string applicant)
    {
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure,
            channel = "direct",
            applicant = new { name = applicant, idNumber = "079085001234", phone = "0905123456", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = false } },
            outcome = "requestSupplement",
            note = "Thiếu phiếu khai báo.",
        }), HttpStatusCode.Created);
        Assert.Equal("awaitingSupplement", created.GetProperty("status").GetString());
        return created.GetProperty("code").GetString()!;
    }

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<DossierSupplementRequest>> RequestsAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.DossierSupplementRequests.AsNoTracking().Where(r => r.Dossier!.Code == code).OrderBy(r => r.Id).ToListAsync();
    }

    [Fact]
    public async Task The_desk_guides_once_the_clock_starts_at_receipt_and_the_processing_body_may_still_ask_once()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var code = await GuidedAtTheDeskAsync(desk, Unique("Công ty Hai Lần Bổ Sung"));

        var guidance = Assert.Single(await RequestsAsync(code));
        Assert.Equal(SupplementAct.DeskGuidance, guidance.Act);
        Assert.Null(guidance.Policy); // not received: no clock to act on

        var back = await ReadAsync(await ActAsync(desk, code, "resubmitSupplement", new { note = "Đã nộp phiếu khai báo." }), HttpStatusCode.OK);
        Assert.Equal("submitted", back.GetProperty("status").GetString());
        var again = await ActAsync(desk, code, "requestSupplement", new { note = "Thiếu bản sao.", supplementItems = Items });
        var problem = await ReadAsync(again, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("hướng dẫn bổ sung, hoàn thiện tại khâu tiếp nhận", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The basis is the text in force on the day: Decree 118/2025 from 1/7/2025, Decree 61/2018 before it.
        Assert.EndsWith(SupplementRules.OnceBasis(app.Clock.GetUtcNow()).Basis + ".", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var receivedAt = app.Clock.GetUtcNow();
        var received = await ReadAsync(await ActAsync(desk, code, "receive", new { note = (string?)null }), HttpStatusCode.OK);
        Assert.Equal(receivedAt, received.GetProperty("receivedAt").GetDateTimeOffset());
        await ReadAsync(await ActAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng"), assignee = "chuyenvien" }),
            HttpStatusCode.OK);

        var mismatch = await ReadAsync(await ActAsync(specialist, code, "requestSupplement",
            new { note = "Thiếu bản vẽ.", supplementItems = Items, supplementAct = "deskGuidance" }), HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Hồ sơ đã được tiếp nhận", mismatch.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var asked = await ReadAsync(await ActAsync(specialist, code, "requestSupplement",
            new { note = "Thiếu bản vẽ mặt bằng.", supplementItems = Items, supplementAct = "processingRequest" }), HttpStatusCode.OK);
        Assert.Equal("awaitingSupplement", asked.GetProperty("status").GetString());
        var requests = await RequestsAsync(code);
        Assert.Equal([SupplementAct.DeskGuidance, SupplementAct.ProcessingRequest], requests.Select(r => r.Act));
        var request = requests[1];
        Assert.Equal(SupplementClockPolicy.Restart, request.Policy); // the province's default for a procedure that sets none
        Assert.NotNull(request.ActBy);
        Assert.NotNull(request.NotifyApplicantBy);
        Assert.Equal(received.GetProperty("dueAt").GetDateTimeOffset(), request.DueBefore);

        app.Clock.Advance(TimeSpan.FromDays(1));
        using var desk2 = await app.ApiClientAsync("motcua");
        using var specialist2 = await app.ApiClientAsync("chuyenvien");
        await ReadAsync(await ActAsync(desk2, code, "resubmitSupplement", new { note = "Đã nộp bản vẽ." }), HttpStatusCode.OK);
        Assert.Equal(app.Clock.GetUtcNow(), (await RequestsAsync(code))[1].ResubmittedAt);
        var second = await ReadAsync(await ActAsync(specialist2, code, "requestSupplement",
            new { note = "Thiếu nữa.", supplementItems = Items }), HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Cơ quan giải quyết đã yêu cầu bổ sung hồ sơ này một lần", second.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_names_each_act_shows_the_processing_limit_and_explains_the_effect()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await GuidedAtTheDeskAsync(desk, Unique("Công ty Trang Bổ Sung"));
        await ReadAsync(await ActAsync(desk, code, "resubmitSupplement", new { note = "Đã nộp." }), HttpStatusCode.OK);

        using var deskPage = await app.LoginAsync("motcua");
        var atTheCheck = await PageAsync(deskPage, code);
        Assert.Contains("Hướng dẫn bổ sung hồ sơ", atTheCheck, StringComparison.Ordinal);
        Assert.DoesNotContain("Yêu cầu bổ sung (sau thẩm định)</button>", atTheCheck, StringComparison.Ordinal);

        await ReadAsync(await ActAsync(desk, code, "receive", new { note = (string?)null }), HttpStatusCode.OK);
        await ReadAsync(await ActAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng"), assignee = "chuyenvien" }),
            HttpStatusCode.OK);

        using var specialist = await app.LoginAsync("chuyenvien");
        var before = await PageAsync(specialist, code);
        Assert.Contains("Yêu cầu bổ sung (sau thẩm định)</button>", before, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"processing-request-due\">Yêu cầu bổ sung sau thẩm định phải chuyển Bộ phận Một cửa trước\\s*<strong>\\d\\d:\\d\\d ngày", before);

        var token = await MotCuaApp.AntiforgeryTokenAsync(specialist, "/ho-so/" + code);
        var version = VersionPattern().Match(before).Groups[1].Value;
        var posted = await specialist.PostAsync("/ho-so/" + code + "?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token,
            ["RowVersion"] = version,
            ["ActionName"] = "RequestSupplement",
            ["SupplementAct"] = "ProcessingRequest",
            ["SupplementItems[0].Paper"] = "Phiếu khai báo",
            ["SupplementItems[0].Problem"] = "Thiếu bản vẽ mặt bằng khu vực đặt thiết bị",
            ["Note"] = "Bổ sung bản vẽ mặt bằng.",
        }));
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, posted.StatusCode.ToString());

        var after = await PageAsync(specialist, code);
        var panel = Section(after, "data-testid=\"supplement-requests\"", "</section>");
        Assert.Contains("data-act=\"DeskGuidance\"", panel, StringComparison.Ordinal);
        Assert.Contains("data-act=\"ProcessingRequest\"", panel, StringComparison.Ordinal);
        Assert.Contains("Phải chuyển Bộ phận Một cửa trước", panel, StringComparison.Ordinal);
        Assert.Contains("thời hạn giải quyết được tính lại từ đầu khi nhận đủ hồ sơ bổ sung", panel, StringComparison.Ordinal);

        var explanation = Section(after, "data-testid=\"due-explanation\"", "data-testid=\"due-basis\"");
        Assert.Contains("Hướng dẫn bổ sung hồ sơ lúc", explanation, StringComparison.Ordinal);
        Assert.Contains("Yêu cầu bổ sung (sau thẩm định) lúc", explanation, StringComparison.Ordinal);
        Assert.Contains("Khi nhận đủ hồ sơ bổ sung: thời hạn giải quyết được tính lại từ đầu", explanation, StringComparison.Ordinal);
        var basis = Section(after, "data-testid=\"due-basis\"", "</p>");
        Assert.Contains("Nghị định số 297/2025/NĐ-CP", basis, StringComparison.Ordinal);
        Assert.Contains("(chưa xác nhận nguồn)", basis, StringComparison.Ordinal);

        // The history names each request by its act.
        Assert.Contains("\">Hướng dẫn bổ sung hồ sơ</td>", after, StringComparison.Ordinal);
        Assert.Contains("\">Yêu cầu bổ sung (sau thẩm định)</td>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_procedures_applicant_limit_and_policy_are_pinned_and_an_expired_supplement_is_shown()
    {
        await using (var db = app.CreateDbContext())
        {
            var version = await db.ProcedureVersions.Where(v => v.Procedure!.Code == Procedure && v.State == VersionState.Published).SingleAsync();
            version.SupplementPolicy = SupplementClockPolicy.Pause;
            version.SupplementLimitValue = 15;
            version.SupplementLimitUnit = TimeUnit.WorkingDays;
            await db.SaveChangesAsync();
        }
        try
        {
            using var desk = await app.ApiClientAsync("motcua");
            using var specialist = await app.ApiClientAsync("chuyenvien");
            var code = await GuidedAtTheDeskAsync(desk, Unique("Công ty Quá Hạn Bổ Sung"));
            await ReadAsync(await ActAsync(desk, code, "resubmitSupplement", new { note = "Đã nộp." }), HttpStatusCode.OK);
            await ReadAsync(await ActAsync(desk, code, "receive", new { note = (string?)null }), HttpStatusCode.OK);
            await ReadAsync(await ActAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng"), assignee = "chuyenvien" }),
                HttpStatusCode.OK);
            await ReadAsync(await ActAsync(specialist, code, "requestSupplement", new { note = "Thiếu bản vẽ.", supplementItems = Items }), HttpStatusCode.OK);

            var request = (await RequestsAsync(code))[1];
            Assert.Equal(SupplementClockPolicy.Pause, request.Policy);
            Assert.NotNull(request.ApplicantDueAt);

            using var deskPage = await app.LoginAsync("motcua");
            Assert.DoesNotContain("data-testid=\"supplement-expired\"", await PageAsync(deskPage, code), StringComparison.Ordinal);
            app.Clock.Advance(request.ApplicantDueAt!.Value - app.Clock.GetUtcNow() + TimeSpan.FromHours(1));
            using var deskLater = await app.LoginAsync("motcua");
            var page = await PageAsync(deskLater, code);
            Assert.Contains("data-testid=\"supplement-expired\"", page, StringComparison.Ordinal);
            Assert.Contains("thời gian chờ bổ sung không tính vào thời hạn giải quyết", page, StringComparison.Ordinal);
        }
        finally
        {
            await using var db = app.CreateDbContext();
            var version = await db.ProcedureVersions.Where(v => v.Procedure!.Code == Procedure && v.State == VersionState.Published).SingleAsync();
            version.SupplementPolicy = null;
            version.SupplementLimitValue = null;
            version.SupplementLimitUnit = null;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task The_procedure_edit_page_shows_the_policy_with_the_provincial_default_and_its_source()
    {
        using var admin = await app.LoginAsync("admin");
        int id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.Procedures.Where(p => p.Code == Procedure).Select(p => p.Id).SingleAsync();
        }
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/thu-tuc/sua/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var settings = Section(html, "data-testid=\"supplement-settings\"", "</fieldset>");
        Assert.Contains("Theo mặc định của tỉnh: thời hạn giải quyết được tính lại từ đầu", settings, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Nghị định số 297/2025/NĐ-CP", settings, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.SupplementLimitValue\"", settings, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string code) =>
        WebUtility.HtmlDecode(await client.GetStringAsync("/ho-so/" + Uri.EscapeDataString(code)));

    private static string Section(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, "missing " + from);
        var end = html.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [GeneratedRegex("name=\"RowVersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
