using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Manage;

/// <summary>
/// Imports an agency's own list (JSON or Excel) or the built-in DOST catalogue. All or nothing: any bad row → nothing
/// imported, every bad row listed. The import runs in this request; the page polls its progress meanwhile.
/// </summary>
[Authorize(Roles = CatalogueApi.ManagerRoles)]
[RequestSizeLimit(20_000_000)]
public sealed class ImportModel(AppDbContext db, TimeProvider time, ImportProgress progress, IOutputCacheStore pages) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public DateOnly? EffectiveFrom { get; set; }

    [BindProperty]
    public Guid? JobId { get; set; }

    public List<ImportError> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public void OnGet() => EffectiveFrom = time.Today();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add(new ImportError(0, "Tệp", "Vui lòng chọn tệp JSON hoặc Excel (.xlsx)."));
            return Page();
        }
        var ext = Path.GetExtension(Upload.FileName).ToLowerInvariant();
        if (ext is not (".json" or ".xlsx"))
        {
            Errors.Add(new ImportError(0, "Tệp", "Chỉ nhận tệp .json hoặc .xlsx."));
            return Page();
        }
        List<RawRow> rows;
        List<ImportError> readErrors;
        await using (var stream = new MemoryStream())
        {
            await Upload.CopyToAsync(stream, ct);
            stream.Position = 0;
            (rows, readErrors) = ext == ".json" ? CatalogueImport.ReadJson(stream) : CatalogueImport.ReadExcel(stream);
        }
        return await RunAsync(rows, readErrors, $"Nhập từ tệp {Path.GetFileName(Upload.FileName)}", ct);
    }

    public async Task<IActionResult> OnPostBuiltInAsync(CancellationToken ct)
    {
        List<RawRow> rows;
        List<ImportError> readErrors;
        await using (var stream = CatalogueSeed.OpenBuiltIn())
        {
            (rows, readErrors) = CatalogueImport.ReadJson(stream);
        }
        return await RunAsync(rows, readErrors, "Danh mục mẫu của Sở Khoa học và Công nghệ", ct);
    }

    private async Task<IActionResult> RunAsync(List<RawRow> rows, List<ImportError> readErrors, string source, CancellationToken ct)
    {
        var job = progress.Start(JobId ?? Guid.NewGuid(), AgencyId);
        readErrors.AddRange(Shared.Dates.RefusedDates.Messages(HttpContext).Select(m => new ImportError(0, "Hiệu lực từ ngày", m)));
        if (readErrors.Count > 0)
        {
            job.Fail(readErrors.Count);
            Errors = readErrors;
            return Page();
        }
        var (imported, errors) = await CatalogueImport.ImportAsync(db, time, User, AgencyId, rows, EffectiveFrom ?? time.Today(), source, job, ct);
        Errors = errors;
        if (errors.Count == 0)
        {
            await pages.EvictCatalogueAsync(ct);
            Message = $"Đã nhập {imported.ToVnNumber()} thủ tục, hiệu lực từ {(EffectiveFrom ?? time.Today()).ToVnDate()}.";
        }
        return Page();
    }
}
