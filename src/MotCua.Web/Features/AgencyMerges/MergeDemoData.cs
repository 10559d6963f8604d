using System.Security.Claims;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.AgencyMerges;

/// <summary>
/// The demo department's predecessors, merged through the same service the page uses: the Phú Yên Department of
/// Information and Communications into the Phú Yên Department of Science and Technology on 1/3/2025, and that one into
/// the Đắk Lắk department on 1/7/2025, when the provinces merged.
/// </summary>
public static class MergeDemoData
{
    public static async Task SeedAsync(IServiceProvider sp, int successorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sp);
        var db = sp.GetRequiredService<AppDbContext>();
        var phuYen = new Agency
        {
            Code = "SKHCN-PY", Name = "Sở Khoa học và Công nghệ tỉnh Phú Yên", Address = "Số 08 Trần Phú, Phường 7, Thành phố Tuy Hòa, tỉnh Phú Yên",
            Level = AgencyLevel.Province, Kind = AgencyKind.Department, ProvinceCode = "66", ParentBody = "UBND TỈNH PHÚ YÊN", PlaceName = "Phú Yên",
        };
        var information = new Agency
        {
            Code = "STTTT-PY", Name = "Sở Thông tin và Truyền thông tỉnh Phú Yên", Address = "Số 62 Lê Duẩn, Phường 7, Thành phố Tuy Hòa, tỉnh Phú Yên",
            Level = AgencyLevel.Province, Kind = AgencyKind.Department, ProvinceCode = "66", ParentBody = "UBND TỈNH PHÚ YÊN", PlaceName = "Phú Yên",
        };
        db.Agencies.AddRange(phuYen, information);
        await db.SaveChangesAsync(ct);

        var merges = sp.GetRequiredService<AgencyMergeService>();
        await MergeAsync(merges, new MergeRequest(information.Id, phuYen.Id, new DateOnly(2025, 3, 1), MergeAccountHandling.KeepUnits, null,
            "Hợp nhất Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ (sắp xếp tổ chức bộ máy năm 2025)"), ct);
        await MergeAsync(merges, new MergeRequest(phuYen.Id, successorId, new DateOnly(2025, 7, 1), MergeAccountHandling.KeepUnits, null,
            "Nghị quyết số 202/2025/QH15 (hợp nhất tỉnh Phú Yên vào tỉnh Đắk Lắk)"), ct);
    }

    private static async Task MergeAsync(AgencyMergeService merges, MergeRequest request, CancellationToken ct)
    {
        // The successor's administrator, as the page requires; the merges predate every report of this installation.
        var admin = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "admin"),
                new Claim(ClaimTypes.Role, Roles.Admin),
                new Claim(MotCuaClaims.AgencyId, request.IntoAgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ], "Seed"));
        var (preview, error) = await merges.PreviewAsync(request, admin, recordingHistory: true, ct);
        var (merge, confirmError) = preview is null ? (null, error) : await merges.ConfirmAsync(request, preview.Stamp, admin, recordingHistory: true, ct);
        if (merge is null)
        {
            throw new InvalidOperationException("Demo merge refused: " + confirmError);
        }
    }
}
