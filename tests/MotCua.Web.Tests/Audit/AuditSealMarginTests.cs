using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

/// <summary>The background sealer leaves recent entries for later, so an entry whose lower id commits late is not stranded.</summary>
public sealed class AuditSealMarginTests
{
    [Fact]
    public async Task Sealing_with_a_margin_stops_at_the_first_recent_entry_and_the_chain_still_verifies()
    {
        await using var app = new MotCuaApp();
        await using var db = app.CreateDbContext();
        await AuditChain.SealAsync(db); // the seed data's entries
        var now = app.Clock.GetUtcNow();
        // In id order: old, recent (a slow transaction's entry), old again.
        var first = AuditLog.Append(db, app.Clock, null, "test.margin", "Test", "1", "Cũ 1");
        first.At = now.AddMinutes(-2);
        var recent = AuditLog.Append(db, app.Clock, null, "test.margin", "Test", "2", "Mới");
        recent.At = now;
        var third = AuditLog.Append(db, app.Clock, null, "test.margin", "Test", "3", "Cũ 2");
        third.At = now.AddMinutes(-2);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.Equal(1, (await AuditChain.SealAsync(db, appendedBefore: now.AddSeconds(-10))).Sealed);
        var sealedIds = await db.AuditEntries.Where(a => a.Action == "test.margin" && a.Hash != null).Select(a => a.EntityId).ToListAsync();
        Assert.Equal(["1"], sealedIds);

        Assert.Equal(2, (await AuditChain.SealAsync(db, appendedBefore: now.AddSeconds(1))).Sealed);
        var verified = await AuditChain.VerifyAsync(db);
        Assert.True(verified.Intact, verified.Problem);
    }
}
