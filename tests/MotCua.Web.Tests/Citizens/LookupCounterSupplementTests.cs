using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// A dossier received at the counter and awaiting supplement cannot be answered online, yet the look-up lists what was
/// asked (paper, problem, legal basis) read-only and says where to hand it in, with no online answer form.
/// </summary>
public sealed class LookupCounterSupplementTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Phone = "0905318274";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object extra)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra.GetType().GetProperties())
        {
            body[p.Name] = p.GetValue(extra);
        }
        await ReadAsync(await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_counter_dossier_awaiting_supplement_lists_what_was_asked_and_where_to_hand_it_in()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Phòng khám Quầy Bổ Sung", phone = Phone, address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        }), HttpStatusCode.Created);
        var code = created.GetProperty("code").GetString()!;
        string? address;
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            var agencyId = await db.Dossiers.Where(d => d.Code == code).Select(d => d.ReceivingAgencyId ?? d.AgencyId).SingleAsync();
            address = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Address).SingleAsync();
        }
        await ActAsync(desk, code, "transfer", new { unitId = unit, assignee = "chuyenvien" });
        object[] items = [new { paper = "Phiếu khai báo thiết bị bức xạ", problem = "Chưa có chữ ký của người phụ trách an toàn bức xạ.", legalBasis = "Điều 7 Nghị định 142/2020/NĐ-CP" }];
        await ActAsync(specialist, code, "requestSupplement", new { note = "Đề nghị bổ sung phiếu khai báo.", supplementItems = items });

        using var citizen = app.CreateClient();
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu/" + code);
        var html = WebUtility.HtmlDecode(await (await citizen.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = csrf, ["Code"] = code, ["Factor"] = Phone,
        }))).Content.ReadAsStringAsync());

        Assert.Contains("data-testid=\"supplement-request\"", html, StringComparison.Ordinal);
        Assert.Contains("Phiếu khai báo thiết bị bức xạ", html, StringComparison.Ordinal);
        Assert.Contains("Chưa có chữ ký của người phụ trách an toàn bức xạ.", html, StringComparison.Ordinal);
        Assert.Contains("Điều 7 Nghị định 142/2020/NĐ-CP", html, StringComparison.Ordinal);
        Assert.Contains("nộp giấy tờ bổ sung tại Bộ phận Một cửa", html, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(address))
        {
            Assert.Contains(address, html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("data-testid=\"supplement-form\"", html, StringComparison.Ordinal);
    }
}
