using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Feedback;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Indices;

/// <summary>
/// The PAKN figures of the one-stop scoring follow merges as dossiers do: those of an agency merged into the scope, and
/// of a unit merged into another, count once under the successor for periods ending on or after the merge, and before
/// it stay the predecessor's.
/// </summary>
public sealed class IndexPaknLineageTests
{
    [Fact]
    public async Task Pakn_of_a_merged_agency_and_a_merged_unit_count_once_under_the_successor_after_the_merge()
    {
        await using var app = new MotCuaApp();
        // Official months: June 2025 = 15/05–14/06, July = 15/06–14/07, August = 15/07–14/08. The demo's Phú Yên
        // department merged into the demo agency on 01/07/2025; here unit A merges into unit B on 01/08/2025.
        var june = ReportPeriod.Month(2025, 6);
        var july = ReportPeriod.Month(2025, 7);
        var august = ReportPeriod.Month(2025, 8);
        int agencyId, predecessorId, a, b;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Users.Where(u => u.UserName == "daumoi").Select(u => u.AgencyId).SingleAsync();
            var predecessor = await db.Agencies.Where(x => x.SucceededById == agencyId).OrderBy(x => x.Id).FirstAsync();
            Assert.True(predecessor.SucceededFrom > june.End && predecessor.SucceededFrom <= july.End, "the demo merge date moved");
            predecessorId = predecessor.Id;
            var units = await db.Units.Where(u => u.AgencyId == agencyId && u.SucceededById == null).OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToListAsync();
            (a, b) = (units[0], units[1]);
            var mergedOn = new DateOnly(2025, 8, 1);
            await db.Units.Where(u => u.Id == a).ExecuteUpdateAsync(s => s.SetProperty(u => u.SucceededById, b).SetProperty(u => u.SucceededFrom, mergedOn));
        }

        var before = await CountsAsync(app, agencyId, predecessorId, june, july, august);
        await using (var db = app.CreateDbContext())
        {
            // Closed items stay where they were: the merges move open ones only.
            db.FeedbackItems.AddRange(
                Item(predecessorId, null, "PAKN-LIN-P1", new DateTimeOffset(2025, 7, 20, 2, 0, 0, TimeSpan.Zero)),
                Item(predecessorId, null, "PAKN-LIN-P0", new DateTimeOffset(2025, 6, 5, 2, 0, 0, TimeSpan.Zero)),
                Item(agencyId, a, "PAKN-LIN-A1", new DateTimeOffset(2025, 8, 5, 2, 0, 0, TimeSpan.Zero)),
                Item(agencyId, a, "PAKN-LIN-A0", new DateTimeOffset(2025, 7, 5, 2, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();
        }
        var after = await CountsAsync(app, agencyId, predecessorId, june, july, august);

        string Key(int unit) => unit.ToString(CultureInfo.InvariantCulture);
        int Added(string period, string key, Func<PaknCounts, int> figure) =>
            figure(after[period].GetValueOrDefault(key) ?? Zero) - figure(before[period].GetValueOrDefault(key) ?? Zero);
        int AddedTotal(string period) => after[period].Values.Sum(c => c.Received) - before[period].Values.Sum(c => c.Received);

        // August ends after both merges: the merged unit's item under B, the merged agency's under the successor, each once.
        Assert.Equal(1, Added("S/" + august.Key, Key(b), c => c.Received));
        Assert.Equal(1, Added("S/" + august.Key, Key(b), c => c.HandledOnTime));
        Assert.False(after["S/" + august.Key].ContainsKey(Key(a)));
        Assert.Equal(1, Added("S/" + august.Key, DossierProjection.NoUnitKey, c => c.Received));
        Assert.Equal(2, AddedTotal("S/" + august.Key));

        // July ends after the agency merge but before the unit merge: A's item is still A's.
        Assert.Equal(1, Added("S/" + july.Key, Key(a), c => c.Received));
        Assert.Equal(0, Added("S/" + july.Key, Key(b), c => c.Received));
        Assert.Equal(1, AddedTotal("S/" + july.Key));

        // June ends before the agency merge: the predecessor's item is its own only.
        Assert.Equal(0, AddedTotal("S/" + june.Key));
        Assert.Equal(1, AddedTotal("P/" + june.Key));
    }

    [Fact]
    public async Task The_agencys_report_counts_a_merged_agencys_pakn_after_the_merge_and_leaves_the_earlier_report_as_it_was()
    {
        await using var app = new MotCuaApp();
        var june = ReportPeriod.Month(2025, 6);
        var july = ReportPeriod.Month(2025, 7);
        int agencyId, predecessorId;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Users.Where(u => u.UserName == "daumoi").Select(u => u.AgencyId).SingleAsync();
            predecessorId = (await db.Agencies.Where(x => x.SucceededById == agencyId).OrderBy(x => x.Id).FirstAsync()).Id;
        }

        async Task<(int Successor, int Predecessor)> ReceivedAsync(ReportPeriod period)
        {
            await using var db = app.CreateDbContext();
            var reporting = ReportingDb.ForPrimary(db);
            var request = new ReportRequest(period, GroupBy.Agency, ReportOptions.Default);
            return ((await ReportBundle.LoadAsync(reporting, agencyId, request, default)).Pakn.Received,
                (await ReportBundle.LoadAsync(reporting, predecessorId, request, default)).Pakn.Received);
        }

        var (julyBefore, juneBefore) = (await ReceivedAsync(july), await ReceivedAsync(june));
        await using (var db = app.CreateDbContext())
        {
            db.FeedbackItems.AddRange(
                Item(predecessorId, null, "PAKN-RPT-P1", new DateTimeOffset(2025, 7, 2, 2, 0, 0, TimeSpan.Zero)),
                Item(predecessorId, null, "PAKN-RPT-P0", new DateTimeOffset(2025, 6, 5, 2, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();
        }
        var (julyAfter, juneAfter) = (await ReceivedAsync(july), await ReceivedAsync(june));

        // July ends after the merge (01/07/2025): the predecessor's July item is the successor's, once.
        Assert.Equal(julyBefore.Successor + 1, julyAfter.Successor);
        // June ends before it: the successor's June report is unchanged, the predecessor's own counts its item.
        Assert.Equal(juneBefore.Successor, juneAfter.Successor);
        Assert.Equal(juneBefore.Predecessor + 1, juneAfter.Predecessor);
    }

    private static readonly PaknCounts Zero = new(0, 0);

    [Fact]
    public async Task In_a_running_month_an_open_pakn_is_prolonged_only_once_its_due_instant_has_passed()
    {
        await using var app = new MotCuaApp();
        // Official month 3/2025 runs 15/02–14/03; the clock is 10/03/2025, so the month is counted as of now.
        var march = ReportPeriod.Month(2025, 3).AsOf(app.Clock.GetUtcNow());
        int agencyId;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Users.Where(u => u.UserName == "daumoi").Select(u => u.AgencyId).SingleAsync();
        }
        var before = await CountsAsync(app, agencyId, agencyId, march);
        await using (var db = app.CreateDbContext())
        {
            var received = new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
            var overdue = Item(agencyId, null, "PAKN-ASOF-1", received);
            (overdue.Status, overdue.ClosedAt, overdue.DueAt) = (FeedbackStatus.Handling, null, new DateTimeOffset(2025, 3, 7, 10, 0, 0, TimeSpan.Zero));
            var dueLater = Item(agencyId, null, "PAKN-ASOF-2", received);
            (dueLater.Status, dueLater.ClosedAt, dueLater.DueAt) = (FeedbackStatus.Handling, null, new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
            db.FeedbackItems.AddRange(overdue, dueLater);
            await db.SaveChangesAsync();
        }
        var after = await CountsAsync(app, agencyId, agencyId, march);

        int Added(Func<PaknCounts, int> figure) => after["S/" + march.Key].Values.Sum(figure) - before["S/" + march.Key].Values.Sum(figure);
        Assert.Equal(2, Added(c => c.Received));
        // Due on 12/03, two days after now: not yet prolonged, although the month ends after it.
        Assert.Equal(1, Added(c => c.Prolonged));
    }

    private static async Task<Dictionary<string, IReadOnlyDictionary<string, PaknCounts>>> CountsAsync(
        MotCuaApp app, int agencyId, int predecessorId, params ReportPeriod[] periods)
    {
        await using var ctx = app.CreateDbContext();
        var reporting = ReportingDb.ForPrimary(ctx);
        var result = new Dictionary<string, IReadOnlyDictionary<string, PaknCounts>>(StringComparer.Ordinal);
        foreach (var period in periods)
        {
            result["S/" + period.Key] = await IndexQueries.PaknByUnitAsync(reporting, agencyId, period, default);
            result["P/" + period.Key] = await IndexQueries.PaknByUnitAsync(reporting, predecessorId, period, default);
        }
        return result;
    }

    private static FeedbackItem Item(int agency, int? unit, string code, DateTimeOffset received) => new()
    {
        AgencyId = agency, AssignedUnitId = unit, Code = code, ReceivedAt = received, Channel = "portal",
        SenderName = "Trần Văn Bình", SenderAddress = "12 Lê Lợi, Tuy Hòa", SenderPhone = "0905318274",
        Title = "Thủ tục cấp phép chậm", Content = "Hồ sơ nộp đã lâu chưa có kết quả.", ContentType = default,
        Status = FeedbackStatus.Published, DueAt = received.AddDays(14), ClosedAt = received.AddDays(3),
    };
}
