using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Supplement;

/// <summary>The officer's review of one answered item: accepted or not, with a note (required when not accepted).</summary>
public sealed class ItemReviewInput
{
    public long Id { get; set; }

    /// <summary>"true" accepted, "false" not accepted, empty for not reviewed yet.</summary>
    public string? Accepted { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// The desk or the specialist marks each answered supplement item accepted or not, so the applicant's answers are judged
/// item by item and a refusal of an item says why.
/// </summary>
[Authorize(Roles = Roles.OneStopOfficer + "," + Roles.Specialist)]
public sealed class ReviewAnswersModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public List<ItemReviewInput> Reviews { get; set; } = [];

    public IActionResult OnGet(string code) => Redirect("/ho-so/" + Uri.EscapeDataString(code));

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Code == code, ct);
        if (dossier is null)
        {
            return NotFound();
        }
        var back = "/ho-so/" + Uri.EscapeDataString(code);
        var (problems, changed) = await SupplementReviews.ApplyAsync(db, time, User, dossier, Reviews, ct);
        if (problems.Count > 0)
        {
            TempData["SupplementReviewError"] = string.Join(" ", problems);
            return Redirect(back);
        }
        if (changed > 0)
        {
            TempData["Message"] = "Đã lưu đánh giá nội dung bổ sung.";
        }
        return Redirect(back);
    }
}

/// <summary>Records an officer's review of answered items with its audit, saved at once; nothing is saved unless every review is valid.</summary>
public static class SupplementReviews
{
    /// <returns>The Vietnamese problems (nothing saved when any), and how many items changed.</returns>
    public static async Task<(IReadOnlyList<string> Problems, int Changed)> ApplyAsync(AppDbContext db, TimeProvider time, System.Security.Claims.ClaimsPrincipal user,
        Dossier dossier, IReadOnlyList<ItemReviewInput> reviews, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(reviews);
        var ids = reviews.Select(r => r.Id).ToList();
        var items = await db.DossierSupplementItems.Where(i => i.DossierId == dossier.Id && ids.Contains(i.Id) && i.AnsweredAt != null).ToListAsync(ct);
        var problems = new List<string>();
        var now = time.GetUtcNow();
        var changed = new List<object>();
        foreach (var item in items)
        {
            var review = reviews.First(r => r.Id == item.Id);
            bool? accepted = review.Accepted switch { "true" => true, "false" => false, _ => null };
            var note = TextSearch.NfcOrNull(review.Note);
            if (accepted is null)
            {
                continue;
            }
            if (accepted == false && note is null)
            {
                problems.Add($"Nội dung {item.Code}: vui lòng nêu lý do không chấp nhận.");
                continue;
            }
            if (note is { Length: > 1000 })
            {
                problems.Add($"Nội dung {item.Code}: ghi chú dài tối đa 1.000 ký tự.");
                continue;
            }
            if (item.Accepted == accepted && string.Equals(item.ReviewNote, note, StringComparison.Ordinal))
            {
                continue;
            }
            item.Accepted = accepted;
            item.ReviewNote = note;
            item.ReviewedBy = user.Identity?.Name;
            item.ReviewedAt = now;
            changed.Add(new { item.Code, Accepted = accepted, Note = note });
        }
        if (problems.Count > 0)
        {
            return (problems, 0);
        }
        if (changed.Count > 0)
        {
            AuditLog.Append(db, time, user, "dossier.supplement.reviewed", nameof(Dossier), dossier.Code,
                $"Đánh giá {changed.Count} nội dung bổ sung của hồ sơ {dossier.Code}.", new { dossier.Code, Items = changed });
            await db.SaveChangesAsync(ct);
        }
        return (problems, changed.Count);
    }
}
