using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Shared;

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

    /// <summary>Above this many unread alerts the bell says "99+": the exact number tells nobody anything more.</summary>
    public const int BellCap = 99;

    /// <summary>
    /// Unread count for the layout's bell, counted up to <see cref="BellCap"/> + 1 (more means "99+"). Every officer
    /// page shows the bell, and a specialist who never opens the inbox collects one alert per dossier entering the unit's
    /// queue, so counting every unread alert would make every page pay for them.
    /// </summary>
    public static Task<int> UnreadCountAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        // Ordered by ReadAt, null throughout the range: the (UserId, ReadAt) index's own order, so the database still stops
        // after BellCap + 1 entries, and EF no longer warns of a LIMIT without ORDER BY on every officer page.
        return id is null ? Task.FromResult(0) : db.InAppNotifications.Where(n => n.UserId == id && n.ReadAt == null)
            .OrderBy(n => n.ReadAt).Take(BellCap + 1).CountAsync(cancellationToken);
    }

    /// <summary>The bell's figure: the count, or "99+" above <see cref="BellCap"/>.</summary>
    public static string BellText(int unread) => CappedCount.Of(unread, BellCap).Text;
}
