using System.Security.Claims;

namespace MotCua.Web.Features.Identity;

public enum AccountChangeKind
{
    Created = 1,
    Updated = 2,
    Disabled = 3,
}

/// <summary>One change an administrator made to an officer's account, in words an auditor reads.</summary>
public sealed record AccountChange(string UserId, string UserName, AccountChangeKind Kind, string Summary);

/// <summary>
/// Told of each account change inside the change's transaction, before the page saves; the audit log implements it,
/// because Audit depends on Identity and not the reverse.
/// </summary>
public interface IAccountChangeListener
{
    void AccountChanged(ClaimsPrincipal by, AccountChange change);
}
