using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// Receipt regardless of administrative boundary: the commune centre (motcuaxa) receives for the department (motcua's
/// agency); the dossier is the department's, the centre tracks it and hands the paper originals over.
/// </summary>
public sealed class BoundaryReceiptTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";

    // Monday 21/12/2026 09:00 in Vietnam: a working day under Decree 118/2025, after the demo list's date.
    private static readonly DateTimeOffset Monday = new(2026, 12, 21, 2, 0, 0, TimeSpan.Zero);

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private async Task<HttpResponseMessage> ReceiveAtCentreAsync(HttpClient centre, string name, string forAgency = "SKHCN", string outcome = "receive")
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(centre, "/mot-cua/tiep-nhan");
        var papers = await PapersAsync();
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Procedure"] = Procedure, ["For"] = forAgency, ["Channel"] = "Direct", ["ApplicantKind"] = "Individual",
            ["Name"] = name, ["Phone"] = "0905 123 456", ["Address"] = "Thôn 2, xã Hòa Phú", ["Payment"] = "Unpaid", ["ReturnChoice"] = "AtDesk",
            ["outcome"] = outcome,
        };
        for (var i = 0; i < papers.Count; i++)
        {
            form[$"Papers[{i}].Name"] = papers[i];
            form[$"Papers[{i}].Present"] = "true";
            form[$"Papers[{i}].Form"] = "Original";
            form[$"Papers[{i}].Quantity"] = "1";
        }
        return await centre.PostAsync("/mot-cua/tiep-nhan", new FormUrlEncodedContent(form));
    }

    private async Task<List<string>> PapersAsync()
    {
        await using var db = app.CreateDbContext();
        var department = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
        var version = await CatalogueQueries.VersionInForceAsync(db, department.Id, Procedure, app.Clock.GetUtcNow(), default);
        return version!.Papers.OrderBy(p => p.Seq).Select(p => p.Name).ToList();
    }

    private static async Task<string> ReceivedCodeAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(ReceivedForOthersModel.Route + "/", location, StringComparison.Ordinal);
        return Uri.UnescapeDataString(location[(ReceivedForOthersModel.Route.Length + 1)..]);
    }

    [Fact]
    public async Task A_dossier_received_at_the_centre_is_the_departments_with_the_centre_beside_it()
    {
        app.Clock.SetUtcNow(Monday);
        using var centre = await app.LoginAsync("motcuaxa");
        var counter = WebUtility.HtmlDecode(await centre.GetStringAsync("/mot-cua/tiep-nhan"));
        Assert.Contains("data-testid=\"boundary-choices\"", counter, StringComparison.Ordinal);
        Assert.Contains(Procedure, counter, StringComparison.Ordinal);

        var name = Unique("Người Nộp Xã");
        var code = await ReceivedCodeAsync(await ReceiveAtCentreAsync(centre, name));

        await using (var db = app.CreateDbContext())
        {
            var department = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
            var hoaPhu = await db.Agencies.SingleAsync(a => a.Code == BoundaryDemoData.CentreCode);
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            Assert.Equal(department.Id, d.AgencyId);
            Assert.Equal(hoaPhu.Id, d.ReceivingAgencyId);
            Assert.NotNull(d.ReceivingUnitId);
            Assert.Equal(DossierStatus.Received, d.Status);
            // The department's code rule and sequence, and the clock from receipt at the centre.
            Assert.True(DossierCode.Default.TryRead(code, out _));
            Assert.Contains(department.Code, code, StringComparison.Ordinal);
            Assert.Equal(Monday, d.ReceivedAt);
            var h = await db.PaperHandOvers.SingleAsync(x => x.DossierId == d.Id);
            Assert.Equal(HandOverStage.AwaitingDispatch, h.Stage);
            // 01 working day: Monday is not counted, Tuesday 22/12 ends at 17:00.
            Assert.Equal(new DateTimeOffset(2026, 12, 22, 17, 0, 0, TimeSpan.FromHours(7)), h.DueAt);
        }

        // The department's desk queue has it; the centre's own desk queue does not, its own list does.
        using var departmentDesk = await app.LoginAsync("motcua");
        Assert.Contains(code, await departmentDesk.GetStringAsync("/mot-cua"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await centre.GetStringAsync("/mot-cua"), StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await centre.GetStringAsync(ReceivedForOthersModel.Route));
        Assert.Contains(code, list, StringComparison.Ordinal);
        Assert.Contains("Chờ bàn giao hồ sơ giấy", list, StringComparison.Ordinal);
        // The class shares one app, so other tests' receipts may be counted too: at least this one is.
        Assert.Matches("Tiếp nhận hộ trong tháng này: <strong>[1-9][0-9]*</strong>", list);

        // The department's dossier page names where it was received.
        var page = WebUtility.HtmlDecode(await departmentDesk.GetStringAsync("/ho-so/" + code));
        Assert.Contains("data-testid=\"boundary-handover\"", page, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công xã Hòa Phú", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_centre_prints_the_receipt_but_cannot_open_or_act_on_the_departments_dossier()
    {
        app.Clock.SetUtcNow(Monday);
        using var centre = await app.LoginAsync("motcuaxa");
        var code = await ReceivedCodeAsync(await ReceiveAtCentreAsync(centre, Unique("Người In Giấy")));

        var receipt = await centre.GetAsync($"/ho-so/{code}/bieu-mau/tiep-nhan");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        var slip = WebUtility.HtmlDecode(await receipt.Content.ReadAsStringAsync());
        Assert.Contains("Nơi tiếp nhận:", slip, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công xã Hòa Phú", slip, StringComparison.Ordinal);
        Assert.Contains("Cơ quan giải quyết:", slip, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var department = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
            Assert.Contains(department.Name, slip, StringComparison.Ordinal);
        }
        // The control slip it prints is of its own part (BoundaryFilesTests).
        Assert.Equal(HttpStatusCode.OK, (await centre.GetAsync($"/ho-so/{code}/bieu-mau/kiem-soat")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await centre.GetAsync("/ho-so/" + code)).StatusCode);

        // The processing is the department's: the centre's officer cannot transfer it through the API.
        using var api = await app.ApiClientAsync("motcuaxa");
        var act = await api.PostAsync($"/api/dossiers/{Uri.EscapeDataString(code)}/actions", new StringContent("{\"action\":\"Transfer\",\"rowVersion\":1}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(act.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, act.StatusCode.ToString());
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(DossierStatus.Received, (await db.Dossiers.SingleAsync(d => d.Code == code)).Status);
        }
    }

    [Fact]
    public async Task The_hand_over_is_recorded_by_the_centre_confirmed_by_the_department_and_alerted_when_late()
    {
        app.Clock.SetUtcNow(Monday);
        string code;
        using (var receivingDesk = await app.LoginAsync("motcuaxa"))
        using (var deciding = await app.LoginAsync("motcua"))
        {
            code = await ReceivedCodeAsync(await ReceiveAtCentreAsync(receivingDesk, Unique("Người Bàn Giao")));
            // Confirming before the centre sent anything is refused.
            var early = await PostAsync(deciding, IncomingPapersModel.Route + "?handler=Confirm", new() { ["code"] = code });
            Assert.Contains("chưa ghi nhận bàn giao", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // Tuesday 17:01: the originals are still at the centre, so both desks see the hand-over late (new sessions: a day has passed).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 22, 17, 1, 0, TimeSpan.FromHours(7)));
        using var centre = await app.LoginAsync("motcuaxa");
        using var departmentDesk = await app.LoginAsync("motcua");
        Assert.Contains("data-testid=\"handover-overdue\"", await centre.GetStringAsync(ReceivedForOthersModel.Route), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"handover-overdue\"", await departmentDesk.GetStringAsync(IncomingPapersModel.Route), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"boundary-alerts\"", await departmentDesk.GetStringAsync("/mot-cua"), StringComparison.Ordinal);

        var sent = await PostAsync(centre, ReceivedForOthersModel.Route + "?handler=Send", new() { ["code"] = code, ["method"] = "Courier", ["note"] = "Giao liên chuyến chiều" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // Recording twice is refused.
        var again = await PostAsync(centre, ReceivedForOthersModel.Route + "?handler=Send", new() { ["code"] = code, ["method"] = "Courier" });
        Assert.Contains("đã được bàn giao", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 23, 8, 15, 0, TimeSpan.FromHours(7)));
        using var nextMorning = await app.LoginAsync("motcua");
        var confirmed = await PostAsync(nextMorning, IncomingPapersModel.Route + "?handler=Confirm", new() { ["code"] = code, ["receivedAt"] = "2026-12-23T08:10" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        await using var db = app.CreateDbContext();
        var d = await db.Dossiers.SingleAsync(x => x.Code == code);
        var h = await db.PaperHandOvers.SingleAsync(x => x.DossierId == d.Id);
        Assert.Equal(HandOverStage.Confirmed, h.Stage);
        Assert.Equal(HandOverMethod.Courier, h.SentMethod);
        Assert.Equal(new DateTimeOffset(2026, 12, 23, 8, 10, 0, TimeSpan.FromHours(7)), h.ConfirmedAt);
        Assert.Equal("motcua", h.ConfirmedBy);
        Assert.Equal("motcuaxa", h.SentBy);
        var history = await db.DossierEvents.Where(e => e.DossierId == d.Id && e.Note != null && e.Note.StartsWith(BoundaryReceipts.HistoryLabel)).CountAsync();
        Assert.Equal(2, history);
        var audits = await db.Set<AuditEntry>().Where(a => a.EntityId == code).Select(a => a.Action).ToListAsync();
        Assert.Contains(BoundaryReceipts.SendAudit, audits);
        Assert.Contains(BoundaryReceipts.ConfirmAudit, audits);
        // Processing was never held: the dossier stays workable at the department.
        Assert.Equal(DossierStatus.Received, d.Status);
    }

    [Fact]
    public async Task Receipt_for_another_agency_is_refused_outside_the_province_off_the_list_or_by_a_desk_that_is_no_centre()
    {
        app.Clock.SetUtcNow(Monday);
        using var centre = await app.LoginAsync("motcuaxa");
        int departmentId;
        await using (var db = app.CreateDbContext())
        {
            departmentId = (await db.Agencies.SingleAsync(a => a.Code == "SKHCN")).Id;
        }

        async Task RefusedAsync(string expected)
        {
            var name = Unique("Người Bị Từ Chối");
            var response = await ReceiveAtCentreAsync(centre, name);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            await using var db = app.CreateDbContext();
            Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == name));
        }

        async Task WithAsync(Func<BoundaryProcedure?, Agency, Agency, Task> change, Func<Task> act, Func<Agency, Agency, Task> restore)
        {
            await using (var db = app.CreateDbContext())
            {
                var dep = await db.Agencies.SingleAsync(a => a.Id == departmentId);
                var hoaPhu = await db.Agencies.SingleAsync(a => a.Code == BoundaryDemoData.CentreCode);
                await change(null, dep, hoaPhu);
                await db.SaveChangesAsync();
            }
            try
            {
                await act();
            }
            finally
            {
                await using var db = app.CreateDbContext();
                var dep = await db.Agencies.SingleAsync(a => a.Id == departmentId);
                var hoaPhu = await db.Agencies.SingleAsync(a => a.Code == BoundaryDemoData.CentreCode);
                await restore(dep, hoaPhu);
                await db.SaveChangesAsync();
            }
        }

        // The department in another province (its code changed): out of the centre's province.
        await WithAsync((_, dep, _) => { dep.ProvinceCode = "82"; return Task.CompletedTask; }, () => RefusedAsync("ngoài tỉnh"),
            (dep, _) => { dep.ProvinceCode = "66"; return Task.CompletedTask; });
        // The receiving agency is a commune's People's Committee, not a service centre.
        await WithAsync((_, _, c) => { c.Kind = AgencyKind.PeopleCommittee; return Task.CompletedTask; }, () => RefusedAsync("Chỉ Trung tâm Phục vụ hành chính công"),
            (_, c) => { c.Kind = AgencyKind.ServiceCentre; return Task.CompletedTask; });

        // The procedure taken off the province's list.
        List<BoundaryProcedure> removed;
        await using (var db = app.CreateDbContext())
        {
            var procedureId = await db.Procedures.Where(p => p.AgencyId == departmentId && p.Code == Procedure).Select(p => p.Id).SingleAsync();
            removed = await db.BoundaryProcedures.Where(b => b.ProcedureId == procedureId).ToListAsync();
            db.BoundaryProcedures.RemoveRange(removed);
            await db.SaveChangesAsync();
        }
        try
        {
            await RefusedAsync("không thuộc danh mục");
        }
        finally
        {
            await using var db = app.CreateDbContext();
            db.BoundaryProcedures.AddRange(removed.Select(b => new BoundaryProcedure
            {
                AgencyId = b.AgencyId, ProcedureId = b.ProcedureId, ListedFrom = b.ListedFrom, Decision = b.Decision,
            }));
            await db.SaveChangesAsync();
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> form)
    {
        var page = path.Split('?')[0];
        form["__RequestVerificationToken"] = await MotCuaApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }
}
