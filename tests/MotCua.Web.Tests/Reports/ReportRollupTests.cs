using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>
/// The report roll-up kept by every dossier save: after imports, live dossiers through the workflow, fee and unit
/// changes and a failed save retried, the deltas sum to exactly what a rebuild from the report rows gives; folding
/// them keeps every sum and leaves nothing unfolded. (The reports' numbers over the roll-up are checked against Core's
/// reference by ReportReconciliationTests and IndexSqlTests.)
/// </summary>
public sealed class ReportRollupTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static string Iso(DateTimeOffset at) => at.ToOffset(Vn).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        await ReadAsync(await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body), HttpStatusCode.OK);
    }

    /// <summary>Every (agency, unit, field, procedure, day or month) with its summed measures, zero sums left out.</summary>
    private static async Task<SortedDictionary<string, string>> SumsAsync(AppDbContext db)
    {
        var rows = await db.ReportDayCounts.AsNoTracking().ToListAsync();
        var sums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in rows.GroupBy(r => $"{r.AgencyId}/{r.UnitId}/{r.FieldId}/{r.ProcedureId}/{r.Day}"))
        {
            var m = ReportRollup.Columns.Select(c => g.Sum(r => (int)typeof(ReportDayCount).GetProperty(c)!.GetValue(r)!)).ToArray();
            if (m.Any(v => v != 0))
            {
                sums[g.Key] = string.Join(",", m);
            }
        }
        foreach (var g in (await db.ReportMonthCounts.AsNoTracking().ToListAsync()).GroupBy(r => $"month {r.AgencyId}/{r.UnitId}/{r.FieldId}/{r.ProcedureId}/{r.Month}"))
        {
            int[] m = [g.Sum(r => r.Open), g.Sum(r => r.ReturnOpen), g.Sum(r => r.Overdue), g.Sum(r => r.ReturnOverdue)];
            if (m.Any(v => v != 0))
            {
                sums[g.Key] = string.Join(",", m);
            }
        }
        return sums;
    }

    /// <summary>Calls the dossier's subscribers, as the dossier's one save does.</summary>
    internal static async Task OnSavingAsync(IServiceProvider services, AppDbContext db, Dossier dossier)
    {
        var change = new DossierSaving(dossier, db.Entry(dossier).State == EntityState.Added, [], dossier.SubmittedAt);
        foreach (var subscriber in services.GetServices<IDossierSubscriber>())
        {
            await subscriber.OnSavingAsync(db, change, default);
        }
    }

    /// <summary>A change to a dossier saved the way the dossier's one save does it: subscribers first, one SaveChanges.</summary>
    private async Task SaveDossierAsync(string code, Action<Dossier> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
        change(dossier);
        await OnSavingAsync(scope.ServiceProvider, db, dossier);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Deltas_of_every_save_equal_a_rebuild_and_folding_keeps_every_sum()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var now = app.Clock.GetUtcNow();
        var rng = new Random(42);
        var start = new DateTimeOffset(2024, 11, 1, 8, 0, 0, Vn);
        var records = Enumerable.Range(0, 40).Select(i =>
        {
            var received = start.AddDays(rng.Next(0, 120)).AddMinutes(rng.Next(0, 480));
            var due = new DateTimeOffset(received.Date.AddDays(rng.Next(1, 20)).AddHours(17), Vn);
            var closedAt = received.AddHours(rng.Next(2, 600));
            var kind = rng.Next(0, 5);
            return new
            {
                procedureCode = "1.000173",
                channel = (i % 3) switch { 0 => "direct", 1 => "online", _ => "postal" },
                applicant = new { name = "Người nộp " + i.ToString(CultureInfo.InvariantCulture), phone = "0905123456" },
                receivedAt = Iso(received),
                dueAt = kind == 4 ? null : Iso(due),
                resolvedAt = kind is 1 or 2 && closedAt < now ? Iso(closedAt) : null,
                returnedAt = kind == 2 && closedAt.AddHours(30) < now ? Iso(closedAt.AddHours(30)) : null,
                withdrawnAt = kind == 3 && closedAt < now ? Iso(closedAt) : null,
                refusedAt = kind == 4 ? Iso(received.AddMinutes(5)) : null,
            };
        }).ToList();
        using var admin = await app.ApiClientAsync("admin"); // the import is the administrator's
        await ReadAsync(await admin.PostAsJsonAsync("/api/dossiers/import", records), HttpStatusCode.OK);

        // Live dossiers through the workflow: one returned, one stopped, one left open.
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "1.000173", channel = "direct", applicant = new { name = "Công ty Cộng Dồn " + i.ToString(CultureInfo.InvariantCulture), phone = "0905123456" },
                papers = new[] { new { name = "Đơn", present = true } },
            }), HttpStatusCode.Created);
            codes.Add(created.GetProperty("code").GetString()!);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        await ActAsync(desk, codes[0], "transfer", new { unitId = unit });
        await ActAsync(leader, codes[0], "assign", new { assignee = "chuyenvien" });
        await ActAsync(specialist, codes[0], "appraise", new { note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
        await ActAsync(leader, codes[0], "approve");
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        await ActAsync(desk, codes[0], "return", new { delivery = "online" });
        await ActAsync(desk, codes[1], "stop", new { note = "Dừng theo đề nghị" });

        // The portal's first acknowledgement, written by the outbox beside the officers' saves: a save that read the
        // report row before it fails on the concurrency token (and is redone), a later one sees it.
        await using (var stale = app.CreateDbContext())
        {
            var agencyId = await stale.Dossiers.Where(d => d.Code == codes[2]).Select(d => d.AgencyId).SingleAsync();
            var before = await stale.ReportDossiers.SingleAsync(r => stale.Set<Dossier>().Any(d => d.Id == r.DossierId && d.Code == codes[2]));
            await using (var outbox = app.CreateDbContext())
            {
                Assert.True(await ReportRollup.RecordSyncAsync(outbox, agencyId, codes[2], now.AddMinutes(5).UtcTicks, default));
                Assert.False(await ReportRollup.RecordSyncAsync(outbox, agencyId, codes[2], now.AddDays(2).UtcTicks, default)); // the first one stays
                Assert.True(await ReportRollup.RecordSyncAsync(outbox, agencyId, codes[0], now.AddDays(3).UtcTicks, default));
            }
            before.FeeAmount++;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        }

        // After its acknowledgement the open dossier is taken by a unit (pinned at the first transfer unless its plan
        // named one: the synced count moves with it), and its fee is paid online, its papers digitised and a reuse recorded.
        var other = 0;
        await using (var db = app.CreateDbContext())
        {
            other = await db.Units.Where(u => u.Name == "Phòng Quản lý Khoa học và Công nghệ").Select(u => u.Id).SingleAsync();
        }
        await ActAsync(desk, codes[2], "transfer", new { unitId = other });
        await SaveDossierAsync(codes[2], d =>
        {
            d.FeeAmount = 500_000;
            d.PaymentStatus = PaymentStatus.PaidOnline;
            d.ComponentsDigitised = true;
            d.ReusedDigitisedData = true;
            d.Version++;
        });

        // A save that fails (a second dossier with a code already taken) adds nothing; its retry counts once.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var template = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == codes[2]);
            var copy = new Dossier
            {
                AgencyId = template.AgencyId, Code = template.Code, ApplicantName = "Bản sao", Channel = DossierChannel.Direct,
                ProcedureVersionId = template.ProcedureVersionId, ProcedureCode = template.ProcedureCode, ProcedureName = template.ProcedureName,
                Status = DossierStatus.Received, SubmittedAt = now, ReceivedAt = now, DueAt = template.DueAt,
            };
            db.Dossiers.Add(copy);
            await OnSavingAsync(scope.ServiceProvider, db, copy);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            copy.Code = template.Code + "-B";
            await db.SaveChangesAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            var kept = await SumsAsync(db);
            Assert.NotEmpty(kept);
            var rowsBefore = await db.ReportDayCounts.CountAsync();
            await ReportRollup.CompactAsync(db, default);
            Assert.Equal(0, await db.ReportDayCounts.CountAsync(r => !r.Folded));
            Assert.Equal(0, await db.ReportMonthCounts.CountAsync(r => !r.Folded));
            Assert.Contains(kept.Keys, k => k.StartsWith("month ", StringComparison.Ordinal));
            Assert.True(await db.ReportDayCounts.CountAsync() <= rowsBefore);
            Assert.Equal(kept, await SumsAsync(db));
            Assert.Equal(0, await ReportRollup.CompactAsync(db, default)); // nothing left to fold

            Assert.True(await ReportRollup.RebuildAsync(db, default) > 0);
            var rebuilt = await SumsAsync(db);
            Assert.Equal(rebuilt, kept);
            Assert.False(await ReportRollup.NeedsRebuildAsync(db, default));
        }
    }

    [Fact]
    public void Overdue_runs_from_the_later_of_receipt_and_due_day_to_the_closing_day()
    {
        // Received on day 100 (local) with a reused document, due on day 103, closed on day 110: overdue at the boundaries of days 104..110.
        static long At(int day, int hour) => ((long)day * ReportRollup.DayTicks) - ReportRollup.Offset + (hour * TimeSpan.TicksPerHour);
        var s = new ReportRollup.Snapshot(1, 5, 2, 3, true, DossierChannel.Direct, At(100, 9), At(103, 17), At(100, 9), null,
            At(110, 10), MotCua.Core.Reports.ClosingKind.Resolved, At(111, 8), MotCua.Core.Reports.ClosingKind.Resolved, 0, PaymentStatus.Unpaid, false, false, true, null, null);
        var into = new Dictionary<ReportRollup.Key, ReportRollup.Counts>();
        ReportRollup.Contribute(s, +1, into);
        int Measure(int day, string column) => into.TryGetValue(new ReportRollup.Key(1, 5, 2, 3, day), out var c)
            ? c.M[Array.IndexOf(ReportRollup.Columns, column)] : 0;
        Assert.Equal(1, Measure(100, nameof(ReportDayCount.ReceivedDirect)));
        Assert.Equal(1, Measure(100, nameof(ReportDayCount.ReceivedReused)));
        Assert.Equal(1, Measure(103, nameof(ReportDayCount.OverdueFrom)));
        Assert.Equal(1, Measure(110, nameof(ReportDayCount.OverdueTo)));
        Assert.Equal(1, Measure(110, nameof(ReportDayCount.Late)));
        Assert.Equal(1, Measure(111, nameof(ReportDayCount.ReturnLate)));
        Assert.Equal(1, Measure(103, nameof(ReportDayCount.ReturnOverdueFrom)));
        Assert.Equal(1, Measure(111, nameof(ReportDayCount.ReturnOverdueTo)));
        // Closed on its due day: never overdue, on time.
        var onTime = s with { ClosedCompletion = At(103, 10), ClosedReturn = At(103, 11) };
        into.Clear();
        ReportRollup.Contribute(onTime, +1, into);
        Assert.Equal(0, Measure(103, nameof(ReportDayCount.OverdueFrom)));
        Assert.Equal(1, Measure(103, nameof(ReportDayCount.OnTime)));
        // A contribution and its removal cancel.
        ReportRollup.Contribute(onTime, -1, into);
        Assert.All(into.Values, c => Assert.True(c.IsZero));
    }
}
