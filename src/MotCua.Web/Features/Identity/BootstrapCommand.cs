using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// One-off commands run instead of the server: <c>bootstrap</c> creates the first agency and administrator of a
/// production installation with a password the operator chooses (production has no default accounts);
/// <c>reset-password</c> sets a new password for one account (e.g. one that still has the demo password, which stops
/// a Production start). The password never comes from the command line, which every local user can read (ps,
/// /proc, shell history): it comes from <see cref="PasswordVariable"/>, standard input, or a prompt without echo.
/// </summary>
public static class BootstrapCommand
{
    /// <summary>The environment variable that may carry the password for an unattended run.</summary>
    public const string PasswordVariable = "MOTCUA_ADMIN_PASSWORD";

    internal static async Task RunAsync(WebApplication app, string[] args, Func<string, string?> Arg)
    {
        var agencyCode = Arg("agency-code");
        var agencyName = Arg("agency-name");
        var admin = Arg("admin") ?? "admin";
        if (agencyCode is null || agencyName is null)
        {
            await Console.Error.WriteLineAsync("Cách dùng: bootstrap --agency-code SKHCN --agency-name \"Sở Khoa học và Công nghệ tỉnh …\" [--admin admin]   " +
                $"(mật khẩu lấy từ biến {PasswordVariable}, đầu vào chuẩn, hoặc nhập từ bàn phím)");
            Environment.ExitCode = 2;
            return;
        }
        var password = await ReadPasswordAsync(args, $"Mật khẩu cho tài khoản quản trị {admin}: ");
        if (password is null)
        {
            Environment.ExitCode = 2;
            return;
        }

        await app.MigrateDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await Roles.EnsureAsync(sp.GetRequiredService<RoleManager<AppRole>>());
        var db = sp.GetRequiredService<AppDbContext>();
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == agencyCode);
        if (agency is null)
        {
            agency = new Agency { Code = agencyCode, Name = agencyName };
            db.Agencies.Add(agency);
            db.Units.Add(new Unit { Agency = agency, Name = "Bộ phận Một cửa", Kind = UnitKind.OneStopDesk });
            await db.SaveChangesAsync();
        }
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(admin) is not null)
        {
            await Console.Error.WriteLineAsync($"Tài khoản {admin} đã tồn tại.");
            Environment.ExitCode = 1;
            return;
        }
        var user = new AppUser { UserName = admin, FullName = "Quản trị hệ thống", AgencyId = agency.Id };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
            Environment.ExitCode = 1;
            return;
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        Console.WriteLine($"Đã tạo cơ quan {agency.Name} và tài khoản quản trị {admin}.");
    }

    internal static async Task ResetPasswordAsync(WebApplication app, string[] args, Func<string, string?> Arg)
    {
        var userName = Arg("user");
        if (userName is null)
        {
            await Console.Error.WriteLineAsync($"Cách dùng: reset-password --user <tên đăng nhập>   (mật khẩu mới lấy từ biến {PasswordVariable}, đầu vào chuẩn, hoặc nhập từ bàn phím)");
            Environment.ExitCode = 2;
            return;
        }
        await app.MigrateDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            await Console.Error.WriteLineAsync($"Không có tài khoản {userName}.");
            Environment.ExitCode = 1;
            return;
        }
        var password = await ReadPasswordAsync(args, $"Mật khẩu mới cho tài khoản {userName}: ");
        if (password is null)
        {
            Environment.ExitCode = 2;
            return;
        }
        if (string.Equals(password, Roles.PublishedDemoPassword, StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Không dùng mật khẩu mẫu công khai làm mật khẩu mới.");
            Environment.ExitCode = 1;
            return;
        }
        // Validators run first and nothing changes when they refuse; the new security stamp ends existing sessions.
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!reset.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, reset.Errors.Select(e => e.Description)));
            Environment.ExitCode = 1;
            return;
        }
        Console.WriteLine($"Đã đặt mật khẩu mới cho tài khoản {userName}.");
    }

    /// <summary>
    /// The password from <see cref="PasswordVariable"/>, else the first line of standard input when it is redirected,
    /// else a prompt that does not echo. Null (with a message) when it is given on the command line or is empty.
    /// </summary>
    internal static async Task<string?> ReadPasswordAsync(string[] args, string prompt)
    {
        if (args.Any(a => a.StartsWith("--password", StringComparison.Ordinal)))
        {
            await Console.Error.WriteLineAsync($"Không nhận mật khẩu trên dòng lệnh (người dùng khác trên máy đọc được nó). Đặt biến {PasswordVariable}, " +
                "chuyển mật khẩu vào đầu vào chuẩn, hoặc chạy không có tham số này để nhập từ bàn phím.");
            return null;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            password = Console.IsInputRedirected ? await Console.In.ReadLineAsync() : ReadHidden(prompt);
        }
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"Chưa có mật khẩu: đặt biến {PasswordVariable} hoặc đưa mật khẩu vào đầu vào chuẩn.");
            return null;
        }
        return password;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
        Console.WriteLine();
        return text.ToString();
    }
}
