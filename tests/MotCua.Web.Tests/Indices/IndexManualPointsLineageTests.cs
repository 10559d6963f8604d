using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Indices;

/// <summary>
/// Manual points of the 766 index follow merges as dossiers do: for a period ending on or after the merge, the
/// successor counts its own entry, else the predecessors' (the lowest of several), and its page names where they came
/// from; for a period ending before the merge nothing is carried.
/// </summary>
public sealed class IndexManualPointsLineageTests
{
    private static readonly DateTimeOffset Entered = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static IndexManualScore Score(int agency, int scope, string period, string code, decimal points) => new()
    {
        AgencyId = agency, ScopeUnitId = scope, PeriodKey = period, IndicatorCode = code, Points = points, EnteredBy = "daumoi", EnteredAt = Entered,
    };

    [Fact]
    public async Task Points_of_merged_units_are_carried_to_the_successor_unit_named_and_lowest_first()
    {
        await using var app = new MotCuaApp();
        // Official months: August 2025 = 15/07–14/08 ends after the merge on 01/08, July = 15/06–14/07 before it.
        var august = ReportPeriod.Month(2025, 8);
        var july = ReportPeriod.Month(2025, 7);
        int agencyId, first, second, into;
        string firstName, secondName;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Users.Where(u => u.UserName == "daumoi").Select(u => u.AgencyId).SingleAsync();
            var units = await db.Units.Where(u => u.AgencyId == agencyId && u.SucceededById == null).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).Take(3).ToListAsync();
            (first, second, into) = (units[0].Id, units[1].Id, units[2].Id);
            (firstName, secondName) = (units[0].Name, units[1].Name);
            var mergedOn = new DateOnly(2025, 8, 1);
            await db.Units.Where(u => u.Id == first || u.Id == second)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.SucceededById, into).SetProperty(u => u.SucceededFrom, mergedOn));
            db.IndexManualScores.AddRange(
                Score(agencyId, first, august.Key, "1.3", 6m),
                Score(agencyId, second, august.Key, "1.3", 4.5m),
                Score(agencyId, first, august.Key, "6.4", 3m),
                Score(agencyId, into, august.Key, "6.4", 8m),
                Score(agencyId, first, july.Key, "1.3", 5m));
            await db.SaveChangesAsync();
        }

        await using (var ctx = app.CreateDbContext())
        {
            var carried = await IndexQueries.ManualPointsWithCarryAsync(ctx, agencyId, into, august, default);
            Assert.Equal(4.5m, carried.Points["1.3"]);
            Assert.Equal(8m, carried.Points["6.4"]); // the successor's own entry wins
            Assert.Equal([secondName, firstName], carried.Carried["1.3"].From.Select(f => f.Source));
            Assert.False(carried.Carried.ContainsKey("6.4"));

            // Before the merge nothing is carried, and the merged unit keeps its own points.
            Assert.Empty(await IndexQueries.ManualPointsAsync(ctx, agencyId, into, july, default));
            Assert.Equal(5m, (await IndexQueries.ManualPointsAsync(ctx, agencyId, first, july, default))["1.3"]);
            Assert.Equal(6m, (await IndexQueries.ManualPointsAsync(ctx, agencyId, first, august, default))["1.3"]);
        }

        using var focal = await app.LoginAsync("daumoi");
        var query = "ky=thang&nam=2025&so=8&donvi=" + into.ToString(CultureInfo.InvariantCulture);
        var page = await focal.GetStringAsync("/chi-so-766/nhap-diem?" + query);
        var row13 = Row(page, "1.3");
        Assert.Contains("Chuyển từ " + secondName + ": 4,5 điểm", WebUtility.HtmlDecode(row13), StringComparison.Ordinal);
        Assert.Contains("value=\"4,5\"", row13, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"carried-6.4\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"carried-note\"", page, StringComparison.Ordinal);

        // Saving confirms the carried point as the successor's own entry.
        var token = await MotCuaApp.AntiforgeryTokenAsync(focal, "/chi-so-766/nhap-diem?" + query);
        using var saved = await focal.PostAsync("/chi-so-766/nhap-diem?" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Points[1.3]"] = "4,5", ["Points[6.4]"] = "8", ["__RequestVerificationToken"] = token,
        }));
        var after = await saved.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"saved\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"carried-1.3\"", after, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(4.5m, await db.IndexManualScores.Where(m => m.ScopeUnitId == into && m.PeriodKey == august.Key && m.IndicatorCode == "1.3").Select(m => m.Points).SingleAsync());
        }

        var july13 = await focal.GetStringAsync("/chi-so-766/nhap-diem?ky=thang&nam=2025&so=7&donvi=" + into.ToString(CultureInfo.InvariantCulture));
        Assert.DoesNotContain("data-testid=\"carried-", july13, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Points_of_a_merged_agency_are_carried_to_its_successor_for_periods_ending_after_the_merge()
    {
        await using var app = new MotCuaApp();
        // The demo's Phú Yên department merged into the demo agency on 01/07/2025: official Q3 (15/06–14/09) ends after, Q2 before.
        var q3 = ReportPeriod.Quarter(2025, 3);
        var q2 = ReportPeriod.Quarter(2025, 2);
        int agencyId, predecessorId, unit;
        string predecessorName;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Users.Where(u => u.UserName == "daumoi").Select(u => u.AgencyId).SingleAsync();
            var predecessor = await db.Agencies.Where(a => a.SucceededById == agencyId).OrderBy(a => a.Id).FirstAsync();
            Assert.True(predecessor.SucceededFrom > q2.End && predecessor.SucceededFrom <= q3.End, "the demo merge date moved");
            (predecessorId, predecessorName) = (predecessor.Id, predecessor.Name);
            // A unit the predecessor brought along: its points were entered under the predecessor.
            unit = await db.Units.Where(u => u.AgencyId == agencyId && u.SucceededById == null).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
            db.IndexManualScores.AddRange(
                Score(predecessorId, 0, q3.Key, "1.3", 7m),
                Score(predecessorId, 0, q3.Key, "6.4", 2m),
                Score(agencyId, 0, q3.Key, "6.4", 9m),
                Score(predecessorId, 0, q2.Key, "1.3", 3m),
                Score(predecessorId, unit, q3.Key, "1.3", 5.5m));
            await db.SaveChangesAsync();
        }

        await using (var ctx = app.CreateDbContext())
        {
            var agency = await IndexQueries.ManualPointsWithCarryAsync(ctx, agencyId, null, q3, default);
            Assert.Equal(7m, agency.Points["1.3"]);
            Assert.Equal(9m, agency.Points["6.4"]);
            Assert.Equal(predecessorName, agency.Carried["1.3"].Source);
            Assert.Equal(["1.3"], agency.Carried.Keys);

            var ofUnit = await IndexQueries.ManualPointsWithCarryAsync(ctx, agencyId, unit, q3, default);
            Assert.Equal(5.5m, ofUnit.Points["1.3"]);
            Assert.Equal(predecessorName, ofUnit.Carried["1.3"].Source);

            // Before the merge the successor has nothing of the predecessor's, and the predecessor's own points stay.
            Assert.Empty(await IndexQueries.ManualPointsAsync(ctx, agencyId, null, q2, default));
            Assert.Equal(3m, (await IndexQueries.ManualPointsAsync(ctx, predecessorId, null, q2, default))["1.3"]);
            Assert.Equal(2m, (await IndexQueries.ManualPointsAsync(ctx, predecessorId, null, q3, default))["6.4"]);

            // The index reads the carried point.
            var view = await Index766View.ComputeAsync(ReportingDb.ForPrimary(ctx), agencyId, q3, null, default);
            Assert.Equal(7m, view.Result.Indicator("1.3")?.EarnedPoints);
        }

        using var focal = await app.LoginAsync("daumoi");
        var page = WebUtility.HtmlDecode(await focal.GetStringAsync("/chi-so-766/nhap-diem?ky=quy&nam=2025&so=3"));
        Assert.Contains("Chuyển từ " + predecessorName + ": 7 điểm", Row(page, "1.3"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"carried-6.4\"", page, StringComparison.Ordinal);
    }

    private static string Row(string html, string code)
    {
        var m = Regex.Match(html, "data-testid=\"manual-row-" + Regex.Escape(code) + "\".*?</tr>", RegexOptions.Singleline);
        Assert.True(m.Success, "no row " + code);
        return m.Value;
    }
}
