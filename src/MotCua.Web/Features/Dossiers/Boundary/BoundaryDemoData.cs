using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// The demo's commune-level Public Administration Service Centre in Đắk Lắk, its desk and desk officer (motcuaxa),
/// and the demo department's procedures on the province's list received regardless of boundary.
/// </summary>
public static class BoundaryDemoData
{
    public const string CentreCode = "TTPVHCC-HOAPHU";

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var department = await db.Agencies.SingleOrDefaultAsync(a => a.Code == "SKHCN", ct);
        if (department is null || await db.Agencies.AnyAsync(a => a.Code == CentreCode, ct))
        {
            return;
        }
        var centre = new Agency
        {
            Code = CentreCode,
            Name = "Trung tâm Phục vụ hành chính công xã Hòa Phú",
            Address = "Thôn 2, xã Hòa Phú, tỉnh Đắk Lắk",
            Level = AgencyLevel.Commune,
            Kind = AgencyKind.ServiceCentre,
            ProvinceCode = department.ProvinceCode ?? "66",
            ParentBody = "UBND XÃ HÒA PHÚ",
            PlaceName = "Hòa Phú",
            HeadTitle = "Giám đốc",
        };
        var desk = new Unit { Agency = centre, Name = "Bộ phận tiếp nhận và trả kết quả", Kind = UnitKind.OneStopDesk, SortOrder = 0 };
        db.Agencies.Add(centre);
        db.Units.Add(desk);
        // The department's procedures in the demo catalogue, as a province's list of boundary-free receipt would name them.
        var procedures = await db.Procedures.Where(p => p.AgencyId == department.Id && p.AbolishedFrom == null).Select(p => p.Id).ToListAsync(ct);
        db.BoundaryProcedures.AddRange(procedures.Select(id => new BoundaryProcedure
        {
            AgencyId = department.Id, ProcedureId = id, ListedFrom = new DateOnly(2025, 7, 1),
            Decision = "Danh mục thủ tục hành chính tiếp nhận không phụ thuộc địa giới hành chính (dữ liệu mẫu)",
        }));
        await db.SaveChangesAsync(ct);

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var officer = new AppUser
        {
            UserName = "motcuaxa", FullName = "Y Thuận Niê", Position = "Công chức Trung tâm Phục vụ hành chính công xã",
            AgencyId = centre.Id, UnitId = desk.Id, EmailConfirmed = true,
        };
        Check(await users.CreateAsync(officer, Roles.PublishedDemoPassword));
        Check(await users.AddToRoleAsync(officer, Roles.OneStopOfficer));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
