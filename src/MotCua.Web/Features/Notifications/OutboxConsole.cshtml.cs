using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Notifications;

[Authorize(Policy = Policies.Admin)]
public sealed class OutboxConsoleModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    /// <summary>Full names of the officers the listed in-system alerts went to, by login.</summary>
    public IReadOnlyDictionary<string, string> OfficerNames { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether a message's citizen recipient is shown in full to this viewer (the one masking rule, read logged).</summary>
    public Func<OutboxMessage, bool> ShownInFull { get; private set; } = _ => false;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public OutboxChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dossier { get; set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Error { get; set; }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!NotificationsModule.TryParseStatus(Status, out var status))
        {
            Error = "Trạng thái lọc không hợp lệ.";
            Status = null;
        }
        var all = db.OutboxMessages.AsNoTracking().Where(m => m.AgencyId == AgencyId);
        Counts = (await all.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        var query = all;
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }
        if (Channel is { } c)
        {
            query = query.Where(m => m.Channel == c);
        }
        if (!string.IsNullOrWhiteSpace(Dossier))
        {
            var code = Dossier.Trim();
            query = query.Where(m => m.DossierCode == code);
        }
        Messages = await query.OrderByDescending(m => m.CreatedAt).Take(200).ToListAsync(cancellationToken);
        ShownInFull = await NotificationsModule.ShownContactsAsync(db, time, User, AgencyId, Messages, "outbox-page", cancellationToken);
        var logins = Messages.Where(m => m.Channel == OutboxChannel.InApp).Select(m => m.Recipient).Distinct(StringComparer.Ordinal).ToList();
        if (logins.Count > 0)
        {
            OfficerNames = await db.Users.AsNoTracking().Where(u => u.AgencyId == AgencyId && logins.Contains(u.UserName!))
                .ToDictionaryAsync(u => u.UserName!, u => u.FullName, StringComparer.Ordinal, cancellationToken);
        }
        return Page();
    }

    /// <summary>Delivery of what a restore paused goes on only when an administrator says so (audited).</summary>
    public async Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken)
    {
        var resumed = await NotificationsModule.ResumePausedWithAuditAsync(db, time, User, AgencyId, cancellationToken);
        if (resumed > 0)
        {
            Message = $"Đã cho gửi tiếp {resumed.ToVnNumber()} thông báo tạm dừng sau khi khôi phục dữ liệu.";
        }
        else
        {
            Error = "Không có thông báo nào đang tạm dừng.";
        }
        return RedirectToPage(new { Status, Channel, Dossier });
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await NotificationsModule.ReplayWithAuditAsync(db, time, User, AgencyId, id, cancellationToken))
        {
            Message = "Đã đưa tin nhắn trở lại hàng đợi để gửi lại.";
        }
        else
        {
            Error = "Không gửi lại được: tin nhắn không tồn tại hoặc không ở trạng thái thất bại.";
        }
        return RedirectToPage(new { Status, Channel, Dossier });
    }
}
