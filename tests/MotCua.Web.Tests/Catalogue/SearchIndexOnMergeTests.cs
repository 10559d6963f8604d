using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.AgencyMerges;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>
/// A procedure that moves to its successor with a merge is found under the successor's name at once: the merge rewrites
/// the search index rows of the procedures it moves, without waiting for a version to be saved.
/// </summary>
public sealed class SearchIndexOnMergeTests
{
    [Fact]
    public async Task A_procedure_moved_by_a_merge_is_found_by_the_successors_name()
    {
        await using var app = new MotCuaApp();
        int successorId, predecessorId, procedureId;
        string successorName;
        await using (var db = app.CreateDbContext())
        {
            var successor = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
            (successorId, successorName) = (successor.Id, successor.Name);
            var predecessor = new Agency
            {
                Code = "SGTVT-TN", Name = "Sở Giao thông Vận tải", Address = "Số 1 Lê Lợi",
                Level = successor.Level, Kind = successor.Kind, ProvinceCode = successor.ProvinceCode, ParentBody = successor.ParentBody, PlaceName = successor.PlaceName,
            };
            db.Agencies.Add(predecessor);
            await db.SaveChangesAsync();
            predecessorId = predecessor.Id;
            // One of the successor's procedures stands in for the predecessor's own, indexed under the predecessor's name.
            var procedure = await db.Procedures.Where(p => p.AgencyId == successorId).OrderBy(p => p.Code).FirstAsync();
            procedure.AgencyId = predecessorId;
            procedureId = procedure.Id;
            await db.SaveChangesAsync();
            await CatalogueSearchIndex.WriteAsync(db, await db.ProcedureVersions.Where(v => v.ProcedureId == procedureId).Select(v => v.Id).ToListAsync(), default);
            Assert.Empty(await FoundAsync(db, successorName, procedureId));
        }

        using (var scope = app.Services.CreateScope())
        {
            var admin = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.Name, "admin"),
                    new Claim(ClaimTypes.Role, Roles.Admin),
                    new Claim(MotCuaClaims.AgencyId, successorId.ToString(CultureInfo.InvariantCulture)),
                ], "Test"));
            var merges = scope.ServiceProvider.GetRequiredService<AgencyMergeService>();
            var request = new MergeRequest(predecessorId, successorId, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), MergeAccountHandling.KeepUnits, null,
                "Quyết định hợp nhất thử");
            var (preview, error) = await merges.PreviewAsync(request, admin, recordingHistory: true, default);
            Assert.True(preview is not null, error);
            var (merge, confirmError) = await merges.ConfirmAsync(request, preview.Stamp, admin, recordingHistory: true, default);
            Assert.True(merge is not null, confirmError);
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.NotEmpty(await FoundAsync(db, successorName, procedureId));
        }
    }

    /// <summary>The versions of the procedure that every word of <paramref name="query"/> finds.</summary>
    private static async Task<List<int>> FoundAsync(MotCua.Web.Data.AppDbContext db, string query, int procedureId)
    {
        var versions = await db.ProcedureVersions.Where(v => v.ProcedureId == procedureId).Select(v => v.Id).ToListAsync();
        var hits = await CatalogueSearchIndex.Hits(db, CatalogueSearchTerms.Parse(query), anyWord: false).Select(h => h.VersionId).ToListAsync();
        return [.. hits.Intersect(versions)];
    }
}
