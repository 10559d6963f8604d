using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Manage;

/// <summary>The officer's catalogue: every procedure with its state, unverified times flagged, and the agency setting.</summary>
[Authorize(Roles = CatalogueApi.ManagerRoles)]
public sealed class IndexModel(AppDbContext db, TimeProvider time, IOutputCacheStore pages) : PageModel
{
    public sealed record Row(Procedure Procedure, ProcedureVersion Latest, ProcedureVersion? InForce, bool HasDraft);

    public List<Row> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    [Range(typeof(decimal), "0.5", "365", ErrorMessage = "Thời hạn mặc định từ 0,5 đến 365 ngày làm việc.", ParseLimitsInInvariantCulture = true)]
    [Display(Name = "Thời hạn mặc định cho thủ tục chưa xác minh (ngày làm việc)")]
    public decimal DefaultProcessingDays { get; set; }

    [TempData]
    public string? Message { get; set; }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        DefaultProcessingDays = (await CatalogueQueries.SettingsAsync(db, AgencyId, ct)).DefaultProcessingDays;
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var settings = await db.CatalogueSettings.SingleOrDefaultAsync(s => s.AgencyId == AgencyId, ct);
        if (settings is null)
        {
            settings = new CatalogueSettings { AgencyId = AgencyId };
            db.CatalogueSettings.Add(settings);
        }
        var before = settings.DefaultProcessingDays;
        settings.DefaultProcessingDays = DefaultProcessingDays;
        AuditLog.Append(db, time, User, "catalogue.settings", "CatalogueSettings", AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Đổi thời hạn mặc định cho thủ tục chưa xác minh từ {CatalogueText.Number(before)} thành {CatalogueText.Number(DefaultProcessingDays)} ngày làm việc.",
            new { Before = before, After = DefaultProcessingDays });
        await db.SaveChangesAsync(ct);
        await pages.EvictCatalogueAsync(ct);
        Message = "Đã lưu thời hạn mặc định.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = time.Today();
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.AgencyId == AgencyId)
            .Include(p => p.Versions).ThenInclude(v => v.Field)
            .AsSplitQuery().OrderBy(p => p.Code).ToListAsync(ct);
        Rows = procedures.Select(p => new Row(
                p,
                p.Versions.OrderByDescending(v => v.Number).First(),
                Core.Procedures.VersionRules.InForce(p.Versions, v => v.Period, Today, p.AbolishedFrom),
                p.Versions.Any(v => v.State == VersionState.Draft)))
            .OrderBy(r => r.Latest.Field?.SortOrder).ThenBy(r => r.Procedure.Code, StringComparer.Ordinal).ToList();
    }
}
