using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Plans;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Organisation;

/// <summary>
/// Merging agencies from the administrator's page: the preview counts what moves and changes nothing, the confirmation
/// moves the demo department into a new department of the province (its catalogue, accounts, plans and open dossiers),
/// the moved dossier keeps its code and clock with a hand-over line in its history and is worked by its officers in the
/// new agency, and the old agency code keeps resolving. Bad input is refused in Vietnamese with nothing changed.
/// </summary>
public sealed partial class AgencyMergeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Page = "/quan-tri/co-quan/hop-nhat";

    [GeneratedRegex("data-testid=\"(preview-[a-z-]+)\">(\\d+)<")]
    private static partial Regex PreviewCell();

    [GeneratedRegex("name=\"stamp\" value=\"([0-9A-F]+)\"")]
    private static partial Regex Stamp();

    /// <summary>A department of the demo province with an administrator account of its own.</summary>
    private static async Task<(int Id, string Admin)> SuccessorAsync(MotCuaApp host, string code, string province = "66")
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agency = new Agency { Code = code, Name = "Sở Khoa học và Công nghệ " + code, ProvinceCode = province };
        var office = new Unit { Agency = agency, Name = "Văn phòng Sở", Kind = UnitKind.Office };
        db.Agencies.Add(agency);
        db.Units.Add(office);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = new AppUser { UserName = "quantri-" + code.ToLowerInvariant(), FullName = "Quản trị " + code, AgencyId = agency.Id, UnitId = office.Id, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(admin, MotCuaApp.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(admin, Roles.Admin)).Succeeded);
        return (agency.Id, admin.UserName);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, Page);
        var form = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(Page + "?handler=" + handler, new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> Fields(int from, int into, string date, string accounts = "KeepUnits") => new(StringComparer.Ordinal)
    {
        ["Input.FromAgencyId"] = from.ToString(CultureInfo.InvariantCulture),
        ["Input.IntoAgencyId"] = into.ToString(CultureInfo.InvariantCulture),
        ["Input.EffectiveFrom"] = date,
        ["Input.Accounts"] = accounts,
        ["Input.DecisionReference"] = "Quyết định số 01/QĐ-UBND",
    };

    private static async Task<string> ReceiveAsync(MotCuaApp host)
    {
        using var desk = await host.ApiClientAsync("motcua");
        int unit;
        await using (var db = host.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Công ty Hợp Nhất " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085001234", phone = "0905123456", address = "Buôn Ma Thuột" },
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

    [Fact]
    public async Task Preview_counts_what_moves_and_confirm_hands_the_open_dossiers_to_the_successor_where_its_officers_work_them()
    {
        await using var host = new MotCuaApp();
        var code = await ReceiveAsync(host);
        var (into, adminName) = await SuccessorAsync(host, "SKHCN-MOI");
        int from, procedures, processes, open, accounts, plans, units;
        DateTimeOffset? due;
        await using (var db = host.CreateDbContext())
        {
            from = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            procedures = await db.Procedures.CountAsync(p => p.AgencyId == from);
            processes = await db.InternalProcesses.CountAsync(x => x.ProcedureVersion!.Procedure!.AgencyId == from);
            var terminal = Enum.GetValues<DossierStatus>().Where(DossierStateMachine.IsTerminal).ToList();
            open = await db.Dossiers.CountAsync(d => d.AgencyId == from && !terminal.Contains(d.Status));
            accounts = await db.Users.CountAsync(u => u.AgencyId == from && u.IsActive);
            plans = await db.ControlPlans.CountAsync(p => p.AgencyId == from && p.Year >= 2025);
            units = await db.Units.CountAsync(u => u.AgencyId == from);
            due = await db.Dossiers.Where(d => d.Code == code).Select(d => d.DueAt).SingleAsync();
        }
        Assert.True(procedures > 0 && open > 0 && accounts > 0);

        using var admin = await host.LoginAsync(adminName);
        var preview = await PostAsync(admin, "Preview", Fields(from, into, "2025-03-10"));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var cells = PreviewCell().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.Equal(procedures, cells["preview-procedures"]);
        Assert.Equal(0, cells["preview-procedures-already"]);
        Assert.Equal(processes, cells["preview-processes"]);
        Assert.Equal(open, cells["preview-open"]);
        Assert.Equal(accounts, cells["preview-accounts"]);
        Assert.Equal(plans, cells["preview-plans"]);
        Assert.Equal(units, cells["preview-units"]);
        await using (var db = host.CreateDbContext())
        {
            // The preview stored nothing.
            Assert.Null(await db.Agencies.Where(a => a.Id == from).Select(a => a.SucceededById).SingleAsync());
            Assert.Equal(from, await db.Dossiers.Where(d => d.Code == code).Select(d => d.AgencyId).SingleAsync());
        }

        var fields = Fields(from, into, "2025-03-10");
        fields["stamp"] = Stamp().Match(html).Groups[1].Value;
        var confirm = await PostAsync(admin, "Confirm", fields);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        await using (var db = host.CreateDbContext())
        {
            var old = await db.Agencies.SingleAsync(a => a.Id == from);
            Assert.Equal(into, old.SucceededById);
            Assert.Equal(new DateOnly(2025, 3, 10), old.SucceededFrom);
            var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
            Assert.Equal(into, dossier.AgencyId);
            Assert.Equal(due, dossier.DueAt);
            Assert.Contains(await db.DossierEvents.Where(e => e.DossierId == dossier.Id).Select(e => e.Note).ToListAsync(),
                n => n != null && n.StartsWith("Chuyển giao do hợp nhất cơ quan", StringComparison.Ordinal));
            Assert.Equal(procedures, await db.Procedures.CountAsync(p => p.AgencyId == into));
            Assert.Equal(0, await db.Dossiers.CountAsync(d => d.AgencyId == from && d.Status == DossierStatus.Received));
            Assert.True(await db.Users.Where(u => u.UserName == "chuyenvien").Select(u => u.AgencyId).SingleAsync() == into);
            Assert.Single(await db.AuditEntries.Where(e => e.Action == "agency.merge" && e.EntityId == from.ToString(CultureInfo.InvariantCulture)).ToListAsync());
            Assert.Equal(open, await db.AuditEntries.CountAsync(e => e.Action == "dossier.merge.handover"));
        }

        // The moved dossier is worked in the successor by its officers (signed in again: the merge ended their sessions).
        using var leader = await host.ApiClientAsync("lanhdao");
        using var specialist = await host.ApiClientAsync("chuyenvien");
        await ActOkAsync(leader, code, new { action = "assign", assignee = "chuyenvien" });
        await ActOkAsync(specialist, code, new { action = "appraise", note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });

        // The old agency code answers for the successor.
        using var visitor = host.CreateClient();
        var listed = await visitor.GetAsync("/api/procedures/1.000173?agency=SKHCN");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var page = await (await admin.GetAsync("/quan-tri/co-quan")).Content.ReadAsStringAsync();
        Assert.Contains("Cơ quan tiền thân", page, StringComparison.Ordinal);
        Assert.Contains("(mã SKHCN), hợp nhất từ ngày 10/03/2025", page, StringComparison.Ordinal);
        var list = await (await admin.GetAsync(Page)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"merge-list\"", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("self", "2025-03-10", "chính nó")]
    [InlineData("province", "2025-03-10", "hai tỉnh khác nhau")]
    [InlineData("merged", "2025-03-10", "không thể hợp nhất lần nữa")]
    [InlineData("ok", "2024-12-14", "kỳ báo cáo đã khóa")]
    [InlineData("ok", "2025-04-11", "quá xa")]
    [InlineData("other-admin", "2025-03-10", "Chỉ quản trị viên của cơ quan tiếp nhận")]
    public async Task Bad_merges_are_refused_in_Vietnamese_and_change_nothing(string kind, string date, string message)
    {
        var skhcn = await SkhcnAsync();
        int from;
        await using (var db = app.CreateDbContext())
        {
            var a = new Agency
            {
                Code = "A-" + Guid.NewGuid().ToString("N")[..8], Name = "Cơ quan thử " + kind, ProvinceCode = kind == "province" ? "54" : "66",
                SucceededById = kind == "merged" ? skhcn : null, SucceededFrom = kind == "merged" ? new DateOnly(2025, 1, 1) : null,
            };
            db.Agencies.Add(a);
            await db.SaveChangesAsync();
            from = kind == "self" ? skhcn : a.Id;
        }
        var into = skhcn;
        var user = "admin";
        if (kind == "other-admin")
        {
            (into, _) = await SuccessorAsync(app, "B-" + Guid.NewGuid().ToString("N")[..6]);
        }
        var before = await SnapshotAsync();
        using var admin = await app.LoginAsync(user);
        var response = await PostAsync(admin, "Preview", Fields(from, into, date));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"merge-error\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"merge-preview\"", html, StringComparison.Ordinal);

        // A confirmation posted anyway is refused the same way.
        var fields = Fields(from, into, date);
        fields["stamp"] = "0000000000000000";
        var confirm = await PostAsync(admin, "Confirm", fields);
        Assert.Contains(message, WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_missing_date_is_a_field_error()
    {
        using var admin = await app.LoginAsync("admin");
        var fields = Fields(await SkhcnAsync(), await SkhcnAsync(), "");
        var html = WebUtility.HtmlDecode(await (await PostAsync(admin, "Preview", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập ngày hợp nhất.", html, StringComparison.Ordinal);
    }

    private async Task<int> SkhcnAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        var merges = await db.Agencies.CountAsync(a => a.SucceededById != null);
        var dossiers = string.Join(",", await db.Dossiers.OrderBy(d => d.Id).Select(d => d.AgencyId + ":" + d.Version).ToListAsync());
        var users = string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.AgencyId + ":" + u.IsActive).ToListAsync());
        var procedures = string.Join(",", await db.Procedures.OrderBy(p => p.Id).Select(p => p.AgencyId).ToListAsync());
        return $"{merges}|{dossiers}|{users}|{procedures}|{await db.AuditEntries.CountAsync(e => e.Action.StartsWith("agency.merge"))}";
    }
}
