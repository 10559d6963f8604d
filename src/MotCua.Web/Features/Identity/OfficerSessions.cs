using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// Whether a signed-in principal (cookie or bearer token) still matches its account: the security stamp, the active
/// flag, the roles, the agency and the unit it carries. Accounts are read at most once per <see cref="CacheFor"/> per
/// instance, so a deactivation, role change or password reset made on any instance ends every session within that time;
/// on the instance that made the change <see cref="Forget"/> ends them at once.
/// </summary>
public sealed class OfficerSessions(TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, (AccountState State, DateTimeOffset ReadAt)> cache = new(StringComparer.Ordinal);

    /// <summary>What a principal must agree with; null when the account no longer exists.</summary>
    public sealed record AccountState(string? SecurityStamp, bool IsActive, string Roles, int AgencyId, int? UnitId);

    public void Forget(string userId) => cache.TryRemove(userId, out _);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, AppDbContext db, string stampClaimType, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return false;
        }
        var now = time.GetUtcNow();
        AccountState? state;
        if (cache.TryGetValue(userId, out var hit) && now - hit.ReadAt < CacheFor && now >= hit.ReadAt)
        {
            state = hit.State;
        }
        else
        {
            state = await ReadAsync(db, userId, cancellationToken);
            if (state is null)
            {
                cache.TryRemove(userId, out _);
                return false;
            }
            if (cache.Count >= MaxEntries)
            {
                cache.Clear();
            }
            cache[userId] = (state, now);
        }

        return state.IsActive
            && string.Equals(state.SecurityStamp, principal.FindFirstValue(stampClaimType), StringComparison.Ordinal)
            && string.Equals(state.Roles, RolesKey(principal.FindAll(ClaimTypes.Role).Select(c => c.Value)), StringComparison.Ordinal)
            && state.AgencyId == principal.AgencyId()
            && state.UnitId == principal.UnitId();
    }

    private static async Task<AccountState?> ReadAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsActive, u.AgencyId, u.UnitId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(cancellationToken);
        return new AccountState(user.SecurityStamp, user.IsActive, RolesKey(roles), user.AgencyId, user.UnitId);
    }

    private static string RolesKey(IEnumerable<string> roles) => string.Join(',', roles.Order(StringComparer.Ordinal));

    /// <summary>
    /// Runs on every authentication of a request, whichever scheme produced the principal, and turns a stale officer
    /// principal into an anonymous one: the request is then challenged (401 for the API, login page for pages).
    /// </summary>
    internal sealed class Validation(OfficerSessions sessions, AppDbContext db, IOptions<IdentityOptions> options, IHttpContextAccessor http)
        : IClaimsTransformation
    {
        public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            // Only full officer sign-ins; the half-way two-factor cookie carries no claims to check.
            if (principal.Identity is not { IsAuthenticated: true, AuthenticationType: var type }
                || !string.Equals(type, IdentityConstants.ApplicationScheme, StringComparison.Ordinal))
            {
                return principal;
            }
            var cancellationToken = http.HttpContext?.RequestAborted ?? CancellationToken.None;
            return await sessions.IsCurrentAsync(principal, db, options.Value.ClaimsIdentity.SecurityStampClaimType, cancellationToken)
                ? principal
                : new ClaimsPrincipal(new ClaimsIdentity());
        }
    }
}
