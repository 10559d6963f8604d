using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// Supplement requests stored before rounds are numbered at start-up (the desk's guidance 1, a processing request 2 after
/// a guidance and 1 without), and the rounds report counts a dossier's rounds as the evaluation's data indicators do.
/// </summary>
public sealed class SupplementRoundNumbersTests
{
    /// <summary>Cấp giấy phép tiến hành công việc bức xạ.</summary>
    private const string Procedure = "1.000173";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
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

    /// <summary>A dossier guided by the desk at receipt, then asked to supplement by the processing unit.</summary>
    private static async Task<string> GuidedThenAskedAsync(MotCuaApp app)
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure,
            channel = "direct",
            applicant = new { name = "Công ty Hai Lần", idNumber = "079085006142", phone = "0905318274", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = false } },
            outcome = "requestSupplement",
            note = "Thiếu phiếu khai báo.",
        }), HttpStatusCode.Created);
        var code = created.GetProperty("code").GetString()!;
        await ActAsync(desk, code, "resubmitSupplement", new { note = "Đã nộp phiếu khai báo." });
        await ActAsync(desk, code, "receive");
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        await ActAsync(desk, code, "transfer", new { unitId = unit, assignee = "chuyenvien" });
        object[] items = [new { paper = "Phiếu khai báo", problem = "Phiếu khai báo chưa có chữ ký", legalBasis = (string?)null }];
        await ActAsync(specialist, code, "requestSupplement", new { note = "Phiếu khai báo chưa ký.", supplementItems = items });
        return code;
    }

    [Fact]
    public async Task Requests_and_items_stored_before_rounds_are_numbered_by_act_and_order()
    {
        await using var app = new MotCuaApp();
        var code = await GuidedThenAskedAsync(app);

        // The old shape: no round on any request or item.
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await SupplementRoundNumbers.FixAsync(db, default));
            await db.DossierSupplementRequests.Where(r => r.Dossier!.Code == code).ExecuteUpdateAsync(s => s.SetProperty(r => r.Round, 0));
            await db.DossierSupplementItems.Where(i => i.Dossier!.Code == code).ExecuteUpdateAsync(s => s.SetProperty(i => i.Round, 0));
            Assert.Equal(4, await SupplementRoundNumbers.FixAsync(db, default));
        }
        await using (var db = app.CreateDbContext())
        {
            var requests = await db.DossierSupplementRequests.AsNoTracking().Where(r => r.Dossier!.Code == code).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([(Core.Dossiers.SupplementAct.DeskGuidance, 1), (Core.Dossiers.SupplementAct.ProcessingRequest, 2)], requests.Select(r => (r.Act, r.Round)));
            var items = (await db.DossierSupplementItems.AsNoTracking().Where(i => i.Dossier!.Code == code).OrderBy(i => i.Id).ToListAsync()).Select(i => i.Code);
            Assert.Equal(["BS1-01", "BS2-01"], items);
        }

        // A processing request with no guidance before it is the dossier's first round.
        await using (var db = app.CreateDbContext())
        {
            await db.DossierSupplementRequests.Where(r => r.Dossier!.Code == code && r.Act == Core.Dossiers.SupplementAct.DeskGuidance).ExecuteDeleteAsync();
            await db.DossierSupplementItems.Where(i => i.Dossier!.Code == code && i.Round == 1).ExecuteDeleteAsync();
            await db.DossierSupplementRequests.Where(r => r.Dossier!.Code == code).ExecuteUpdateAsync(s => s.SetProperty(r => r.Round, 0));
            await db.DossierSupplementItems.Where(i => i.Dossier!.Code == code).ExecuteUpdateAsync(s => s.SetProperty(i => i.Round, 0));
            Assert.Equal(2, await SupplementRoundNumbers.FixAsync(db, default));
        }
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.DossierSupplementRequests.Where(r => r.Dossier!.Code == code).Select(r => r.Round).SingleAsync());
            Assert.Equal("BS1-01", (await db.DossierSupplementItems.AsNoTracking().SingleAsync(i => i.Dossier!.Code == code)).Code);
        }
    }

    [Fact]
    public async Task The_rounds_report_and_the_data_indicators_count_the_same_rounds()
    {
        await using var app = new MotCuaApp();
        var code = await GuidedThenAskedAsync(app);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var period = ReportPeriod.Custom(today.AddDays(-1), today.AddDays(1));
        await using var db = app.CreateDbContext();
        var agencyId = await db.Dossiers.Where(d => d.Code == code).Select(d => d.AgencyId).SingleAsync();
        // Dossiers asked before requests were stored have their requests in the history only: they count all the same.
        await db.DossierSupplementRequests.Where(r => r.Dossier!.Code == code).ExecuteDeleteAsync();
        var facts = await DossierFacts.LoadAsync(ReportingDb.ForPrimary(db), agencyId, period, null, default);
        var figures = await SupplementRoundsReport.LoadAsync(db, agencyId, period, default);
        Assert.Equal(2, facts.Single(f => f.Code == code).SupplementRequests);
        Assert.Equal(2, figures.SeveralRounds.Single(l => l.Code == code).Rounds);
        Assert.Equal(1, figures.TwoRounds);
    }
}
