using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Organisation;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.AgencyMerges;

/// <summary>"Hợp nhất cơ quan": the administrator of the successor chooses the agency merged into it, the date and the accounts' fate, previews the counts, then confirms.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class MergeModel(AppDbContext db, AgencyMergeService merges, TimeProvider time) : PageModel
{
    public sealed record PastMerge(AgencyMerge Merge, string FromName, string FromCode, string IntoName);

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<(Unit Unit, int Depth)> Units { get; private set; } = [];

    public IReadOnlyList<PastMerge> Past { get; private set; } = [];

    public MergePreview? Preview { get; private set; }

    public string? Error { get; private set; }

    public DateOnly Earliest { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public MergeInput Input { get; set; } = new();

    public sealed class MergeInput
    {
        [Required(ErrorMessage = "Vui lòng chọn cơ quan được hợp nhất.")]
        [Display(Name = "Cơ quan được hợp nhất (sẽ ngừng hoạt động)")]
        public int? FromAgencyId { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn cơ quan hợp nhất vào.")]
        [Display(Name = "Hợp nhất vào cơ quan")]
        public int? IntoAgencyId { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập ngày hợp nhất.")]
        [Display(Name = "Hợp nhất từ ngày")]
        public DateOnly? EffectiveFrom { get; set; }

        [Display(Name = "Tài khoản của cơ quan được hợp nhất")]
        public MergeAccountHandling Accounts { get; set; } = MergeAccountHandling.KeepUnits;

        [Display(Name = "Đơn vị nhận tài khoản")]
        public int? TargetUnitId { get; set; }

        [StringLength(300, ErrorMessage = "Căn cứ tối đa 300 ký tự.")]
        [Display(Name = "Căn cứ (số, ngày quyết định hợp nhất)")]
        public string? DecisionReference { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.IntoAgencyId = User.AgencyId();
        Input.EffectiveFrom = time.Today();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        (Preview, Error) = await merges.PreviewAsync(RequestOf(Input), User, recordingHistory: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? stamp, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (merge, error) = await merges.ConfirmAsync(RequestOf(Input), stamp, User, recordingHistory: false, ct);
        if (merge is null)
        {
            Error = error;
            (Preview, _) = await merges.PreviewAsync(RequestOf(Input), User, recordingHistory: false, ct);
            return Page();
        }
        Message = $"Đã hợp nhất: {merge.OpenDossiers} hồ sơ đang giải quyết, {merge.OpenFeedback} phản ánh, kiến nghị đang xử lý, {merge.Procedures} thủ tục, {merge.Units} đơn vị, {merge.Plans} kế hoạch đã chuyển; "
            + $"{merge.AccountsMoved} tài khoản chuyển, {merge.AccountsClosed} tài khoản ngừng sử dụng.";
        return RedirectToPage();
    }

    private static MergeRequest RequestOf(MergeInput input) =>
        new(input.FromAgencyId ?? 0, input.IntoAgencyId ?? 0, input.EffectiveFrom ?? default, input.Accounts, input.TargetUnitId, input.DecisionReference);

    private async Task LoadAsync(CancellationToken ct)
    {
        Earliest = AgencyMergeRules.EarliestDate(time.Today());
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var own = User.AgencyId();
        Units = OrganisationModule.AsTree(await db.Units.AsNoTracking().Where(u => u.AgencyId == own && u.IsActive).ToListAsync(ct));
        var names = Agencies.ToDictionary(a => a.Id);
        Past = [.. (await db.AgencyMerges.AsNoTracking().Where(m => m.IntoAgencyId == own || m.FromAgencyId == own).OrderByDescending(m => m.EffectiveFrom).ThenByDescending(m => m.Id).ToListAsync(ct))
            .Select(m => new PastMerge(m, names[m.FromAgencyId].Name, names[m.FromAgencyId].Code, names[m.IntoAgencyId].Name))];
    }
}
