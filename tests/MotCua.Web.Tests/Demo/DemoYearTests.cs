using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Evaluation;
using MotCua.Core.Feedback;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Demo;

/// <summary>
/// The demo's generated year must look like a well-run department: the figures are read from the rows the reports,
/// the public statistics and the 766 index read, so what these tests accept is what a visitor sees.
/// </summary>
public sealed class DemoYearTests(DemoYearTests.App app) : IClassFixture<DemoYearTests.App>
{
    public sealed class App : MotCuaApp
    {
        public App()
        {
            Settings[DemoHistory.Setting] = "true";
            Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        }
    }

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task Almost_every_resolved_dossier_is_on_time_and_the_late_ones_gather_in_a_few_procedures()
    {
        var rows = await ReadAsync(db => db.ReportDossiers.AsNoTracking().Where(r => r.ClosedKind == ClosingKind.Resolved && r.DueAt != null)
            .Select(r => new { r.ProcedureName, r.ClosedAt, r.ClosedAtReturn, DueAt = r.DueAt!.Value }).ToListAsync());
        Assert.True(rows.Count > 600, rows.Count + " resolved dossiers");
        var late = rows.Where(r => DeadlineCalculator.ClassifyResolved(new DateTimeOffset(r.ClosedAt, TimeSpan.Zero), r.DueAt)
            == ResolutionTimeliness.Late).ToList();
        Assert.InRange(100.0 * (rows.Count - late.Count) / rows.Count, 93, 99);
        var worstTwo = late.GroupBy(r => r.ProcedureName).Select(g => g.Count()).OrderDescending().Take(2).Sum();
        Assert.True(worstTwo * 2 >= late.Count, $"{worstTwo} of {late.Count} late dossiers in the two slowest procedures");
        var early = rows.Count(r => DeadlineCalculator.ClassifyResolved(new DateTimeOffset(r.ClosedAt, TimeSpan.Zero), r.DueAt)
            == ResolutionTimeliness.Early);
        Assert.True(early * 2 > rows.Count, $"{early} of {rows.Count} resolved early");
        var returned = rows.Where(r => r.ClosedAtReturn != DossierProjection.Open).ToList();
        var returnedByDue = returned.Count(r => r.ClosedAtReturn <= r.DueAt.UtcTicks);
        Assert.InRange(100.0 * returnedByDue / returned.Count, 92, 99);
    }

    [Fact]
    public async Task A_few_dossiers_are_supplemented_rarely_twice_and_only_those_answer_yes_to_supplementing_more_than_once()
    {
        var dossiers = await ReadAsync(db => db.Dossiers.AsNoTracking().Where(d => d.Status != DossierStatus.Refused)
            .Select(d => new { d.Id, d.Status, d.PausesJson }).ToListAsync());
        var rounds = dossiers.ToDictionary(d => d.Id, d => JsonSerializer.Deserialize<List<JsonElement>>(d.PausesJson)!
            .Count(p => p.GetProperty("reason").GetInt32() == (int)PauseReason.AwaitingSupplement));
        var supplemented = rounds.Values.Count(r => r > 0);
        var twice = rounds.Values.Count(r => r > 1);
        Assert.InRange(100.0 * supplemented / dossiers.Count, 4, 11);
        Assert.InRange(twice, 1, Math.Max(1, supplemented / 5));
        Assert.InRange(100.0 * dossiers.Count(d => d.Status == DossierStatus.RefusedAfterReceipt) / dossiers.Count, 1, 5);

        var ballots = await ReadAsync(db => db.DossierEvaluations.AsNoTracking().Where(e => e.QuestionnaireVersion == CitizenQuestionnaires.Experience.Version)
            .Select(e => new { e.DossierId, e.Answers }).ToListAsync());
        Assert.NotEmpty(ballots);
        var repeated = CitizenQuestionnaires.Experience.Questions.ToList().FindIndex(q => q.Key == "bo-sung");
        Assert.All(ballots, b => Assert.Equal(rounds[b.DossierId] > 1 ? "1" : "0", b.Answers.Split(',')[repeated]));
        var overall = CitizenQuestionnaires.Experience.Questions.ToList().FindIndex(q => q.Key == "chung");
        var dissatisfied = ballots.Count(b => int.Parse(b.Answers.Split(',')[overall], System.Globalization.CultureInfo.InvariantCulture) <= 2);
        Assert.InRange(100.0 * dissatisfied / ballots.Count, 0, 8);
    }

    [Fact]
    public async Task Feedback_is_answered_on_time_but_for_one_or_two()
    {
        var items = await ReadAsync(db => db.FeedbackItems.AsNoTracking().Select(f => new { f.DueAt, f.ClosedAt, f.Status }).ToListAsync());
        Assert.True(items.Count >= 20, items.Count + " PAKN");
        var now = app.Clock.GetUtcNow();
        var overdue = items.Count(f => (f.ClosedAt ?? now) > f.DueAt && f.Status != FeedbackStatus.OutOfScope);
        Assert.InRange(overdue, 1, 2);
        Assert.True(items.Count(f => f.Status == FeedbackStatus.Published) * 10 >= items.Count * 8);
    }

    [Fact]
    public async Task Every_demo_PAKN_came_in_through_a_channel_the_register_names_in_Vietnamese()
    {
        var channels = await ReadAsync(db => db.FeedbackItems.AsNoTracking().Select(f => f.Channel).Distinct().ToListAsync());
        Assert.Contains("direct", channels);
        Assert.All(channels, c => Assert.NotEqual(c, FeedbackFilter.ChannelName(c)));
    }

    [Fact]
    public async Task Results_collected_at_the_commune_centre_stand_at_each_hand_back_stage()
    {
        var rows = await ReadAsync(db => db.Dossiers.AsNoTracking().Where(d => d.ReturnAtCentreId != null)
            .Select(d => new
            {
                d.Status, d.ReturnAtCentreId, d.ReceivingAgencyId, d.CompletedAt, d.ReturnedAt,
                HandBack = db.Set<ResultHandBackRecord>().Where(h => h.DossierId == d.Id).Select(h => new { h.SentAt, h.ReceivedAt, h.SentBy, h.ReceivedBy }).FirstOrDefault(),
            }).ToListAsync());
        Assert.All(rows, r => Assert.Equal(r.ReceivingAgencyId, r.ReturnAtCentreId));
        Assert.Contains(rows, r => r.Status == DossierStatus.ResultIssued && r.HandBack is null);
        Assert.Contains(rows, r => r.Status == DossierStatus.ResultIssued && r.HandBack is { ReceivedAt: null, SentBy: "motcua" });
        Assert.Contains(rows, r => r.Status == DossierStatus.ResultIssued && r.HandBack is { ReceivedAt: not null, ReceivedBy: "motcuaxa" });
        Assert.Contains(rows, r => r.Status == DossierStatus.Returned && r.HandBack is { ReceivedAt: not null });
        // Each step after the one before it, and the result returned after it arrived.
        var now = app.Clock.GetUtcNow();
        Assert.All(rows.Where(r => r.HandBack is not null), r =>
        {
            Assert.True(r.CompletedAt <= r.HandBack!.SentAt && r.HandBack.SentAt <= (r.HandBack.ReceivedAt ?? now) && (r.HandBack.ReceivedAt ?? now) <= now, r.ToString());
            Assert.True(r.ReturnedAt is null || r.ReturnedAt >= r.HandBack.ReceivedAt, r.ToString());
        });
    }
}
