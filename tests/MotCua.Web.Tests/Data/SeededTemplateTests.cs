using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Data;

/// <summary>
/// Test apps start on a copy of one seeded template database instead of migrating and seeding their own: the copy must
/// hold exactly what a fresh start-up writes, and each copy must stay its own database.
/// </summary>
public sealed class SeededTemplateTests
{
    [Fact]
    public async Task A_copy_of_the_template_holds_the_same_rows_as_a_database_migrated_and_seeded_from_empty()
    {
        await using var fresh = new MotCuaApp { MigratesEmptyDatabase = true, RunsBackgroundServices = false };
        await using var copy = new MotCuaApp { RunsBackgroundServices = false };
        _ = fresh.Server;
        _ = copy.Server;
        await using var freshDb = fresh.CreateDbContext();
        await using var copyDb = copy.CreateDbContext();
        Assert.NotEqual(fresh.Database.ConnectionString, copy.Database.ConnectionString);
        Assert.Equal(await freshDb.Database.GetAppliedMigrationsAsync(), await copyDb.Database.GetAppliedMigrationsAsync());
        var tables = freshDb.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.GetViewName() is null && !t.IsOwned())
            .Select(t => t.GetTableName()!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(tables);
        var differences = new List<string>();
        foreach (var table in tables)
        {
            var inFresh = await CountAsync(freshDb, table);
            var inCopy = await CountAsync(copyDb, table);
            if (inFresh != inCopy)
            {
                differences.Add($"{table}: {inFresh} fresh, {inCopy} in the copy");
            }
        }
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(
            await freshDb.Users.OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(),
            await copyDb.Users.OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync());
        Assert.True(await copyDb.Agencies.AnyAsync());
    }

    [Fact]
    public async Task Each_app_gets_its_own_copy()
    {
        await using var first = new MotCuaApp();
        await using var second = new MotCuaApp();
        _ = first.Server;
        _ = second.Server;
        await using (var db = first.CreateDbContext())
        {
            var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync();
            agency.Phone = "0262 3000 001";
            await db.SaveChangesAsync();
        }
        await using var other = second.CreateDbContext();
        Assert.NotEqual("0262 3000 001", (await other.Agencies.OrderBy(a => a.Id).FirstAsync()).Phone);
    }

    private static async Task<int> CountAsync(AppDbContext db, string table)
    {
        // Table names come from the model, not from input.
        var sql = "SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"" + table + "\"";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }
}
