using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Notifications;

/// <summary>Due-soon and overdue alerts reach the assigned specialist, each once.</summary>
public sealed class DeadlineScanTests
{
    [Fact]
    public async Task Specialist_is_alerted_once_when_due_soon_and_once_when_overdue()
    {
        await using var app = new MotCuaApp();
        string code;
        using (var desk = await app.ApiClientAsync("motcua"))
        {
            var created = await desk.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "1.000173",
                channel = "direct",
                applicant = new { name = "Phòng khám Hạn Chót", phone = "0905123456" },
                papers = new[] { new { name = "Đơn đề nghị", present = true } },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            code = json.RootElement.GetProperty("code").GetString()!;
            int unit;
            await using (var db = app.CreateDbContext())
            {
                unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            }
            var current = JsonDocument.Parse(await desk.GetStringAsync("/api/dossiers/" + code)).RootElement;
            var transfer = await desk.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = "transfer", unitId = unit, assignee = "chuyenvien", rowVersion = current.GetProperty("rowVersion").GetInt64() });
            Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        }

        async Task<int> ScanAsync(DateTimeOffset at)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DeadlineScan>().ScanOnceAsync(at, default);
        }

        async Task<int> AlertsAsync(string kind)
        {
            await using var db = app.CreateDbContext();
            var chuyenvien = await db.Users.Where(u => u.UserName == "chuyenvien").Select(u => u.Id).SingleAsync();
            return await db.OutboxMessages.CountAsync(m => m.DossierCode == code && m.Kind == kind && m.RecipientUserId == chuyenvien && m.Channel == OutboxChannel.InApp);
        }

        var dueSoon = MotCua.Core.Notifications.EventRouting.EventName(MotCua.Core.Notifications.DossierEventKind.DueSoon);
        var overdue = MotCua.Core.Notifications.EventRouting.EventName(MotCua.Core.Notifications.DossierEventKind.Overdue);
        // Received Mon 10/3/2025 09:00, 10 working days → due Mon 24/3/2025 09:00; due soon within 2 working days, as the inbox and queues say.
        await ScanAsync(new DateTimeOffset(2025, 3, 19, 16, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(0, await AlertsAsync(dueSoon));
        await ScanAsync(new DateTimeOffset(2025, 3, 20, 14, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(1, await AlertsAsync(dueSoon));
        await ScanAsync(new DateTimeOffset(2025, 3, 21, 15, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(1, await AlertsAsync(dueSoon));
        await ScanAsync(new DateTimeOffset(2025, 3, 24, 10, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(1, await AlertsAsync(overdue));
        await ScanAsync(new DateTimeOffset(2025, 3, 25, 10, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(1, await AlertsAsync(overdue));
    }

    [Fact]
    public async Task A_round_with_more_overdue_dossiers_than_a_batch_alerts_each_once()
    {
        await using var app = new MotCuaApp();
        var codes = new List<string>();
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        using (var desk = await app.ApiClientAsync("motcua"))
        {
            for (var i = 0; i < 5; i++)
            {
                var created = await desk.PostAsJsonAsync("/api/dossiers", new
                {
                    procedureCode = "1.000173",
                    channel = "direct",
                    applicant = new { name = "Cơ sở Lô " + i, phone = "090512345" + i },
                    papers = new[] { new { name = "Đơn đề nghị", present = true } },
                });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
                var code = json.RootElement.GetProperty("code").GetString()!;
                codes.Add(code);
                var current = JsonDocument.Parse(await desk.GetStringAsync("/api/dossiers/" + code)).RootElement;
                var transfer = await desk.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = "transfer", unitId = unit, assignee = "chuyenvien", rowVersion = current.GetProperty("rowVersion").GetInt64() });
                Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
            }
        }

        async Task<int> ScanAsync(DateTimeOffset at)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DeadlineScan>().ScanOnceAsync(at, batchSize: 2, default);
        }

        var overdue = MotCua.Core.Notifications.EventRouting.EventName(MotCua.Core.Notifications.DossierEventKind.Overdue);
        async Task<List<string?>> AlertedAsync()
        {
            await using var db = app.CreateDbContext();
            return await db.OutboxMessages.Where(m => m.Kind == overdue && m.DossierCode != null && codes.Contains(m.DossierCode))
                .Select(m => m.DossierCode).Distinct().ToListAsync();
        }

        // Received 10/3/2025, due 24/3/2025: all five are overdue a month later; batches of 2, 2 and 1.
        var late = new DateTimeOffset(2025, 4, 24, 10, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal(5, await ScanAsync(late));
        Assert.Equal(codes.Order(StringComparer.Ordinal), (await AlertedAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(0, await ScanAsync(late.AddHours(1)));
    }
}
