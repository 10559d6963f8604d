using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Notifications;

/// <summary>The officer's own in-app alerts (every officer; no role restriction).</summary>
public sealed class InboxModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<InAppNotification> Items { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user id.");

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await db.InAppNotifications.AsNoTracking()
            .Where(n => n.UserId == UserId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(200)
            .ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mine = db.InAppNotifications.Where(n => n.UserId == UserId && n.ReadAt == null);
        if (id is { } one)
        {
            mine = mine.Where(n => n.Id == one);
        }
        await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return RedirectToPage();
    }

    /// <summary>Unread count for the layout's bell.</summary>
    public static Task<int> UnreadCountAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? Task.FromResult(0) : db.InAppNotifications.CountAsync(n => n.UserId == id && n.ReadAt == null, cancellationToken);
    }
}
