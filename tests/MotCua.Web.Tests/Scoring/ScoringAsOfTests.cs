using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Evaluation;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Scoring;

/// <summary>
/// The one-stop scoring scores a month that has not ended as of now: a dossier due tomorrow is not yet overdue, one past
/// its due instant is, and the page says the figures are provisional; an ended month scores the same whenever it is read.
/// Each test has its own app, because the clock moves.
/// </summary>
public sealed class ScoringAsOfTests
{
    // Official month 3/2025: 15/02/2025 – 14/03/2025, running at the default clock (10/03/2025 09:00).
    private const string Month = "/cham-diem-mot-cua?ky=thang&nam=2025&so=3";

    private static (int Pending, int Overdue) Pending(string html) =>
        (StatisticsAsOfTests.Figure(html, "data-pending"), StatisticsAsOfTests.Figure(html, "data-overdue"));

    private static string Cell(string html, string testId)
    {
        var m = Regex.Match(html, "data-testid=\"" + Regex.Escape(testId) + "\"[^>]*>([^<]*)<");
        Assert.True(m.Success, "no " + testId);
        return m.Groups[1].Value.Trim();
    }

    [Fact]
    public async Task A_running_month_scores_a_dossier_due_tomorrow_as_within_time_and_says_the_figures_are_provisional()
    {
        await using var app = new MotCuaApp();
        using var leader = await app.LoginAsync("lanhdao");
        var before = await leader.GetStringAsync(Month);

        await StatisticsAsOfTests.ImportPendingAsync(app);

        var html = await leader.GetStringAsync(Month);
        var (pending, overdue) = Pending(html);
        // Judged at the month's end (14/03) both would be overdue; as of now only the one due last Friday is.
        Assert.Equal((1, 1), (pending - Pending(before).Pending, overdue - Pending(before).Overdue));
        Assert.Contains("Số liệu tạm tính đến 09:00 ngày 10/03/2025", html, StringComparison.Ordinal);

        // The nine indicators are scored over the same as-of period (indicator 9 looks at overdue online dossiers).
        await using (var db = app.CreateDbContext())
        {
            var agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            var period = ReportPeriod.Month(2025, 3).AsOf(app.Clock.GetUtcNow());
            var reporting = ReportingDb.ForPrimary(db);
            var inputs = await IndexQueries.LoadAsync(reporting, agencyId, period, null, default);
            var expected = OneStopEvaluation.Compute(inputs.Facts, inputs.Procedures, inputs.Ballots,
                await IndexQueries.PaknByUnitAsync(reporting, agencyId, period, default), period)[0];
            Assert.Equal(expected.SystemTotal.ToString("0.##", new CultureInfo("vi-VN")), Cell(html, "system-total-agency"));
        }

        // Last month has ended: no provisional line.
        Assert.DoesNotContain("data-testid=\"provisional\"", await leader.GetStringAsync("/cham-diem-mot-cua?ky=thang&nam=2025&so=2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ended_month_scores_the_same_whenever_it_is_read()
    {
        await using var app = new MotCuaApp();
        await StatisticsAsOfTests.ImportPendingAsync(app);

        // Sessions expire as the clock moves: each reading signs in again.
        app.Clock.SetUtcNow(StatisticsAsOfTests.Local(3, 20, 9));
        string first;
        using (var leader = await app.LoginAsync("lanhdao"))
        {
            first = await leader.GetStringAsync(Month);
        }
        Assert.DoesNotContain("data-testid=\"provisional\"", first, StringComparison.Ordinal);
        // Both imported dossiers are past their due instants at the month's end.
        Assert.True(Pending(first).Overdue >= 2);

        app.Clock.SetUtcNow(StatisticsAsOfTests.Local(4, 3, 15));
        using (var leader = await app.LoginAsync("lanhdao"))
        {
            var later = await leader.GetStringAsync(Month);
            Assert.Equal(Scores(first), Scores(later));
            Assert.Equal(Pending(first), Pending(later));
        }
    }

    /// <summary>The figures and every score of the page, from the data indicators to the last unit's table.</summary>
    private static string Scores(string html)
    {
        var m = Regex.Match(html, "data-testid=\"data-indicators\">(.*?)data-testid=\"criteria\"", RegexOptions.Singleline);
        Assert.True(m.Success, "no scores");
        return m.Groups[1].Value;
    }
}
