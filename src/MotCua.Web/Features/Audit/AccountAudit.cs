using System.Security.Claims;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Audit;

/// <summary>Records every account an administrator creates, edits or disables, so the log answers who gave whom which role.</summary>
public sealed class AccountAudit(AppDbContext db, TimeProvider time) : IAccountChangeListener
{
    public void AccountChanged(ClaimsPrincipal by, AccountChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var action = change.Kind switch
        {
            AccountChangeKind.Created => "account.create",
            AccountChangeKind.Updated => "account.update",
            AccountChangeKind.Disabled => "account.disable",
        };
        AuditLog.Append(db, time, by, action, nameof(AppUser), change.UserId, change.Summary);
    }
}
