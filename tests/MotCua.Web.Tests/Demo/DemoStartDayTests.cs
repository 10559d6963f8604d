using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Demo;

/// <summary>
/// The supplement journey is in the demo whatever day it starts on: dossiers awaiting supplement with itemised requests,
/// among them an online dossier in its second round whose earlier answer (a PDF the desk refused) is offered to keep.
/// </summary>
public sealed class DemoStartDayTests
{
    private sealed class App : MotCuaApp
    {
        public App(DateTimeOffset now)
        {
            Settings[DemoHistory.Setting] = "true";
            Clock.SetUtcNow(now.ToUniversalTime());
        }
    }

    [Theory]
    // A Monday in office hours, a Saturday, and the day after the 24/11 holiday.
    [InlineData("2026-12-07 10:30")]
    [InlineData("2026-12-12 10:00")]
    [InlineData("2026-11-25 09:15")]
    public async Task The_demo_has_a_second_round_online_dossier_and_itemised_requests(string start)
    {
        var now = new DateTimeOffset(DateTime.ParseExact(start, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DeadlineCalculator.VietnamOffset);
        using var app = new App(now);
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();

        var waiting = await db.Dossiers.AsNoTracking().Where(d => d.Status == DossierStatus.AwaitingSupplement)
            .Select(d => new { d.Id, d.Code, d.Channel }).ToListAsync();
        var requests = await db.DossierSupplementRequests.AsNoTracking().CountAsync(r => db.Set<DossierSupplementItem>().Any(i => i.DossierId == r.DossierId && i.Round == r.Round));
        var summary = start + ": " + string.Join(", ", waiting.Select(w => w.Code + " " + w.Channel)) + "; " + requests + " itemised requests";
        Assert.True(requests >= 2, summary);
        foreach (var d in waiting)
        {
            Assert.True(await db.DossierSupplementRequests.AnyAsync(r => r.DossierId == d.Id && r.ResubmittedAt == null), d.Code + " has no open request; " + summary);
        }

        var online = waiting.Where(w => w.Channel == DossierChannel.Online).Select(w => w.Id).ToList();
        var refused = await db.DossierSupplementItems.AsNoTracking().Where(i => i.Accepted == false && i.ReviewNote != null && online.Contains(i.DossierId))
            .Select(i => new { i.DossierId, i.Round, i.Seq, i.Paper }).ToListAsync();
        var item = Assert.Single(refused);
        var open = await SupplementAnswerQueries.OpenItemsAsync(db, item.DossierId, default);
        Assert.Contains(open, o => o.Paper == item.Paper && o.Round > item.Round);
        var kept = Assert.Single((await SupplementAnswerQueries.SentBeforeAsync(db, item.DossierId, open, default)).Values);
        Assert.Equal(SupplementRounds.Code(item.Round, item.Seq), kept.Code);
        Assert.NotEmpty(kept.Files);
        Assert.All(kept.Files, f => Assert.EndsWith(".pdf", f.FileName, StringComparison.Ordinal));
    }
}
