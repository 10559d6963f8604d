using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

/// <summary>
/// Someone with write access to the database but not the audit key: deletes the newest sealed entries, inserts rows,
/// copies rows, rewrites the chain. Each is reported by verification (and the admin page, and verify-audit's exit code).
/// </summary>
public sealed class AuditTamperTests
{
    private static async Task AppendAsync(MotCuaApp app, int count, string action = "test.tamper")
    {
        await using var db = app.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            AuditLog.Append(db, app.Clock, null, action, "Test", i.ToString(CultureInfo.InvariantCulture), $"Bản ghi thử {i}", new { i });
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await db.SaveChangesAsync();
    }

    private static async Task<long> InsertForeignRowAsync(MotCua.Web.Data.AppDbContext db, DateTimeOffset at)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"AuditEntries\" (\"At\", \"Action\", \"EntityType\", \"EntityId\", \"Summary\") VALUES ({at}, 'dossier.transition', 'Dossier', 'GIA-MAO', 'Bản ghi chèn thẳng vào cơ sở dữ liệu')");
        return await db.AuditEntries.Where(a => a.EntityId == "GIA-MAO").Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task Deleting_the_newest_sealed_entries_is_reported_as_truncation()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 5);
        await using var db = app.CreateDbContext();
        await AuditChain.SealAsync(db);
        var ids = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        Assert.True((await AuditChain.VerifyAsync(db)).Intact);

        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" >= {ids[^2]}");
        await AuditChain.SealAsync(db); // as the page and the command do before verifying
        var result = await AuditChain.VerifyAsync(db);

        Assert.False(result.Intact);
        Assert.Equal(ids[^1], result.FirstBrokenId);
        Assert.Contains("cắt cụt", result.Problem, StringComparison.Ordinal);

        // New entries after the truncation do not hide it: the older checkpoint still names the missing entry.
        await AppendAsync(app, 2);
        await AuditChain.SealAsync(db);
        var later = await AuditChain.VerifyAsync(db);
        Assert.False(later.Intact);
        Assert.Contains(later.Findings, f => f.EntryId == ids[^1]);
    }

    [Fact]
    public async Task A_row_inserted_with_sql_is_refused_by_the_sealer_and_reported_by_verify_and_the_page()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 2);
        await using var db = app.CreateDbContext();
        await AuditChain.SealAsync(db);
        var forged = await InsertForeignRowAsync(db, app.Clock.GetUtcNow());
        await AppendAsync(app, 1, "test.after");

        var sealing = await AuditChain.SealAsync(db);
        Assert.Equal([forged], sealing.Refused);
        Assert.Null(await db.AuditEntries.Where(a => a.Id == forged).Select(a => a.Hash).SingleAsync());
        Assert.NotNull(await db.AuditEntries.Where(a => a.Action == "test.after").Select(a => a.Hash).SingleAsync());

        var result = await AuditChain.VerifyAsync(db);
        Assert.False(result.Intact);
        Assert.Equal(forged, result.FirstBrokenId);
        Assert.Contains("không do ứng dụng ghi", result.Problem, StringComparison.Ordinal);

        var admin = await app.LoginAsync("admin");
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/quan-tri/nhat-ky");
        var response = await admin.PostAsync("/quan-tri/nhat-ky?handler=Verify", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nhật ký không toàn vẹn", html, StringComparison.Ordinal);
        Assert.Contains($"Bản ghi số {forged.ToString(CultureInfo.InvariantCulture)}: Bản ghi không do ứng dụng ghi", html, StringComparison.Ordinal);
        Assert.Contains("Bị từ chối", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_of_a_genuine_row_is_refused_by_the_database()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 1);
        await using var db = app.CreateDbContext();
        var id = await db.AuditEntries.Where(a => a.Action == "test.tamper").Select(a => a.Id).SingleAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"AuditEntries\" (\"At\", \"Action\", \"EntityType\", \"EntityId\", \"Summary\", \"Data\", \"Mac\") SELECT \"At\", \"Action\", \"EntityType\", \"EntityId\", \"Summary\", \"Data\", \"Mac\" FROM \"AuditEntries\" WHERE \"Id\" = {id}"));
    }

    [Fact]
    public async Task Rewriting_an_entry_and_recomputing_the_chain_is_reported()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 4);
        await using var db = app.CreateDbContext();
        await AuditChain.SealAsync(db);
        var target = await db.AuditEntries.Where(a => a.Action == "test.tamper").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();

        // The SHA-256 chain has no secret: whoever edits a row can recompute every hash after it.
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Summary\" = 'đã sửa' WHERE \"Id\" = {target}");
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Hash != null).OrderBy(a => a.Id).ToListAsync();
        string? previous = null;
        foreach (var row in rows)
        {
            var hash = AuditChain.ComputeHash(row, previous);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"PreviousHash\" = {previous}, \"Hash\" = {hash} WHERE \"Id\" = {row.Id}");
            previous = hash;
        }

        var result = await AuditChain.VerifyAsync(db);
        Assert.False(result.Intact);
        Assert.Equal(target, result.FirstBrokenId);
        Assert.Contains("không do ứng dụng ghi", result.Problem, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Problem.Contains("điểm chốt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_normal_run_stays_intact_and_each_sealing_round_signs_a_checkpoint()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 3);
        await using var db = app.CreateDbContext();
        var first = await AuditChain.SealAsync(db);
        await AppendAsync(app, 2);
        var second = await AuditChain.SealAsync(db);
        Assert.Equal(2, second.Sealed);
        Assert.Empty(second.Refused);
        Assert.Equal(0, (await AuditChain.SealAsync(db)).Sealed); // nothing new: no checkpoint either
        Assert.Equal(2, await db.AuditCheckpoints.CountAsync());

        var result = await AuditChain.VerifyAsync(db);
        Assert.True(result.Intact, result.Problem);
        var head = await db.AuditEntries.MaxAsync(a => a.Id);
        Assert.Equal(head, result.NewestCheckpoint?.LastEntryId);
        Assert.Equal(first.Checkpoint!.Count + 2, result.NewestCheckpoint?.Count);
        Assert.Equal(result.Checked, result.NewestCheckpoint?.Count);
    }

    [Fact]
    public async Task A_forged_checkpoint_is_reported()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 2);
        await using var db = app.CreateDbContext();
        await AuditChain.SealAsync(db);
        var head = await db.AuditEntries.MaxAsync(a => a.Id);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"AuditCheckpoints\" (\"At\", \"LastEntryId\", \"LastHash\", \"Count\", \"LegacyUpToId\", \"Mac\") VALUES ({app.Clock.GetUtcNow()}, {head}, 'x', 1, {head}, 'khong.hople')");
        var result = await AuditChain.VerifyAsync(db);
        Assert.False(result.Intact);
        Assert.Contains(result.Findings, f => f.Problem.StartsWith("Điểm chốt số", StringComparison.Ordinal));
    }

    /// <summary>An installation upgraded from before entries carried a MAC: its sealed and pending rows are adopted once.</summary>
    [Fact]
    public async Task Rows_from_before_authentication_are_adopted_once_and_later_unauthenticated_rows_refused()
    {
        await using var app = new MotCuaApp();
        await AppendAsync(app, 3);
        await using var db = app.CreateDbContext();
        var ids = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        // The old version sealed some rows and left the newest unsealed, none with a MAC, and kept no checkpoint.
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Mac\" = NULL");
        var newest = ids[^1];
        var sealedRows = await db.AuditEntries.AsNoTracking().Where(a => a.Id < newest).OrderBy(a => a.Id).ToListAsync();
        string? previous = null;
        foreach (var row in sealedRows)
        {
            var hash = AuditChain.ComputeHash(row, previous);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"PreviousHash\" = {previous}, \"Hash\" = {hash} WHERE \"Id\" = {row.Id}");
            previous = hash;
        }

        await AppendAsync(app, 1, "test.after");
        var adoption = await AuditChain.SealAsync(db);
        Assert.Empty(adoption.Refused);
        Assert.Equal(ids[^1], adoption.Checkpoint!.LegacyUpToId);
        Assert.True((await AuditChain.VerifyAsync(db)).Intact);

        var forged = await InsertForeignRowAsync(db, app.Clock.GetUtcNow());
        Assert.Equal([forged], (await AuditChain.SealAsync(db)).Refused);
        Assert.Equal(forged, (await AuditChain.VerifyAsync(db)).FirstBrokenId);
    }

    [Fact]
    public async Task Verify_audit_exits_0_when_intact_and_1_naming_the_truncation()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var app = new MotCuaApp();
        app.Settings[AuditKeys.KeySetting] = key;
        await AppendAsync(app, 3);
        var (code, output) = await RunCommandAsync(app.Database, "Testing", key);
        Assert.True(code == 0, output);
        Assert.Contains("Nhật ký toàn vẹn", output, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var newest = await db.AuditEntries.MaxAsync(a => a.Id);
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {newest}");
        (code, output) = await RunCommandAsync(app.Database, "Testing", key);
        Assert.True(code == 1, output);
        Assert.Contains("cắt cụt", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_the_audit_key()
    {
        using var database = new TestDatabase();
        var (code, output) = await RunCommandAsync(database, "Production", null);
        Assert.NotEqual(0, code);
        Assert.Contains(AuditKeys.KeySetting, output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunCommandAsync(TestDatabase database, string environment, string? key)
    {
        var dll = AppDll();
        var info = new ProcessStartInfo("dotnet", [dll, "verify-audit"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["MotCua__Database__Provider"] = database.Provider;
        info.Environment["MotCua__Database__ConnectionString"] = database.ConnectionString;
        if (key is not null)
        {
            info.Environment["MotCua__Audit__Key"] = key;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string AppDll()
    {
        var testDir = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(testDir).Parent!.Parent!.Name; // bin/<Configuration>/net10.0
        for (var dir = new DirectoryInfo(testDir); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                var own = Path.Combine(dir.FullName, "src", "MotCua.Web", "bin", configuration, "net10.0", "MotCua.Web.dll");
                if (File.Exists(own))
                {
                    return own;
                }
                break;
            }
        }
        return Path.Combine(testDir, "MotCua.Web.dll");
    }
}
