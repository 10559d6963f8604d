using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Review;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Plans;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Review;

/// <summary>The review form, the simplification proposal and the compliance cost of one procedure.</summary>
[Authorize(Roles = PlanAccess.ReaderRoles)]
public sealed class ItemModel(AppDbContext db, TimeProvider time) : PageModel
{
    public ReviewItem Item { get; private set; } = null!;

    [BindProperty] public string? Necessity { get; set; }

    [BindProperty] public string? Reasonableness { get; set; }

    [BindProperty] public string? Legality { get; set; }

    [BindProperty] public string? SimplificationContent { get; set; }

    [BindProperty] public string? SimplificationReason { get; set; }

    [BindProperty] public string? ImplementationProposal { get; set; }

    [BindProperty] public bool Abolish { get; set; }

    [BindProperty] public string? HourlyValue { get; set; }

    [BindProperty] public CostPhaseInput Before { get; set; } = new();

    [BindProperty] public CostPhaseInput After { get; set; } = new();

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var i = Item;
        (Necessity, Reasonableness, Legality) = (i.Necessity, i.Reasonableness, i.Legality);
        (SimplificationContent, SimplificationReason, ImplementationProposal, Abolish) = (i.SimplificationContent, i.SimplificationReason, i.ImplementationProposal, i.Abolish);
        HourlyValue = i.HourlyValue.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        Before = CostForm.ToInput(i.Costs.Where(c => c.Phase == CostPhase.Before).OrderBy(c => c.Id), i.SubjectsBefore, i.FrequencyBefore);
        After = CostForm.ToInput(i.Costs.Where(c => c.Phase == CostPhase.After).OrderBy(c => c.Id), i.SubjectsAfter, i.FrequencyAfter);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ReviewModule.CanManage(User))
        {
            return Forbid();
        }
        var hourly = CostForm.Number(HourlyValue);
        if (hourly is null)
        {
            Errors["HourlyValue"] = $"Giá trị một giờ làm việc: «{HourlyValue}» không phải số không âm hợp lệ.";
        }
        var before = CostForm.Read(Before, CostPhase.Before, "Before", Errors);
        var after = CostForm.Read(After, CostPhase.After, "After", Errors);
        foreach (var (field, value) in new[] { ("Necessity", Necessity), ("Reasonableness", Reasonableness), ("Legality", Legality), ("SimplificationContent", SimplificationContent), ("SimplificationReason", SimplificationReason), ("ImplementationProposal", ImplementationProposal) })
        {
            if (value is { Length: > 4000 })
            {
                Errors[field] = "Tối đa 4000 ký tự.";
            }
        }
        if (Errors.Count > 0)
        {
            return Page();
        }

        var item = await db.ReviewItems.Include(i => i.Costs).SingleAsync(i => i.Id == id, cancellationToken);
        item.Necessity = ReviewModule.Clean(Necessity);
        item.Reasonableness = ReviewModule.Clean(Reasonableness);
        item.Legality = ReviewModule.Clean(Legality);
        item.SimplificationContent = ReviewModule.Clean(SimplificationContent);
        item.SimplificationReason = ReviewModule.Clean(SimplificationReason);
        item.ImplementationProposal = ReviewModule.Clean(ImplementationProposal);
        item.Abolish = Abolish;
        item.HourlyValue = hourly!.Value;
        item.SubjectsBefore = before.Subjects;
        item.FrequencyBefore = before.Frequency;
        item.SubjectsAfter = after.Subjects;
        item.FrequencyAfter = after.Frequency;
        item.Costs.Clear();
        item.Costs.AddRange(before.Items);
        item.Costs.AddRange(after.Items);
        var hasBefore = before.Items.Count > 0;
        item.CostBefore = hasBefore ? ComplianceCost.Annual(item.Input(CostPhase.Before)) : null;
        item.CostAfter = !hasBefore ? null : Abolish ? 0m : ComplianceCost.Annual(item.Input(CostPhase.After));
        AuditLog.Append(db, time, User, "review.item.update", nameof(ReviewItem), item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Cập nhật rà soát thủ tục «{item.ProcedureName}».", new { item.CostBefore, item.CostAfter, item.Abolish });
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã lưu kết quả rà soát.";
        return Redirect($"/ra-soat/muc/{item.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        var item = await db.ReviewItems.AsNoTracking().Include(i => i.Round).Include(i => i.Costs)
            .SingleOrDefaultAsync(i => i.Id == id && i.AgencyId == agency, cancellationToken);
        if (item is null)
        {
            return false;
        }
        Item = item;
        return true;
    }
}
