using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Organisation;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.AgencyMerges;

/// <summary>"Sáp nhập đơn vị": the administrator chooses two units of the agency and the date, previews what moves, then confirms.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UnitMergeModel(AppDbContext db, UnitMergeService merges, TimeProvider time) : PageModel
{
    public sealed record PastMerge(string FromName, string IntoName, DateOnly From);

    public IReadOnlyList<(Unit Unit, int Depth)> Units { get; private set; } = [];

    public IReadOnlyList<PastMerge> Past { get; private set; } = [];

    public UnitMergePreview? Preview { get; private set; }

    public string? Error { get; private set; }

    public DateOnly Earliest { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public UnitMergeInput Input { get; set; } = new();

    public sealed class UnitMergeInput
    {
        [Required(ErrorMessage = "Vui lòng chọn đơn vị được sáp nhập.")]
        [Display(Name = "Đơn vị được sáp nhập (sẽ ngừng hoạt động)")]
        public int? FromUnitId { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn đơn vị sáp nhập vào.")]
        [Display(Name = "Sáp nhập vào đơn vị")]
        public int? IntoUnitId { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập ngày sáp nhập.")]
        [Display(Name = "Sáp nhập từ ngày")]
        public DateOnly? EffectiveFrom { get; set; }

        [StringLength(300, ErrorMessage = "Căn cứ tối đa 300 ký tự.")]
        [Display(Name = "Căn cứ (số, ngày quyết định sắp xếp)")]
        public string? DecisionReference { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
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
        (Preview, Error) = await merges.PreviewAsync(RequestOf(Input), User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? stamp, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (done, error) = await merges.ConfirmAsync(RequestOf(Input), stamp, User, ct);
        if (done is null)
        {
            Error = error;
            (Preview, _) = await merges.PreviewAsync(RequestOf(Input), User, ct);
            return Page();
        }
        Message = $"Đã sáp nhập {done.FromName} vào {done.IntoName} từ ngày {done.EffectiveFrom.ToVnDate()}: {done.OpenDossiers} hồ sơ đang giải quyết, "
            + $"{done.Processes} quy trình nội bộ, {done.Accounts} tài khoản, {done.PlanItems} nhiệm vụ kế hoạch, {done.Feedback} phản ánh, kiến nghị đã chuyển.";
        return RedirectToPage();
    }

    private static UnitMergeRequest RequestOf(UnitMergeInput input) =>
        new(input.FromUnitId ?? 0, input.IntoUnitId ?? 0, input.EffectiveFrom ?? default, input.DecisionReference);

    private async Task LoadAsync(CancellationToken ct)
    {
        Earliest = AgencyMergeRules.EarliestDate(time.Today());
        var own = User.AgencyId();
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == own).ToListAsync(ct);
        Units = OrganisationModule.AsTree([.. units.Where(u => u.IsActive && u.SucceededById is null)]);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        Past = [.. units.Where(u => u.SucceededById is not null && u.SucceededFrom is not null)
            .OrderByDescending(u => u.SucceededFrom).ThenBy(u => u.Name, StringComparer.Ordinal)
            .Select(u => new PastMerge(u.Name, names.GetValueOrDefault(u.SucceededById!.Value, ""), u.SucceededFrom!.Value))];
    }
}
