using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Shared;

/// <summary>
/// One-off commands run instead of the server (<c>dotnet run --project src/MotCua.Web -- &lt;command&gt;</c>):
/// bootstrap, reset-password, verify-audit, purge-personal-data, backfill-reports, rebuild-report-rollup, backup, restore. Returns false when the arguments name no command.
/// </summary>
public static class Commands
{
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var root = app.Environment.ContentRootPath;
        switch (args[0])
        {
            case "bootstrap":
                await BootstrapCommand.RunAsync(app, args, Arg);
                return true;
            case "reset-password":
                await BootstrapCommand.ResetPasswordAsync(app, args, Arg);
                return true;
            case "verify-audit":
                await app.MigrateDatabaseAsync();
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    await AuditChain.SealAsync(db, null, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditChain)));
                    var result = await AuditChain.VerifyAsync(db);
                    Console.WriteLine(AuditChain.Report(result));
                    Environment.ExitCode = result.Intact ? 0 : 1;
                }
                return true;
            case "purge-personal-data":
                await app.MigrateDatabaseAsync();
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var sp = scope.ServiceProvider;
                    var r = await Privacy.PersonalDataPurge.RunAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(),
                        sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Privacy.RetentionOptions>>().Value);
                    Console.WriteLine($"Đã ẩn danh: {r.Dossiers} hồ sơ, {r.Drafts} hồ sơ nháp, {r.Feedback} phản ánh kiến nghị, {r.OutboxMessages} thông báo.");
                }
                return true;
            case "backfill-reports":
                await app.MigrateDatabaseAsync();
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var pinned = await Features.Reports.ReportBackfill.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
                    Console.WriteLine($"Đã đưa vào báo cáo {pinned} hồ sơ lưu trước khi có số liệu báo cáo.");
                }
                return true;
            case "rebuild-report-rollup":
                await app.MigrateDatabaseAsync();
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var read = await Features.Reports.ReportRollup.RebuildAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
                    Console.WriteLine(read < 0
                        ? "Một phiên bản khác đang tính lại số liệu tổng hợp báo cáo; hãy chạy lại sau."
                        : $"Đã tính lại số liệu tổng hợp báo cáo từ {read} hồ sơ.");
                    Environment.ExitCode = read < 0 ? 1 : 0;
                }
                return true;
            case "backup":
                var output = Arg("out") ?? Path.Combine("backups", "motcua-" + app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + (options.Provider == DatabaseProvider.Sqlite ? ".db" : ".dump"));
                await Backup.BackupAsync(options, root, output);
                Console.WriteLine($"Đã sao lưu vào {Path.GetFullPath(output)}");
                return true;
            case "restore":
                var from = Arg("from");
                if (from is null)
                {
                    await Console.Error.WriteLineAsync("Cách dùng: restore --from <tệp sao lưu>   (dừng ứng dụng trước khi khôi phục)");
                    Environment.ExitCode = 2;
                    return true;
                }
                var outcome = await Backup.RestoreAsync(options, root, from, app.Services.GetRequiredService<TimeProvider>());
                if (outcome.Restored)
                {
                    Console.WriteLine(outcome.Message);
                    Environment.ExitCode = 0;
                }
                else
                {
                    await Console.Error.WriteLineAsync(outcome.Message);
                    Environment.ExitCode = 1;
                }
                return true;
            default:
                return false;
        }
    }
}
