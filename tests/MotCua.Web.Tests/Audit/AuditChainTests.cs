using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

public sealed class AuditChainTests
{
    private static async Task AppendAsync(MotCuaApp app, int count)
    {
        await using var db = app.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            AuditLog.Append(db, app.Clock, null, "test.append", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Bản ghi thử {i}", new { i });
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Sealed_chain_verifies_and_a_changed_entry_is_reported_as_the_first_broken_link()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 5);
        await using var db = app.CreateDbContext();
        Assert.True((await AuditChain.SealAsync(db)).Sealed >= 5);
        await AppendAsync(app, 3); // sealing continues the chain from the last sealed entry
        await AuditChain.SealAsync(db);
        var ok = await AuditChain.VerifyAsync(db);
        Assert.True(ok.Intact);
        Assert.True(ok.Checked >= 8);

        // Someone edits the database behind the app's back.
        var target = await db.AuditEntries.Where(a => a.Action == "test.append").OrderBy(a => a.Id).Skip(3).Select(a => a.Id).FirstAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Summary\" = 'đã sửa' WHERE \"Id\" = {target}");
        var broken = await AuditChain.VerifyAsync(db);
        Assert.False(broken.Intact);
        Assert.Equal(target, broken.FirstBrokenId);
    }

    [Fact]
    public async Task A_deleted_entry_breaks_the_link_of_the_next_one()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 4);
        await using var db = app.CreateDbContext();
        await AuditChain.SealAsync(db);
        var ids = await db.AuditEntries.Where(a => a.Action == "test.append").OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {ids[1]}");
        var result = await AuditChain.VerifyAsync(db);
        Assert.Equal(ids[2], result.FirstBrokenId);
    }

    [Fact]
    public async Task The_app_can_only_append()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 1);
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.FirstAsync(a => a.Action == "test.append");
        entry.Summary = "sửa trái phép";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(a => a.Action == "test.append"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Admin_page_runs_the_check()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 2);
        var admin = await app.LoginAsync("admin");
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/quan-tri/nhat-ky");
        var response = await admin.PostAsync("/quan-tri/nhat-ky?handler=Verify", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nhật ký toàn vẹn", html, StringComparison.Ordinal);
        Assert.Contains("Bản ghi thử 1", html, StringComparison.Ordinal);
    }
}
