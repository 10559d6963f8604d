using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Scaling;
using MotCua.Web.Tests.Infrastructure;
using Npgsql;

namespace MotCua.Web.Tests.Scaling;

/// <summary>Several app instances on one database: shared keys, one scan at a time, reports on the replica.</summary>
public sealed class ScaleOutTests
{
    private static async Task<string> AuthCookieAsync(MotCuaApp app)
    {
        using var client = app.CreateNoRedirectClient();
        var response = await MotCuaApp.PostLoginAsync(client, "motcua", MotCuaApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("motcua.auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_login_cookie_minted_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        await using var first = new MotCuaApp();
        await using var second = new MotCuaApp();
        second.Settings["MotCua:Database:ConnectionString"] = first.Database.ConnectionString;
        var cookie = await AuthCookieAsync(first);

        // The key ring lives in the shared database, not in the instance's file system.
        await using (var db = first.CreateDbContext())
        {
            Assert.True(await db.DataProtectionKeys.AnyAsync());
        }
        using var client = second.CreateNoRedirectClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ho-so/hang-doi");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Bearer tokens too: a token from the first instance works on the second's API.
        var token = await first.TokenAsync("motcua");
        using var api = second.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/dossiers/")).StatusCode);
    }

    [Fact]
    public async Task Reports_read_the_primary_when_no_replica_is_configured()
    {
        await using var app = new MotCuaApp();
        await using var scope = app.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredService<ReportingDb>();
        Assert.False(reporting.UsesReplica);
        Assert.Same(scope.ServiceProvider.GetRequiredService<AppDbContext>(), reporting.Context);
    }

    [Fact]
    public async Task Reports_read_the_replica_when_one_is_configured()
    {
        // The "replica" is another migrated database with a row the primary lacks: reads must see it.
        await using var replica = new MotCuaApp();
        await using (var db = replica.CreateDbContext())
        {
            db.Agencies.Add(new Agency { Code = "REPLICA", Name = "Cơ quan chỉ có trên bản sao" });
            await db.SaveChangesAsync();
        }
        await using var app = new MotCuaApp();
        app.Settings["MotCua:Database:ReadReplicaConnectionString"] = replica.Database.ConnectionString;
        await using var scope = app.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredService<ReportingDb>();
        Assert.True(reporting.UsesReplica);
        Assert.True(await reporting.Context.Agencies.AnyAsync(a => a.Code == "REPLICA"));
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Agencies.AnyAsync(a => a.Code == "REPLICA"));
    }

    [Fact]
    public async Task Only_one_instance_runs_the_deadline_scan_at_a_time()
    {
        await using var app = new MotCuaApp();
        using (var desk = await app.ApiClientAsync("motcua"))
        {
            var created = await desk.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "1.000173",
                channel = "direct",
                applicant = new { name = "Công ty Hai Máy Chủ", phone = "0905123456" },
                papers = new[] { new { name = "Đơn đề nghị", present = true } },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        async Task<int> ScanAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            // Received Mon 10/3/2025, 10 working days: overdue by April.
            return await scope.ServiceProvider.GetRequiredService<DeadlineScan>().ScanOnceAsync(new DateTimeOffset(2025, 4, 10, 9, 0, 0, TimeSpan.FromHours(7)), default);
        }

        if (app.Database.Provider == "Postgres")
        {
            // Another instance holds the lease: this one skips the round rather than alerting twice.
            await using var other = new NpgsqlConnection(app.Database.ConnectionString);
            await other.OpenAsync();
            await using var tx = await other.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({JobLease.DeadlineScan})", other, tx))
            {
                await take.ExecuteScalarAsync();
            }
            Assert.Equal(0, await ScanAsync());
            await tx.RollbackAsync();
        }
        Assert.True(await ScanAsync() > 0);
    }
}
