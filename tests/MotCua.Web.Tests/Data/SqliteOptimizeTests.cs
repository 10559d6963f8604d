using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Data;

public sealed class SqliteOptimizeTests
{
    [Fact]
    public async Task Statistics_are_gathered_on_sqlite_and_postgres_is_left_to_autovacuum()
    {
        await using var app = new MotCuaApp();
        await using var db = app.CreateDbContext();
        Assert.True(await db.CalendarDays.AnyAsync(), "the seeded calendar gives the planner something to measure");

        await DatabaseSetup.OptimizeSqliteAsync(db);

        if (db.Database.IsSqlite())
        {
            // sqlite_stat1 only exists once ANALYZE has run; the seeded tables must now have their rows there.
            var analysed = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT tbl AS \"Value\" FROM sqlite_stat1").ToListAsync();
            Assert.Contains("CalendarDays", analysed);
        }
        else
        {
            Assert.True(db.Database.IsNpgsql());
        }
    }
}
