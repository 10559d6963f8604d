using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// One-off commands run instead of the server: <c>bootstrap</c> creates the first agency and administrator of a
/// production installation with a password the operator chooses (production has no default accounts).
/// </summary>
public static class BootstrapCommand
{
    internal static async Task RunAsync(WebApplication app, Func<string, string?> Arg)
    {
        var agencyCode = Arg("agency-code");
        var agencyName = Arg("agency-name");
        var admin = Arg("admin") ?? "admin";
        var password = Arg("password") ?? Environment.GetEnvironmentVariable("MOTCUA_ADMIN_PASSWORD");
        if (agencyCode is null || agencyName is null || password is null)
        {
            await Console.Error.WriteLineAsync("Cách dùng: bootstrap --agency-code SKHCN --agency-name \"Sở Khoa học và Công nghệ tỉnh …\" [--admin admin] --password <mật khẩu> (hoặc biến MOTCUA_ADMIN_PASSWORD)");
            Environment.ExitCode = 2;
            return;
        }

        await app.MigrateDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await DemoData.EnsureRolesAsync(sp.GetRequiredService<RoleManager<AppRole>>());
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
}
