using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Organisation;

public static class OrganisationModule
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services) => services;

    public sealed record UnitDto(int Id, string Name, string Kind, int? ParentId, bool IsActive);

    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units").WithTags("Tổ chức").RequireAuthorization(Policies.Officer);
        api.MapGet("/", ListUnitsAsync).WithSummary("Các đơn vị của cơ quan người gọi");
        return app;
    }

    internal static async Task<Ok<List<UnitDto>>> ListUnitsAsync(System.Security.Claims.ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var agency = user.AgencyId();
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agency)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new UnitDto(u.Id, u.Name, u.Kind.ToString(), u.ParentId, u.IsActive))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(units);
    }

    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.OneStopDesk => "Bộ phận Một cửa",
        UnitKind.Office => "Văn phòng",
        UnitKind.Division => "Phòng chuyên môn",
        UnitKind.SubDepartment => "Chi cục",
        UnitKind.Leadership => "Lãnh đạo cơ quan",
        UnitKind.Other => "Khác",
    };

    /// <summary>Units as an indented tree (parent before children) for lists and drop-downs.</summary>
    public static IReadOnlyList<(Unit Unit, int Depth)> AsTree(IReadOnlyList<Unit> units)
    {
        var result = new List<(Unit, int)>();
        var byParent = units.ToLookup(u => u.ParentId);
        void Walk(int? parent, int depth)
        {
            foreach (var u in byParent[parent].OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal))
            {
                result.Add((u, depth));
                Walk(u.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }
}
