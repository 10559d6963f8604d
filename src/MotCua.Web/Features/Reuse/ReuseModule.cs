using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Reuse;

/// <summary>
/// Reuse instead of re-upload: the documents held for a logged-in citizen (MotCua's own and, when MotCua:NationalDataStore
/// is set, the national data store's), offered on the online form and listed by GET /api/citizen/documents.
/// </summary>
public static class ReuseModule
{
    public static IServiceCollection AddReuse(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NationalDataStoreOptions>(configuration.GetSection(NationalDataStoreOptions.Section));
        var timeout = configuration.GetValue<int?>(NationalDataStoreOptions.Section + ":TimeoutSeconds") ?? 5;
        services.AddHttpClient<INationalDataStore, HttpNationalDataStore>(c => c.Timeout = TimeSpan.FromSeconds(Math.Clamp(timeout, 1, 60)));
        services.AddScoped<IDocumentReuse, DocumentReuse>();
        return services;
    }

    public sealed record DocumentDto(string Key, string Source, string Name, string? ProcedureName, string? DossierCode, DateOnly Date, string FileName, string? Reference);

    public sealed record DocumentsDto(string NationalStore, string? Message, IReadOnlyList<DocumentDto> Items);

    public static IEndpointRouteBuilder MapReuseApi(this IEndpointRouteBuilder app)
    {
        // The citizen cookie is the only key: an officer's session or an API token opens nothing here.
        var api = app.MapGroup("/api/citizen/documents").WithTags("Công dân").AllowAnonymous();
        api.MapGet("/", ListAsync);
        api.MapGet("/{key}/file", FileAsync);
        return app;
    }

    private static ProblemHttpResult NotLoggedIn() => TypedResults.Problem(statusCode: 401, title: "Chưa đăng nhập.",
        detail: "Vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID để xem giấy tờ của Ông/Bà.");

    internal static async Task<Results<Ok<DocumentsDto>, ProblemHttpResult>> ListAsync(HttpContext http, IDocumentReuse reuse, CancellationToken ct)
    {
        if (await Citizen.CurrentAsync(http) is not { } citizen)
        {
            return NotLoggedIn();
        }
        http.Response.Headers.CacheControl = "no-store";
        var held = await reuse.HeldForAsync(citizen.IdNumber, ct);
        return TypedResults.Ok(new DocumentsDto(held.NationalStore.ToString(),
            held.NationalStore == NationalStoreState.DidNotAnswer ? HeldDocuments.StoreDidNotAnswer : null,
            [.. held.Documents.Select(d => new DocumentDto(d.Key, d.Source.ToString(), d.Name, d.ProcedureName, d.DossierCode, d.Date, d.FileName, d.Reference))]));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(string key, HttpContext http, IDocumentReuse reuse, CancellationToken ct)
    {
        if (await Citizen.CurrentAsync(http) is not { } citizen)
        {
            return NotLoggedIn();
        }
        var (document, problem) = await reuse.OpenAsync(citizen.IdNumber, key, ct);
        if (document is null)
        {
            // Another person's document answers exactly like one that does not exist.
            return TypedResults.Problem(statusCode: 404, title: "Không tìm thấy giấy tờ.", detail: problem ?? DocumentReuse.NotYours);
        }
        http.Response.Headers.CacheControl = "no-store";
        var type = Shared.Files.FileStore.Sniff(document.File.Content) ?? "application/octet-stream";
        return TypedResults.File(document.File.Content, type, document.File.FileName);
    }
}

/// <summary>What the dossier page's "Giấy tờ dùng lại" panel shows: each reused paper with its source and the file filed for it.</summary>
public sealed record DossierReuseModel(string DossierCode, IReadOnlyList<(ReusedPaper Paper, DossierFile? File)> Papers);

/// <summary>
/// The dossier page's panel of papers satisfied by a document already held for the applicant; the dossier page invokes it
/// by name ("DossierReuse"), so Dossiers need no knowledge of reuse.
/// </summary>
public sealed class DossierReuseViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long dossierId, string dossierCode)
    {
        var ct = HttpContext.RequestAborted;
        var reused = await db.ReusedPapers.AsNoTracking().Where(r => r.DossierId == dossierId).OrderBy(r => r.PaperSeq).ToListAsync(ct);
        if (reused.Count == 0)
        {
            return Content("");
        }
        var seqs = reused.Select(r => (int?)r.PaperSeq).ToList();
        var files = await db.DossierFiles.AsNoTracking()
            .Where(f => f.DossierId == dossierId && f.Kind == DossierFileKind.Component && seqs.Contains(f.PaperSeq))
            .OrderBy(f => f.Id).ToListAsync(ct);
        return View("/Features/Reuse/_DossierReuse.cshtml",
            new DossierReuseModel(dossierCode, [.. reused.Select(r => (r, files.FirstOrDefault(f => f.PaperSeq == r.PaperSeq)))]));
    }
}
