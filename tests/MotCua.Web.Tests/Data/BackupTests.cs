using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Data;

public sealed class BackupTests
{
    [Fact]
    public async Task Backup_then_restore_into_an_empty_database_brings_the_data_back()
    {
        var backupFile = Path.Combine(Path.GetTempPath(), "motcua-backup-" + Guid.NewGuid().ToString("N") + ".bak");
        try
        {
            await using (var source = new MotCuaApp())
            {
                await using var db = source.CreateDbContext();
                var agency = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
                db.Units.Add(new Unit { AgencyId = agency.Id, Name = "Phòng Sao lưu Thử nghiệm", Kind = UnitKind.Division });
                await db.SaveChangesAsync();
                var options = source.Services.GetRequiredService<DatabaseOptions>();
                await Backup.BackupAsync(options, Path.GetTempPath(), backupFile);
            }
            Assert.True(new FileInfo(backupFile).Length > 0);

            using var empty = new TestDatabase();
            var target = new DatabaseOptions { Provider = Enum.Parse<DatabaseProvider>(empty.Provider), ConnectionString = empty.ConnectionString };
            var outcome = await Backup.RestoreAsync(target, Path.GetTempPath(), backupFile);
            Assert.True(outcome.Restored, outcome.Message);

            await using var restored = new ExistingDatabaseApp(empty);
            await using var check = restored.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await check.Units.AnyAsync(u => u.Name == "Phòng Sao lưu Thử nghiệm"));
            Assert.Equal(6, await check.Users.CountAsync());
        }
        finally
        {
            File.Delete(backupFile);
        }
    }

    [Fact]
    public async Task Restore_from_a_missing_file_fails_clearly_and_changes_nothing()
    {
        await using var app = new MotCuaApp();
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var outcome = await Backup.RestoreAsync(options, Path.GetTempPath(), "/khong/co/tep.bak");
        Assert.False(outcome.Restored);
        Assert.Contains("Không tìm thấy tệp sao lưu", outcome.Message, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.Agencies.CountAsync(a => a.SucceededById == null)); // the department and the commune centre
    }

    /// <summary>An app over a database someone else prepared (here: a restored backup).</summary>
    private sealed class ExistingDatabaseApp(TestDatabase database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Testing");
            builder.UseSetting("MotCua:Database:Provider", database.Provider);
            builder.UseSetting("MotCua:Database:ConnectionString", database.ConnectionString);
            builder.UseSetting("MotCua:Audit:RunSealer", "false");
        }
    }
}
