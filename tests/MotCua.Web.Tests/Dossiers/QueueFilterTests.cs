using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Pages;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// /ho-so/hang-doi can be worked: search, filters, sort, the "Còn lại" and "Đơn vị xử lý" columns, bulk assignment and
/// the Excel export, each within the caller's scope.
/// </summary>
public sealed partial class QueueFilterTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Tdc = "Chi cục Tiêu chuẩn Đo lường Chất lượng";
    private const string Management = "Phòng Quản lý Khoa học và Công nghệ";

    /// <summary>One dossier of a test set: who applied, how, when, and where it stands.</summary>
    private sealed record Spec(string Name, string Phone, string IdNumber, DossierChannel Channel, int ReceivedDaysAgo, double? DueInDays,
        DossierStatus Status = DossierStatus.InProcessing, string Unit = Tdc);

    [Fact]
    public async Task Search_finds_by_code_name_phone_id_number_and_procedure_within_the_specialists_unit()
    {
        var tag = Tag();
        var codes = await DossiersAsync(
            new Spec($"Đỗ Thị {tag} Hoa", "0912000001", "079000000001", DossierChannel.Direct, 3, 5),
            new Spec($"Nguyễn Văn {tag} Bình", "0912000002", "079000000002", DossierChannel.Online, 2, 6),
            new Spec($"Trần {tag} Khác", "0912000003", "079000000003", DossierChannel.Direct, 1, 7, Unit: Management));
        using var specialist = await app.LoginAsync("chuyenvien");

        Assert.Equal([codes[0]], await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString(codes[0])));
        Assert.Equal([codes[0]], await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString(codes[0].ToLowerInvariant())));
        // Case-insensitive on the name; the third dossier is another unit's and never shows.
        Assert.Equal([codes[1]], Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString($"văn {tag} bình".ToUpperInvariant()))));
        Assert.Equal([codes[0], codes[1]], Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString(tag))));
        // A Vietnamese capital typed in lower case ("đỗ thị" for "Đỗ Thị"), on both databases.
        Assert.Equal([codes[0]], Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString("đỗ thị"))));
        Assert.Equal([codes[1]], await UnitCodesAsync(specialist, "q=0912000002"));
        Assert.Equal([codes[1]], await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString("+84 912 000 002")));
        Assert.Equal([codes[0]], await UnitCodesAsync(specialist, "q=079000000001"));
        Assert.Empty(await UnitCodesAsync(specialist, "q=079000000003"));
        // The procedure's name (any case) and code find both of the unit's dossiers of that procedure.
        Assert.Equal([codes[0], codes[1]], Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString("NHÂN VIÊN BỨC XẠ"))));
        Assert.Equal([codes[0], codes[1]], Mine(codes, await UnitCodesAsync(specialist, "q=1.000173")));
    }

    [Fact]
    public async Task Each_filter_narrows_the_queue_and_the_sort_orders_it()
    {
        var tag = Tag();
        var codes = await DossiersAsync(
            new Spec($"Lọc {tag} Một", "0913000001", "079100000001", DossierChannel.Direct, 10, -3),                      // overdue
            new Spec($"Lọc {tag} Hai", "0913000002", "079100000002", DossierChannel.Online, 5, 0.05),                     // due soon
            new Spec($"Lọc {tag} Ba", "0913000003", "079100000003", DossierChannel.Postal, 1, 12),                        // within time
            new Spec($"Lọc {tag} Bốn", "0913000004", "079100000004", DossierChannel.Direct, 2, 20, DossierStatus.AwaitingApproval));
        using var specialist = await app.LoginAsync("chuyenvien");
        var q = "q=" + Uri.EscapeDataString(tag);

        Assert.Equal([codes[0]], await UnitCodesAsync(specialist, q + "&hantrang=quahan"));
        Assert.Equal([codes[1]], await UnitCodesAsync(specialist, q + "&hantrang=sapden"));
        Assert.Equal([codes[2], codes[3]], await UnitCodesAsync(specialist, q + "&hantrang=tronghan"));
        Assert.Equal([codes[3]], await UnitCodesAsync(specialist, q + "&trangthai=AwaitingApproval"));
        Assert.Equal([codes[1]], await UnitCodesAsync(specialist, q + "&kenh=tructuyen"));
        Assert.Equal([codes[2]], await UnitCodesAsync(specialist, q + "&kenh=buuchinh"));
        Assert.Equal([codes[0], codes[3]], await UnitCodesAsync(specialist, q + "&kenh=tructiep"));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        string Day(int ago) => today.AddDays(-ago).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal([codes[1], codes[3]], await UnitCodesAsync(specialist, q + "&tu=" + Day(5) + "&den=" + Day(2)));
        Assert.Equal([codes[2]], await UnitCodesAsync(specialist, q + "&tu=" + Day(1)));
        // Sorts: due (default), most recently received first, code.
        Assert.Equal([codes[0], codes[1], codes[2], codes[3]], await UnitCodesAsync(specialist, q));
        Assert.Equal([codes[2], codes[3], codes[1], codes[0]], await UnitCodesAsync(specialist, q + "&sapxep=tiepnhan"));
        Assert.Equal(codes.Order(StringComparer.Ordinal).ToList(), await UnitCodesAsync(specialist, q + "&sapxep=ma"));
        // A value that cannot be read is said and ignored.
        var html = WebUtility.HtmlDecode(await specialist.GetStringAsync("/ho-so/hang-doi?" + q + "&hantrang=abc"));
        Assert.Contains("Không hiểu tình hình hạn \"abc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rows_show_days_left_and_the_responsible_unit()
    {
        var tag = Tag();
        var codes = await DossiersAsync(
            new Spec($"Còn {tag} Một", "0914000001", "079200000001", DossierChannel.Direct, 10, -5),
            new Spec($"Còn {tag} Hai", "0914000002", "079200000002", DossierChannel.Direct, 1, 10));
        using var specialist = await app.LoginAsync("chuyenvien");
        var rows = await UnitRowsAsync(specialist, "q=" + Uri.EscapeDataString(tag));
        Assert.Equal(2, rows.Count);
        Assert.Matches("data-testid=\"remaining\">Quá [0-9]+ ngày<", rows[0]);
        Assert.Matches("data-testid=\"remaining\">[0-9]+ ngày<", rows[1]);
        Assert.All(rows, r => Assert.Contains("<td>" + Tdc + "</td>", r, StringComparison.Ordinal));
        Assert.Contains(codes[0], rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_specialist_never_sees_another_units_dossiers_by_changing_the_query_string()
    {
        var tag = Tag();
        var codes = await DossiersAsync(
            new Spec($"Phạm vi {tag} Một", "0915000001", "079300000001", DossierChannel.Direct, 1, 5, Unit: Management),
            new Spec($"Phạm vi {tag} Hai", "0915000002", "079300000002", DossierChannel.Direct, 1, 5));
        int management;
        await using (var db = app.CreateDbContext())
        {
            management = await db.Units.Where(u => u.Name == Management).Select(u => u.Id).SingleAsync();
        }
        using var specialist = await app.LoginAsync("chuyenvien");
        var html = WebUtility.HtmlDecode(await specialist.GetStringAsync($"/ho-so/hang-doi?donvi={management}&q=" + Uri.EscapeDataString(tag)));
        Assert.DoesNotContain(codes[0], html, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[1], html, StringComparison.Ordinal);
        Assert.Contains("Bạn chỉ xem được hồ sơ của đơn vị mình", html, StringComparison.Ordinal);
        var listed = RowRegex().Matches(await specialist.GetStringAsync("/ho-so/hang-doi?q=" + Uri.EscapeDataString(codes[0])))
            .Select(m => CodeRegex().Match(m.Value).Groups[1].Value).Where(c => c.Length > 0).ToList();
        Assert.DoesNotContain(codes[0], listed);
        var export = await ExportAsync(specialist, $"donvi={management}&q=" + Uri.EscapeDataString(tag));
        Assert.DoesNotContain(export, r => codes.Contains(r["Mã hồ sơ"] as string ?? ""));

        // The agency leadership chooses the unit: the other unit's dossier, and not the specialist's.
        using var leader = await app.LoginAsync("lanhdao");
        Assert.Equal([codes[0]], await UnitCodesAsync(leader, $"donvi={management}&q=" + Uri.EscapeDataString(tag)));
    }

    [Fact]
    public async Task Bulk_assignment_assigns_each_dossier_on_its_own_and_reports_the_one_refused_untouched()
    {
        var tag = Tag();
        var codes = await DossiersAsync(
            new Spec($"Giao {tag} Một", "0916000001", "079400000001", DossierChannel.Direct, 1, 5),
            new Spec($"Giao {tag} Hai", "0916000002", "079400000002", DossierChannel.Direct, 1, 6),
            new Spec($"Giao {tag} Ba", "0916000003", "079400000003", DossierChannel.Direct, 1, 7, DossierStatus.AwaitingApproval));
        int tdc;
        long refusedVersion;
        await using (var db = app.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == Tdc).Select(u => u.Id).SingleAsync();
            refusedVersion = await db.Dossiers.Where(d => d.Code == codes[2]).Select(d => d.Version).SingleAsync();
        }
        using var leader = await app.LoginAsync("lanhdao");
        var path = $"/ho-so/hang-doi?donvi={tdc}&q=" + Uri.EscapeDataString(tag);
        var page = await leader.GetStringAsync(path);
        Assert.Contains("value=\"chuyenvien\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"motcua\"", page, StringComparison.Ordinal);
        var token = await MotCuaApp.AntiforgeryTokenAsync(leader, path);
        var form = codes.Select(c => new KeyValuePair<string, string>("ma", c))
            .Append(new("nguoinhan", "chuyenvien")).Append(new("__RequestVerificationToken", token));
        var response = await leader.PostAsync($"/ho-so/hang-doi?handler=Bulk&donvi={tdc}&q=" + Uri.EscapeDataString(tag), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Kết quả phân công: 2/3 hồ sơ thành công", html, StringComparison.Ordinal);
        foreach (var code in codes[..2])
        {
            Assert.Matches($"data-code=\"{Regex.Escape(code)}\" data-ok=\"true\">.*?Đã phân công cho Trần Văn Minh", Singleline(html));
        }
        var refused = ResultRegex().Matches(html).Single(m => m.Groups[1].Value == codes[2]);
        Assert.Equal("false", refused.Groups[2].Value);
        Assert.Contains("Không thực hiện", refused.Value, StringComparison.Ordinal);

        await using var check = app.CreateDbContext();
        var stored = await check.Dossiers.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d);
        Assert.Equal("chuyenvien", stored[codes[0]].Assignee);
        Assert.Equal("chuyenvien", stored[codes[1]].Assignee);
        Assert.Null(stored[codes[2]].Assignee);
        Assert.Equal(refusedVersion, stored[codes[2]].Version);
        // Audited as the single action: one entry per assigned dossier.
        var audited = await check.AuditEntries.AsNoTracking().Where(a => a.Action == "dossier.transition" && a.Summary.Contains("Phân công")).Select(a => a.Summary).ToListAsync();
        Assert.Single(audited, s => s.Contains(codes[0], StringComparison.Ordinal));
        Assert.Single(audited, s => s.Contains(codes[1], StringComparison.Ordinal));
        Assert.DoesNotContain(audited, s => s.Contains(codes[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bulk_assignment_needs_a_token_a_leader_and_an_officer_of_the_unit()
    {
        var tag = Tag();
        var codes = await DossiersAsync(new Spec($"Chặn {tag} Một", "0917000001", "079500000001", DossierChannel.Direct, 1, 5));
        using var leader = await app.LoginAsync("lanhdao");
        var noToken = await leader.PostAsync("/ho-so/hang-doi?handler=Bulk", new FormUrlEncodedContent([new("ma", codes[0]), new("nguoinhan", "chuyenvien")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var token = await MotCuaApp.AntiforgeryTokenAsync(leader, "/ho-so/hang-doi");
        var html = WebUtility.HtmlDecode(await (await leader.PostAsync("/ho-so/hang-doi?handler=Bulk", new FormUrlEncodedContent(
            [new("ma", codes[0]), new("nguoinhan", "motcua"), new("__RequestVerificationToken", token)]))).Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng chọn chuyên viên của đơn vị", html, StringComparison.Ordinal);

        using var specialist = await app.LoginAsync("chuyenvien");
        Assert.DoesNotContain("data-testid=\"bulk-form\"", await specialist.GetStringAsync("/ho-so/hang-doi"), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.Dossiers.Where(d => d.Code == codes[0]).Select(d => d.Assignee).SingleAsync());
    }

    [Fact]
    public async Task The_export_holds_the_filtered_queue_with_vietnamese_headers_and_dates()
    {
        var tag = Tag();
        var codes = await DossiersAsync(
            new Spec($"Xuất {tag} Một", "0918000001", "079600000001", DossierChannel.Online, 3, -2),
            new Spec($"Xuất {tag} Hai", "0918000002", "079600000002", DossierChannel.Direct, 2, 9),
            new Spec($"Xuất {tag} Ba", "0918000003", "079600000003", DossierChannel.Direct, 2, 9, Unit: Management));
        using var specialist = await app.LoginAsync("chuyenvien");
        var rows = await ExportAsync(specialist, "q=" + Uri.EscapeDataString(tag));
        Assert.Equal([codes[0], codes[1]], rows.Select(r => r["Mã hồ sơ"] as string).ToList());
        Assert.Equal(QueueExport.Columns, rows[0].Keys.ToList());
        Assert.Equal($"Xuất {tag} Một", rows[0]["Người nộp"]);
        Assert.Equal("Trực tuyến", rows[0]["Kênh tiếp nhận"]);
        Assert.Equal(Tdc, rows[0]["Đơn vị xử lý"]);
        Assert.Equal("Quá hạn", rows[0]["Tình hình"]);
        Assert.StartsWith("Quá ", rows[0]["Còn lại"] as string, StringComparison.Ordinal);
        Assert.Matches("^[0-9]{2}/[0-9]{2}/[0-9]{4}$", rows[0]["Ngày tiếp nhận"] as string);
        Assert.Matches("^[0-9]{2}/[0-9]{2}/[0-9]{4}$", rows[0]["Hạn giải quyết"] as string);
        // No contact details or ID numbers leave through the export.
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v is string s && (s.Contains("0918000001", StringComparison.Ordinal) || s.Contains("079600000001", StringComparison.Ordinal)));
        Assert.Equal([codes[0]], (await ExportAsync(specialist, "q=" + Uri.EscapeDataString(tag) + "&hantrang=quahan")).Select(r => r["Mã hồ sơ"] as string).ToList());
    }

    private static string Tag() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static List<string> Mine(IReadOnlyList<string> codes, IReadOnlyList<string> seen) => seen.Where(codes.Contains).ToList();

    private static string Singleline(string html) => html.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal);

    private static async Task<List<Dictionary<string, object?>>> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/ho-so/hang-doi?handler=Excel&hangdoi=donvi&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Where(r => r["Mã hồ sơ"] is not null)
            .Select(r => r.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal)).ToList();
    }

    /// <summary>The codes listed by the unit queue of /ho-so/hang-doi?query (first page), in order.</summary>
    private static async Task<List<string>> UnitCodesAsync(HttpClient client, string query) =>
        (await UnitRowsAsync(client, query)).Select(r => CodeRegex().Match(r).Groups[1].Value).ToList();

    private static async Task<List<string>> UnitRowsAsync(HttpClient client, string query)
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/ho-so/hang-doi?" + query));
        var start = html.IndexOf("data-testid=\"unit-queue\"", StringComparison.Ordinal);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        return RowRegex().Matches(section).Select(m => m.Value).Where(r => r.Contains("href=\"/ho-so/", StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// Real dossiers (received and transferred through the API, so each has its step plan), then placed as the spec says:
    /// unit, status, channel, applicant, receipt and due instants relative to now.
    /// </summary>
    private async Task<List<string>> DossiersAsync(params Spec[] specs)
    {
        Dictionary<string, int> units;
        await using (var db = app.CreateDbContext())
        {
            units = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.Ordinal);
        }
        using var desk = await app.ApiClientAsync("motcua");
        var codes = new List<string>();
        var now = app.Clock.GetUtcNow();
        foreach (var spec in specs)
        {
            var created = await desk.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "1.000173",
                channel = "direct",
                applicant = new { name = spec.Name, idNumber = spec.IdNumber, phone = spec.Phone },
                papers = new[] { new { name = "Đơn đề nghị", present = true } },
                transferToUnitId = units[Tdc],
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
            await using var db = app.CreateDbContext();
            var d = await db.Dossiers.SingleAsync(x => x.Code == code);
            d.CurrentUnitId = units[spec.Unit];
            d.Status = spec.Status;
            d.Channel = spec.Channel;
            d.ReceivedAt = now.AddDays(-spec.ReceivedDaysAgo);
            d.DueAt = spec.DueInDays is { } days ? now.AddDays(days) : null;
            await db.SaveChangesAsync();
            codes.Add(code);
        }
        return codes;
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex("href=\"/ho-so/([^\"]+)\"")]
    private static partial Regex CodeRegex();

    [GeneratedRegex("data-code=\"([^\"]+)\" data-ok=\"(true|false)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex ResultRegex();
}
