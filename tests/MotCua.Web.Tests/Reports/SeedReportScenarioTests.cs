using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>
/// The seed report (Tiền Giang Chi cục TĐC, 2020): 15 dossiers received, none carried over, 15 resolved on time;
/// 18 procedures of which 6 full-process online = 33,33%. Loaded through the historical import into an agency of its
/// own; the API, the page, the Excel form and the narrative draft must show exactly those figures, and still do after
/// the catalogue is edited (a closed period is reproducible).
/// </summary>
public sealed class SeedReportScenarioTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private async Task<(string User, int AgencyId)> SeedAgencyAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
        var agency = new Agency { Code = "TG" + suffix, Name = "Chi cục Tiêu chuẩn Đo lường Chất lượng tỉnh Tiền Giang " + suffix };
        db.Agencies.Add(agency);
        var unit = new Unit { Agency = agency, Name = "Bộ phận Một cửa Chi cục", Kind = UnitKind.OneStopDesk };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        var field = new Field { AgencyId = agency.Id, Name = "Tiêu chuẩn đo lường chất lượng" };
        db.CatalogueFields.Add(field);
        await db.SaveChangesAsync();
        for (var i = 1; i <= 18; i++)
        {
            var procedure = new Procedure { AgencyId = agency.Id, Code = "TG." + i.ToString("0000", CultureInfo.InvariantCulture), IsLocalCode = true };
            procedure.Versions.Add(new ProcedureVersion
            {
                Number = 1, State = VersionState.Published, EffectiveFrom = new DateOnly(2019, 12, 5), Name = "Thủ tục đo lường số " + i.ToString(CultureInfo.InvariantCulture),
                FieldId = field.Id, OnlineLevel = i <= 6 ? OnlineServiceLevel.Full : OnlineServiceLevel.Partial,
                ProcessingTimeValue = 7, ProcessingTimeUnit = TimeUnit.WorkingDays, PostalReceipt = i != 18, PostalReturn = i != 18,
            });
            db.Procedures.Add(procedure);
        }
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var userName = "tg" + suffix.ToLowerInvariant();
        var user = new AppUser { UserName = userName, FullName = "Cán bộ đầu mối Tiền Giang", AgencyId = agency.Id, UnitId = unit.Id, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, MotCuaApp.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, [Roles.ControlFocalOfficer, Roles.OneStopOfficer, Roles.Admin])).Succeeded);
        return (userName, agency.Id);
    }

    private static string Iso(DateTimeOffset at) => at.ToOffset(Vn).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_seed_report_figures_come_out_exactly_everywhere_and_survive_catalogue_edits()
    {
        var (userName, agencyId) = await SeedAgencyAsync();
        using var api = await app.ApiClientAsync(userName);
        // 15 dossiers received between March and November 2020, each resolved on its due date before the due hour.
        var records = Enumerable.Range(0, 15).Select(i =>
        {
            var received = new DateTimeOffset(2020, 3 + (i % 9), 2 + i, 8, 30, 0, Vn);
            var due = new DateTimeOffset(received.Date.AddDays(9).Add(TimeSpan.FromHours(17)), Vn);
            var resolved = due.AddHours(-6);
            return new
            {
                procedureCode = "TG." + ((i % 18) + 1).ToString("0000", CultureInfo.InvariantCulture),
                channel = i % 3 == 0 ? "online" : i % 3 == 1 ? "direct" : "postal",
                applicant = new { name = "Doanh nghiệp " + i.ToString(CultureInfo.InvariantCulture), phone = "0273387" + i.ToString("0000", CultureInfo.InvariantCulture) },
                receivedAt = Iso(received), dueAt = Iso(due), resolvedAt = Iso(resolved), returnedAt = Iso(resolved.AddHours(1)),
            };
        }).ToList();
        var imported = await api.PostAsJsonAsync("/api/dossiers/import", records);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        await AssertSeedFiguresAsync(userName, api);

        // Catalogue edits after the period: a new version (renamed, full online) from 2021 and a renamed field.
        await using (var db = app.CreateDbContext())
        {
            var v1 = await db.ProcedureVersions.Include(v => v.Procedure).Where(v => v.Procedure!.AgencyId == agencyId).ToListAsync();
            foreach (var v in v1)
            {
                v.EffectiveTo = new DateOnly(2020, 12, 31);
                db.ProcedureVersions.Add(new ProcedureVersion
                {
                    ProcedureId = v.ProcedureId, Number = 2, State = VersionState.Published, EffectiveFrom = new DateOnly(2021, 1, 1),
                    Name = v.Name + " (sửa đổi 2021)", FieldId = v.FieldId, OnlineLevel = OnlineServiceLevel.Full, ProcessingTimeValue = 5, ProcessingTimeUnit = TimeUnit.WorkingDays,
                });
            }
            var field = await db.CatalogueFields.SingleAsync(f => f.AgencyId == agencyId);
            field.Name = "Lĩnh vực đổi tên sau kỳ báo cáo";
            await db.SaveChangesAsync();
        }
        await AssertSeedFiguresAsync(userName, api);
    }

    private async Task AssertSeedFiguresAsync(string userName, HttpClient api)
    {
        // API, grouped by agency, the official year 2020 (15/12/2019 – 14/12/2020).
        var rows = JsonDocument.Parse(await api.GetStringAsync("/api/reports/dossiers?period=2020&groupBy=agency")).RootElement;
        var row = Assert.Single(rows.EnumerateArray());
        int V(string name) => row.GetProperty(name).GetInt32();
        Assert.Equal(15, V("receivedOnline") + V("receivedDirect") + V("receivedPostal"));
        Assert.Equal(0, V("carriedOver"));
        Assert.Equal(15, V("resolvedOnTime"));
        Assert.Equal(0, V("resolvedEarly") + V("resolvedLate") + V("pendingWithinTime") + V("pendingOverdue") + V("withdrawn") + V("refused") + V("stopped") + V("refusedAtDesk"));

        // By field: the pinned name, not the renamed one.
        var byField = JsonDocument.Parse(await api.GetStringAsync("/api/reports/dossiers?from=2019-12-15&to=2020-12-14&groupBy=field")).RootElement;
        Assert.Equal("Tiêu chuẩn đo lường chất lượng", Assert.Single(byField.EnumerateArray()).GetProperty("name").GetString());
        var byProcedure = JsonDocument.Parse(await api.GetStringAsync("/api/reports/dossiers?period=2020&groupBy=procedure")).RootElement;
        Assert.Equal(15, byProcedure.GetArrayLength());
        Assert.All(byProcedure.EnumerateArray(), p => Assert.DoesNotContain("2021", p.GetProperty("name").GetString()!, StringComparison.Ordinal));

        // The page.
        using var page = await app.LoginAsync(userName);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/bao-cao/ho-so?Ky=2020"));
        Assert.Contains("Năm 2020", html, StringComparison.Ordinal);
        Assert.Contains("Từ ngày 15/12/2019 đến ngày 14/12/2020", html, StringComparison.Ordinal);
        Assert.Contains("6/18 (33,33%)", html, StringComparison.Ordinal);
        // The totals row: 15 received, none carried over, 15 on time, each non-zero cell a drill-down link.
        var totalRow = System.Text.RegularExpressions.Regex.Match(html, "<tr data-key=\"total\"[\\s\\S]*?</tr>").Value;
        string CellOf(string cell) => System.Text.RegularExpressions.Regex.Match(totalRow, "data-cell=\"" + cell + "\">(.*?)</td>").Groups[1].Value;
        Assert.Matches("<a href=\"[^\"]*Cell=total[^\"]*\">15</a>", CellOf("total"));
        Assert.Equal("0", CellOf("carriedOver"));
        Assert.Matches("<a href=\"[^\"]*Row=total&Cell=resolvedOnTime[^\"]*\">15</a>", CellOf("resolvedOnTime"));
        Assert.Equal("0", CellOf("resolvedLate"));
        Assert.Equal("0", CellOf("pending"));
        Assert.Contains("Khớp", totalRow, StringComparison.Ordinal);
        Assert.Contains("100%", html, StringComparison.Ordinal); // on-time rate

        // The drill-down of the on-time cell lists the 15 dossiers.
        var drill = await page.GetStringAsync("/bao-cao/ho-so?Ky=2020&Row=total&Cell=resolvedOnTime");
        Assert.Contains("(15 hồ sơ)", WebUtility.HtmlDecode(drill), StringComparison.Ordinal);

        // Excel: the totals row carries 15 / 0 carried over / 15 on time.
        var xlsx = await page.GetByteArrayAsync("/bao-cao/ho-so?handler=Excel&Ky=2020");
        var cells = ReadSheet(xlsx);
        var totalLine = cells.Where(c => c.Value == "Tổng cộng").Select(c => c.Row).Single();
        string At(int column) => cells.Single(c => c.Row == totalLine && c.Column == column).Value;
        Assert.Equal("15", At(3));
        Assert.Equal("0", At(7));
        Assert.Equal("15", At(8));
        Assert.Equal("15", At(10));
        Assert.Equal("0", At(11));
        Assert.Contains(cells, c => c.Value == "Biểu số 06/VPCP/KSTT");
        Assert.Contains(cells, c => c.Value.Contains("Từ ngày 15/12/2019 đến ngày 14/12/2020", StringComparison.Ordinal));

        // The narrative draft.
        var docx = await page.GetByteArrayAsync("/bao-cao/ho-so?handler=Word&Ky=2020");
        var text = ReadDocx(docx);
        Assert.Contains("hồ sơ mới tiếp nhận: 15 hồ sơ", text, StringComparison.Ordinal);
        Assert.Contains("không có hồ sơ từ kỳ báo cáo trước chuyển qua", text, StringComparison.Ordinal);
        Assert.Contains("đúng hạn 15 hồ sơ, không có hồ sơ giải quyết quá hạn", text, StringComparison.Ordinal);
        Assert.Contains("6/18 TTHC cung cấp dịch vụ công trực tuyến toàn trình, đạt tỷ lệ 33,33%", text, StringComparison.Ordinal);
        Assert.Contains("18/18 TTHC được cung cấp dịch vụ công trực tuyến", text, StringComparison.Ordinal);
        Assert.Contains("17 TTHC thực hiện; 1 TTHC không thực hiện", text, StringComparison.Ordinal);
        // Nothing was recorded as posted: the draft no longer claims 100%.
        Assert.Contains("00/18 TTHC đang có hiệu lực được niêm yết công khai", text, StringComparison.Ordinal);
    }

    internal sealed record SheetCell(int Row, int Column, string Value);

    internal static List<SheetCell> ReadSheet(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var s = entry.Open();
        var xml = XDocument.Load(s);
        return xml.Descendants(ns + "c").Where(c => c.Element(ns + "v") is not null || c.Element(ns + "is") is not null).Select(c =>
        {
            var reference = (string)c.Attribute("r")!;
            var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
            var column = letters.Aggregate(0, (n, ch) => (n * 26) + (ch - 'A' + 1));
            var row = int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture);
            var value = c.Element(ns + "v")?.Value ?? string.Concat(c.Element(ns + "is")!.Descendants(ns + "t").Select(t => t.Value));
            return new SheetCell(row, column, value);
        }).ToList();
    }

    internal static string ReadDocx(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        using var s = zip.GetEntry("word/document.xml")!.Open();
        var xml = XDocument.Load(s);
        return string.Join("\n", xml.Descendants(w + "p").Select(p => string.Concat(p.Descendants(w + "t").Select(t => t.Value))));
    }
}
