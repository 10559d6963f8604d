using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Audit;

/// <summary>"Nhật ký hệ thống": the agency's audit entries, newest first, and a check of the whole chain.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditLogPageModel(AppDbContext db, AuditKeys keys, ILogger<AuditLogPageModel> log) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool HasMore { get; private set; }

    public AuditChain.VerifyResult? Verification { get; private set; }

    public int Sealed { get; private set; }

    /// <summary>How the seal column reads: sealed, waiting for the sealer, or refused (not written by the application).</summary>
    public string SealText(AuditEntry entry) =>
        entry.Hash is { } hash ? hash[..12] + "…"
        : keys.Verify(entry) == AuditKeys.Check.Valid ? "Chờ"
        : "Bị từ chối";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Sealed = (await AuditChain.SealAsync(db, null, log, cancellationToken)).Sealed;
        Verification = await AuditChain.VerifyAsync(db, cancellationToken);
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var agency = User.AgencyId();
        var query = db.AuditEntries.AsNoTracking().Where(a => a.AgencyId == agency || a.AgencyId == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(a => a.Action.Contains(q) || a.EntityId.Contains(q) || (a.UserName != null && a.UserName.Contains(q)) || a.Summary.Contains(q));
        }
        var rows = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }
}
