using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Results;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Demo;

/// <summary>
/// The demo started before office hours: every officer's act in a dossier's timeline falls in office hours on a working
/// day no later than now, and each result document is of the procedure's kind, dated the day the dossier was approved.
/// </summary>
public sealed class DemoTimelineTests(DemoTimelineTests.App app) : IClassFixture<DemoTimelineTests.App>
{
    /// <summary>Monday 07/12/2026 at 05:32 in Hà Nội.</summary>
    private static readonly DateTimeOffset EarlyMorning = new(2026, 12, 7, 5, 32, 0, DeadlineCalculator.VietnamOffset);

    public sealed class App : MotCuaApp
    {
        public App()
        {
            Settings[DemoHistory.Setting] = "true";
            Clock.SetUtcNow(EarlyMorning.ToUniversalTime());
        }
    }

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task Every_officer_act_is_in_office_hours_on_a_working_day_and_not_after_now()
    {
        string[] officers = ["motcua", "chuyenvien", "lanhdao", "motcuaxa"];
        var events = await ReadAsync(db => db.DossierEvents.AsNoTracking().Where(e => e.Action != null && officers.Contains(e.ActorUserName))
            .Select(e => new { e.DossierId, e.At, e.Action }).ToListAsync());
        // Working days are the agency's calendar's: a make-up Saturday (10/01/2026) is one, a public holiday (24/11/2026,
        // the days of Tết) is not, for the desk's receipts as for every other act.
        var calendar = await CalendarAsync();
        Assert.True(events.Count > 1000, events.Count + " events");
        var outside = events.Where(e =>
        {
            var local = e.At.ToOffset(DeadlineCalculator.VietnamOffset);
            return local.TimeOfDay < new TimeSpan(7, 30, 0) || local.TimeOfDay >= new TimeSpan(17, 0, 0)
                || !calendar.IsWorkingDay(DateOnly.FromDateTime(local.Date))
                || e.At > EarlyMorning;
        }).Take(5).ToList();
        Assert.True(outside.Count == 0, "Outside office hours or after now: "
            + string.Join("; ", outside.Select(e => $"{e.Action} of {e.DossierId} at {e.At.ToOffset(DeadlineCalculator.VietnamOffset):yyyy-MM-dd HH:mm ddd}")));
        // The commands replayed at start-up on the open dossiers are among them, dated before today.
        Assert.Contains(events, e => e.Action == Core.Dossiers.DossierAction.Assign);
    }

    [Fact]
    public async Task Online_dossiers_may_be_sent_on_a_day_off_and_are_received_on_a_working_day()
    {
        var calendar = await CalendarAsync();
        var online = await ReadAsync(db => db.Dossiers.AsNoTracking().Where(d => d.Channel == Core.Dossiers.DossierChannel.Online && d.ReceivedAt != null)
            .Select(d => new { d.SubmittedAt, ReceivedAt = d.ReceivedAt!.Value }).ToListAsync());
        static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
        Assert.Contains(online, d => !calendar.IsWorkingDay(Day(d.SubmittedAt)) && d.SubmittedAt.ToOffset(DeadlineCalculator.VietnamOffset).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.All(online, d => Assert.True(calendar.IsWorkingDay(Day(d.ReceivedAt)) && d.ReceivedAt >= d.SubmittedAt, $"{d.SubmittedAt:O} received {d.ReceivedAt:O}"));
    }

    [Fact]
    public async Task The_results_handed_back_at_the_centre_are_sent_received_and_returned_in_office_hours_after_the_approval()
    {
        var calendar = await CalendarAsync();
        var handBacks = await ReadAsync(db => db.Set<Web.Features.Dossiers.Boundary.ResultHandBackRecord>().AsNoTracking().Select(h => h.DossierId).ToListAsync());
        var events = await ReadAsync(db => db.DossierEvents.AsNoTracking().Where(e => handBacks.Contains(e.DossierId)).OrderBy(e => e.Id)
            .Select(e => new { e.DossierId, e.At, e.Action, e.Note }).ToListAsync());
        Assert.True(handBacks.Count >= 3, handBacks.Count + " hand-backs");
        Assert.Contains(events, e => e.Action == Core.Dossiers.DossierAction.Return);
        foreach (var timeline in events.GroupBy(e => e.DossierId))
        {
            var list = timeline.ToList();
            Assert.Contains(list, e => e.Action == null && e.Note!.StartsWith(Web.Features.Dossiers.Boundary.ResultHandBacks.HistoryLabel, StringComparison.Ordinal));
            for (var i = 0; i < list.Count; i++)
            {
                var local = list[i].At.ToOffset(DeadlineCalculator.VietnamOffset);
                Assert.True(local.TimeOfDay >= new TimeSpan(7, 30, 0) && local.TimeOfDay < new TimeSpan(17, 0, 0) && calendar.IsWorkingDay(DateOnly.FromDateTime(local.Date))
                    && list[i].At <= EarlyMorning && (i == 0 || list[i].At >= list[i - 1].At),
                    $"{list[i].Action?.ToString() ?? list[i].Note} of {timeline.Key} at {local:yyyy-MM-dd HH:mm ddd}");
            }
        }
    }

    [Fact]
    public async Task The_leaders_queue_points_to_the_sub_department_whose_recent_dossiers_await_assignment()
    {
        var unit = await ReadAsync(db => db.Units.Where(u => u.Name.StartsWith("Chi cục")).Select(u => u.Id).FirstAsync());
        var leader = await app.LoginAsync("lanhdao");
        var html = await leader.GetStringAsync("/ho-so/hang-doi");
        Assert.Contains("data-testid=\"units-awaiting-assignment\"", html, StringComparison.Ordinal);
        var hint = html[html.IndexOf("data-testid=\"units-awaiting-assignment\"", StringComparison.Ordinal)..];
        Assert.Contains("href=\"?donvi=" + unit + "\"", hint[..hint.IndexOf("</p>", StringComparison.Ordinal)], StringComparison.Ordinal);
        // The unit's own queue then offers the assign form with the sub-department's specialist.
        var unitQueue = await leader.GetStringAsync("/ho-so/hang-doi?donvi=" + unit);
        Assert.Contains("data-testid=\"bulk-form\"", unitQueue, StringComparison.Ordinal);
        Assert.Contains("value=\"chuyenvien\"", unitQueue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_dossier_awaiting_supplement_has_an_open_request_listing_papers_of_its_procedure()
    {
        var waiting = await ReadAsync(db => db.Dossiers.AsNoTracking().Where(d => d.Status == Core.Dossiers.DossierStatus.AwaitingSupplement)
            .Select(d => new { d.Id, d.Code, d.ProcedureVersionId }).ToListAsync());
        // How many the year's draw leaves waiting depends on the day the demo starts; the one in its second round is always among them.
        Assert.NotEmpty(waiting);
        foreach (var d in waiting)
        {
            var (open, papers, request) = await ReadAsync(async db => (await SupplementAnswerQueries.OpenItemsAsync(db, d.Id, default),
                await db.ProcedureVersions.Where(v => v.Id == d.ProcedureVersionId).SelectMany(v => v.Papers).Select(p => p.Name).ToListAsync(),
                await db.DossierSupplementRequests.AsNoTracking().Where(r => r.DossierId == d.Id).OrderByDescending(r => r.Round).FirstOrDefaultAsync()));
            Assert.True(open.Count is >= 1 and <= 3, $"{d.Code}: {open.Count} open items");
            Assert.True(request is { ResubmittedAt: null }, d.Code + " has no open request");
            Assert.All(open, i =>
            {
                Assert.Contains(i.Paper, papers);
                Assert.False(string.IsNullOrWhiteSpace(i.Problem), i.Code);
                Assert.False(string.IsNullOrWhiteSpace(i.LegalBasis), i.Code);
                Assert.Equal(request!.Round, i.Round);
            });
        }
    }

    [Fact]
    public async Task One_dossier_awaiting_supplement_asks_again_for_a_paper_whose_earlier_answer_was_refused_and_offers_its_files()
    {
        var refused = await ReadAsync(db => db.DossierSupplementItems.AsNoTracking().Where(i => i.Accepted == false && i.ReviewNote != null
            && db.Set<Dossier>().Any(d => d.Id == i.DossierId && d.Status == Core.Dossiers.DossierStatus.AwaitingSupplement && d.Channel == Core.Dossiers.DossierChannel.Online))
            .Select(i => new { i.DossierId, i.Round, i.Seq, i.Paper }).ToListAsync());
        var item = Assert.Single(refused);
        var offered = await ReadAsync(async db =>
        {
            var open = await SupplementAnswerQueries.OpenItemsAsync(db, item.DossierId, default);
            Assert.Contains(open, o => o.Paper == item.Paper && o.Round > item.Round);
            return await SupplementAnswerQueries.SentBeforeAsync(db, item.DossierId, open, default);
        });
        var before = Assert.Single(offered.Values);
        Assert.Equal(Core.Dossiers.SupplementRounds.Code(item.Round, item.Seq), before.Code);
        Assert.NotEmpty(before.Files);
        Assert.All(before.Files, f => Assert.EndsWith(".pdf", f.FileName, StringComparison.Ordinal));
        // The answer came from the applicant online, and the desk's review is in the audit log like any officer's.
        Assert.True(await ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "dossier.supplement.reviewed" && a.UserName == "motcua")));
    }

    private Task<WorkingCalendar> CalendarAsync() => ReadAsync(async db => (await app.Services.GetRequiredService<CalendarProvider>()
        .CalculatorAsync(db, await db.Users.Where(u => u.UserName == "motcua").Select(u => u.AgencyId).SingleAsync())).Calendar);

    [Fact]
    public async Task Each_result_document_is_of_the_procedures_kind_and_dated_the_day_the_dossier_was_approved()
    {
        var results = await ReadAsync(db => db.Set<ResultDocument>().AsNoTracking()
            .Join(db.Dossiers, r => r.DossierId, d => d.Id, (r, d) => new { r.Type, r.IssuedOn, d.CompletedAt, d.ProcedureVersionId })
            .Join(db.ProcedureVersions, x => x.ProcedureVersionId, v => v.Id, (x, v) => new { x.Type, x.IssuedOn, x.CompletedAt, v.Result, v.Name }).ToListAsync());
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.Equal(DossierHistoryRules.ResultKind(r.Result ?? r.Name), r.Type);
            Assert.Equal(DateOnly.FromDateTime(r.CompletedAt!.Value.ToOffset(DeadlineCalculator.VietnamOffset).DateTime), r.IssuedOn);
        });
        Assert.True(results.Select(r => r.Type).Distinct().Count() > 1, "one kind of result document for every procedure");
        // At 05:32 on a Monday nothing has been approved today: the results awaiting return carry earlier days.
        Assert.DoesNotContain(results, r => r.IssuedOn >= DateOnly.FromDateTime(EarlyMorning.DateTime));
    }
}
