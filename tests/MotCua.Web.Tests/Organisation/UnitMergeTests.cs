using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Organisation;

/// <summary>
/// Merging a unit into another unit of the same agency from the administrator's page: the preview counts what moves and
/// changes nothing; the confirmation hands the open dossiers to the new unit (code and clock kept, a hand-over line in
/// the timeline), replaces the in-force process by a copy naming the new unit, moves the accounts, closes the old unit;
/// the new unit's specialist works the dossier, new dossiers route to the new unit, and the report by unit of a period
/// spanning the date counts the old unit's dossiers once, under the new unit. Bad input is refused with nothing changed.
/// </summary>
public sealed partial class UnitMergeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Page = "/quan-tri/don-vi/sap-nhap";
    private const string Tdc = "Chi cục Tiêu chuẩn Đo lường Chất lượng";

    [GeneratedRegex("data-testid=\"(unit-preview-[a-z-]+)\">(\\d+)<")]
    private static partial Regex PreviewCell();

    [GeneratedRegex("name=\"stamp\" value=\"([0-9A-F]+)\"")]
    private static partial Regex Stamp();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, Page);
        var form = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(Page + "?handler=" + handler, new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> Fields(int from, int into, string date) => new(StringComparer.Ordinal)
    {
        ["Input.FromUnitId"] = from.ToString(CultureInfo.InvariantCulture),
        ["Input.IntoUnitId"] = into.ToString(CultureInfo.InvariantCulture),
        ["Input.EffectiveFrom"] = date,
        ["Input.DecisionReference"] = "Quyết định số 12/QĐ-SKHCN",
    };

    private static async Task<int> NewUnitAsync(MotCuaApp host, string name, int? agencyId = null)
    {
        await using var db = host.CreateDbContext();
        var agency = agencyId ?? await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
        var unit = new Unit { AgencyId = agency, Name = name, Kind = UnitKind.Division, SortOrder = 9 };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    private static async Task<string> ReceiveAsync(MotCuaApp host, int? unit)
    {
        using var desk = await host.ApiClientAsync("motcua");
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Công ty Sáp Nhập " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085001234", phone = "0905318274", address = "Buôn Ma Thuột" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
            transferToUnitId = unit,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
    }

    private static async Task ActOkAsync(HttpClient api, string code, object body)
    {
        var response = await api.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static readonly DossierStatus[] Terminal = [.. Enum.GetValues<DossierStatus>().Where(DossierStateMachine.IsTerminal)];

    /// <summary>An in-force process of the procedure's current version whose processing step is the unit's, as a department's would be.</summary>
    private static async Task InForceProcessAsync(MotCuaApp host, int unit)
    {
        await using var db = host.CreateDbContext();
        var versions = await db.ProcedureVersions.Where(v => v.Procedure!.Code == "1.000173" && v.Procedure.Agency!.Code == "SKHCN")
            .Select(v => new { v.Id, v.ProcessingTimeValue, v.ProcessingTimeUnit }).ToListAsync();
        foreach (var version in versions)
        {
            foreach (var old in await db.InternalProcesses.Where(p => p.ProcedureVersionId == version.Id && p.State != ProcessState.Retired).ToListAsync())
            {
                old.State = ProcessState.Retired;
            }
            var process = new InternalProcess { ProcedureVersionId = version.Id, State = ProcessState.InForce, ApprovalDecisionNumber = "05/QĐ-SKHCN", InForceFrom = new DateOnly(2025, 1, 2) };
            process.Steps.Add(new ProcessStep
            {
                Seq = 1, Kind = StepKind.Appraise, UnitId = unit, Description = "Thẩm định hồ sơ",
                DurationValue = version.ProcessingTimeValue ?? 1, DurationUnit = version.ProcessingTimeUnit ?? TimeUnit.WorkingDays,
            });
            db.InternalProcesses.Add(process);
        }
        await db.SaveChangesAsync();
    }

    private static async Task<DossierReport> ByUnitAsync(MotCuaApp host, ReportPeriod period)
    {
        await using var db = host.CreateDbContext();
        var agency = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
        return await ReportQueries.DossierReportAsync(ReportingDb.ForPrimary(db), agency, period, GroupBy.Unit, null, null, default);
    }

    [Fact]
    public async Task Preview_counts_what_moves_and_confirm_hands_the_unit_over_to_its_successor_where_the_specialist_works_on()
    {
        await using var host = new MotCuaApp();
        int tdc;
        await using (var db = host.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == Tdc).Select(u => u.Id).SingleAsync();
        }
        await InForceProcessAsync(host, tdc);
        var held = await ReceiveAsync(host, tdc);
        var planned = await ReceiveAsync(host, null);
        var into = await NewUnitAsync(host, "Phòng Quản lý công nghệ");
        var spanning = ReportPeriod.Custom(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31));
        var earlier = ReportPeriod.Custom(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 9));
        var reportBefore = await ByUnitAsync(host, spanning);
        var earlierBefore = await ByUnitAsync(host, earlier);
        var tdcKey = tdc.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(reportBefore.Rows, r => r.Key == tdcKey);

        int open, processes, accounts;
        DateTimeOffset? due;
        await using (var db = host.CreateDbContext())
        {
            var dossiers = await db.Dossiers.Where(d => !Terminal.Contains(d.Status)).ToListAsync();
            open = dossiers.Count(d => d.CurrentUnitId == tdc || d.StepPlan.Any(s => s.UnitId == tdc));
            processes = await db.InternalProcesses.CountAsync(p => p.State != ProcessState.Retired && p.Steps.Any(s => s.UnitId == tdc));
            accounts = await db.Users.CountAsync(u => u.UnitId == tdc && u.IsActive);
            due = await db.Dossiers.Where(d => d.Code == held).Select(d => d.DueAt).SingleAsync();
            Assert.Contains(tdc, (await db.Dossiers.SingleAsync(d => d.Code == planned)).StepPlan.Select(s => s.UnitId));
        }
        Assert.True(open >= 2 && processes >= 1 && accounts >= 1);

        using var admin = await host.LoginAsync("admin");
        Assert.Contains(Page, await (await admin.GetAsync("/quan-tri/don-vi")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var preview = await PostAsync(admin, "Preview", Fields(tdc, into, "2025-03-10"));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var cells = PreviewCell().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.Equal(open, cells["unit-preview-open"]);
        Assert.Equal(processes, cells["unit-preview-processes"]);
        Assert.Equal(accounts, cells["unit-preview-accounts"]);
        Assert.Contains("chuyenvien", html, StringComparison.Ordinal);
        await using (var db = host.CreateDbContext())
        {
            // The preview stored nothing.
            Assert.Null(await db.Units.Where(u => u.Id == tdc).Select(u => u.SucceededById).SingleAsync());
            Assert.Equal(tdc, await db.Dossiers.Where(d => d.Code == held).Select(d => d.CurrentUnitId).SingleAsync());
        }

        var fields = Fields(tdc, into, "2025-03-10");
        fields["stamp"] = Stamp().Match(html).Groups[1].Value;
        var confirm = await PostAsync(admin, "Confirm", fields);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        await using (var db = host.CreateDbContext())
        {
            var old = await db.Units.SingleAsync(u => u.Id == tdc);
            Assert.Equal(into, old.SucceededById);
            Assert.Equal(new DateOnly(2025, 3, 10), old.SucceededFrom);
            Assert.False(old.IsActive);
            var dossier = await db.Dossiers.SingleAsync(d => d.Code == held);
            Assert.Equal(into, dossier.CurrentUnitId);
            Assert.Equal(due, dossier.DueAt);
            Assert.Contains(await db.DossierEvents.Where(e => e.DossierId == dossier.Id).Select(e => e.Note).ToListAsync(),
                n => n != null && n.StartsWith("Chuyển giao do sáp nhập " + Tdc, StringComparison.Ordinal));
            Assert.DoesNotContain(tdc, (await db.Dossiers.SingleAsync(d => d.Code == planned)).StepPlan.Select(s => s.UnitId));
            Assert.Equal(0, await db.InternalProcesses.CountAsync(p => p.State != ProcessState.Retired && p.Steps.Any(s => s.UnitId == tdc)));
            Assert.Equal(into, await db.Users.Where(u => u.UserName == "chuyenvien").Select(u => u.UnitId).SingleAsync());
            Assert.Single(await db.AuditEntries.Where(e => e.Action == "unit.merge" && e.EntityId == tdc.ToString(CultureInfo.InvariantCulture)).ToListAsync());
            Assert.Equal(open, await db.AuditEntries.CountAsync(e => e.Action == "dossier.unit-merge.handover"));
        }

        // The moved dossier is worked in the new unit by its specialist (signed in again: the merge ended the sessions).
        using var leader = await host.ApiClientAsync("lanhdao");
        using var specialist = await host.ApiClientAsync("chuyenvien");
        await ActOkAsync(leader, held, new { action = "assign", assignee = "chuyenvien" });
        await ActOkAsync(specialist, held, new { action = "appraise", note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });

        // A new dossier is planned through the new unit.
        var fresh = await ReceiveAsync(host, null);
        await using (var db = host.CreateDbContext())
        {
            var plan = (await db.Dossiers.SingleAsync(d => d.Code == fresh)).StepPlan;
            Assert.Contains(into, plan.Select(s => s.UnitId));
            Assert.DoesNotContain(tdc, plan.Select(s => s.UnitId));
        }

        // Reports by unit: the spanning period counts the old unit's dossiers once, under the new unit; an earlier period is unchanged.
        var reportAfter = await ByUnitAsync(host, spanning);
        Assert.DoesNotContain(reportAfter.Rows, r => r.Key == tdcKey);
        var intoRow = reportAfter.Rows.Single(r => r.Key == into.ToString(CultureInfo.InvariantCulture));
        var tdcBefore = reportBefore.Rows.Single(r => r.Key == tdcKey);
        Assert.Equal(tdcBefore.Received + 1, intoRow.Received); // plus the dossier received after the merge
        Assert.Equal(reportBefore.Total.Received + 1, reportAfter.Total.Received);
        Assert.Equal(reportBefore.Rows.Where(r => r.Key != tdcKey).Sum(r => r.Received) + intoRow.Received, reportAfter.Rows.Sum(r => r.Received));
        Assert.Equal(earlierBefore, await ByUnitAsync(host, earlier), new ReportComparer());
    }

    [Fact]
    public async Task Report_totals_by_unit_are_the_same_before_and_after_the_merge()
    {
        await using var host = new MotCuaApp();
        int tdc;
        await using (var db = host.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == Tdc).Select(u => u.Id).SingleAsync();
        }
        await ReceiveAsync(host, tdc);
        var into = await NewUnitAsync(host, "Phòng Quản lý chuyên ngành");
        await ReceiveAsync(host, into);
        var spanning = ReportPeriod.Custom(new DateOnly(2024, 12, 15), new DateOnly(2025, 3, 14));
        var before = await ByUnitAsync(host, spanning);
        List<DossierFact> factsBefore;
        await using (var db = host.CreateDbContext())
        {
            var agency = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            factsBefore = [.. await DossierFacts.LoadAsync(ReportingDb.ForPrimary(db), agency, spanning, null, default)];
        }

        using var admin = await host.LoginAsync("admin");
        var html = await (await PostAsync(admin, "Preview", Fields(tdc, into, "2025-03-01"))).Content.ReadAsStringAsync();
        var fields = Fields(tdc, into, "2025-03-01");
        fields["stamp"] = Stamp().Match(html).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "Confirm", fields)).StatusCode);

        var after = await ByUnitAsync(host, spanning);
        Assert.Equal(before.Total with { Name = "" }, after.Total with { Name = "" });
        var tdcKey = tdc.ToString(CultureInfo.InvariantCulture);
        var intoKey = into.ToString(CultureInfo.InvariantCulture);
        // The plan may pin both dossiers to the old unit (its process) or each to its own: either way the new unit's row is their sum.
        Assert.Equal(before.Rows.Where(r => r.Key == tdcKey || r.Key == intoKey).Sum(r => r.Received), after.Rows.Single(r => r.Key == intoKey).Received);
        Assert.Equal(before.Rows.Count(r => r.Key != tdcKey && r.Key != intoKey) + 1, after.Rows.Count);
        Assert.Equal(before.Rows.Sum(r => r.Total), after.Rows.Sum(r => r.Total));
        await using (var db = host.CreateDbContext())
        {
            var agency = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            var facts = await DossierFacts.LoadAsync(ReportingDb.ForPrimary(db), agency, spanning, null, default);
            Assert.Equal(factsBefore.Count, facts.Count);
            Assert.Equal(facts.Count, facts.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain(facts, f => f.UnitKey == tdcKey);
            // The new unit's scope covers the old unit's dossiers.
            var scoped = await DossierFacts.LoadAsync(ReportingDb.ForPrimary(db), agency, spanning, into, default);
            Assert.Equal(factsBefore.Count(f => f.UnitKey == tdcKey || f.UnitKey == intoKey), scoped.Count);
        }
    }

    [Theory]
    [InlineData("self", "2025-03-10", "chính nó")]
    [InlineData("other-agency", "2025-03-10", "hai cơ quan khác nhau")]
    [InlineData("merged", "2025-03-10", "không thể sáp nhập lần nữa")]
    [InlineData("ok", "2024-12-14", "kỳ báo cáo đã khóa")]
    [InlineData("ok", "2025-04-11", "quá xa")]
    public async Task Bad_merges_are_refused_in_Vietnamese_and_change_nothing(string kind, string date, string message)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var from = await NewUnitAsync(app, "Phòng thử A " + suffix);
        var into = await NewUnitAsync(app, "Phòng thử B " + suffix);
        await using (var db = app.CreateDbContext())
        {
            if (kind == "self")
            {
                into = from;
            }
            else if (kind == "other-agency")
            {
                var other = new Agency { Code = "O-" + suffix, Name = "Cơ quan khác " + suffix, ProvinceCode = "66" };
                db.Agencies.Add(other);
                await db.SaveChangesAsync();
                into = await NewUnitAsync(app, "Phòng khác " + suffix, other.Id);
            }
            else if (kind == "merged")
            {
                var unit = await db.Units.SingleAsync(u => u.Id == from);
                unit.SucceededById = into;
                unit.SucceededFrom = new DateOnly(2025, 1, 2);
                await db.SaveChangesAsync();
            }
        }
        var before = await SnapshotAsync();
        using var admin = await app.LoginAsync("admin");
        var response = await PostAsync(admin, "Preview", Fields(from, into, date));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"unit-merge-error\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"unit-merge-preview\"", html, StringComparison.Ordinal);

        // A confirmation posted anyway is refused the same way.
        var fields = Fields(from, into, date);
        fields["stamp"] = "0000000000000000";
        var confirm = await PostAsync(admin, "Confirm", fields);
        Assert.Contains(message, WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_stale_preview_is_not_confirmed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var from = await NewUnitAsync(app, "Phòng cũ " + suffix);
        var into = await NewUnitAsync(app, "Phòng mới " + suffix);
        using var admin = await app.LoginAsync("admin");
        var fields = Fields(from, into, "2025-03-10");
        fields["stamp"] = "0000000000000000";
        var html = WebUtility.HtmlDecode(await (await PostAsync(admin, "Confirm", fields)).Content.ReadAsStringAsync());
        Assert.Contains("đã thay đổi từ khi xem trước", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.Units.Where(u => u.Id == from).Select(u => u.SucceededById).SingleAsync());
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        var units = string.Join(",", await db.Units.OrderBy(u => u.Id).Select(u => u.Id + ":" + u.SucceededById + ":" + u.IsActive + ":" + u.ParentId).ToListAsync());
        var dossiers = string.Join(",", await db.Dossiers.OrderBy(d => d.Id).Select(d => d.CurrentUnitId + ":" + d.Version).ToListAsync());
        var users = string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.UnitId + ":" + u.IsActive).ToListAsync());
        var processes = await db.InternalProcesses.CountAsync();
        return $"{units}|{dossiers}|{users}|{processes}|{await db.AuditEntries.CountAsync(e => e.Action.StartsWith("unit.merge"))}";
    }

    /// <summary>Reports compared by their rows' figures and names.</summary>
    private sealed class ReportComparer : IEqualityComparer<DossierReport>
    {
        public bool Equals(DossierReport? x, DossierReport? y) =>
            x is not null && y is not null && x.Total == y.Total && x.Rows.SequenceEqual(y.Rows);

        public int GetHashCode(DossierReport obj) => obj.Total.GetHashCode();
    }
}
