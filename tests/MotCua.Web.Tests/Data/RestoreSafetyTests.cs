using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Data;

/// <summary>
/// What a backup and a restore must not do to the people in the data: leave the dump
/// readable by other local users, replace the database with whatever file it is given, lose the database it replaces,
/// or send citizens again the messages that were waiting when the backup was taken. The commands run as processes.
/// </summary>
public sealed class RestoreSafetyTests
{
    [Fact]
    public async Task A_backup_file_is_readable_by_its_owner_only()
    {
        var backupFile = Path.Combine(Path.GetTempPath(), "motcua-backup-" + Guid.NewGuid().ToString("N") + ".bak");
        try
        {
            await using var app = new MotCuaApp();
            await Backup.BackupAsync(app.Services.GetRequiredService<DatabaseOptions>(), Path.GetTempPath(), backupFile);
            Assert.True(new FileInfo(backupFile).Length > 0);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(backupFile));
        }
        finally
        {
            File.Delete(backupFile);
        }
    }

    private static UnixFileMode ModeOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("File modes are a Unix notion.");
        }
        return File.GetUnixFileMode(path);
    }

    /// <summary>The restore command as an operator runs it, on the test's database, with a content root of its own.</summary>
    private static Task<AppProcess.Result> RestoreCommandAsync(TestDatabase database, string backupFile, string contentRoot) =>
        AppProcess.RunAsync(["restore", "--from", backupFile, "--contentRoot", contentRoot], AppProcess.DatabaseEnvironment(database, "Production"), contentRoot);

    private static async Task<string> SqliteFileAsync(string path, params string[] statements)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
        return path;
    }

    [Fact]
    public async Task Restore_refuses_what_is_not_a_backup_of_a_compatible_MotCua_database_and_changes_nothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), "motcua-restore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await using var app = new MotCuaApp();
            using (app.CreateClient())
            {
                // Started: the database holds the demo agency and its five officers.
            }
            var empty = Path.Combine(dir, "trong.db");
            await File.WriteAllBytesAsync(empty, []);
            var text = Path.Combine(dir, "van-ban.bak");
            await File.WriteAllTextAsync(text, string.Concat(Enumerable.Repeat("Đây không phải bản sao lưu. ", 500)));
            var otherSqlite = await SqliteFileAsync(Path.Combine(dir, "khac.db"), "CREATE TABLE ghi_chu (noi_dung TEXT)", "INSERT INTO ghi_chu VALUES ('x')");
            var newer = await SqliteFileAsync(Path.Combine(dir, "moi-hon.db"),
                """CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL)""",
                """INSERT INTO "__EFMigrationsHistory" VALUES ('29991231000000_PhienBanTuongLai', '99.0.0')""");

            foreach (var file in new[] { empty, text, otherSqlite, newer })
            {
                var result = await RestoreCommandAsync(app.Database, file, dir);
                Assert.True(result.ExitCode == 1, $"{Path.GetFileName(file)}: exit {result.ExitCode}, {result.Output} {result.Error}");
                Assert.Contains("Không có gì thay đổi", result.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
            }
            await using var db = app.CreateDbContext();
            Assert.Equal(2, await db.Agencies.CountAsync(a => a.SucceededById == null)); // the department and the commune centre
            Assert.Equal(6, await db.Users.CountAsync());
            Assert.False(Directory.Exists(Path.Combine(dir, "backups")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Restore_keeps_a_safety_copy_and_pauses_waiting_messages_until_an_administrator_resumes_them()
    {
        var dir = Path.Combine(Path.GetTempPath(), "motcua-restore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var backupFile = Path.Combine(dir, "motcua.bak");
        try
        {
            Guid waiting;
            await using (var source = new MotCuaApp())
            {
                await using var db = source.CreateDbContext();
                var agency = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
                waiting = Outbox.Enqueue(db, source.Clock, new OutboxMessage
                {
                    AgencyId = agency.Id, Kind = "dossier.received", Channel = OutboxChannel.Sms, Recipient = "0905123456", Body = "Hồ sơ của ông/bà đã được tiếp nhận.",
                }).Id;
                await db.SaveChangesAsync();
                await Backup.BackupAsync(source.Services.GetRequiredService<DatabaseOptions>(), dir, backupFile);
            }

            using var target = new TestDatabase();
            await using (var before = new ExistingDatabaseApp(target, seedDemo: true))
            {
                await using var db = before.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>();
                var agency = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
                db.Units.Add(new Unit { AgencyId = agency.Id, Name = "Phòng có trước khi khôi phục", Kind = UnitKind.Division });
                await db.SaveChangesAsync();
            }

            var result = await RestoreCommandAsync(target, backupFile, dir);
            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            Assert.Contains("tạm dừng", result.Output, StringComparison.Ordinal);
            var safety = Assert.Single(Directory.GetFiles(Path.Combine(dir, "backups"), "truoc-khoi-phuc-*"));
            Assert.Contains(safety, result.Output, StringComparison.Ordinal);
            Assert.True(new FileInfo(safety).Length > 0);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(safety));
            if (target.Provider == "Sqlite")
            {
                await using var aside = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = safety, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                await aside.OpenAsync();
                await using var cmd = aside.CreateCommand();
                cmd.CommandText = """SELECT count(*) FROM "Units" WHERE "Name" = 'Phòng có trước khi khôi phục'""";
                Assert.Equal(1L, await cmd.ExecuteScalarAsync());
            }

            await using var restored = new ExistingDatabaseApp(target);
            await using (var db = restored.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>())
            {
                Assert.False(await db.Units.AnyAsync(u => u.Name == "Phòng có trước khi khôi phục"));
                Assert.Equal("Paused", (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == waiting)).Status.ToString());
            }
            var processor = restored.Services.GetRequiredService<OutboxProcessor>();
            Assert.Equal(0, await processor.ProcessOnceAsync());

            using var admin = restored.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await MotCuaApp.PostLoginAsync(admin, "admin", MotCuaApp.DemoPassword)).StatusCode);
            var page = await admin.GetStringAsync("/quan-tri/hang-doi-thong-bao");
            Assert.Contains("Việc gửi đang tạm dừng sau khi khôi phục dữ liệu", page, StringComparison.Ordinal);
            var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/quan-tri/hang-doi-thong-bao");
            var resume = await admin.PostAsync("/quan-tri/hang-doi-thong-bao?handler=Resume",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, resume.StatusCode);

            await using (var db = restored.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>())
            {
                Assert.Equal(OutboxStatus.Pending, (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == waiting)).Status);
                Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "outbox.resume" && e.UserName == "admin"));
            }
            Assert.DoesNotContain("Việc gửi đang tạm dừng", await admin.GetStringAsync("/quan-tri/hang-doi-thong-bao"), StringComparison.Ordinal);
            Assert.True(await processor.ProcessOnceAsync() >= 1);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>An app over a database the test prepared, optionally with the demo organisation.</summary>
    private sealed class ExistingDatabaseApp(TestDatabase database, bool seedDemo = false) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Testing");
            builder.UseSetting("MotCua:Database:Provider", database.Provider);
            builder.UseSetting("MotCua:Database:ConnectionString", database.ConnectionString);
            builder.UseSetting("MotCua:Audit:RunSealer", "false");
            builder.UseSetting("MotCua:SeedDemoData", seedDemo ? "true" : "false");
            builder.UseSetting("MotCua:SeedDemoDataOnPostgres", seedDemo ? "true" : "false");
        }
    }
}
