using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// The agency's procedures on the province's list received regardless of administrative boundary (the chair's
/// decision): ticked ones appear at the counters of the province's service centres. Audited.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class BoundaryProceduresModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(int ProcedureId, string Code, string Name, BoundaryProcedure? Listed);

    public List<Row> Rows { get; private set; } = [];

    [BindProperty]
    public List<int> Listed { get; set; } = [];

    [BindProperty]
    public string? Decision { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var decision = string.IsNullOrWhiteSpace(Decision) ? null : TextSearch.Nfc(Decision.Trim());
        if (decision is { Length: > 200 })
        {
            Error = "Số, ký hiệu quyết định dài tối đa 200 ký tự.";
            return Page();
        }
        var own = Rows.Select(r => r.ProcedureId).ToHashSet();
        if (Listed.Any(id => !own.Contains(id)))
        {
            Error = "Thủ tục không thuộc danh mục của cơ quan.";
            return Page();
        }
        var today = time.Today();
        var current = await db.BoundaryProcedures.Where(b => b.AgencyId == AgencyId).ToListAsync(ct);
        var removed = current.Where(b => !Listed.Contains(b.ProcedureId)).ToList();
        var added = Listed.Distinct().Where(id => current.TrueForAll(b => b.ProcedureId != id)).ToList();
        db.BoundaryProcedures.RemoveRange(removed);
        db.BoundaryProcedures.AddRange(added.Select(id => new BoundaryProcedure { AgencyId = AgencyId, ProcedureId = id, ListedFrom = today, Decision = decision }));
        var codes = Rows.ToDictionary(r => r.ProcedureId, r => r.Code);
        AuditLog.Append(db, time, User, BoundaryReceipts.ListAudit, "Agency", AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Cập nhật danh mục thủ tục tiếp nhận không phụ thuộc địa giới hành chính: thêm {added.Count}, bỏ {removed.Count}.",
            new { Added = added.Select(id => codes[id]), Removed = removed.Select(b => codes.GetValueOrDefault(b.ProcedureId)), Decision = decision });
        await db.SaveChangesAsync(ct);
        Message = "Đã cập nhật danh mục thủ tục tiếp nhận không phụ thuộc địa giới hành chính.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var listed = await db.BoundaryProcedures.AsNoTracking().Where(b => b.AgencyId == AgencyId).ToDictionaryAsync(b => b.ProcedureId, ct);
        var versions = await CatalogueQueries.InForceOn(db, AgencyId, time.Today()).AsNoTracking().Include(v => v.Procedure)
            .OrderBy(v => v.Procedure!.Code).ToListAsync(ct);
        Rows = versions.Select(v => new Row(v.ProcedureId, v.Procedure!.Code, v.Name, listed.GetValueOrDefault(v.ProcedureId))).ToList();
    }
}
