using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

/// <summary>The audit log's append-only rule is a registered save interceptor: it holds for every app context, and a refused save leaves the context usable.</summary>
public sealed class AuditLogGuardTests
{
    private static async Task<long> AppendAsync(MotCuaApp app)
    {
        await using var db = app.CreateDbContext();
        var entry = AuditLog.Append(db, app.Clock, null, "test.append", "Test", "1", "Bản ghi thử", new { });
        await db.SaveChangesAsync();
        Assert.NotNull(entry.Mac);
        return entry.Id;
    }

    [Fact]
    public async Task Entries_stay_append_only_through_a_context_from_the_factory()
    {
        await using var app = new MotCuaApp();
        var id = await AppendAsync(app);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        (await db.AuditEntries.SingleAsync(a => a.Id == id)).Summary = "sửa trái phép";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == id));
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task After_a_refused_save_the_next_save_still_detects_changes()
    {
        await using var app = new MotCuaApp();
        var id = await AppendAsync(app);
        int agencyId;
        await using (var db = app.CreateDbContext())
        {
            (await db.AuditEntries.SingleAsync(a => a.Id == id)).Summary = "sửa trái phép";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync();
            agencyId = agency.Id;
            agency.Phone = "0236 3000 000";
            await db.SaveChangesAsync();
        }
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal("0236 3000 000", await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Phone).SingleAsync());
            Assert.Equal("Bản ghi thử", await db.AuditEntries.Where(a => a.Id == id).Select(a => a.Summary).SingleAsync());
        }
    }
}
