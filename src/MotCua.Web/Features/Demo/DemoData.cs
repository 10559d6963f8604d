using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Demo;

/// <summary>
/// Reference data every installation needs (roles), and the demo organisation modelled on the seed documents, which
/// is created only on an explicit opt-in (<c>MotCua:SeedDemoData=true</c>, set by the development launch profile and
/// the tests) on a new database: no environment name implies it, PostgreSQL needs its own second opt-in, and the
/// Production environment never gets it. <see cref="DemoPasswordGuard"/> refuses a Production start while any account
/// still has the published demo password. The demo's catalogue details and generated year (<see cref="DemoHistory"/>)
/// come with a second setting, on by default in Development only.
/// </summary>
public static class DemoData
{
    public const string DemoPassword = Roles.PublishedDemoPassword;

    public static IServiceCollection AddDemoData(this IServiceCollection services) => services;

    /// <summary>The opt-in for the demo organisation, accounts and catalogue.</summary>
    public const string SeedSetting = "MotCua:SeedDemoData";

    /// <summary>The second opt-in PostgreSQL (the production database) needs before it gets the demo accounts.</summary>
    public const string SeedOnPostgresSetting = "MotCua:SeedDemoDataOnPostgres";

    public static async Task SeedAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await Roles.EnsureAsync(sp.GetRequiredService<RoleManager<AppRole>>());
        await Calendar.CalendarModule.SeedCalendarAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), cancellationToken);
        await Notifications.NotificationsModule.SeedNotificationsAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), cancellationToken);
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData));
        if (ShouldSeedDemo(app.Configuration, app.Environment, sp.GetRequiredService<DatabaseOptions>(), log))
        {
            var history = DemoHistory.Enabled(app.Configuration, app.Environment);
            await SeedDemoOrganisationAsync(sp, cancellationToken);
            await Catalogue.CatalogueSeed.SeedDemoCatalogueAsync(sp, history, cancellationToken);
            await Dossiers.Boundary.BoundaryDemoData.SeedAsync(sp, cancellationToken);
            await AgencyMerges.PredecessorDossierDemoData.SeedAsync(sp, cancellationToken);
            if (history)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await DemoHistory.SeedAsync(sp, cancellationToken);
                if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("Demo history ({Setting}) ready in {Seconds:F1} s.", DemoHistory.Setting,
                        System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
                }
            }
        }
    }

    /// <summary>
    /// Only the explicit setting asks for the demo; Production and (without the second opt-in) PostgreSQL refuse it
    /// with a warning, so a launch profile or a copied setting cannot put published passwords into a real database.
    /// </summary>
    internal static bool ShouldSeedDemo(IConfiguration configuration, IHostEnvironment environment, DatabaseOptions database, ILogger log)
    {
        if (!configuration.GetValue<bool>(SeedSetting))
        {
            return false;
        }
        if (environment.IsProduction())
        {
            log.LogWarning("{Setting}=true is ignored in the Production environment: demo accounts with a published password are never created there.", SeedSetting);
            return false;
        }
        if (database.Provider == DatabaseProvider.Postgres && !configuration.GetValue<bool>(SeedOnPostgresSetting))
        {
            log.LogWarning("{Setting}=true is ignored on PostgreSQL unless {PostgresSetting}=true is set as well: demo accounts are not created in this database.",
                SeedSetting, SeedOnPostgresSetting);
            return false;
        }
        return true;
    }

    /// <summary>Runs only on a new database (no agency yet), so a restart never re-creates deleted demo accounts.</summary>
    internal static async Task SeedDemoOrganisationAsync(IServiceProvider sp, CancellationToken cancellationToken)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Agencies.AnyAsync(cancellationToken))
        {
            return;
        }
        var agency = new Agency
        {
            Code = "SKHCN",
            Name = "Sở Khoa học và Công nghệ tỉnh Đắk Lắk",
            Address = "Số 15A Lê Duẩn, phường Buôn Ma Thuột, tỉnh Đắk Lắk",
            Phone = "0262 3852 379",
            Email = "sokhcn@daklak.gov.vn",
            Level = AgencyLevel.Province,
            Kind = AgencyKind.Department,
            ProvinceCode = "66",
            // Phú Yên merged into Đắk Lắk on 1/7/2025: the department is the merged one, its Phú Yên predecessor seeded by MergeDemoData.
            ParentBody = "UBND TỈNH ĐẮK LẮK",
            PlaceName = "Đắk Lắk",
            HeadTitle = "Giám đốc",
            HeadName = "Nguyễn Văn Thành",
            DeputyTitle = "Phó Giám đốc",
            DeputyName = "Lê Quang Vinh",
            DeputySignsLetters = true,
        };
        db.Agencies.Add(agency);
        var leadership = new Unit { Agency = agency, Name = "Ban Giám đốc Sở", Kind = UnitKind.Leadership, SortOrder = 0 };
        var office = new Unit { Agency = agency, Name = "Văn phòng Sở", Kind = UnitKind.Office, SortOrder = 1 };
        var desk = new Unit { Agency = agency, Parent = office, Name = "Bộ phận Một cửa", Kind = UnitKind.OneStopDesk, SortOrder = 2 };
        var inspection = new Unit { Agency = agency, Name = "Phòng Thanh tra – Hành chính tổng hợp", Kind = UnitKind.Division, SortOrder = 3 };
        var management = new Unit { Agency = agency, Name = "Phòng Quản lý Khoa học và Công nghệ", Kind = UnitKind.Division, SortOrder = 4 };
        var tdc = new Unit { Agency = agency, Name = "Chi cục Tiêu chuẩn Đo lường Chất lượng", Kind = UnitKind.SubDepartment, SortOrder = 5 };
        db.Units.AddRange(leadership, office, desk, inspection, management, tdc);
        await db.SaveChangesAsync(cancellationToken);

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await CreateAsync(users, "admin", "Quản trị hệ thống", "Quản trị viên", agency, office, Roles.Admin);
        await CreateAsync(users, "motcua", "Nguyễn Thị Thu Hà", "Công chức Bộ phận Một cửa", agency, desk, Roles.OneStopOfficer);
        await CreateAsync(users, "chuyenvien", "Trần Văn Minh", "Chuyên viên", agency, tdc, Roles.Specialist);
        await CreateAsync(users, "lanhdao", "Lê Quang Vinh", "Phó Giám đốc Sở", agency, leadership, Roles.Leader);
        await CreateAsync(users, "daumoi", "Phạm Thị Lan", "Công chức đầu mối kiểm soát TTHC", agency, inspection, Roles.ControlFocalOfficer);
        await Plans.PlanDemoData.SeedAsync(sp, agency.Id, cancellationToken);
        await Plans.PlanDemoData2026.SeedAsync(sp, agency.Id, cancellationToken);
        await AgencyMerges.MergeDemoData.SeedAsync(sp, agency.Id, cancellationToken);
    }

    private static async Task CreateAsync(UserManager<AppUser> users, string userName, string fullName, string position, Agency agency, Unit unit, string role)
    {
        var user = new AppUser { UserName = userName, FullName = fullName, Position = position, AgencyId = agency.Id, UnitId = unit.Id, EmailConfirmed = true };
        Check(await users.CreateAsync(user, DemoPassword));
        Check(await users.AddToRoleAsync(user, role));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
