using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Caching;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Shared;

/// <summary>The reference cache reads through its own context and is dropped by an edit of a watched type saved by any context.</summary>
public sealed class ReferenceCacheTests
{
    private static Task<string> AgencyNameAsync(ReferenceCache cache, int agencyId, Action<AppDbContext>? seen = null) =>
        cache.GetAsync($"test-agency-name:{agencyId}", async (own, c) =>
        {
            seen?.Invoke(own);
            return await own.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(c);
        }, CancellationToken.None);

    [Fact]
    public async Task A_fill_neither_clears_nor_sees_the_callers_unsaved_changes()
    {
        await using var app = new MotCuaApp();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cache = scope.ServiceProvider.GetRequiredService<ReferenceCache>();
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync();
        var stored = agency.Name;
        agency.Name = "Tên chưa lưu";
        var added = new Unit { AgencyId = agency.Id, Name = "Phòng chưa lưu", Kind = UnitKind.Division };
        db.Units.Add(added);

        AppDbContext? filler = null;
        var name = await AgencyNameAsync(cache, agency.Id, own => filler = own);

        Assert.Equal(stored, name);
        Assert.NotNull(filler);
        Assert.NotSame(db, filler);
        Assert.Equal(EntityState.Modified, db.Entry(agency).State);
        Assert.Equal(EntityState.Added, db.Entry(added).State);
        Assert.Equal(2, db.ChangeTracker.Entries().Count(e => e.State is EntityState.Modified or EntityState.Added));
    }

    [Fact]
    public async Task An_edit_of_a_watched_type_saved_through_any_context_drops_the_cache()
    {
        await using var app = new MotCuaApp();
        var cache = app.Services.GetRequiredService<ReferenceCache>();
        int agencyId;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        }
        var before = await AgencyNameAsync(cache, agencyId);

        // Through the request's (pooled, scoped) context.
        await using (var db = app.CreateDbContext())
        {
            (await db.Agencies.SingleAsync(a => a.Id == agencyId)).Name = "Tên sửa qua ngữ cảnh của yêu cầu";
            await db.SaveChangesAsync();
        }
        Assert.NotEqual(before, await AgencyNameAsync(cache, agencyId));
        Assert.Equal("Tên sửa qua ngữ cảnh của yêu cầu", await AgencyNameAsync(cache, agencyId));

        // Through a context from the factory, synchronously.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Agencies.Single(a => a.Id == agencyId).Name = "Tên sửa qua ngữ cảnh riêng";
            db.SaveChanges();
        }
        Assert.Equal("Tên sửa qua ngữ cảnh riêng", await AgencyNameAsync(cache, agencyId));
    }

    [Fact]
    public async Task A_save_of_unwatched_types_keeps_the_cache()
    {
        await using var app = new MotCuaApp();
        var cache = app.Services.GetRequiredService<ReferenceCache>();
        var loads = 0;
        Task<int> CountedAsync() => cache.GetAsync("test-counted", (_, _) => Task.FromResult(++loads), CancellationToken.None);
        await CountedAsync();

        await using (var db = app.CreateDbContext())
        {
            AuditLog.Append(db, app.Clock, null, "test.append", "Test", "1", "Bản ghi thử", new { });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await CountedAsync());
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task The_save_interceptors_are_in_every_app_contexts_options()
    {
        await using var app = new MotCuaApp();
        await using var scoped = app.CreateDbContext();
        await using var own = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        foreach (var db in new[] { scoped, own })
        {
            var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!.ToList();
            Assert.Contains(interceptors, i => i is ReferenceCacheInvalidation);
            Assert.Contains(interceptors, i => i is AuditLogGuard);
        }
    }
}
