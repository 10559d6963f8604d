using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The stored files of a dossier through the API, under the page's rule: the deciding agency's officers who handle the
/// dossier (<see cref="DossierFileAccess"/>, a merged-away predecessor's dossiers included) get every file; a centre that received it for that agency gets only
/// the files its desk attached at receipt (<see cref="CentreFiles"/>).
/// </summary>
public static class DossierFilesApi
{
    public sealed record FileDto(long Id, string Kind, int? PaperSeq, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

    public static IEndpointRouteBuilder MapDossierFilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("Hồ sơ").RequireAuthorization(Policies.Officer)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{code}/files", ListAsync).WithSummary("Danh sách tệp của hồ sơ (cán bộ xử lý hồ sơ; nơi tiếp nhận hộ: tệp đã đính kèm khi tiếp nhận)");
        api.MapGet("/{code}/files/{id:long}", DownloadAsync).WithSummary("Tải một tệp của hồ sơ");
        return app;
    }

    internal static async Task<Results<Ok<List<FileDto>>, NotFoundProblem, ForbiddenProblem>> ListAsync(
        string code, ClaimsPrincipal user, AppDbContext db, DossierStore dossiers, CancellationToken ct)
    {
        var (files, problem) = await ReadableAsync(code, user, db, dossiers, ct);
        if (problem is ForbiddenProblem forbidden)
        {
            return forbidden;
        }
        if (problem is NotFoundProblem notFound)
        {
            return notFound;
        }
        return TypedResults.Ok(files!.Select(f => new FileDto(f.Id, DossierApi.Camel(f.Kind.ToString()), f.PaperSeq, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt)).ToList());
    }

    internal static async Task<Results<PhysicalFileHttpResult, NotFoundProblem, ForbiddenProblem>> DownloadAsync(
        string code, long id, ClaimsPrincipal user, AppDbContext db, DossierStore dossiers, DossierFileStore store, CancellationToken ct)
    {
        var (files, problem) = await ReadableAsync(code, user, db, dossiers, ct);
        if (problem is ForbiddenProblem forbidden)
        {
            return forbidden;
        }
        if (problem is NotFoundProblem notFound)
        {
            return notFound;
        }
        return files!.FirstOrDefault(f => f.Id == id) is { } file
            ? TypedResults.PhysicalFile(store.FullPath(file), file.ContentType, file.FileName)
            : ApiProblems.NotFound("Không tìm thấy tệp.", "Hồ sơ không có tệp này.");
    }

    /// <summary>The files this caller may read, or the problem: 404 for a dossier not theirs to see, 403 out of the handling scope.</summary>
    private static async Task<(IReadOnlyList<DossierFile>? Files, StatusProblem? Problem)> ReadableAsync(
        string code, ClaimsPrincipal user, AppDbContext db, DossierStore dossiers, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var key = code.Trim();
        var d = await DossierFileAccess.FindAsync(db, agencyId, key, ct);
        if (d is null)
        {
            return await CentreFiles.ReceivedAsync(db, agencyId, key, ct) is { } received
                ? (await CentreFiles.AttachedAtReceiptAsync(db, received, ct), null)
                : (null, ApiProblems.NotFound("Không tìm thấy hồ sơ.", $"Không có hồ sơ mã \"{key}\" của cơ quan."));
        }
        if (await DossierFileAccess.RefusalAsync(db, dossiers, user, d, ct) is { } refused)
        {
            return (null, ApiProblems.Forbidden(refused.Title ?? "Không có quyền tải tệp của hồ sơ.", refused.Detail));
        }
        return (await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == d.Id).OrderBy(f => f.Id).ToListAsync(ct), null);
    }
}
