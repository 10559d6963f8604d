using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_leave_nothing_pending()
    {
        await using var app = new MotCuaApp { MigratesEmptyDatabase = true };
        _ = app.Server; // starting the app migrates
        await using var db = app.CreateDbContext();
        var pending = await db.Database.GetPendingMigrationsAsync();
        Assert.Empty(pending);
        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.True(await db.Agencies.AnyAsync());
    }

    [Fact]
    public async Task Starting_twice_on_the_same_database_does_not_seed_twice()
    {
        var database = new TestDatabase();
        try
        {
            await using (var first = new SharedDbApp(database))
            {
                _ = first.Server;
            }
            await using var second = new SharedDbApp(database);
            _ = second.Server;
            await using var db = second.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(2, await db.Agencies.CountAsync(a => a.SucceededById == null)); // the department and the commune centre
            Assert.Equal(6, await db.Users.CountAsync());
        }
        finally
        {
            database.Dispose();
        }
    }

    /// <summary>A model change without a migration fails here, for each provider's own migration set.</summary>
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Every_model_change_has_a_migration(string provider)
    {
        using AppDbContext db = provider == "Sqlite"
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes that no {provider} migration covers: run dotnet ef migrations add for both providers (README).");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Each_provider_owns_its_migrations(string provider)
    {
        using AppDbContext db = provider == "Sqlite"
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        var migrations = db.GetService<IMigrationsAssembly>().Migrations;
        Assert.NotEmpty(migrations);
        Assert.All(migrations.Values, t => Assert.Contains($".Migrations.{provider}", t.FullName, StringComparison.Ordinal));
    }

    private sealed class SharedDbApp(TestDatabase database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("MotCua:Database:Provider", database.Provider);
            builder.UseSetting("MotCua:Database:ConnectionString", database.ConnectionString);
            builder.UseSetting("MotCua:SeedDemoData", "true");
            builder.UseSetting("MotCua:SeedDemoDataOnPostgres", "true");
        }
    }
}
