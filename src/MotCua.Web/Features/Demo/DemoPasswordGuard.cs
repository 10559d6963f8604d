using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Demo;

/// <summary>
/// The demo password is published in the README, so an account that still has it is open to anyone. At start-up every
/// account's password hash is checked against it: Production refuses to start (a message on standard error, exit
/// code 1), every other environment logs a warning naming the accounts.
/// </summary>
public static class DemoPasswordGuard
{
    /// <summary>False when the app must not start; the caller sets the exit code and returns.</summary>
    public static async Task<bool> AllowsStartAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var exposed = await AccountsWithDemoPasswordAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<IPasswordHasher<AppUser>>(), cancellationToken);
        if (exposed.Count == 0)
        {
            return true;
        }
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoPasswordGuard));
        var names = string.Join(", ", exposed);
        if (app.Environment.IsProduction())
        {
            await Console.Error.WriteLineAsync(
                $"MotCua không khởi động ở môi trường Production: các tài khoản {names} vẫn dùng mật khẩu mẫu công khai ({DemoData.DemoPassword}). " +
                "Đặt mật khẩu mới cho từng tài khoản: dotnet MotCua.Web.dll reset-password --user <tên đăng nhập> (mật khẩu nhập từ bàn phím, " +
                "đầu vào chuẩn hoặc biến MOTCUA_ADMIN_PASSWORD).");
            return false;
        }
        if (log.IsEnabled(LogLevel.Warning))
        {
            log.LogWarning("SECURITY: accounts {Accounts} have the published demo password {Password}; anyone can log in as them. " +
                "Never expose this installation; in Production it would refuse to start.", names, DemoData.DemoPassword);
        }
        return true;
    }

    /// <summary>Login names whose password verifies against the demo password (checked in parallel: each check is a deliberate, slow hash).</summary>
    internal static async Task<IReadOnlyList<string>> AccountsWithDemoPasswordAsync(AppDbContext db, IPasswordHasher<AppUser> hasher, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.PasswordHash != null).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var exposed = new bool[users.Count];
        Parallel.For(0, users.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            exposed[i] = hasher.VerifyHashedPassword(users[i], users[i].PasswordHash!, DemoData.DemoPassword) != PasswordVerificationResult.Failed);
        return users.Where((_, i) => exposed[i]).Select(u => u.UserName ?? u.Id).ToList();
    }
}
